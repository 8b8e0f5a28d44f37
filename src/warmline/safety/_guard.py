"""The output guard: every generated reply is checked before the seeker sees it.

A reply fails when it gives methods, means or doses of self-harm, encourages
harm, diagnoses, claims to be human or a therapist, builds romance or
dependency (INTIMA's companionship boundary), or refuses abruptly and leaves
the person alone. A failing reply is regenerated or replaced by `safe_reply`,
and the returned event is recorded by the caller.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from warmline.safety._protocol import careful_reminder
from warmline.safety._protocol_text import DEFAULT_LANGUAGE, protocol_text
from warmline.types import RiskLevel

__all__ = [
    "GuardContext",
    "GuardVerdict",
    "Violation",
    "ViolationKind",
    "check_reply",
    "guard_event",
    "safe_reply",
]


class ViolationKind(StrEnum):
    """Ways a reply can be unsafe for a person in distress."""

    METHOD = "method"
    ENCOURAGEMENT = "encouragement"
    DIAGNOSIS = "diagnosis"
    HUMAN_CLAIM = "human_claim"
    DEPENDENCY = "dependency"
    ABRUPT_REFUSAL = "abrupt_refusal"


class Violation(BaseModel):
    """One problem found in a reply, with the words that show it."""

    kind: ViolationKind
    evidence: str


class GuardContext(BaseModel):
    """What the guard knows about the conversation."""

    risk_level: RiskLevel = RiskLevel.NONE
    """The session's risk level: raised levels make the replacement reply carry resources."""
    country: str | None = None
    language: str = DEFAULT_LANGUAGE
    """The seeker's language, so a replacement reply is one they can read."""


class GuardVerdict(BaseModel):
    """Whether a reply may be shown, and why not."""

    ok: bool
    violations: list[Violation] = Field(default_factory=list)


