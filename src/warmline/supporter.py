"""The supporter: composes one turn from the pipeline stages and stores it.

The seeker's message is committed before any stage runs and the reply right
after generation, so a crash mid-turn loses nothing the seeker sent.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import anyio
from pydantic import BaseModel, Field

from warmline.backends import GenerateConfig, Generator
from warmline.errors import InputError
from warmline.memory import MemoryStore, PersonaStore, RememberStage
from warmline.perceive import PerceiveStage
from warmline.planning import Planner, PlanStage
from warmline.respond import RespondStage
from warmline.safety import GuardStage, SafetyStage
from warmline.storage import ConversationStore, MessageRecord
from warmline.turn import Emit, PreparingStage, TurnStage, TurnState, run_stages, settle, timed
from warmline.types import RiskLevel, Strategy, TurnAnalysis

__all__ = [
    "MAX_MESSAGE_CHARS",
    "OpenTurn",
    "REPLY_CONFIG",
    "Supporter",
    "TurnResult",
    "default_stages",
    "validate_message",
]

MAX_MESSAGE_CHARS = 4000
"""Longest seeker message accepted; longer text is rejected with a clear message."""


class TurnResult(BaseModel):
    """What one turn produced: the reply and the visible reasoning behind it."""

    session: str
    reply: str
    analysis: TurnAnalysis
    top_strategies: list[tuple[Strategy, float]] = Field(default_factory=list)
    memories: list[dict[str, Any]] = Field(default_factory=list)
    persona: list[dict[str, Any]] = Field(default_factory=list)
    resources: dict[str, Any] | None = None
    """Crisis lines for the seeker's country, once the session has shown risk."""
    status: str = "complete"
    seeker_message_id: int
    reply_message_id: int
    timings: dict[str, float] = Field(default_factory=dict)
    """Seconds per step of the turn (`TurnState.timings`), ending with `finish`."""

    def as_json(self) -> dict[str, Any]:
        """The per-turn JSON object of `warmline chat --json` and the API."""
        analysis = self.analysis
        return {
            "reply": self.reply,
            "stage": analysis.stage.value,
            "strategy": analysis.strategy.value,
            "emotion": analysis.emotion.value,
            "intensity": analysis.intensity,
            "cause": analysis.cause,
            "risk_level": analysis.risk_level.value,
            "reasoning": analysis.reasoning,
            "top_strategies": [
                {"strategy": s.value, "probability": round(p, 4)} for s, p in self.top_strategies
            ],
            "memories": self.memories,
            "persona": self.persona,
            "resources": self.resources,
            "status": self.status,
            "session": self.session,
        }


