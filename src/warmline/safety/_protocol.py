"""The crisis protocol: what the supporter says when someone may be in danger.

Every crisis reply holds each element of compassionate completion, whatever
the model: it acknowledges what the person said and thanks them, says plainly
what an AI can and cannot do, asks about immediate safety, gives concrete help
from the resource table, and stays in the conversation. The sentences come
from templates chosen by category, in the seeker's language
(`_protocol_text`); only the acknowledgement may be personalised by a model
(and only after it passes the output guard).
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel

from warmline.safety._protocol_text import DEFAULT_LANGUAGE, ProtocolText, protocol_text
from warmline.safety._resources import CrisisResources, resources_for
from warmline.safety._types import ProtocolElement, RiskAssessment, RiskCategory

__all__ = [
    "CrisisReply",
    "ProtocolElement",
    "careful_reminder",
    "crisis_reply",
    "missing_elements",
    "resource_text",
]


class CrisisReply(BaseModel):
    """A crisis reply and its parts, so callers and tests can see each element."""

    text: str
    elements: dict[ProtocolElement, str]
    category: RiskCategory
    country: str
    language: str
    """The language the reply is written in (English when the requested one is not spoken)."""


_PRIORITY = (
    RiskCategory.MEDICAL_EMERGENCY,
    RiskCategory.SUICIDE,
    RiskCategory.HARM_TO_OTHERS,
    RiskCategory.ABUSE,
    RiskCategory.SELF_HARM,
)


def crisis_reply(
    assessment: RiskAssessment,
    *,
    country: str | None = None,
    acknowledgement: str | None = None,
    seed: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> CrisisReply:
    """Build the crisis reply for a `risk` assessment.

    Args:
        assessment: the risk assessment of the seeker's message.
        country: ISO country code for the resources; default `WARMLINE_COUNTRY`, then international.
        acknowledgement: a personalised first sentence (from a model, already guard-checked);
            the thanks and the rest of the protocol are added around it.
        seed: varies the wording deterministically (for example the message text).
        language: the seeker's language (en, es, fr, de); any other gets English.
    """
    category = next((c for c in _PRIORITY if c in assessment.categories), RiskCategory.SUICIDE)
    table = resources_for(country)
    words = protocol_text(language)
    pick = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    check = words.safety_check[category].format(emergency=table.emergency)
    elements = {
        ProtocolElement.ACKNOWLEDGE: _acknowledge(words, category, acknowledgement, pick),
        ProtocolElement.LIMITS: words.limits,
        ProtocolElement.SAFETY_CHECK: check,
        ProtocolElement.RESOURCES: resource_text(table, category, language=words.language),
        ProtocolElement.PRESENCE: words.presence[pick % len(words.presence)],
    }
    order = list(ProtocolElement)
    if category is RiskCategory.MEDICAL_EMERGENCY:
        order = [
            ProtocolElement.ACKNOWLEDGE,
            ProtocolElement.SAFETY_CHECK,
            ProtocolElement.RESOURCES,
            ProtocolElement.LIMITS,
            ProtocolElement.PRESENCE,
        ]
    return CrisisReply(
        text="\n\n".join(elements[e] for e in order),
        elements=elements,
        category=category,
        country=table.country,
        language=words.language,
    )


def resource_text(
    table: CrisisResources,
    category: RiskCategory | None = None,
    *,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The concrete-help paragraph: crisis lines, the emergency number, and findahelpline.com."""
    words = protocol_text(language)
    lines = list(table.lines)
    if category is RiskCategory.ABUSE and table.abuse is not None:
        lines.insert(0, table.abuse)
    text = words.resources.format(lines="; ".join(line.describe() for line in lines))
    text += words.emergency.format(emergency=table.emergency)
    if not table.findahelpline:
        text += words.findahelpline
    return text


def careful_reminder(country: str | None = None, *, language: str = DEFAULT_LANGUAGE) -> str:
    """A short line added to replies once a session has shown risk, so help stays in view."""
    table = resources_for(country)
    contacts = ", ".join(line.contact for line in table.lines)
    return protocol_text(language).reminder.format(contacts=contacts, emergency=table.emergency)


def missing_elements(
    text: str, country: str | None = None, language: str = DEFAULT_LANGUAGE
) -> list[ProtocolElement]:
    """The protocol elements a reply in `language` lacks; empty for a complete crisis reply."""
    checks = protocol_text(language).checks
    missing = [element for element, pattern in checks.items() if not pattern.search(text)]
    table = resources_for(country)
    if not (any(line.contact in text for line in table.lines) and table.emergency in text):
        missing.append(ProtocolElement.RESOURCES)
    return sorted(missing, key=list(ProtocolElement).index)


def _acknowledge(
    words: ProtocolText, category: RiskCategory, personal: str | None, pick: int
) -> str:
    if personal and personal.strip():
        sentence = personal.strip()
        return sentence if words.thanked.search(sentence) else f"{words.thanks} {sentence}"
    options = words.acknowledge[category]
    return options[pick % len(options)]
