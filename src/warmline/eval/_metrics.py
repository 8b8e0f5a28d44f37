"""Reference metrics with the conventions of thu-coai's ESConv evaluation code.

Figures are only comparable with published ESConv tables (MISC, TransESC, PAL)
when computed the same way, so this module follows `codes_zcj/metric/myMetrics.py`
of thu-coai/Emotional-Support-Conversation:

- text is lower-cased and split into words with NLTK's Treebank-style word
  tokenizer. `nltk.word_tokenize` first splits sentences with the punkt model,
  which needs downloaded data; we split sentences with a small regular
  expression instead (after `.`, `!` or `?` followed by white space) and run
  `NLTKWordTokenizer` on each, which needs no data and gives the same tokens on
  ordinary replies;
- BLEU-k is NLTK's cumulative corpus BLEU with uniform weights over 1..k-grams
  and smoothing method 3;
- ROUGE-L is the per-reply LCS F-measure with beta = 1.2, averaged over replies;
- Distinct-k is corpus-level: distinct k-grams over all k-grams of all replies.
  Like the reference code, each reply contributes the k-grams starting at
  positions 0 .. len-k-1 (its last k-gram is not counted);
- length is the mean number of tokens per reply.

All scores are reported on a 0-100 scale, as in the papers. METEOR is not
computed: NLTK's METEOR needs the WordNet corpus, which cannot be installed
offline, and a METEOR without synonym matching would not be comparable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer
from nltk.translate.bleu_score import SmoothingFunction, corpus_bleu

from warmline.types import Strategy

__all__ = [
    "bleu",
    "distinct",
    "lcs_length",
    "mean_length",
    "reference_metrics",
    "rouge_l",
    "strategy_scores",
    "tokenize",
]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def _tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


def tokenize(text: str) -> list[str]:
    """Lower-case and word-tokenise text as the ESConv evaluation code does."""
    tokens: list[str] = []
    for sentence in _SENTENCE_END.split(text.lower().strip()):
        if sentence:
            tokens.extend(_tokenizer().tokenize(sentence))
    return tokens


def bleu(references: Sequence[list[str]], hypotheses: Sequence[list[str]], k: int) -> float:
    """Cumulative corpus BLEU-k (0-100) with smoothing method 3, one reference per reply."""
    weights = [1.0 / k] * k + [0.0] * (4 - k)
    try:
        score = corpus_bleu(
            [[ref] for ref in references],
            list(hypotheses),
            weights=weights,
            smoothing_function=SmoothingFunction().method3,
        )
    except ZeroDivisionError:  # every hypothesis empty
        return 0.0
    return 100.0 * float(score)


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two token lists."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if token == other else max(previous[j], current[-1]))
        previous = current
    return previous[-1]


def rouge_l(
    references: Sequence[list[str]], hypotheses: Sequence[list[str]], beta: float = 1.2
) -> float:
    """Mean per-reply ROUGE-L F-measure (0-100) with recall weighted by beta."""
    if not hypotheses:
        return 0.0
    scores = []
    for ref, hyp in zip(references, hypotheses, strict=True):
        lcs = lcs_length(ref, hyp)
        precision = lcs / max(len(hyp), 1e-10)
        recall = lcs / max(len(ref), 1e-10)
        if precision == 0 or recall == 0:
            scores.append(0.0)
        else:
            scores.append((1 + beta**2) * precision * recall / (recall + beta**2 * precision))
    return 100.0 * sum(scores) / len(scores)


def distinct(hypotheses: Sequence[list[str]], k: int) -> float:
    """Corpus-level Distinct-k (0-100), counting k-grams as the reference code does."""
    seen: set[tuple[str, ...]] = set()
    total = 0
    for tokens in hypotheses:
        for i in range(len(tokens) - k):
            seen.add(tuple(tokens[i : i + k]))
            total += 1
    return 100.0 * len(seen) / total if total else 0.0


def mean_length(hypotheses: Sequence[list[str]]) -> float:
    """Mean reply length in tokens."""
    return sum(map(len, hypotheses)) / len(hypotheses) if hypotheses else 0.0


def reference_metrics(references: Sequence[str], hypotheses: Sequence[str]) -> dict[str, float]:
    """Every reference metric for generated replies against gold replies, ESConv-style."""
    refs = [tokenize(text) for text in references]
    hyps = [tokenize(text) for text in hypotheses]
    return {
        **{f"bleu-{k}": bleu(refs, hyps, k) for k in range(1, 5)},
        "rouge-l": rouge_l(refs, hyps),
        **{f"distinct-{k}": distinct(hyps, k) for k in (1, 2)},
        "length": mean_length(hyps),
    }


def strategy_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Strategy accuracy, macro- and weighted-F1 (0-100) and Kang et al.'s preference bias B.

    Only turns where the system reported its strategy count.
    """
    from warmline.planning import strategy_metrics

    if not gold:
        return {}
    metrics = strategy_metrics(
        [Strategy.parse(g) for g in gold], [Strategy.parse(p) for p in predicted]
    )
    return {
        "strategy-accuracy": metrics.accuracy,
        "strategy-macro-f1": metrics.macro_f1,
        "strategy-weighted-f1": metrics.weighted_f1,
        "strategy-bias": metrics.bias,
    }