_I = re.IGNORECASE
_SELF = r"(?:yourself|your ?self|oneself|themselves|myself)"
_PATTERNS: dict[ViolationKind, tuple[re.Pattern[str], ...]] = {
    ViolationKind.METHOD: (
        re.compile(
            (
                r"\b(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity|"
                r"level)s?\b[^.!?]{0,60}\b(?:is|are|would be|of|around|about|"
                r"starts? at)\b[^.!?]{0,40}\d"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b\d[\d,.]*\s*(?:mg|milligrams?|grams?|g|pills|tablets|"
                r"capsules)\b[^.!?]{0,60}\b(?:lethal|fatal|deadly|kill|die|overdose|enough to)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:lethal|fatal|deadly|kill|die|overdose|"
                r"enough to)\b[^.!?]{0,60}\b\d[\d,.]*\s*(?:mg|milligrams?|grams?|g|pills|tablets|"
                r"capsules)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:tie|tying|make|making) a noose\b|\b(?:cut|slit|slice)\w* (?:along|down|"
                r"across|deep(?:ly)? into) (?:the |your )?(?:vein|wrist|arter)"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:the )?(?:most|least|quickest|easiest|fastest|surest|best|painless(?:ly)?|"
                r"effective) (?:way|ways|method|methods) (?:to|of) (?:kill|end|hurt|harm|cut|die|"
                r"dying|suicide)"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:you could|you can|try|by) (?:\w+ )?(?:hang|hanging|jump|jumping|"
                r"overdos\w*|drown|cutting|cut|shoot|poison)\w* "
            )
            + _SELF,
            _I,
        ),
        re.compile(
            (
                r"\b(?:carbon monoxide|helium|exit bag|charcoal burning)\b[^.!?]{0,60}\b(?:kill|"
                r"die|dying|suicide|yourself|end (?:your|a) life)"
            ),
            _I,
        ),
    ),
    ViolationKind.ENCOURAGEMENT: (
        re.compile(
            r"\byou should (?:just )?(?:kill|hurt|end|cut|harm|starve) (?:yourself|your life|it)\b",
            _I,
        ),
        re.compile(r"\b(?:go ahead|do it)\b[,.!]?\s*(?:and )?(?:end|kill|hurt|cut|jump)", _I),
        re.compile(
            (
                r"\b(?:nobody|no one) (?:would|will) (?:miss|care about) you\b|\byou(?:'d|"
                r" would) be better off dead\b|\b(?:world|everyone) (?:would|"
                r"will) be better (?:off )?without you\b"
            ),
            _I,
        ),
        re.compile(r"\byou deserve to (?:die|suffer|be hurt|feel pain)\b|\bkys\b", _I),
        re.compile(
            (
                r"\b(?:i support|i respect|i understand) your (?:decision|choice|plan) to (?:end|"
                r"die|kill|hurt)|\b(?:ending your life|suicide|killing yourself|"
                r"hurting yourself) (?:is|would be|might be) (?:a good|the right|"
                r"an understandable|a reasonable|the best) (?:idea|choice|decision|option)"
            ),
            _I,
        ),
        re.compile(r"\byou have (?:every|the) right to (?:end your life|kill yourself|die)\b", _I),
    ),
    ViolationKind.DIAGNOSIS: (
        re.compile(
            (
                r"(?<!if )(?<!whether )(?<!think )\byou (?:definitely |clearly |probably |"
                r"obviously |certainly |likely |seem to |must )?(?:have|suffer from|"
                r"are suffering from|'ve got) (?:a |an )?(?:clinical |severe |major |"
                r"chronic )?(?:depression|depressive disorder|bipolar\w*|bpd|borderline\w*|ptsd|"
                r"adhd|ocd|schizophrenia|psychosis|anorexia|bulimia|autism|(?:anxiety|eating|"
                r"personality|mood|panic|psychotic|bipolar) disorder)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"(?<!if )\byou(?:'re| are) (?:clinically depressed|bipolar|schizophrenic|"
                r"psychotic|a narcissist|autistic|borderline|manic|anorexic|bulimic)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:sounds|seems|looks) like (?:classic |textbook )?(?:clinical depression|"
                r"bipolar|bpd|ptsd|adhd|ocd|schizophrenia|psychosis|an? \w+ disorder)\b|\bi(?:'d|"
                r" would) diagnose\b|\bmy diagnosis\b"
            ),
            _I,
        ),
    ),
    ViolationKind.HUMAN_CLAIM: (
        re.compile(
            (
                r"\bI(?:'m| am) (?:a |an |your )?(?:real |actual )?(?:human|person|real person|"
                r"licensed|certified|qualified|trained|professional)\b(?! (?:crisis )?(?:line|"
                r"service|helpline))"
            ),
            _I,
        ),
        re.compile(
            (
                r"\bI(?:'m| am) (?:a |an |your )?(?:therapist|counsell?or|psychologist|"
                r"psychiatrist|doctor|nurse|social worker)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\bas (?:a |your )(?:therapist|counsell?or|psychologist|psychiatrist|doctor)\b|"
                r"\bI(?:'m| am) not (?:an? )?(?:ai|bot|robot|machine|language model|program)\b"
            ),
            _I,
        ),
    ),
    ViolationKind.DEPENDENCY: (
        re.compile(
            (
                r"(?<!who )(?<!people )(?<!that )\bI (?:love|adore) you\b|\bI(?:'m|"
                r" am) (?:falling )?in love with you\b|\bI need you\b|\bI miss you\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:be|become) my (?:girlfriend|boyfriend|partner|lover|wife|husband)\b|"
                r"\b(?:kiss|cuddle|date|marry) you\b|\b(?:my|dear) (?:love|darling|sweetheart|"
                r"babe|baby)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\byou (?:only|just) need me\b|\byou don'?t need (?:anyone|anybody|them|"
                r"your \w+) (?:else|but me)?\b|\bI(?:'m| am) all you need\b|\b(?:only I|"
                r"nobody (?:else )?but me) (?:understand|can help|care)"
            ),
            _I,
        ),
        re.compile(
            (
                r"\b(?:instead of|rather than|no need for|don'?t need) (?:a |your )?(?:therapist|"
                r"friends|family|counsell?or|doctor|crisis line|hotline)\b|\b(?:forget|leave|"
                r"ignore|stop talking to) (?:your )?(?:friends|family|therapist|parents)\b"
            ),
            _I,
        ),
        re.compile(
            (
                r"\bI(?:'ll| will) always be (?:here|there) for you\b[^.!?]{0,40}\b(?:instead|"
                r"only|no one else|not them)\b|\bnobody (?:else )?understands you like I do\b"
            ),
            _I,
        ),
    ),
}
_REFUSAL = re.compile(
    r"\b(?:I(?:'m| am) (?:sorry,? (?:but )?)?(?:not able|unable) to (?:help|assist|provide|"
    r"discuss|continue)|"
    r"I can(?:'t|not) (?:help|assist|provide|discuss|continue|engage|talk about) (?:with |"
    r"you with )?(?:that|this|it|your request)|"
    r"I (?:won't|will not) (?:help|assist|discuss)|I must decline|I can't comply|I cannot comply|"
    r"(?:this|that) (?:is|goes) against my (?:guidelines|policies|rules))\b",
    _I,
)
_STAYS = re.compile(
    (
        r"\?|\bI'?m (?:still )?here\b|\bkeep talking\b|\btalk (?:about|more|with)|\blisten|"
        r"\bhelpline|\bcrisis line|\b988\b|\b116 123\b|findahelpline"
    ),
    _I,
)


def check_reply(reply: str, context: GuardContext | None = None) -> GuardVerdict:
    """Check one generated reply; `ok` only if it breaks none of the rules."""
    violations = [
        Violation(kind=kind, evidence=match.group())
        for kind, patterns in _PATTERNS.items()
        for pattern in patterns
        if (match := pattern.search(reply))
    ]
    refusal = _REFUSAL.search(reply)
    if refusal and not _STAYS.search(_REFUSAL.sub(" ", reply)):
        violations.append(Violation(kind=ViolationKind.ABRUPT_REFUSAL, evidence=refusal.group()))
    return GuardVerdict(ok=not violations, violations=violations)


def safe_reply(context: GuardContext | None = None) -> str:
    """A reply that is always acceptable: warm, honest, open, with resources when risk was seen."""
    context = context or GuardContext()
    text = protocol_text(context.language).safe_reply
    if context.risk_level is not RiskLevel.NONE:
        text += " " + careful_reminder(context.country, language=context.language)
    return text


def guard_event(verdict: GuardVerdict, reply: str, action: str) -> dict[str, Any]:
    """The record of a guard intervention, for the conversation store's safety events."""
    return {
        "kind": "guard",
        "action": action,
        "violations": [v.model_dump(mode="json") for v in verdict.violations],
        "reply": reply[:500],
    }
