"""Pattern rules over normalised text, and the context cues that qualify them.

Rules are written against the canonical form produced by `normalize` (lower
case, no accents) with ordinary spelling; `compile_rule` squeezes repeated
letters the same way the text is squeezed. Shorthands keep patterns readable:
`<i>` a first-person subject, `<me>` a reflexive self, `<w>` one word,
`<gap>` up to a few words inside one clause.
"""

from __future__ import annotations

import re
import re._constants as _c  # the stdlib regex parser, read-only, for anchor extraction
import re._parser as _parser
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from warmline.safety._normalize import squeeze_pattern
from warmline.safety._types import ConcernReason, RiskCategory

__all__ = [
    "Rule",
    "RuleSet",
    "compile_pattern",
    "concern",
    "required_literals",
    "rule",
]

_MACROS = {
    "<i>": r"(?:\bi\b|\bi'?m\b|\bim\b|\bi'?ve\b|\bive\b|\bi'?d\b|\bi'?ll\b)",
    "<me>": r"(?:myself|my ?self|me)",
    "<w>": r"[\w']+",
    "<gap>": (
        r"(?:(?!(?:never|not|no|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|has never|"
        r"have never)\b)[\w']+ ){0,3}"
    ),
    "<gap5>": (
        r"(?:(?!(?:never|not|no|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|has never|"
        r"have never)\b)[\w']+ ){0,5}?"
    ),
    "<want>": (
        r"(?:want(?:s|ed)? to|wanna|wana|going to|gonna|gona|about to|plan\w* to|"
        r"need to|have to|decided to|ready to|will|should|could|might|try(?:ing)? to|"
        r"thinking (?:about|of)|think about|urge to|urges to)"
    ),
}


@dataclass(frozen=True)
class Rule:
    """One pattern and what a match means.

    Attributes:
        name: short identifier, for evidence and debugging.
        pattern: compiled regex over canonical text.
        weight: contribution to the category score; 1.0 alone means risk.
        category: the risk category the match counts toward, if any.
        reason: the concern reason a weaker match gives.
        personal: the match only counts when its clause is about the speaker
            (not a friend, not a question about people in general) and not negated.
        timeless: a present emergency even if told with past-tense words
            ("I took 40 pills"), so past framing alone does not cancel it.
        anchors: literal strings one of which every match must contain; a
            message containing none of them is skipped without running the regex.
    """

    name: str
    pattern: re.Pattern[str]
    weight: float
    category: RiskCategory | None
    reason: ConcernReason | None
    personal: bool = True
    timeless: bool = False
    anchors: frozenset[str] | None = None

    def may_match(self, present: frozenset[str]) -> bool:
        """Whether any anchor is among those `present` in the text (see `RuleSet.anchors_in`)."""
        return self.anchors is None or not self.anchors.isdisjoint(present)


GATED_LENGTH = 400
"""Characters above which each rule runs only over the sentences that hold its anchors."""
_SENTENCE_END = re.compile(r"[.!?\n]+\s*")


class RuleSet:
    """Rules matched together, their anchors gathered once."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self.anchors: frozenset[str] = frozenset().union(
            *(r.anchors for r in self.rules if r.anchors)
        )

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def anchors_in(self, text: str) -> frozenset[str]:
        """The anchors that occur in `text`, each searched once."""
        return frozenset(a for a in self.anchors if a in text)

    def matches(self, text: str) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Every match of every rule in `text`, rule by rule.

        A rule whose anchors are all absent is skipped. In a long text a rule
        also runs only over the sentences holding one of its anchors, each with
        its neighbours (a pattern may span a sentence break): a long message then
        costs what its relevant sentences cost, not a pass of every rule over it.
        """
        if len(text) <= GATED_LENGTH:
            present = self.anchors_in(text)
            for rule in self.rules:
                if rule.may_match(present):
                    for match in rule.pattern.finditer(text):
                        yield rule, match
            return
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        if not ends or ends[-1] != len(text):
            ends.append(len(text))
        sentences = _anchor_sentences(text, self.anchors_in(text), ends)
        for rule in self.rules:
            if rule.anchors is None:
                spans = [(0, len(text))]
            else:
                present = rule.anchors.intersection(sentences)
                found = set().union(*(sentences[a] for a in present))
                spans = _spans_around(found, ends)
            for start, end in spans:
                for match in rule.pattern.finditer(text, start, end):
                    yield rule, match


def _anchor_sentences(text: str, anchors: Iterable[str], ends: list[int]) -> dict[str, set[int]]:
    """For each of the `anchors` (all present in `text`), the sentences it occurs in."""
    where: dict[str, set[int]] = {}
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            where.setdefault(anchor, set()).add(bisect_right(ends, at))
            at = text.find(anchor, at + 1)
    return where


def _spans_around(sentences: set[int], ends: list[int]) -> list[tuple[int, int]]:
    """Character spans covering the given sentences and their neighbours, merged."""
    spans: list[tuple[int, int]] = []
    for index in sorted(sentences):
        start = ends[index - 2] if index >= 2 else 0
        end = ends[min(index + 1, len(ends) - 1)]
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def compile_pattern(source: str) -> re.Pattern[str]:
    """Expand shorthands, squeeze letters and compile."""
    for macro, expansion in _MACROS.items():
        source = source.replace(macro, expansion)
    return re.compile(squeeze_pattern(source))


def rule(
    category: RiskCategory,
    weight: float,
    name: str,
    source: str,
    *,
    personal: bool = True,
    timeless: bool = False,
    reason: ConcernReason | None = None,
) -> Rule:
    """A rule that counts toward a risk category."""
    weak = reason or (ConcernReason.WARNING_SIGN if weight < 1.0 else None)
    pattern = compile_pattern(source)
    return Rule(
        name, pattern, weight, category, weak, personal, timeless, required_literals(pattern)
    )


def concern(reason: ConcernReason, name: str, source: str, *, personal: bool = False) -> Rule:
    """A rule that only ever raises the level to concern."""
    pattern = compile_pattern(source)
    return Rule(name, pattern, 0.0, None, reason, personal, anchors=required_literals(pattern))


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings of which every match of `pattern` contains at least one, or None.

    Read from the parsed regex: a literal run, or an alternation whose every
    branch has one, anywhere in the top-level sequence. Used only as a filter,
    so None (no anchor found, or an unparsable pattern) simply means "always run".
    """
    try:
        return _sequence_anchors(_parser.parse(pattern.pattern))
    except (re.error, TypeError, ValueError):
        return None


def _sequence_anchors(sequence) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, value in sequence:
        if op is _c.LITERAL:
            run += chr(value)
            continue
        if run.strip():
            candidates.append(frozenset({run}))
        run = ""
        found = None
        if op is _c.BRANCH:
            branches = [_sequence_anchors(branch) for branch in value[1]]
            found = frozenset().union(*branches) if all(branches) else None
        elif op is _c.SUBPATTERN:
            found = _sequence_anchors(value[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and value[0] >= 1:
            found = _sequence_anchors(value[2])
        if found:
            candidates.append(found)
    if run.strip():
        candidates.append(frozenset({run}))
    useful = [c for c in candidates if min(len(a.strip()) for a in c) >= 2]
    return max(useful, key=lambda c: (min(len(a) for a in c), -len(c)), default=None)
