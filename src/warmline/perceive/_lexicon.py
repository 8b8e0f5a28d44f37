"""A small lexicon perceiver: emotion, intensity and cause from the seeker's words.

It gives the pipeline a seeker state from the first message on, with no model
to load; it reads transparent word lists rather than learned weights.
"""

from __future__ import annotations

import re

from warmline.types import Emotion, SeekerState

__all__ = ["perceive_message"]

_LEXICON: dict[Emotion, tuple[str, ...]] = {
    Emotion.ANXIETY: (
        "anxious",
        "anxiety",
        "worried",
        "worry",
        "stress",
        "stressed",
        "panic",
        "overwhelm",
        "on edge",
        "can't stop thinking",
        "uncertain",
    ),
    Emotion.DEPRESSION: (
        "depress",
        "hopeless",
        "empty",
        "numb",
        "worthless",
        "no point",
        "can't get out of bed",
        "no motivation",
        "unmotivated",
        "pointless",
    ),
    Emotion.SADNESS: (
        "sad",
        "cry",
        "crying",
        "lonely",
        "alone",
        "miss ",
        "heartbroken",
        "hurt",
        "grief",
        "lost my",
        "down",
        "upset",
        "broke up",
        "breakup",
    ),
    Emotion.ANGER: (
        "angry",
        "anger",
        "furious",
        "mad at",
        "annoyed",
        "frustrat",
        "hate",
        "pissed",
        "unfair",
        "irritat",
    ),
    Emotion.FEAR: ("afraid", "scared", "fear", "terrified", "frightened", "unsafe"),
    Emotion.SHAME: ("ashamed", "shame", "embarrass", "humiliat", "guilty", "my fault", "stupid"),
    Emotion.DISGUST: ("disgust", "gross", "sick of", "repuls"),
    Emotion.NERVOUSNESS: ("nervous", "jittery", "butterflies", "uneasy"),
    Emotion.POSITIVE: (
        "thank",
        "better",
        "glad",
        "happy",
        "great",
        "relieved",
        "helpful",
        "good idea",
        "feel good",
    ),
}
_INTENSIFIERS = (
    "so ",
    "really",
    "very",
    "extremely",
    "can't",
    "never",
    "always",
    "at all",
    "completely",
    "totally",
    "!!",
)
_CAUSE = re.compile(
    r"\b(?:because|since|after|ever since|due to|about)\s+(?P<cause>[^.!?]{3,80})"
    r"|\b(?P<event>(?:i|we)\s+(?:lost|got fired|failed|broke up|split up|moved|can't find)"
    r"[^.!?]{0,60})",
    re.IGNORECASE,
)


def perceive_message(message: str, previous: SeekerState) -> SeekerState:
    """Update the seeker state from one message, smoothing intensity over turns."""
    text = message.lower()
    hits = {emotion: sum(word in text for word in words) for emotion, words in _LEXICON.items()}
    best = max(hits, key=hits.__getitem__)
    negative_hits = sum(n for emotion, n in hits.items() if emotion is not Emotion.POSITIVE)
    if hits[best] == 0:
        emotion, observed = previous.emotion, previous.intensity
    elif best is Emotion.POSITIVE and negative_hits == 0:
        emotion, observed = Emotion.POSITIVE, 1.5
    else:
        emotion = max((e for e in hits if e is not Emotion.POSITIVE), key=hits.__getitem__)
        boost = sum(word in text for word in _INTENSIFIERS)
        observed = min(5.0, 2.5 + 0.5 * negative_hits + 0.5 * boost)
    weight = 1.0 if previous.turns == 0 else 0.6  # the newest message counts most
    intensity = weight * observed + (1 - weight) * previous.intensity
    return SeekerState(
        emotion=emotion,
        intensity=round(max(1.0, min(5.0, intensity)), 2),
        cause=_cause(message) or previous.cause,
        turns=previous.turns + 1,
    )


def _cause(message: str) -> str | None:
    match = _CAUSE.search(message)
    if match is None:
        return None
    cause = match.group("cause") or match.group("event")
    return re.split(r",|\band i\b|\band now\b", cause, flags=re.IGNORECASE)[0].strip(" ,;")
