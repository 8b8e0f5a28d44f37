"""The perceive stage: update the seeker's state from their newest message."""

from __future__ import annotations

from warmline.perceive._lexicon import perceive_message
from warmline.turn import TurnState

__all__ = ["PerceiveStage"]


class PerceiveStage:
    """Updates emotion, intensity and cause in the carried conversation state."""

    async def __call__(self, state: TurnState) -> TurnState:
        """Perceive the new message."""
        seeker = perceive_message(state.message, state.previous_seeker)
        state.conversation.seeker = seeker
        about = f" about {seeker.cause}" if seeker.cause else ""
        state.reasoning.append(
            f"The seeker seems to feel {seeker.emotion.value} "
            f"(intensity {seeker.intensity:.1f}/5){about}."
        )
        return state
