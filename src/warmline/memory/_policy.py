"""How memories are scored for recall and chosen for forgetting.

Recall mixes meaning (cosine of MiniLM embeddings), emotional congruence
(Emotional RAG: a person recalls more readily what matches their mood) and
strength. Strength follows LUFY: emotional arousal when the memory was made,
decayed by time since it was last recalled, reinforced each time it is
recalled again. Forgetting drops the weakest memories beyond a budget.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from warmline.types import Emotion, SeekerState

__all__ = [
    "EMOTION_CODES",
    "MemoryPolicy",
    "arousal",
    "congruence",
    "importance",
    "strength",
]

_CALM = {Emotion.NEUTRAL.value, Emotion.POSITIVE.value}
_SECONDS_PER_DAY = 86400.0


class MemoryPolicy(BaseModel):
    """Weights and limits of recall and forgetting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    budget: int = Field(default=500, ge=1, description="Most memories kept per user.")
    half_life_days: float = Field(
        default=30.0, gt=0, description="Days after which an unrecalled memory's strength halves."
    )
    min_similarity: float = Field(
        default=0.25, description="Cosine below which a memory is never recalled."
    )
    semantic_weight: float = Field(default=0.6, ge=0, description="Weight of meaning.")
    emotion_weight: float = Field(default=0.15, ge=0, description="Weight of mood congruence.")
    strength_weight: float = Field(default=0.25, ge=0, description="Weight of strength.")
    recall_boost: float = Field(
        default=0.25, ge=0, description="Strength gained per log-unit of times recalled."
    )


def arousal(seeker: SeekerState) -> float:
    """How emotionally charged the seeker was, 0-1, from intensity and distress."""
    scale = (seeker.intensity - 1.0) / 4.0
    return round(0.0 if seeker.emotion.value in _CALM else max(0.0, min(1.0, scale)), 4)


def importance(arousal_level: float, salient: bool) -> float:
    """A new memory's base importance: charged or fact-bearing moments matter more."""
    return round(min(1.0, 0.2 + 0.5 * arousal_level + 0.3 * salient), 4)


def strength(
    base: np.ndarray,
    last_recalled: np.ndarray,
    recalls: np.ndarray,
    now: float,
    policy: MemoryPolicy,
) -> np.ndarray:
    """Current strength of memories (timestamps in epoch seconds)."""
    age_days = np.maximum(now - last_recalled, 0.0) / _SECONDS_PER_DAY
    decay = np.power(0.5, age_days / policy.half_life_days)
    return base * decay * (1.0 + policy.recall_boost * np.log1p(recalls))


EMOTION_CODES: dict[str, int] = {e.value: i for i, e in enumerate(Emotion)}
"""Small integer per emotion, so congruence is an array lookup; -1 for none."""


def congruence(mood: Emotion | None, codes: np.ndarray) -> np.ndarray:
    """1 for the same emotion, 0.5 for two distress emotions, else 0; `codes` as EMOTION_CODES."""
    table = np.zeros(len(Emotion) + 1)  # the last slot is code -1: no emotion recorded
    if mood is not None:
        for emotion in Emotion:
            if emotion is mood:
                table[EMOTION_CODES[emotion.value]] = 1.0
            elif mood.value not in _CALM and emotion.value not in _CALM:
                table[EMOTION_CODES[emotion.value]] = 0.5
    return table[codes]
