"""Strategy-prediction metrics exactly as Kang et al. (ACL 2024) define them.

Accuracy and F1 say how often a planner matches the human supporter; the
preference bias B says how unevenly it favours some strategies over others,
which F1 alone hides. B follows the authors' `metrics.py`: a Bradley-Terry
model over the confusion matrix, where predicting strategy i when the human
used j counts as i winning against j.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel
from sklearn.metrics import accuracy_score, f1_score

from warmline.types import Strategy

__all__ = ["StrategyMetrics", "preference_strengths", "strategy_metrics"]

STRATEGIES: tuple[Strategy, ...] = tuple(Strategy)
"""The label order of every matrix and vector here (ESConv's and Kang et al.'s order)."""

BT_ITERATIONS = 20
"""Bradley-Terry update sweeps, as in the reference implementation."""


class StrategyMetrics(BaseModel):
    """How a strategy predictor compares with the human supporters' choices."""

    n: int
    accuracy: float
    """Percentage of exact matches."""
    macro_f1: float
    """Percentage; Kang et al.'s Q."""
    weighted_f1: float
    """Percentage, each strategy weighted by its gold frequency."""
    bias: float
    """Preference bias B: standard deviation of the eight preference strengths (0 is unbiased)."""
    per_strategy_f1: dict[Strategy, float]
    """Percentage per strategy."""
    preferences: dict[Strategy, float]
    """Bradley-Terry preference strengths, scaled to sum to 8 (1 each when unbiased)."""
    confusion: list[list[int]]
    """Counts with gold strategies as rows and predictions as columns, in `Strategy` order."""
    labels: list[Strategy] = list(STRATEGIES)


def strategy_metrics(gold: Sequence[Strategy], predicted: Sequence[Strategy]) -> StrategyMetrics:
    """Score predicted strategies against gold ones.

    Macro- and weighted-F1 average over the strategies that occur in either
    sequence, as sklearn (and so the reference script) does by default.

    Raises:
        ValueError: the sequences are empty or differ in length.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold strategies but {len(predicted)} predictions")
    if not gold:
        raise ValueError("no examples to score")
    index = {s: i for i, s in enumerate(STRATEGIES)}
    y_true = np.array([index[Strategy(s)] for s in gold])
    y_pred = np.array([index[Strategy(s)] for s in predicted])
    confusion = np.zeros((len(STRATEGIES), len(STRATEGIES)), dtype=int)
    np.add.at(confusion, (y_true, y_pred), 1)
    per_class = f1_score(
        y_true, y_pred, labels=range(len(STRATEGIES)), average=None, zero_division=0
    )
    strengths = preference_strengths(confusion)
    return StrategyMetrics(
        n=len(y_true),
        accuracy=100 * accuracy_score(y_true, y_pred),
        macro_f1=100 * f1_score(y_true, y_pred, average="macro"),
        weighted_f1=100 * f1_score(y_true, y_pred, average="weighted"),
        bias=float(np.std(strengths)),
        per_strategy_f1={s: 100 * float(f) for s, f in zip(STRATEGIES, per_class, strict=True)},
        preferences={s: float(p) for s, p in zip(STRATEGIES, strengths, strict=True)},
        confusion=confusion.tolist(),
    )


def preference_strengths(confusion: np.ndarray, iterations: int = BT_ITERATIONS) -> np.ndarray:
    """Bradley-Terry strengths of each predicted strategy, summing to the number of strategies.

    `confusion[g, p]` counts gold g predicted as p; predicting i over gold j is
    a win of i against j (the diagonal is ignored). Each sweep updates the
    strengths in place, one after another (as the reference does), then divides
    them by the geometric mean of the positive ones. Where the reference would
    divide by zero we keep the previous value: a strategy that never loses
    (`losses == 0`) keeps its strength, and pairs with zero joint strength add
    nothing.
    """
    wins = np.asarray(confusion, dtype=float).T  # wins[i, j]: predicted i where gold was j
    size = len(wins)
    p = np.ones(size)
    for _ in range(iterations):
        for i in range(size):
            others = [j for j in range(size) if j != i and p[i] + p[j] > 0]
            won = sum(wins[i, j] * p[j] / (p[i] + p[j]) for j in others)
            lost = sum(wins[j, i] / (p[i] + p[j]) for j in others)
            if lost > 0:
                p[i] = won / lost
        positive = p[p > 0]
        if len(positive):
            p = p / np.exp(np.log(positive).mean())
    return p * size / p.sum()
