"""Reducers over per-item scores: means with bootstrap confidence intervals.

Intervals are percentile bootstraps with a fixed seed, so a rerun reports the
same interval. Comparisons are paired by item (the same card seen by both
systems), which removes card difficulty from the difference.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel

__all__ = ["Estimate", "bootstrap_mean", "paired_difference"]


class Estimate(BaseModel):
    """A mean with its bootstrap interval and the number of items behind it."""

    mean: float | None
    low: float | None
    high: float | None
    n: int


def bootstrap_mean(
    values: Sequence[float | None], *, seed: int = 0, resamples: int = 2000, level: float = 0.95
) -> Estimate:
    """Mean and percentile-bootstrap interval of the non-missing values."""
    data = np.array([v for v in values if v is not None], dtype=float)
    if data.size == 0:
        return Estimate(mean=None, low=None, high=None, n=0)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(resamples, data.size))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Estimate(mean=float(data.mean()), low=float(low), high=float(high), n=int(data.size))


def paired_difference(
    a: Sequence[float | None], b: Sequence[float | None], *, seed: int = 0
) -> Estimate:
    """Mean of a - b over items both have, with a bootstrap interval."""
    diffs = [x - y for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    return bootstrap_mean(diffs, seed=seed)
