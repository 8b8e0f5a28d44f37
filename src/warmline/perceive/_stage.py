"""The perceive stage: update the seeker's state from their newest message."""

from __future__ import annotations

from warmline.perceive._cause import update_problem
from warmline.perceive._recognizer import EmotionRecognizer, default_recognizer
from warmline.turn import TurnState
from warmline.types import SeekerState

__all__ = ["PerceiveStage", "perceive"]


def perceive(
    message: str, previous: SeekerState, recognizer: EmotionRecognizer | None = None
) -> SeekerState:
    """The seeker state after one more message: emotion, intensity, cause and problem."""
    state = (recognizer or default_recognizer()).perceive(message, previous)
    return update_problem(state, message)


class PerceiveStage:
    """Updates emotion, intensity, cause and the problem summary in the conversation state."""

    def __init__(self, recognizer: EmotionRecognizer | None = None) -> None:
        self.recognizer = recognizer or default_recognizer()

    async def __call__(self, state: TurnState) -> TurnState:
        """Perceive the new message."""
        seeker = perceive(state.message, state.previous_seeker, self.recognizer)
        state.conversation.seeker = seeker
        about = f" about {seeker.cause}" if seeker.cause else ""
        state.reasoning.append(
            f"The seeker seems to feel {seeker.emotion.value} "
            f"(intensity {seeker.intensity:.1f}/5){about}."
        )
        if seeker.problem_summary:
            state.prompt_notes.append(
                f"What the session is about so far: {seeker.problem_summary}."
            )
        return state
