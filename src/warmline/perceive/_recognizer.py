"""Emotion category and intensity per seeker message, and their running estimate.

The model is word TF-IDF (uni- and bigrams) with a linear classifier and a
ridge regressor (text plus the message's position), trained on ESConv. A MiniLM
encoder was the other candidate, but encoding one message costs 25-75 ms on a
shared 2-core CPU, over the 20 ms budget; adding character n-grams gained 0.005
macro-F1 on valid for 5-10x the time. The linear model reads a message in
about half a millisecond through `warmline._util._fast_sklearn`; scikit-learn's
own transform and predict calls took 2-3 ms, mostly checking their input.

An emotion the seeker names outright ("I feel so sad") is boosted over what the
model infers: on valid this is +0.004 message macro-F1 and -0.016 dialogue
macro-F1, but telling someone who said "sad" that they seem depressed is worse.

The running estimate averages the per-message emotion distributions weighted
by how much distress each message shows (a "thanks" does not erase the
anxiety), with mild recency, and smooths intensity exponentially.
"""

from __future__ import annotations

import hashlib
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge

from warmline._util._fast_sklearn import (
    FastLogisticRegression,
    FastRidge,
    FastTfidfVectorizer,
    hstack_csr,
)
from warmline.errors import ConfigurationError
from warmline.perceive._examples import seeker_examples
from warmline.types import Dialogue, Emotion, SeekerState

__all__ = [
    "DEFAULT_ARTIFACT",
    "EmotionReading",
    "EmotionRecognizer",
    "default_recognizer",
    "distress_emotion",
    "update_emotion",
]

DEFAULT_ARTIFACT = Path(__file__).parent / "artifacts" / "emotion.joblib"
_FORMAT = 1
_CALM = (Emotion.NEUTRAL, Emotion.POSITIVE)
_RECENCY = 0.9
"""Each older message's weight in the running emotion decays by this factor per turn."""
_MIN_WEIGHT = 0.05
"""Least weight a message gets in the running estimates, however calm it reads."""
_INTENSITY_SMOOTHING = 0.5
"""Weight of the newest message's intensity in the running intensity (tuned on valid)."""
_SELF_REPORT: dict[Emotion, re.Pattern[str]] = {
    emotion: re.compile(
        rf"\b(?:feel|feeling|am|i'm|im|so|very|really)\s+(?:\w+\s+)?(?:{words})\b", re.I
    )
    for emotion, words in {
        Emotion.SADNESS: "sad|unhappy|heartbroken",
        Emotion.ANXIETY: "anxious|stressed|worried",
        Emotion.DEPRESSION: "depressed|hopeless",
        Emotion.ANGER: "angry|mad|furious|pissed",
        Emotion.FEAR: "scared|afraid|terrified|frightened",
        Emotion.SHAME: "ashamed|embarrassed|guilty",
        Emotion.DISGUST: "disgusted",
        Emotion.NERVOUSNESS: "nervous",
    }.items()
}
"""Emotions the seeker names outright ("I feel so sad"); their word outranks inference."""
_SELF_REPORT_BOOST = 0.5
_MOMENT_THRESHOLD = 0.5
"""A calm message shows as neutral/positive when the model is at least this sure of it."""


class EmotionReading(NamedTuple):
    """What one message alone says: emotion probabilities and intensity."""

    probabilities: dict[Emotion, float]
    intensity: float


