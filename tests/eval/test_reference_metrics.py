"""Reference metrics against values computed by hand on tiny inputs."""

from __future__ import annotations

import math

import pytest

from warmline.eval import bleu, distinct, reference_metrics, rouge_l, strategy_scores, tokenize
from warmline.eval._metrics import lcs_length

REF = "the cat sat on the mat".split()
HYP = "the cat on mat".split()


def test_tokenize_lowercases_and_splits_punctuation_and_sentences() -> None:
    assert tokenize("I'm SAD. Really!") == ["i", "'m", "sad", ".", "really", "!"]
    assert tokenize("Don't worry, ok?") == ["do", "n't", "worry", ",", "ok", "?"]


def test_bleu_by_hand() -> None:
    brevity = math.exp(1 - 6 / 4)  # hypothesis 4 tokens, reference 6
    assert bleu([REF], [HYP], 1) == pytest.approx(100 * brevity)  # 4/4 unigrams match
    # bigrams: (the cat) matches, (cat on) and (on mat) do not -> p2 = 1/3
    assert bleu([REF], [HYP], 2) == pytest.approx(100 * brevity * math.sqrt(1 / 3))
    assert bleu([REF], [REF], 4) == pytest.approx(100.0)


def test_rouge_l_by_hand_with_beta_1_2() -> None:
    assert lcs_length(REF, HYP) == 4
    precision, recall, beta = 4 / 4, 4 / 6, 1.2
    expected = (1 + beta**2) * precision * recall / (recall + beta**2 * precision)
    assert rouge_l([REF], [HYP]) == pytest.approx(100 * expected)  # 77.215…
    assert rouge_l([REF, REF], [HYP, ["dog"]]) == pytest.approx(100 * expected / 2)


def test_distinct_is_corpus_level_and_skips_the_last_ngram_like_thu_coai() -> None:
    # k=1 counts positions 0..len-2: a, b, a -> 2 distinct of 3
    assert distinct([["a", "b", "a", "b"]], 1) == pytest.approx(200 / 3)
    assert distinct([["a", "b", "a", "b"]], 2) == pytest.approx(100.0)  # (a b), (b a)
    # corpus level: the second reply repeats the first reply's n-grams
    assert distinct([["a", "b", "c"], ["a", "b", "c"]], 1) == pytest.approx(50.0)
    assert distinct([["a"]], 2) == 0.0


def test_reference_metrics_and_strategy_scores() -> None:
    metrics = reference_metrics(["The cat sat on the mat"], ["the cat on mat"])
    assert metrics["length"] == 4
    assert metrics["bleu-2"] == pytest.approx(bleu([REF], [HYP], 2))
    scores = strategy_scores(["Question", "Question", "Others"], ["Question", "Others", "Others"])
    assert scores["strategy-accuracy"] == pytest.approx(200 / 3)
    assert scores["strategy-macro-f1"] == pytest.approx(100 * (2 / 3 + 2 / 3) / 2)