def validate_message(text: str | bytes) -> str:
    """Accept a seeker message or explain plainly why not.

    Raises:
        InputError: empty, binary, not UTF-8, or longer than MAX_MESSAGE_CHARS.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("that message isn't readable text (it isn't UTF-8)") from None
    if "\x00" in text or sum(not c.isprintable() and c not in "\n\t\r" for c in text) > 2:
        raise InputError("that looks like binary data, not a message; please type some text")
    text = text.strip()
    if not text:
        raise InputError("the message is empty; type what's on your mind")
    if len(text) > MAX_MESSAGE_CHARS:
        raise InputError(
            f"that message is {len(text):,} characters; please keep it under "
            f"{MAX_MESSAGE_CHARS:,} (you can send it in parts)"
        )
    return text


@dataclass
class OpenTurn:
    """A turn whose seeker message is stored and whose stages have yet to run."""

    state: TurnState
    stored: MessageRecord
    started: float
    """When the turn began (`time.perf_counter()`), for timing it whole."""


class Supporter:
    """Runs turns through a fixed sequence of stages against a conversation store."""

    def __init__(self, store: ConversationStore, stages: Sequence[TurnStage]) -> None:
        self.store = store
        self.stages = list(stages)

    async def turn(
        self, session_id: str, user_id: str, message: str | bytes, emit: Emit | None = None
    ) -> TurnResult:
        """Answer one seeker message in a session.

        Raises:
            InputError: the message was rejected; nothing was stored.
            NotFoundError: the session does not exist or is not this user's.
        """
        return await self.answer(await self.begin(session_id, user_id, message), emit)

    async def begin(self, session_id: str, user_id: str, message: str | bytes) -> OpenTurn:
        """Check and store the seeker's message, and start the work that needs only its text.

        Once this returns, the message is committed: a crash after it loses no word.

        Raises:
            InputError: the message was rejected; nothing was stored.
            NotFoundError: the session does not exist or is not this user's.
        """
        started = time.perf_counter()
        text = validate_message(message)
        preparing = [
            asyncio.ensure_future(stage.prepare(text))
            for stage in self.stages
            if isinstance(stage, PreparingStage)
        ]
        try:
            session, history, stored = await anyio.to_thread.run_sync(
                self.store.begin_turn, session_id, user_id, text
            )
        except BaseException:
            await settle(preparing)
            raise
        state = TurnState(
            session_id=session_id,
            user_id=user_id,
            message=text,
            message_id=stored.id,
            history=history,
            conversation=session.state.model_copy(deep=True),
            previous_seeker=session.state.seeker,
            deferred=preparing,
            timings={"begin": time.perf_counter() - started},
        )
        return OpenTurn(state=state, stored=stored, started=started)

    async def answer(self, turn: OpenTurn, emit: Emit | None = None) -> TurnResult:
        """Run the stages on a begun turn and store the reply."""
        state = turn.state
        if emit is not None:
            state.emit = emit
        try:
            state = await run_stages(self.stages, state)
        finally:
            with timed(state.timings, "deferred"):
                await settle(state.deferred)  # the turn is stored only once its work is done
        with timed(state.timings, "finish"):
            result = await anyio.to_thread.run_sync(self._finish, state, turn.stored)
        result.timings = state.timings
        return result

    def _finish(self, state: TurnState, stored: MessageRecord) -> TurnResult:
        analysis = _analysis(state)
        reply = self.store.finish_turn(
            state.session_id,
            state.reply,
            state=state.conversation,
            analysis=analysis.model_dump(mode="json"),
            status=state.status,
            message_id=stored.id,
            events=state.events,
        )
        return TurnResult(
            session=state.session_id,
            reply=state.reply,
            analysis=analysis,
            top_strategies=state.choice.top(3) if state.choice else [],
            memories=state.memories,
            persona=state.persona,
            resources=state.resources,
            status=state.status,
            seeker_message_id=stored.id,
            reply_message_id=reply.id,
        )


def _analysis(state: TurnState) -> TurnAnalysis:
    seeker = state.conversation.seeker
    choice = state.choice
    risk_level = getattr(state.risk, "level", RiskLevel.NONE)
    return TurnAnalysis(
        emotion=seeker.emotion,
        intensity=seeker.intensity,
        cause=seeker.cause,
        stage=state.conversation.stage,
        strategy=choice.strategy if choice else Strategy.OTHERS,
        strategy_probabilities=choice.probabilities if choice else {},
        risk_level=RiskLevel(risk_level),
        reasoning=" ".join(state.reasoning),
    )


REPLY_CONFIG = GenerateConfig(max_tokens=160, temperature=0.7)
"""How supporter replies are generated unless a caller says otherwise."""


def default_stages(
    generator: Generator,
    planner: Planner,
    store: ConversationStore | None = None,
    reply_config: GenerateConfig = REPLY_CONFIG,
) -> list[TurnStage]:
    """The standard turn: perceive, safety, plan, remember (with a store), respond, guard.

    Safety completes the turn with the crisis protocol when the seeker may be in
    danger; the guard checks every generated reply before it is kept.
    """
    stages: list[TurnStage] = [PerceiveStage(), SafetyStage(), PlanStage(planner)]
    if store is not None:
        stages.append(RememberStage(MemoryStore(store), PersonaStore(store)))
    return [
        *stages,
        RespondStage(generator, reply_config),
        GuardStage(generator, config=reply_config),
    ]
