"""Semantic second stage of risk assessment: danger said indirectly.

Rules catch what is said outright; people in danger often say it sideways
("sleeping forever sounds nice", "I gave my guitar away, I won't need it").
This stage embeds each sentence with the MiniLM encoder that memory already
loads, and scores every risk category with a logistic regression fitted on the
labelled sets. Its thresholds are chosen by cross-validation so that it only
speaks when confident; `assess_risk` lets it raise a message to `risk`, never
lower one.

Reproduce the shipped artifact with:
    PYTHONPATH=src python -m warmline.safety._semantic
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from warmline.errors import ConfigurationError
from warmline.safety._context import mask_figurative
from warmline.safety._normalize import normalize
from warmline.safety._types import RiskCategory
from warmline.types import RiskLevel

if TYPE_CHECKING:
    from warmline.memory._encoder import Encoder
    from warmline.safety._evaluate import LabelledCase

__all__ = [
    "ARTIFACT",
    "SemanticHit",
    "SemanticModel",
    "reset_semantic_stage",
    "semantic_risk",
    "train",
    "training_cases",
    "windows",
]

logger = logging.getLogger(__name__)

ARTIFACT = Path(__file__).with_name("artifacts") / "semantic_risk.npz"
MAX_WINDOWS = 4
"""Sentences embedded per message at most; longer messages are grouped so CPU time stays bounded."""
FALSE_ALARM_BUDGET = 0.04
"""Share of non-risk training cases the stage may flag out of fold, all categories together."""
_BUDGETS = (0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04)
"""Per-category false-alarm shares tried, smallest first."""
MIN_THRESHOLD = 0.6
"""No category fires below this probability, however clean cross-validation looks."""
_DATA = Path(__file__).resolve().parents[3] / "tests" / "safety" / "data"
TRAINING_SETS = ("risk_dev.jsonl", "semantic_train.jsonl")
_BATCH = 128
"""Texts per encoder call in training; the encoder's cache holds 256."""
_ACCIDENTAL = re.compile(
    r"\b(?:shaving|cooking|by accident|accidentally|chopping|slicing|ironing|in the kitchen|"
    r"when i fell|at the gym|playing)\b",
    re.IGNORECASE,
)
"""Everyday injuries ("I cut myself shaving"): the rules' accident cue, so no self-harm here."""
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


@dataclass(frozen=True)
class SemanticHit:
    """The most confident risk category found, and the text window that carried it."""

    category: RiskCategory
    probability: float
    start: int
    end: int


