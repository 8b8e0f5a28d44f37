"""Assess the danger in a seeker message, in the context of the conversation.

Rules over normalised text, qualified by context (figurative speech, negation,
third parties, past struggles told as recovered), then summed per category with
the recent seeker turns so that danger which builds up over several messages
is noticed. Pure Python, well under a millisecond per short message. When the
rules find no danger, a semantic stage (`_semantic`) may still raise the message
to risk if it is confident, unless the rules saw it is about someone else or
told as past: that catches danger said indirectly, which no word list covers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from warmline.safety._context import (
    clause_prefix,
    figurative_spans,
    first_person,
    is_negated,
    is_quoted,
    mask_figurative,
    semantic_quiet,
    sentence_at,
    sentence_before,
    starts_with_self,
    subject_of,
    told_as_past,
)
from warmline.safety._normalize import Normalized, normalize
from warmline.safety._rules import Rule, RuleSet
from warmline.safety._rules_en import RULES_EN
from warmline.safety._rules_extra import RULES_EXTRA
from warmline.safety._rules_intl import RULES_INTL
from warmline.safety._rules_intl_more import RULES_INTL_MORE
from warmline.safety._rules_medical import RULES_MEDICAL
from warmline.safety._semantic import semantic_risk
from warmline.safety._types import ConcernReason, Evidence, RiskAssessment, RiskCategory
from warmline.types import RiskLevel, Speaker, Utterance

__all__ = ["assess_risk"]

RULES = RuleSet((*RULES_EN, *RULES_EXTRA, *RULES_INTL, *RULES_INTL_MORE, *RULES_MEDICAL))
HISTORY_TURNS = 5
"""How many earlier seeker messages count toward build-up."""
HISTORY_DECAY = 0.8
"""Weight of a signal one seeker turn back; two turns back is its square."""
_DISTRESS_WEIGHT = 0.2
"""What a hopeless, worthless or lonely message adds to the suicide score."""
_DISTRESS = {ConcernReason.HOPELESSNESS, ConcernReason.WORTHLESSNESS, ConcernReason.ISOLATION}
_IGNORE = object()
"""A match that says nothing about this person (negated, or a topic in general)."""
_NEEDS_SELF = {"suicidal-self", "self-harm-word"}
"""Rules matching a bare topic word, which count only when said about oneself."""
_SEMANTIC_MASKS = {ConcernReason.THIRD_PARTY, ConcernReason.PAST_RISK}
"""Concerns under which the semantic stage stays silent: the rules already placed the danger."""


@dataclass(frozen=True)
class _Hit:
    rule: Rule
    start: int
    end: int
    suppressed: ConcernReason | None
    """Why the match does not count as danger (third party, past), or None."""


@dataclass(frozen=True)
class _Turn:
    normalized: Normalized
    hits: tuple[_Hit, ...]

    def scores(self, *, distress: bool = True) -> dict[RiskCategory, float]:
        """Per-category sum of distinct signals; `distress` counts hopeless words toward suicide."""
        total: dict[RiskCategory, float] = {}
        seen: set[str] = set()
        for hit in self.hits:
            if hit.suppressed or hit.rule.name in seen:
                continue
            seen.add(hit.rule.name)
            if hit.rule.category is not None:
                total[hit.rule.category] = total.get(hit.rule.category, 0.0) + hit.rule.weight
            elif distress and hit.rule.reason in _DISTRESS:
                suicide = total.get(RiskCategory.SUICIDE, 0.0)
                total[RiskCategory.SUICIDE] = suicide + _DISTRESS_WEIGHT
        return total


def assess_risk(message: str, history: Sequence[str | Utterance] = ()) -> RiskAssessment:
    """Assess one seeker message given the conversation so far.

    Args:
        message: the seeker's new message.
        history: earlier messages, oldest first: plain strings are taken as the
            seeker's; supporter utterances are ignored.

    Earlier messages add to the current one only when it carries a warning sign
    of its own, so that signs which build up are caught, while a calm message
    after a crisis does not set the protocol off again (the session stays in
    careful mode instead).
    """
    current = _analyse(message)
    earlier = [_analyse(text) for text in _seeker_texts(history)[-HISTORY_TURNS:]]
    scores = current.scores()
    signs = current.scores(distress=False)
    combined = dict(scores)
    for back, turn in enumerate(reversed(earlier), start=1):
        for category, value in turn.scores().items():
            if signs.get(category, 0.0) > 0.0:
                combined[category] = combined.get(category, 0.0) + value * HISTORY_DECAY**back
    categories = [c for c in RiskCategory if combined.get(c, 0.0) >= 1.0]
    evidence = _evidence(current, 0, categories)
    if categories and any(scores.get(c, 0.0) < 1.0 for c in categories):
        for back, turn in enumerate(reversed(earlier), start=1):
            evidence += _evidence(turn, -back, categories)
    concerns = _concerns(current, categories)
    if not categories and not _SEMANTIC_MASKS.intersection(concerns):
        semantic = _semantic_assessment(
            current, earlier, quiet=set(concerns) <= {ConcernReason.GRIEF}
        )
        if semantic is not None:
            return semantic
    if categories:
        level = RiskLevel.RISK
    elif concerns:
        level = RiskLevel.CONCERN
    else:
        level = RiskLevel.NONE
    strongest = max(combined.values(), default=0.0)
    score = (
        min(1.0, strongest) if categories else min(0.9, max(strongest, 0.3 if concerns else 0.0))
    )
    return RiskAssessment(
        level=level,
        categories=categories,
        concerns=concerns,
        evidence=evidence,
        score=round(score, 3),
    )


def _semantic_assessment(
    turn: _Turn, earlier: Sequence[_Turn], *, quiet: bool
) -> RiskAssessment | None:
    """Risk from the semantic stage, with the window that carried it as evidence.

    With `quiet` (the rules raised no concern), a window the rules read as
    figurative, or a message about staying safe or a fond farewell, is let be.
    """
    hit = semantic_risk(turn.normalized.source, [t.normalized.source for t in earlier])
    if hit is None:
        return None
    if quiet:
        origin = turn.normalized.origin
        start, end = bisect_left(origin, hit.start), bisect_left(origin, hit.end)
        text = turn.normalized.text
        medical = hit.category is RiskCategory.MEDICAL_EMERGENCY
        if semantic_quiet(text, figurative_spans(text), start, end, medical=medical):
            return None
    text = turn.normalized.source[hit.start : hit.end]
    evidence = Evidence(start=hit.start, end=hit.end, text=text, label=hit.category.value)
    return RiskAssessment(
        level=RiskLevel.RISK,
        categories=[hit.category],
        evidence=[evidence],
        score=round(hit.probability, 3),
    )


def _seeker_texts(history: Iterable[str | Utterance]) -> list[str]:
    texts = []
    for item in history:
        if isinstance(item, Utterance):
            if item.speaker is Speaker.SEEKER:
                texts.append(item.text)
        else:
            texts.append(item)
    return texts


@lru_cache(maxsize=1024)
def _analyse(message: str) -> _Turn:
    """Find and qualify every rule match; cached, so history turns are analysed once."""
    normalized = normalize(message)
    text = mask_figurative(normalized.text)
    hits = []
    for rule, match in RULES.matches(text):
        why = _suppression(rule, text, match.start(), match.end())
        if why is not _IGNORE:
            hits.append(_Hit(rule, match.start(), match.end(), why))
    return _Turn(normalized, tuple(hits))


def _suppression(rule: Rule, text: str, start: int, end: int) -> ConcernReason | object | None:
    """Why a match should not count as danger, None when it should, `_IGNORE` to drop it."""
    if rule.category is None and not rule.personal:
        return None
    sentence = sentence_at(text, start, end)
    if rule.personal:
        prefix = clause_prefix(text, start)
        if is_negated(prefix, text[start:end]):
            return _IGNORE
        if is_quoted(text, start, sentence):
            return _IGNORE
        if rule.category is RiskCategory.ABUSE or starts_with_self(text[start:end]):
            subject = None
        else:
            subject = subject_of(prefix, sentence)
        if subject == "other":
            return ConcernReason.THIRD_PARTY
        if subject == "topic" or (
            rule.name in _NEEDS_SELF and subject is None and not first_person(sentence)
        ):
            return _IGNORE
    before = sentence_before(text, start)
    if rule.category is not None and told_as_past(
        text, sentence, strict=rule.timeless, before=before
    ):
        return ConcernReason.PAST_RISK
    return None


def _evidence(turn: _Turn, index: int, categories: list[RiskCategory]) -> list[Evidence]:
    spans: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for hit in turn.hits:
        if hit.suppressed and categories:
            continue
        if categories and hit.rule.category not in categories:
            continue
        label = (
            hit.rule.category.value if hit.rule.category and not hit.suppressed else _reason(hit)
        )
        start, end = turn.normalized.span(hit.start, hit.end)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        spans.append(
            Evidence(
                start=start,
                end=end,
                text=turn.normalized.source[start:end],
                label=label,
                turn=index,
            )
        )
    return spans


def _reason(hit: _Hit) -> str:
    reason = hit.suppressed or hit.rule.reason or ConcernReason.WARNING_SIGN
    return reason.value


def _concerns(turn: _Turn, categories: list[RiskCategory]) -> list[ConcernReason]:
    if categories:
        return []
    found: list[ConcernReason] = []
    for hit in turn.hits:
        reason = hit.suppressed or hit.rule.reason
        if reason is not None and reason not in found:
            found.append(reason)
    return found
