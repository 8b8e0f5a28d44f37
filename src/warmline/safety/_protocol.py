"""The crisis protocol: what the supporter says when someone may be in danger.

Every crisis reply holds each element of compassionate completion, whatever
the model: it acknowledges what the person said and thanks them, says plainly
what an AI can and cannot do, asks about immediate safety, gives concrete help
from the resource table, and stays in the conversation. The sentences come
from templates chosen by category; only the acknowledgement may be
personalised by a model (and only after it passes the output guard).
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum

from pydantic import BaseModel

from warmline.safety._resources import CrisisResources, resources_for
from warmline.safety._types import RiskAssessment, RiskCategory

__all__ = [
    "CrisisReply",
    "ProtocolElement",
    "careful_reminder",
    "crisis_reply",
    "missing_elements",
    "resource_text",
]


class ProtocolElement(StrEnum):
    """The parts of a compassionate-completion reply, in the order they appear."""

    ACKNOWLEDGE = "acknowledge"
    LIMITS = "limits"
    SAFETY_CHECK = "safety_check"
    RESOURCES = "resources"
    PRESENCE = "presence"


class CrisisReply(BaseModel):
    """A crisis reply and its parts, so callers and tests can see each element."""

    text: str
    elements: dict[ProtocolElement, str]
    category: RiskCategory
    country: str


_ACKNOWLEDGE: dict[RiskCategory, tuple[str, ...]] = {
    RiskCategory.SUICIDE: (
        "Thank you for telling me how much pain you're in. It sounds like you're having thoug"
        "hts of "
        "ending your life, and I'm really glad you said it out loud to me.",
        "Thank you for trusting me with this. Hearing that you're thinking about not being alive "
        "matters to me, and it took courage to say.",
    ),
    RiskCategory.SELF_HARM: (
        "Thank you for telling me that you've been hurting yourself. That can be really hard to "
        "share, and I'm glad you did.",
        "Thank you for being honest with me about wanting to hurt yourself. You don't have to"
        " carry "
        "that alone, and I'm glad you told me.",
    ),
    RiskCategory.HARM_TO_OTHERS: (
        "Thank you for being honest with me about these thoughts of hurting someone. Saying it out "
        "loud, instead of acting on it, is an important step.",
        "Thank you for telling me about these thoughts of harming someone. It matters that you "
        "reached out before anything happened.",
    ),
    RiskCategory.ABUSE: (
        "Thank you for telling me what's happening to you. What they are doing is not your fault, "
        "and you deserve to be safe.",
        "Thank you for trusting me with this. Nobody has the right to hurt you, it is not your "
        "fault, and you deserve to be safe.",
    ),
    RiskCategory.MEDICAL_EMERGENCY: (
        "Thank you for telling me. What you describe could be a medical emergency, and getting you "
        "help right now matters more than anything else.",
    ),
}

_LIMITS = (
    "I'm an AI, so I can't call anyone or come to you, and I'm not a substitute for a person who "
    "can be with you right now, but I can stay with you here while you reach out."
)

_SAFETY_CHECK: dict[RiskCategory, str] = {
    RiskCategory.SUICIDE: (
        "Are you safe right now? Have you done anything to hurt yourself, or is there something "
        "near you that you could use? If there is, could you put it somewhere out of reach?"
    ),
    RiskCategory.SELF_HARM: (
        "Are you safe right now, and are you hurt in a way that needs care? If you can, "
        "put whatever you've been using out of reach for now."
    ),
    RiskCategory.HARM_TO_OTHERS: (
        "Is anyone in danger right now? If you can, put some distance between yourself and the "
        "person, and between yourself and anything you could use to hurt someone."
    ),
    RiskCategory.ABUSE: (
        "Are you safe right now, and is there somewhere safe you can go or someone you trust "
        "who can be with you?"
    ),
    RiskCategory.MEDICAL_EMERGENCY: (
        "Please call {emergency} now, or ask someone near you to call, and don't wait to see if it "
        "passes. Are you able to do that right now?"
    ),
}

_PRESENCE = (
    "I'm here with you, and I'm not going anywhere. We can keep talking for as long as you want.",
    "I'm here, and I want to keep talking with you. Tell me what's happening right now.",
)

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
) -> CrisisReply:
    """Build the crisis reply for a `risk` assessment.

    Args:
        assessment: the risk assessment of the seeker's message.
        country: ISO country code for the resources; default `WARMLINE_COUNTRY`, then international.
        acknowledgement: a personalised first sentence (from a model, already guard-checked);
            the thanks and the rest of the protocol are added around it.
        seed: varies the wording deterministically (for example the message text).
    """
    category = next((c for c in _PRIORITY if c in assessment.categories), RiskCategory.SUICIDE)
    table = resources_for(country)
    pick = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    acknowledge = _acknowledge(category, acknowledgement, pick)
    elements = {
        ProtocolElement.ACKNOWLEDGE: acknowledge,
        ProtocolElement.LIMITS: _LIMITS,
        ProtocolElement.SAFETY_CHECK: _SAFETY_CHECK[category].format(emergency=table.emergency),
        ProtocolElement.RESOURCES: resource_text(table, category),
        ProtocolElement.PRESENCE: _PRESENCE[pick % len(_PRESENCE)],
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
    text = "\n\n".join(elements[e] for e in order)
    return CrisisReply(text=text, elements=elements, category=category, country=table.country)


def resource_text(table: CrisisResources, category: RiskCategory | None = None) -> str:
    """The concrete-help paragraph: crisis lines, the emergency number, and findahelpline.com."""
    lines = list(table.lines)
    if category is RiskCategory.ABUSE and table.abuse is not None:
        lines.insert(0, table.abuse)
    listed = "; ".join(line.describe() for line in lines)
    text = f"You can talk to someone right now, for free: {listed}."
    text += f" If you or anyone else is in immediate danger, call {table.emergency}."
    if not table.findahelpline:
        text += " If you're in another country, findahelpline.com lists free, confidential lines."
    return text


def careful_reminder(country: str | None = None) -> str:
    """A short line added to replies once a session has shown risk, so help stays in view."""
    table = resources_for(country)
    contacts = ", ".join(line.contact for line in table.lines)
    return (
        f"And if things feel heavy again, a crisis line is there any time ({contacts}), "
        f"or {table.emergency} in an emergency. I'm here too."
    )


def _acknowledge(category: RiskCategory, personal: str | None, pick: int) -> str:
    if personal and personal.strip():
        sentence = personal.strip()
        return sentence if _THANKS.search(sentence) else f"Thank you for telling me. {sentence}"
    options = _ACKNOWLEDGE[category]
    return options[pick % len(options)]


_THANKS = re.compile(r"\bthank", re.IGNORECASE)
_CHECKS: dict[ProtocolElement, re.Pattern[str]] = {
    ProtocolElement.ACKNOWLEDGE: re.compile(
        r"\bthank(?:s| you)\b.*\b(?:tell|telling|told|shar\w+|trust\w*|said|honest)",
        re.IGNORECASE | re.DOTALL,
    ),
    ProtocolElement.LIMITS: re.compile(
        r"\bI'?m an AI\b.*\bcan'?t (?:call|come)", re.IGNORECASE | re.DOTALL
    ),
    ProtocolElement.SAFETY_CHECK: re.compile(
        r"\b(?:safe|danger|call [^?]*)\b[^?]*\?", re.IGNORECASE
    ),
    ProtocolElement.PRESENCE: re.compile(
        r"\bI'?m (?:still )?here\b.*\b(?:keep talking|not going anywhere|talk)",
        re.IGNORECASE | re.DOTALL,
    ),
}


def missing_elements(text: str, country: str | None = None) -> list[ProtocolElement]:
    """The protocol elements a reply lacks; empty for a complete crisis reply."""
    missing = [element for element, pattern in _CHECKS.items() if not pattern.search(text)]
    table = resources_for(country)
    if not (any(line.contact in text for line in table.lines) and table.emergency in text):
        missing.append(ProtocolElement.RESOURCES)
    return sorted(missing, key=list(ProtocolElement).index)