@dataclass(frozen=True)
class SemanticModel:
    """One logistic regression per category over sentence embeddings, with its threshold."""

    categories: tuple[RiskCategory, ...]
    weights: np.ndarray
    """(categories, dimensions)."""
    bias: np.ndarray
    thresholds: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(windows, categories) probabilities of risk."""
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights.T + self.bias)))

    def save(self, path: Path) -> None:
        """Write the weights and a `.sha256` beside them, so a corrupted file is caught on load."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                categories=np.array([c.value for c in self.categories]),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                thresholds=self.thresholds.astype(np.float32),
            )
        _checksum_path(path).write_text(f"{_sha256(path)}  {path.name}\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> SemanticModel:
        """Read a saved model after checking its checksum.

        Raises:
            ConfigurationError: the file or its checksum is missing, or they disagree.
        """
        try:
            expected = _checksum_path(path).read_text(encoding="utf-8").split()[0]
            actual = _sha256(path)
        except (OSError, IndexError) as error:
            raise ConfigurationError(
                f"cannot read the semantic risk model {path}: {error}"
            ) from None
        if actual != expected:
            raise ConfigurationError(
                f"semantic risk model {path} fails its checksum (expected {expected[:12]}…, "
                f"got {actual[:12]}…): retrain with `python -m warmline.safety._semantic`"
            )
        with np.load(path) as data:
            return cls(
                categories=tuple(RiskCategory(c) for c in data["categories"]),
                weights=data["weights"],
                bias=data["bias"],
                thresholds=data["thresholds"],
            )


def windows(message: str) -> list[tuple[int, int]]:
    """Sentence spans of the message, grouped into at most `MAX_WINDOWS` consecutive windows."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(message):
        if message[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if message[start:].strip():
        spans.append((start, len(message)))
    if len(spans) <= MAX_WINDOWS:
        return spans
    size = -(-len(spans) // MAX_WINDOWS)
    return [
        (spans[i][0], spans[min(i + size, len(spans)) - 1][1]) for i in range(0, len(spans), size)
    ]


def _figurative(text: str) -> bool:
    """Whether a window holds an idiom the rules treat as figurative ("killing it")."""
    folded = normalize(text).text
    return mask_figurative(folded) != folded


def shared_encoder() -> Encoder:
    """Memory's process-wide MiniLM encoder, imported late: `warmline.memory` is slow to import."""
    from warmline.memory._encoder import default_encoder

    return default_encoder()


class _Stage:
    """The loaded model and encoder; disables itself, with a warning, if either fails."""

    def __init__(self) -> None:
        self.model: SemanticModel | None = None
        self.encoder: Encoder | None = None
        self.failed = False

    def score(self, texts: list[str]) -> tuple[SemanticModel, np.ndarray] | None:
        if self.failed:
            return None
        try:
            if self.model is None:
                self.model = SemanticModel.load()
                self.encoder = shared_encoder()
            return self.model, self.model.probabilities(self.encoder.encode(texts))
        except Exception as error:  # noqa: BLE001  (any failure must leave the rules working)
            self.failed = True
            logger.warning("semantic risk stage disabled, using rules only: %s", error)
            return None


_STAGE = _Stage()


def reset_semantic_stage() -> None:
    """Forget the loaded model and any failure, so the next message loads afresh."""
    global _STAGE
    _STAGE = _Stage()


def semantic_risk(message: str) -> SemanticHit | None:
    """The most confident category above its threshold, or None (also when the stage is off)."""
    spans = [(s, e) for s, e in windows(message) if not _figurative(message[s:e])]
    if not spans:
        return None
    scored = _STAGE.score([message[s:e].strip() for s, e in spans])
    if scored is None:
        return None
    model, probabilities = scored
    margins = probabilities - model.thresholds
    if RiskCategory.SELF_HARM in model.categories:
        column = model.categories.index(RiskCategory.SELF_HARM)
        accidental = [bool(_ACCIDENTAL.search(message[s:e])) for s, e in spans]
        margins[accidental, column] = -1.0
    row, column = np.unravel_index(int(np.argmax(margins)), margins.shape)
    if margins[row, column] < 0.0:
        return None
    start, end = spans[row]
    return SemanticHit(
        category=model.categories[column],
        probability=float(probabilities[row, column]),
        start=start,
        end=end,
    )


def training_cases(paths: list[Path]) -> list[LabelledCase]:
    """Distinct cases whose label stands on the message alone (multi-turn ones need history)."""
    from warmline.safety._evaluate import read_cases  # it imports assess_risk, which imports us

    seen: dict[str, LabelledCase] = {}
    for path in paths:
        for case in read_cases(path):
            if not case.history:
                seen.setdefault(case.text.strip().lower(), case)
    return list(seen.values())


def train(cases: list[LabelledCase], encoder: Encoder, *, folds: int = 5) -> SemanticModel:
    """Fit one regression per category and pick thresholds from out-of-fold scores.

    Every category gets the same per-category false-alarm share, the largest on
    `_BUDGETS` whose union over categories fires on at most `FALSE_ALARM_BUDGET`
    of the non-risk cases out of fold; no threshold is below `MIN_THRESHOLD`.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts = [case.text for case in cases]
    vectors = np.concatenate(
        [encoder.encode(texts[i : i + _BATCH]) for i in range(0, len(texts), _BATCH)]
    )
    safe = np.array([case.level is not RiskLevel.RISK for case in cases])
    categories = tuple(RiskCategory)
    weights, bias, held_out = [], [], []
    for category in categories:
        labels = np.array([category in case.categories for case in cases])
        model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
        splits = StratifiedKFold(folds, shuffle=True, random_state=0)
        held_out.append(
            cross_val_predict(model, vectors, labels, cv=splits, method="predict_proba")[:, 1]
        )
        model.fit(vectors, labels)
        weights.append(model.coef_[0])
        bias.append(model.intercept_[0])
    thresholds = _thresholds(np.stack(held_out, axis=1)[safe])
    return SemanticModel(categories, np.array(weights), np.array(bias), thresholds)


def _thresholds(safe_scores: np.ndarray) -> np.ndarray:
    """Per-category thresholds from out-of-fold scores of non-risk cases (rows x categories)."""
    chosen = None
    for share in _BUDGETS:
        thresholds = np.maximum(MIN_THRESHOLD, np.quantile(safe_scores, 1.0 - share, axis=0) + 1e-6)
        if (safe_scores >= thresholds).any(axis=1).mean() > FALSE_ALARM_BUDGET:
            break
        chosen = thresholds
    return chosen if chosen is not None else np.full(safe_scores.shape[1], 1.0)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def main() -> None:
    """Retrain the shipped artifact from the training sets (in a source checkout) and print it."""
    model = train(training_cases([_DATA / name for name in TRAINING_SETS]), shared_encoder())
    model.save(ARTIFACT)
    for category, threshold in zip(model.categories, model.thresholds, strict=True):
        print(f"{category.value:<20} threshold {threshold:.3f}")
    print(f"wrote {ARTIFACT} ({ARTIFACT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