class EmotionRecognizer:
    """Reads emotion and intensity from seeker messages; see the module docstring."""

    def __init__(
        self, vectorizer: TfidfVectorizer, classifier: LogisticRegression, regressor: Ridge
    ):
        self.vectorizer = vectorizer
        self.classifier = classifier
        self.regressor = regressor
        self._emotions = [Emotion(c) for c in classifier.classes_]
        # The same fitted models minus scikit-learn's per-call checks, which cost
        # more than the arithmetic for one message.
        self._fast_vectorizer = FastTfidfVectorizer(vectorizer)
        self._fast_classifier = FastLogisticRegression(classifier)
        self._fast_regressor = FastRidge(regressor)

    @classmethod
    def train(cls, dialogues: list[Dialogue]) -> EmotionRecognizer:
        """Fit on ESConv dialogues (hyperparameters were selected on valid)."""
        examples = seeker_examples(dialogues)
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        text = vectorizer.fit_transform([e.text for e in examples])
        classifier = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        classifier.fit(text, [e.emotion.value for e in examples])
        regressor = Ridge(alpha=10.0)
        regressor.fit(
            _with_position(text, [e.position for e in examples]), [e.intensity for e in examples]
        )
        return cls(vectorizer, classifier, regressor)

    @classmethod
    def load(cls, path: Path | str = DEFAULT_ARTIFACT) -> EmotionRecognizer:
        """Load a saved model after checking it against its `.sha256` file.

        Raises:
            ConfigurationError: the file is missing, altered, or of another format.
        """
        path = Path(path)
        checksum = path.with_suffix(path.suffix + ".sha256")
        if not path.exists() or not checksum.exists():
            raise ConfigurationError(
                f"emotion model not found at {path}; train it with `warmline train emotion`"
            )
        expected = checksum.read_text().split()[0]
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            raise ConfigurationError(f"{path} does not match {checksum.name}; retrain or reinstall")
        bundle: dict[str, Any] = joblib.load(path)
        if bundle.get("format") != _FORMAT:
            raise ConfigurationError(f"{path} has an unknown format; retrain it")
        return cls(bundle["vectorizer"], bundle["classifier"], bundle["regressor"])

    def save(self, path: Path | str = DEFAULT_ARTIFACT) -> Path:
        """Write the model and its `.sha256` beside it."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        bundle = {
            "format": _FORMAT,
            "vectorizer": self.vectorizer,
            "classifier": self.classifier,
            "regressor": self.regressor,
        }
        joblib.dump(bundle, path, compress=3)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        path.with_suffix(path.suffix + ".sha256").write_text(f"{digest}  {path.name}\n")
        return path

    def read(self, messages: list[str], turns: list[int]) -> list[EmotionReading]:
        """Read each message alone; `turns` gives its index among the seeker's messages."""
        text = self._fast_vectorizer.transform(messages)
        probabilities = self._fast_classifier.predict_proba(text)
        intensities = self._fast_regressor.predict(_with_position(text, turns))
        return [
            EmotionReading(
                _self_reported(message, dict(zip(self._emotions, map(float, row), strict=True))),
                float(np.clip(value, 1.0, 5.0)),
            )
            for message, row, value in zip(messages, probabilities, intensities, strict=True)
        ]

    def perceive(self, message: str, previous: SeekerState) -> SeekerState:
        """The seeker state after one more message (emotion and intensity only)."""
        return update_emotion(previous, self.read([message], [previous.turns])[0])


def update_emotion(previous: SeekerState, reading: EmotionReading) -> SeekerState:
    """Fold one message's reading into the running emotion and intensity estimates.

    `emotion_scores` holds recency-decayed evidence, each message weighted by how
    much distress it shows, so "thanks" or "yes" barely move the picture. Intensity
    is smoothed without that weighting: calm messages are how relief shows.
    """
    probabilities = reading.probabilities
    distress = max(1.0 - sum(probabilities.get(e, 0.0) for e in _CALM), _MIN_WEIGHT)
    scores = {
        e: _RECENCY * previous.emotion_scores.get(e, 0.0) + distress * p
        for e, p in probabilities.items()
    }
    if previous.turns == 0:
        intensity = reading.intensity
    else:
        intensity = (
            1 - _INTENSITY_SMOOTHING
        ) * previous.intensity + _INTENSITY_SMOOTHING * reading.intensity
    return previous.model_copy(
        update={
            "emotion": _shown_emotion(probabilities, scores),
            "intensity": round(float(np.clip(intensity, 1.0, 5.0)), 2),
            "emotion_scores": {e: round(p, 4) for e, p in scores.items()},
            "turns": previous.turns + 1,
        }
    )


def distress_emotion(scores: dict[Emotion, float]) -> Emotion:
    """The most likely distress emotion (never neutral or positive) in a score table."""
    return max((e for e in scores if e not in _CALM), key=scores.__getitem__)


def _self_reported(message: str, probabilities: dict[Emotion, float]) -> dict[Emotion, float]:
    named = [e for e, pattern in _SELF_REPORT.items() if pattern.search(message)]
    if not named:
        return probabilities
    boosted = {e: p + (_SELF_REPORT_BOOST if e in named else 0.0) for e, p in probabilities.items()}
    total = sum(boosted.values())
    return {e: p / total for e, p in boosted.items()}


def _shown_emotion(moment: dict[Emotion, float], scores: dict[Emotion, float]) -> Emotion:
    calm = max(_CALM, key=lambda e: moment.get(e, 0.0))
    if moment.get(calm, 0.0) >= _MOMENT_THRESHOLD:
        return calm
    return distress_emotion(scores)


def _with_position(text: sp.csr_matrix, turns: list[int]) -> sp.csr_matrix:
    position = np.array([[math.log1p(t), min(t, 20) / 20] for t in turns])
    return hstack_csr([text, position])


@lru_cache(maxsize=1)
def default_recognizer() -> EmotionRecognizer:
    """The shipped model, loaded once per process."""
    return EmotionRecognizer.load()
