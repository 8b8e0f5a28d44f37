"""Emotion figures on ESConv valid for the recognizer and its baselines, side by side.

Two levels, because ESConv labels emotion per dialogue: per message (calm
messages relabelled neutral/positive as in training) and per dialogue (the
running estimate's distress emotion after the seeker's last message). The
intensity change is the running estimate's last minus first value, correlated
with the recorded final minus initial intensity.
"""

from __future__ import annotations

import statistics
import time
from itertools import groupby
from typing import Any

import anyio
import numpy as np
from pydantic import BaseModel
from scipy.stats import pearsonr, spearmanr
from sklearn.metrics import accuracy_score, f1_score

from warmline.backends import Generator
from warmline.perceive._baselines import llm_emotion, vader_readings
from warmline.perceive._examples import LabelledMessage, dialogue_label, seeker_examples
from warmline.perceive._recognizer import (
    EmotionReading,
    EmotionRecognizer,
    distress_emotion,
    update_emotion,
)
from warmline.perceive._stage import perceive
from warmline.types import Dialogue, Emotion, SeekerState

__all__ = ["SystemScores", "evaluate_emotion"]


class SystemScores(BaseModel):
    """One system's figures; dialogue-level ones are None where it ran on a sample only."""

    system: str
    messages: int
    message_macro_f1: float
    message_accuracy: float
    dialogue_macro_f1: float | None = None
    dialogue_accuracy: float | None = None
    intensity_change_pearson: float | None = None
    intensity_change_spearman: float | None = None
    initial_intensity_pearson: float | None = None


def evaluate_emotion(
    dialogues: list[Dialogue],
    recognizer: EmotionRecognizer,
    *,
    llm: Generator | None = None,
    llm_name: str | None = None,
    llm_limit: int = 100,
) -> dict[str, Any]:
    """Score the recognizer, VADER and (optionally) a zero-shot LLM on `dialogues`."""
    examples = seeker_examples(dialogues)
    texts = [e.text for e in examples]
    ours = recognizer.read(texts, [e.position for e in examples])
    vader = vader_readings(texts)
    report: dict[str, Any] = {
        "dialogues": len({e.dialogue_id for e in examples}),
        "systems": [
            _full_scores("warmline (tf-idf + linear)", examples, ours, dialogues).model_dump(),
            _full_scores("vader + emotion words", examples, vader, dialogues).model_dump(),
        ],
        "latency_ms_median": _latency_ms(recognizer, texts[:300]),
    }
    if llm is not None:
        sample = np.linspace(0, len(examples) - 1, min(llm_limit, len(examples))).astype(int)
        answers = anyio.run(_ask_all, llm, [texts[i] for i in sample])
        gold = [examples[i].emotion for i in sample]
        report["sample"] = {
            "messages": len(sample),
            "note": "evenly spaced valid seeker messages; the LLM is too slow for all",
            "systems": [
                _message_scores(f"zero-shot LLM ({llm_name})", gold, answers).model_dump(),
                _message_scores(
                    "warmline (tf-idf + linear)", gold, [_top(ours[i]) for i in sample]
                ).model_dump(),
                _message_scores(
                    "vader + emotion words", gold, [_top(vader[i]) for i in sample]
                ).model_dump(),
            ],
        }
    return report


def _full_scores(
    name: str,
    examples: list[LabelledMessage],
    readings: list[EmotionReading],
    dialogues: list[Dialogue],
) -> SystemScores:
    scores = _message_scores(name, [e.emotion for e in examples], [_top(r) for r in readings])
    info = {d.id: d for d in dialogues}
    gold, predicted, change, recorded, start, initial = [], [], [], [], [], []
    indexed = zip(examples, readings, strict=True)
    for dialogue_id, group in groupby(indexed, key=lambda pair: pair[0].dialogue_id):
        states = _running([reading for _, reading in group])
        dialogue = info[dialogue_id]
        gold.append(dialogue_label(dialogue))
        predicted.append(distress_emotion(states[-1].emotion_scores))
        change.append(states[-1].intensity - states[0].intensity)
        recorded.append(dialogue.final_intensity - dialogue.init_intensity)
        start.append(states[0].intensity)
        initial.append(dialogue.init_intensity)
    return scores.model_copy(
        update={
            "dialogue_macro_f1": _round(f1_score(gold, predicted, average="macro")),
            "dialogue_accuracy": _round(accuracy_score(gold, predicted)),
            "intensity_change_pearson": _round(pearsonr(change, recorded)[0]),
            "intensity_change_spearman": _round(spearmanr(change, recorded)[0]),
            "initial_intensity_pearson": _round(pearsonr(start, initial)[0]),
        }
    )


def _running(readings: list[EmotionReading]) -> list[SeekerState]:
    states, state = [], SeekerState()
    for reading in readings:
        full = {e: reading.probabilities.get(e, 0.0) for e in Emotion}
        state = update_emotion(state, EmotionReading(full, reading.intensity))
        states.append(state)
    return states


def _message_scores(name: str, gold: list[Emotion], predicted: list[Emotion]) -> SystemScores:
    labels = sorted({e.value for e in gold})
    return SystemScores(
        system=name,
        messages=len(gold),
        message_macro_f1=_round(
            f1_score(
                [g.value for g in gold],
                [p.value for p in predicted],
                labels=labels,
                average="macro",
                zero_division=0,
            )
        ),
        message_accuracy=_round(accuracy_score(gold, predicted)),
    )


async def _ask_all(generator: Generator, messages: list[str]) -> list[Emotion]:
    return [await llm_emotion(generator, message) for message in messages]


def _latency_ms(recognizer: EmotionRecognizer, texts: list[str]) -> float:
    state, timings = SeekerState(), []
    for text in texts:
        started = time.perf_counter()
        state = perceive(text, state, recognizer)
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 3)


def _top(reading: EmotionReading) -> Emotion:
    return max(reading.probabilities, key=reading.probabilities.__getitem__)


def _round(value: float) -> float:
    return round(float(value), 4)
