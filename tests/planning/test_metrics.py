"""Strategy metrics: hand-checkable cases and the Kang et al. (2024) reproduction."""

from __future__ import annotations

import json

import numpy as np
import pytest

from warmline.data import data_dir
from warmline.planning import strategy_metrics
from warmline.planning._metrics import preference_strengths
from warmline.types import Strategy

Q, R, A = Strategy.QUESTION, Strategy.RESTATEMENT, Strategy.AFFIRMATION


def test_perfect_predictions_are_unbiased():
    gold = [Q, R, A, Q]
    metrics = strategy_metrics(gold, gold)
    assert metrics.accuracy == 100
    assert metrics.macro_f1 == 100
    assert metrics.bias == 0
    assert all(p == pytest.approx(1) for p in metrics.preferences.values())


def test_small_case_by_hand():
    # Q->Q, Q->A, R->A, A->A: Q's F1 = 2*1/(2+0+1) = 2/3, A's = 2*1/(2+2+0) = 1/2, R's = 0.
    metrics = strategy_metrics([Q, Q, R, A], [Q, A, A, A])
    assert metrics.n == 4
    assert metrics.accuracy == pytest.approx(50)
    assert metrics.macro_f1 == pytest.approx(100 * (2 / 3 + 0 + 1 / 2) / 3)
    assert metrics.weighted_f1 == pytest.approx(100 * (2 * 2 / 3 + 0 + 1 / 2) / 4)
    assert metrics.confusion[0][0] == 1 and metrics.confusion[0][4] == 1
    assert metrics.per_strategy_f1[R] == 0
    # Question and Restatement never win off the diagonal: zero strength, as in the reference.
    assert metrics.preferences[Q] == 0 and metrics.preferences[R] == 0
    assert metrics.preferences[A] == max(metrics.preferences.values())
    assert sum(metrics.preferences.values()) == pytest.approx(8)


def test_two_strategy_bradley_terry_converges_to_win_ratio():
    # i beats j 3 times, j beats i once: the MLE strength ratio is 3.
    confusion = np.zeros((8, 8), dtype=int)
    confusion[1, 0] = 3  # gold 1, predicted 0: a win of 0 over 1
    confusion[0, 1] = 1
    strengths = preference_strengths(confusion)
    assert strengths[0] / strengths[1] == pytest.approx(3, rel=1e-6)
    assert strengths.sum() == pytest.approx(8)


def test_mismatched_lengths_rejected():
    with pytest.raises(ValueError):
        strategy_metrics([Q], [Q, R])


def test_reproduces_kang_et_al():
    path = data_dir() / "kang2024" / "results.json"
    if not path.exists():
        pytest.skip(f"{path} not available")
    records = json.loads(path.read_text(encoding="utf-8"))
    metrics = strategy_metrics(
        [Strategy.parse(r["strg_gold"]) for r in records],
        [Strategy.parse(r["strg_pred"]) for r in records],
    )
    assert metrics.n == 1611
    assert round(metrics.accuracy, 2) == 24.46
    assert round(metrics.macro_f1, 2) == 21.89
    assert round(metrics.weighted_f1, 2) == 22.50
    assert round(metrics.bias, 3) == 0.767
