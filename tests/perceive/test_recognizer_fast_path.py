"""The recognizer's validation-free reading equals the one scikit-learn's own calls give."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from warmline.data import read_esconv
from warmline.perceive import EmotionRecognizer, default_recognizer
from warmline.perceive._recognizer import EmotionReading, _self_reported, _with_position
from warmline.types import Speaker

MESSAGES = [
    "",
    "I'm so anxious because my exam is tomorrow and I can't sleep",
    "Thank you so much, that really helped",
    "Ünïcödé — je suis très triste 😢 日本語",
    "zzqx blorf wibblequank",
    "I feel so sad. So sad. SAD!",
]


def sklearn_readings(
    recognizer: EmotionRecognizer, messages: list[str], turns: list[int]
) -> list[EmotionReading]:
    """What `read` gave when it called the fitted scikit-learn objects directly."""
    text = recognizer.vectorizer.transform(messages)
    probabilities = recognizer.classifier.predict_proba(text)
    position = np.array([[math.log1p(t), min(t, 20) / 20] for t in turns])
    with_position = sparse.hstack([text, sparse.csr_matrix(position)]).tocsr()
    intensities = recognizer.regressor.predict(with_position)
    emotions = recognizer._emotions
    return [
        EmotionReading(
            _self_reported(m, dict(zip(emotions, map(float, row), strict=True))),
            float(np.clip(value, 1.0, 5.0)),
        )
        for m, row, value in zip(messages, probabilities, intensities, strict=True)
    ]


def assert_same_readings(fast: list[EmotionReading], reference: list[EmotionReading]) -> None:
    assert len(fast) == len(reference)
    for ours, theirs in zip(fast, reference, strict=True):
        assert list(ours.probabilities) == list(theirs.probabilities)
        np.testing.assert_allclose(
            list(ours.probabilities.values()), list(theirs.probabilities.values()), rtol=1e-12
        )
        assert ours.intensity == pytest.approx(theirs.intensity, rel=1e-12)


def test_shipped_model_reads_as_scikit_learn_does_one_message_and_many():
    recognizer = default_recognizer()
    turns = [0, 1, 3, 7, 20, 45]
    assert_same_readings(
        recognizer.read(MESSAGES, turns), sklearn_readings(recognizer, MESSAGES, turns)
    )
    for message, turn in zip(MESSAGES, turns, strict=True):
        assert_same_readings(
            recognizer.read([message], [turn]), sklearn_readings(recognizer, [message], [turn])
        )


def test_shipped_model_matches_on_valid_seeker_messages(shared_data: Path):
    recognizer = default_recognizer()
    valid = read_esconv(shared_data / "esconv" / "valid.jsonl")
    seeker = [
        (u.text, turn)
        for d in valid[:40]
        for turn, u in enumerate(u for u in d.utterances if u.speaker is Speaker.SEEKER)
    ]
    messages, turns = [m for m, _ in seeker], [t for _, t in seeker]
    assert_same_readings(
        recognizer.read(messages, turns), sklearn_readings(recognizer, messages, turns)
    )


def test_position_columns_join_the_text_as_scipy_joins_them():
    recognizer = default_recognizer()
    text = recognizer.vectorizer.transform(MESSAGES)
    turns = [0, 0, 2, 19, 20, 300]
    position = np.array([[math.log1p(t), min(t, 20) / 20] for t in turns])
    reference = sparse.hstack([text, sparse.csr_matrix(position)]).tocsr()
    joined = _with_position(text, turns)
    np.testing.assert_array_equal(joined.indptr, reference.indptr)
    np.testing.assert_array_equal(joined.indices, reference.indices)
    np.testing.assert_array_equal(joined.data, reference.data)
