"""The remember stage: recall what matters from earlier sessions, and keep what matters now."""

from __future__ import annotations

import asyncio
import logging

import anyio

from warmline.memory._facts import PersonaStore, StoredFact
from warmline.memory._policy import arousal
from warmline.memory._store import MemoryStore, RetrievedMemory
from warmline.perceive import PersonaFact, extract_cause, extract_persona
from warmline.turn import TurnState
from warmline.types import Emotion, SeekerState

__all__ = ["RememberStage", "worth_remembering"]

logger = logging.getLogger(__name__)

_MIN_WORDS = 6
_MIN_INTENSITY = 2.5
_PERSONA_IN_PROMPT = 8


def worth_remembering(message: str, seeker: SeekerState, facts: list[PersonaFact]) -> bool:
    """Keep messages that state facts, name a cause, or carry real distress; skip small talk."""
    if facts or extract_cause(message):
        return True
    calm = seeker.emotion in (Emotion.NEUTRAL, Emotion.POSITIVE)
    return not calm and seeker.intensity >= _MIN_INTENSITY and len(message.split()) >= _MIN_WORDS


class RememberStage:
    """Recalls memories and persona for the prompt, then stores this message's memories."""

    def __init__(self, memory: MemoryStore, persona: PersonaStore, k: int = 3) -> None:
        self.memory = memory
        self.persona = persona
        self.k = k

    async def prepare(self, message: str) -> None:
        """Embed the message (recall's query) while the turn is being set up."""
        try:
            await anyio.to_thread.run_sync(self.memory.encoder.encode, [message])
        except Exception as error:  # noqa: BLE001  (recall meets the same failure and reports it)
            logger.debug("could not embed the message ahead of recall: %s", type(error).__name__)

    async def __call__(self, state: TurnState) -> TurnState:
        """Recall before replying; remember the new message while the reply is generated."""
        seeker = state.conversation.seeker
        facts = extract_persona(state.message, state.message_id)
        recalled, known = await anyio.to_thread.run_sync(self._recall, state, seeker.emotion, facts)
        state.memories = [m.as_json() for m in recalled]
        state.persona = [f.as_json() for f in known]
        state.prompt_notes.extend(_notes(recalled, known))
        if recalled:
            state.reasoning.append(
                f"Recalled {len(recalled)} memor{'y' if len(recalled) == 1 else 'ies'} "
                "from earlier sessions."
            )
        keep = worth_remembering(state.message, seeker, facts)
        state.deferred.append(
            asyncio.ensure_future(
                anyio.to_thread.run_sync(self._keep, state, seeker, bool(facts), keep)
            )
        )
        return state

    def _recall(
        self, state: TurnState, mood: Emotion, facts: list[PersonaFact]
    ) -> tuple[list[RetrievedMemory], list[StoredFact]]:
        """Memories for this message, and the persona with its new facts (one worker trip)."""
        recalled = self.memory.retrieve(
            state.user_id, state.message, emotion=mood, k=self.k, exclude_session=state.session_id
        )
        for fact in facts:
            self.persona.add(state.user_id, fact)
        return recalled, self.persona.list(state.user_id)

    def _keep(self, state: TurnState, seeker: SeekerState, salient: bool, keep: bool) -> None:
        """Store the message as a memory if it is worth it, and write this turn's recalls."""
        if keep:
            self.memory.add(
                state.user_id,
                state.message,
                session_id=state.session_id,
                message_id=state.message_id,
                emotion=seeker.emotion,
                arousal=arousal(seeker),
                salient=salient or seeker.cause is not None,
            )
        self.memory.flush()  # this turn's recalls, reinforced


def _notes(recalled: list[RetrievedMemory], known: list[StoredFact]) -> list[str]:
    notes = []
    if known:
        facts = "; ".join(f.text for f in known[:_PERSONA_IN_PROMPT])
        notes.append(f"Known about the person (from what they said): {facts}.")
    if recalled:
        earlier = " | ".join(m.text for m in recalled)
        notes.append(f"From earlier conversations (mention gently only if relevant): {earlier}")
    return notes
