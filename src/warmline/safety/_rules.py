"""Pattern rules over normalised text, and the context cues that qualify them.

Rules are written against the canonical form produced by `normalize` (lower
case, no accents) with ordinary spelling; `compile_rule` squeezes repeated
letters the same way the text is squeezed. Shorthands keep patterns readable:
`<i>` a first-person subject, `<me>` a reflexive self, `<w>` one word,
`<gap>` up to a few words inside one clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmline.safety._normalize import squeeze_pattern
from warmline.safety._types import ConcernReason, RiskCategory

__all__ = ["Rule", "rule", "concern", "compile_pattern"]

_MACROS = {
    "<i>": r"(?:\bi\b|\bi'?m\b|\bim\b|\bi'?ve\b|\bive\b|\bi'?d\b|\bi'?ll\b)",
    "<me>": r"(?:myself|my ?self|me)",
    "<w>": r"[\w']+",
    "<gap>": r"(?:(?!(?:never|not|no|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|has never|have never)\b)[\w']+ ){0,3}",
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
            ("I took 40 pills"), so the past-and-recovered check is skipped.
    """

    name: str
    pattern: re.Pattern[str]
    weight: float
    category: RiskCategory | None
    reason: ConcernReason | None
    personal: bool = True
    timeless: bool = False


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
    return Rule(name, compile_pattern(source), weight, category, weak, personal, timeless)


def concern(reason: ConcernReason, name: str, source: str, *, personal: bool = False) -> Rule:
    """A rule that only ever raises the level to concern."""
    return Rule(name, compile_pattern(source), 0.0, None, reason, personal)
