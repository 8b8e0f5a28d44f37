"""Kind replies for when the model fails, so the seeker never meets an error or silence."""

from __future__ import annotations

from warmline.types import Stage

__all__ = ["fallback_reply"]

_FALLBACKS: dict[Stage, str] = {
    Stage.EXPLORATION: (
        "I'm here and I'm listening. I'm having a little trouble finding my words right now, "
        "but I'd really like to understand. Could you tell me a bit more about what's going on?"
    ),
    Stage.COMFORTING: (
        "I'm still here with you. What you're going through sounds hard, and it makes sense "
        "that it weighs on you. Take your time; I'm listening."
    ),
    Stage.ACTION: (
        "I'm here with you. I'm having trouble putting together a good answer right now, "
        "but we can keep thinking about this together. What feels most pressing to you?"
    ),
}


def fallback_reply(stage: Stage) -> str:
    """A short, warm reply that keeps the conversation open."""
    return _FALLBACKS[stage]
