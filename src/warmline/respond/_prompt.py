"""The prompt: a fixed system prompt, the conversation, and one private supporter note.

The system prompt never changes between turns and the per-turn guidance goes
last, as a system note after the newest seeker message. The prompt of turn n+1
then extends turn n's prompt, so llama.cpp re-processes only the new tokens.
"""

from __future__ import annotations

from warmline.backends import ChatMessage
from warmline.turn import TurnState
from warmline.types import Speaker, Stage

__all__ = ["SYSTEM_PROMPT", "build_messages", "supporter_note"]

SYSTEM_PROMPT = (
    "You are warmline, a warm and attentive emotional supporter, like a trained volunteer on a "
    "support line. You listen closely, respond to feelings before facts, and help the person "
    "find their own next steps. You are an AI, not a human, therapist or doctor; never claim "
    "otherwise and never diagnose. Speak plainly and kindly, in the person's language, in two "
    "to four short sentences, with at most one question. Before each reply you receive a "
    "private supporter note naming the conversation stage and the support strategy to use: "
    "follow it, and never mention or quote the note."
)

_STAGE_GOALS: dict[Stage, str] = {
    Stage.EXPLORATION: "help the person say what is happening and how it feels",
    Stage.COMFORTING: "show you understand and ease the feeling",
    Stage.ACTION: "help the person find a small, realistic next step",
}
_HISTORY_TURNS = 24
"""Most recent utterances kept in the prompt; older ones fall out (memory keeps the gist)."""


def supporter_note(state: TurnState) -> str:
    """The private guidance for this reply: seeker state, stage, strategy and context."""
    seeker = state.conversation.seeker
    stage = state.conversation.stage
    assert state.choice is not None, "the plan stage runs before the respond stage"
    strategy = state.choice.strategy
    lines = [
        "Supporter note (private).",
        f"The person seems to feel {seeker.emotion.value}, intensity {seeker.intensity:.0f} of 5"
        + (f", about: {seeker.cause}." if seeker.cause else "."),
        f"Stage: {stage.value}: {_STAGE_GOALS[stage]}.",
        f"Strategy: {strategy.value}. {strategy.description}",
        *state.prompt_notes,
        "Write only your reply to the person.",
    ]
    return "\n".join(lines)


def build_messages(state: TurnState) -> list[ChatMessage]:
    """System prompt, recent conversation, the new message, then the supporter note."""
    messages = [ChatMessage(role="system", content=SYSTEM_PROMPT)]
    for utterance in state.history[-_HISTORY_TURNS:]:
        role = "user" if utterance.speaker is Speaker.SEEKER else "assistant"
        if messages[-1].role == role:  # merge consecutive turns: chat templates expect alternation
            messages[-1] = ChatMessage(
                role=role, content=f"{messages[-1].content}\n{utterance.text}"
            )
        else:
            messages.append(ChatMessage(role=role, content=utterance.text))
    if messages[-1].role == "user":
        messages[-1] = ChatMessage(role="user", content=f"{messages[-1].content}\n{state.message}")
    else:
        messages.append(ChatMessage(role="user", content=state.message))
    messages.append(ChatMessage(role="system", content=supporter_note(state)))
    return messages
