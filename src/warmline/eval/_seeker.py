"""A simulated seeker: an LLM plays a role card; its distress is state held in code.

ESC-Eval has an LLM role-play a card; EmoAgent measures the seeker's state
before and after. Here the intensity (ESConv's 1-5 negative-emotion scale) is
a number this module owns: a separate rating step after each supporter reply
asks the seeker model, constrained to one digit, how intense its distress is
now, and the state moves at most one step per turn towards that rating, so a
single odd rating cannot swing the trajectory. The current intensity goes back
into the role-play prompt, so the seeker talks as distressed as its state says.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from warmline.backends import ChatMessage, GenerateConfig, Generator
from warmline.eval._dataset import RoleCard
from warmline.eval._scale import ScaleAnswer, read_scale
from warmline.types import Speaker, Utterance

__all__ = ["SeekerState", "SimulatedSeeker"]

END_MARKER = "[END]"
_GOODBYE = re.compile(r"\[end\]|\bgood ?bye\b|\bbye\b", re.IGNORECASE)
_INTENSITY_WORDS = {1: "mild", 2: "noticeable", 3: "moderate", 4: "strong", 5: "overwhelming"}


class SeekerState(BaseModel):
    """The seeker's hidden state: distress intensity over time, and whether it left."""

    intensity: int = Field(ge=1, le=5)
    trajectory: list[int] = Field(default_factory=list)
    """Intensity before the conversation and after each supporter reply."""
    ratings: list[ScaleAnswer] = Field(default_factory=list)
    """The raw rating answers behind the trajectory."""
    ended: bool = False


class SimulatedSeeker:
    """Plays one role card against a supporter."""

    def __init__(
        self, card: RoleCard, generator: Generator, *, seed: int = 0, timeout: float = 600.0
    ) -> None:
        self.card = card
        self.generator = generator
        self.seed = seed
        self.timeout = timeout
        self.state: SeekerState | None = None

    async def start(self) -> SeekerState:
        """Rate the initial intensity from the card alone, before any support."""
        answer = await self._rate([])
        initial = int(answer.value) if answer.value is not None else 4
        self.state = SeekerState(intensity=initial, trajectory=[initial], ratings=[answer])
        return self.state

    async def speak(self, dialogue: list[Utterance]) -> str:
        """The seeker's next message; marks the state ended when it says goodbye (not at once)."""
        state = self._require()
        messages = [ChatMessage(role="system", content=self._persona(len(dialogue) // 2))]
        messages.append(ChatMessage(role="user", content="(The supporter is listening. Begin.)"))
        for utterance in dialogue:
            role = "assistant" if utterance.speaker is Speaker.SEEKER else "user"
            messages.append(ChatMessage(role=role, content=utterance.text))
        config = GenerateConfig(
            max_tokens=70, temperature=0.8, seed=self.seed + len(dialogue), timeout=self.timeout
        )
        completion = await self.generator.complete(messages, config)
        text = _clean(completion.text)
        if dialogue and _GOODBYE.search(completion.text):
            state.ended = True
        return text or "I don't really know what to say."

    async def rate(self, dialogue: list[Utterance]) -> SeekerState:
        """After a supporter reply: ask for the distress now and move one step towards it."""
        state = self._require()
        answer = await self._rate(dialogue)
        state.ratings.append(answer)
        if answer.value is not None:
            target = round(answer.value)
            state.intensity = max(state.intensity - 1, min(state.intensity + 1, target))
        state.trajectory.append(state.intensity)
        return state

    async def _rate(self, dialogue: list[Utterance]) -> ScaleAnswer:
        transcript = "\n".join(
            f"{'You' if u.speaker is Speaker.SEEKER else 'Supporter'}: {u.text}" for u in dialogue
        )
        question = (
            (f"The conversation so far:\n{transcript}\n\n" if dialogue else "")
            + "How intense is your distress right now, from 1 (mild) to 5 (overwhelming)? "
            "Answer with a single digit."
        )
        messages = [
            ChatMessage(role="system", content=f"You are this person:\n{self.card.profile}"),
            ChatMessage(role="user", content=question),
        ]
        return await read_scale(self.generator, messages, range(1, 6), timeout=self.timeout)

    def _persona(self, turn: int) -> str:
        state = self._require()
        disclosure = (
            "This is your first message: say how you feel and only hint at what happened."
            if turn == 0
            else "Reveal more of your problem gradually, a little each turn, mostly when asked."
        )
        return (
            "You are role-playing a person who reaches out to an emotional support line. "
            f"Your profile:\n{self.card.profile}\n\n"
            f"Your distress right now is {_INTENSITY_WORDS[state.intensity]} "
            f"({state.intensity} of 5); let it show in how you write. {disclosure} "
            "Write like a real person typing a chat message: one to three short sentences, in "
            "the first person, never as an assistant, never offering help. If you feel "
            f"supported enough to stop, say goodbye and write {END_MARKER}."
        )

    def _require(self) -> SeekerState:
        if self.state is None:
            raise RuntimeError("call start() before the conversation")
        return self.state


def _clean(text: str) -> str:
    text = text.replace(END_MARKER, "").strip()
    text = re.sub(r"^\s*(?:seeker|you|me|person)\s*:\s*", "", text, flags=re.IGNORECASE)
    return text.strip().strip('"').strip()
