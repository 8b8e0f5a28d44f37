"""Train the shipped planner on ESConv train and select its corrections on valid.

`train_planner` is what `warmline train planner` runs; the artifact it writes
(plus its checksum and report) is the one committed under `artifacts/`.
Everything is seeded, so a rerun gives the same figures.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from warmline.data import read_esconv
from warmline.planning._artifact import ARTIFACT_DIR, save_artifact
from warmline.planning._calibration import fit_offsets, offset_objective
from warmline.planning._features import STRATEGIES, ContextFeaturizer, planning_examples
from warmline.planning._lookahead import RatingModel, rating_examples, rerank
from warmline.planning._metrics import StrategyMetrics, strategy_metrics
from warmline.planning._model import StrategyModel
from warmline.types import Dialogue

__all__ = ["TrainingReport", "train_planner"]

ARTIFACT_NAME = "planner.joblib"
LOOKAHEAD_K = 3
LOOKAHEAD_WEIGHTS = (0.1, 0.25, 0.5, 1.0)
LINEAR_WEIGHTS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
"""Candidate blends of the linear model with the trees, selected on valid by F1 alone
(the prior offsets, fitted next, take care of bias)."""


class TrainingReport(BaseModel):
    """What a training run produced and how it scores on ESConv valid."""

    train_examples: int
    valid_examples: int
    rating_examples: int
    seconds: float
    valid_uncorrected: StrategyMetrics
    """The classifier alone."""
    valid: StrategyMetrics
    """With the prior offsets: the shipped default (offsets selected on valid itself)."""
    valid_crossfit: StrategyMetrics
    """With offsets selected on one half of the valid dialogues and scored on the other
    half, both ways: an estimate of the corrected planner free of selection optimism."""
    valid_lookahead: StrategyMetrics
    """With prior offsets and lookahead re-ranking."""
    linear_weight: float
    """The blend of linear model and trees selected on valid."""
    lookahead_weight: float
    lookahead_rating_gain: float
    """Mean predicted next-rating gain of lookahead's choices over the default's, on valid."""
    offsets: dict[str, float]
    artifact: str
    sha256: str
    size_bytes: int


def train_planner(
    data: Path | str,
    out_dir: Path | str = ARTIFACT_DIR,
    *,
    on_step: Callable[[str], None] | None = None,
) -> TrainingReport:
    """Fit featurizer, classifier and rating model on train; choose offsets and lookahead on valid.

    Args:
        data: a folder holding `esconv/train.jsonl` and `esconv/valid.jsonl` (or those
            files directly).
        out_dir: where `planner.joblib`, its `.sha256` and `planner_report.json` go.
        on_step: called with a short description as each step starts.

    Raises:
        DataFormatError: a data file is missing or malformed.
    """
    step = on_step or (lambda _: None)
    start = time.perf_counter()
    folder = Path(data) / "esconv" if (Path(data) / "esconv").is_dir() else Path(data)
    step("reading ESConv")
    train_dialogues = read_esconv(folder / "train.jsonl")
    valid_dialogues = read_esconv(folder / "valid.jsonl")
    train = list(planning_examples(train_dialogues))
    y_train = np.array([STRATEGIES.index(s) for _, s in train])

    step("extracting features")
    featurizer = ContextFeaturizer().fit([c for c, _ in train])
    x_train = featurizer.transform([c for c, _ in train])

    step("training the strategy classifier")
    classifier = StrategyModel(n_facts=featurizer.n_facts).fit(x_train, y_train)
    step("training the lookahead rating model")
    triples = list(rating_examples(train_dialogues))
    rater = RatingModel().fit(*zip(*triples, strict=True))
    fitted = _Fitted(featurizer, classifier, rater, len(train), len(triples), start)
    return select_and_save(fitted, valid_dialogues, out_dir, step)


@dataclass(frozen=True)
class _Fitted:
    """The models fitted on train, before anything is selected on valid."""

    featurizer: ContextFeaturizer
    classifier: StrategyModel
    rater: RatingModel
    train_examples: int
    rating_examples: int
    start: float


def select_and_save(
    fitted: _Fitted,
    valid_dialogues: list[Dialogue],
    out_dir: Path | str,
    step: Callable[[str], None],
) -> TrainingReport:
    """Select blend, prior offsets and lookahead weight on valid; save artifact and report."""
    featurizer, classifier, rater, start = (
        fitted.featurizer,
        fitted.classifier,
        fitted.rater,
        fitted.start,
    )
    valid = list(planning_examples(valid_dialogues))
    y_valid = np.array([STRATEGIES.index(s) for _, s in valid])
    x_valid = featurizer.transform([c for c, _ in valid])
    linear, trees = classifier.member_log_proba(x_valid)
    classifier.linear_weight = max(
        LINEAR_WEIGHTS,
        key=lambda w: offset_objective(w * linear + (1 - w) * trees, y_valid, bias_weight=0),
    )
    raw = classifier.predict_log_proba(x_valid)

    step("selecting prior offsets on valid")
    offsets = fit_offsets(raw, y_valid)
    corrected = raw + offsets
    crossfit = _crossfit(raw, y_valid, _dialogue_folds(valid_dialogues))

    step("selecting the lookahead weight on valid")
    ratings = rater.predict([c for c, _ in valid])
    weight = max(
        LOOKAHEAD_WEIGHTS,
        key=lambda w: offset_objective(
            _one_hot(rerank(corrected, ratings, LOOKAHEAD_K, w)), y_valid
        ),
    )
    looked = rerank(corrected, ratings, LOOKAHEAD_K, weight)
    default = corrected.argmax(axis=1)
    rows = np.arange(len(valid))
    gain = float((ratings[rows, looked] - ratings[rows, default]).mean())

    step("saving the artifact")
    out_path = Path(out_dir) / ARTIFACT_NAME
    payload = {
        "featurizer": featurizer,
        "classifier": classifier,
        "offsets": offsets,
        "rater": rater,
        "lookahead_k": LOOKAHEAD_K,
        "lookahead_weight": weight,
        "report": {},
    }
    metrics = {
        "valid_uncorrected": _score(y_valid, raw.argmax(axis=1)),
        "valid": _score(y_valid, default),
        "valid_crossfit": _score(y_valid, crossfit),
        "valid_lookahead": _score(y_valid, looked),
    }
    payload["report"] = {k: m.model_dump(mode="json") for k, m in metrics.items()} | {
        "train_seconds": time.perf_counter() - start
    }
    digest = save_artifact(payload, out_path)
    report = TrainingReport(
        train_examples=fitted.train_examples,
        valid_examples=len(valid),
        rating_examples=fitted.rating_examples,
        seconds=time.perf_counter() - start,
        linear_weight=classifier.linear_weight,
        lookahead_weight=weight,
        lookahead_rating_gain=gain,
        offsets={s.value: float(o) for s, o in zip(STRATEGIES, offsets, strict=True)},
        artifact=str(out_path),
        sha256=digest,
        size_bytes=out_path.stat().st_size,
        **metrics,
    )
    (Path(out_dir) / "planner_report.json").write_text(
        json.dumps(report.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8"
    )
    return report


def _dialogue_folds(dialogues: list[Dialogue]) -> np.ndarray:
    """0 or 1 per evaluation example, alternating by dialogue."""
    return np.array(
        [i % 2 for i, d in enumerate(dialogues) for _ in planning_examples([d])], dtype=int
    )


def _crossfit(log_probs: np.ndarray, gold: np.ndarray, folds: np.ndarray) -> np.ndarray:
    """Choices with offsets fitted on the other fold."""
    chosen = np.empty(len(gold), dtype=int)
    for fold in (0, 1):
        held = folds == fold
        offsets = fit_offsets(log_probs[~held], gold[~held])
        chosen[held] = (log_probs[held] + offsets).argmax(axis=1)
    return chosen


def _score(gold: np.ndarray, chosen: np.ndarray) -> StrategyMetrics:
    return strategy_metrics([STRATEGIES[i] for i in gold], [STRATEGIES[i] for i in chosen])


def _one_hot(chosen: np.ndarray) -> np.ndarray:
    """Log-probability-like rows whose argmax is `chosen`, for `offset_objective`."""
    rows = np.full((len(chosen), len(STRATEGIES)), -1.0)
    rows[np.arange(len(chosen)), chosen] = 0.0
    return rows
