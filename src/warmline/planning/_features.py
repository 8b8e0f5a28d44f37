"""What the trained planner sees of a conversation, identically in training and in use.

Everything is computed from `PlanningContext.history` alone, so a context
rebuilt from an ESConv dialogue and one built live by the supporter give the
same features. The stage is replayed from the history with `next_stage` (the
seeker's intensity and cause are not annotated turn by turn in ESConv, so the
replay uses neutral seeker states and depends on the seeker-turn count only).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from warmline._util._fast_sklearn import FastTfidfVectorizer, hstack_csr
from warmline.planning._planner import PlanningContext
from warmline.planning._stage import next_stage
from warmline.types import Dialogue, SeekerState, Speaker, Stage, Strategy, Utterance

__all__ = ["ContextFeaturizer", "context_facts", "planning_examples", "replayed_stage"]

STRATEGIES: tuple[Strategy, ...] = tuple(Strategy)
_INDEX = {s: i for i, s in enumerate(STRATEGIES)}
_STAGES: tuple[Stage, ...] = tuple(Stage)
_PREVIOUS = 3
"""How many earlier supporter strategies are one-hot encoded."""
_MAX_SEEKER_TURNS = 12
_CONTEXT_UTTERANCES = 4


def planning_examples(dialogues: Iterable[Dialogue]) -> Iterator[tuple[PlanningContext, Strategy]]:
    """Every annotated supporter utterance but a dialogue's first, with all that precedes it.

    This is the evaluation protocol of the strategy benchmarks: consecutive
    supporter utterances are separate examples, each seeing the ones before.
    """
    for dialogue in dialogues:
        for i, utterance in enumerate(dialogue.utterances):
            if i == 0 or utterance.speaker is not Speaker.SUPPORTER or utterance.strategy is None:
                continue
            context = PlanningContext(history=dialogue.utterances[:i], situation=dialogue.situation)
            yield context, utterance.strategy


def replayed_stage(history: Sequence[Utterance]) -> Stage:
    """The stage `next_stage` reaches after the history's seeker turns, from neutral states."""
    stage, stage_turns, neutral = Stage.EXPLORATION, 0, SeekerState()
    for utterance in history:
        if utterance.speaker is not Speaker.SEEKER:
            continue
        stage_turns += 1
        new = next_stage(stage, stage_turns, neutral, neutral)
        stage, stage_turns = new, (stage_turns if new is stage else 0)
    return stage


@dataclass(frozen=True)
class _Slots:
    """The texts and facts of one context the model looks at."""

    seeker: str
    """The seeker's messages since the supporter last spoke."""
    supporter: str
    """The supporter's most recent message."""
    recent: str
    """The last few utterances, speaker-tagged."""
    dense: np.ndarray


def _slots(history: Sequence[Utterance]) -> _Slots:
    tail: list[str] = []
    for utterance in reversed(history):
        if utterance.speaker is not Speaker.SEEKER:
            break
        tail.append(utterance.text)
    seeker = " ".join(reversed(tail))
    supporter = next((u.text for u in reversed(history) if u.speaker is Speaker.SUPPORTER), "")
    recent = " ".join(f"{u.speaker.value[:3]}_ {u.text}" for u in history[-_CONTEXT_UTTERANCES:])
    return _Slots(seeker, supporter, recent, _dense(history, seeker))


def context_facts(context: PlanningContext) -> np.ndarray:
    """The non-text features of a context: strategy history, position, stage, ratings, cues."""
    return _slots(context.history).dense


def _dense(history: Sequence[Utterance], seeker_tail: str) -> np.ndarray:
    """Strategy history, position, stage, seeker ratings and surface cues as one vector.

    `continuing` is the previous strategy only when the supporter spoke last, since
    what follows within one supporter turn differs from what follows a seeker reply.
    """
    strategies = [u.strategy for u in history if u.speaker is Speaker.SUPPORTER and u.strategy]
    previous = np.zeros((_PREVIOUS, len(STRATEGIES) + 1))
    for k in range(_PREVIOUS):
        slot = _INDEX[strategies[-1 - k]] if k < len(strategies) else len(STRATEGIES)
        previous[k, slot] = 1
    transition = np.zeros(len(STRATEGIES) ** 2)
    if len(strategies) >= 2:
        transition[_INDEX[strategies[-2]] * len(STRATEGIES) + _INDEX[strategies[-1]]] = 1
    counts = np.bincount([_INDEX[s] for s in strategies], minlength=len(STRATEGIES))
    share = counts / max(1, len(strategies))
    seeker_turns = sum(u.speaker is Speaker.SEEKER for u in history)
    position = np.zeros(_MAX_SEEKER_TURNS + 1)
    position[min(seeker_turns, _MAX_SEEKER_TURNS)] = 1
    stage = np.zeros(len(_STAGES))
    stage[_STAGES.index(replayed_stage(history))] = 1
    run = 0
    for utterance in reversed(history):
        if utterance.speaker is not Speaker.SUPPORTER:
            break
        run += 1
    continuing = np.zeros(len(STRATEGIES) + 1)
    continuing[_INDEX[strategies[-1]] if run and strategies else len(STRATEGIES)] = 1
    ratings = [u.rating for u in history if u.rating is not None]
    last_rating = np.zeros(6)
    last_rating[ratings[-1] if ratings else 0] = 1
    change = ratings[-1] - ratings[-2] if len(ratings) >= 2 else 0
    scalars = [
        np.log1p(len(history)),
        np.log1p(seeker_turns),
        float(run > 0),
        min(run, 3) / 3,
        float("?" in seeker_tail),
        np.log1p(len(seeker_tail.split())) / 5,
        float(np.sign(change)),
        (np.mean(ratings) - 3) / 2 if ratings else 0.0,
    ]
    return np.concatenate(
        [previous.ravel(), transition, continuing, share, position, stage, last_rating, scalars]
    )


class ContextFeaturizer:
    """Turns planning contexts into one sparse row each: TF-IDF text slots plus dense facts."""

    def __init__(self, max_features: int = 20000) -> None:
        self._vectorizers = {
            name: TfidfVectorizer(
                ngram_range=(1, 2),
                min_df=2,
                max_features=max_features,
                sublinear_tf=True,
                dtype=np.float32,
            )
            for name in ("seeker", "supporter", "recent")
        }

    @property
    def n_facts(self) -> int:
        """How many trailing columns of a row are the dense facts (not text)."""
        return len(_dense([], ""))

    def fit(self, contexts: Sequence[PlanningContext]) -> ContextFeaturizer:
        """Learn the vocabularies from training contexts."""
        slots = [_slots(c.history) for c in contexts]
        for name, vectorizer in self._vectorizers.items():
            vectorizer.fit([getattr(s, name) for s in slots])
        self.__dict__.pop("_fast_vectorizers", None)
        return self

    def transform(self, contexts: Sequence[PlanningContext]) -> sparse.csr_matrix:
        """Feature rows for the contexts, in order."""
        slots = [_slots(c.history) for c in contexts]
        blocks: list[sparse.csr_matrix | np.ndarray] = [
            v.transform([getattr(s, n) for s in slots]) for n, v in self._fast_vectorizers.items()
        ]
        blocks.append(np.stack([s.dense for s in slots]).astype(np.float32))
        return hstack_csr(blocks)

    @cached_property
    def _fast_vectorizers(self) -> dict[str, FastTfidfVectorizer]:
        """The fitted vectorizers minus scikit-learn's per-call checks (built once, not pickled)."""
        return {name: FastTfidfVectorizer(v) for name, v in self._vectorizers.items()}

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_fast_vectorizers"}
