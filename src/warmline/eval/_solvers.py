"""The systems under test: warmline's supporter, or a plain LLM with a short prompt.

Both answer a seeker message given the conversation so far. The plain LLM is
the baseline the planner and pipeline must beat: the same model, a one-line
supporter prompt, no strategy, no stages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from warmline._factory import Runtime, open_runtime
from warmline.backends import ChatMessage, Generator, LLMBackend
from warmline.errors import ConfigurationError
from warmline.respond._clean import clean_reply
from warmline.supporter import REPLY_CONFIG
from warmline.types import Speaker, Strategy, Utterance

__all__ = ["LLMSolver", "Reply", "Solver", "WarmlineSolver", "make_solver"]

PLAIN_SYSTEM_PROMPT = (
    "You are a supportive listener helping a person with emotional distress. "
    "Reply warmly and briefly, in two to four sentences."
)


class Reply(BaseModel):
    """A supporter reply, with the strategy the system says it used (if it says)."""

    text: str
    strategy: Strategy | None = None
    status: str = "complete"


class Solver(Protocol):
    """A supporter under test."""

    name: str
    generator: Generator

    async def reply(self, conversation: str, history: list[Utterance], message: str) -> Reply:
        """Answer `message`, given the utterances before it, in conversation `conversation`."""
        ...

    async def aclose(self) -> None:
        """Release what the solver opened."""
        ...


class LLMSolver:
    """A plain chat model: system prompt, history, message, reply."""

    name = "llm"

    def __init__(self, backend: LLMBackend, *, timeout: float = 600.0) -> None:
        self.generator = Generator(backend)
        self.config = REPLY_CONFIG.model_copy(update={"timeout": timeout})

    async def reply(self, conversation: str, history: list[Utterance], message: str) -> Reply:
        """One completion over the whole conversation."""
        messages = [ChatMessage(role="system", content=PLAIN_SYSTEM_PROMPT)]
        for utterance in [*history, Utterance(speaker=Speaker.SEEKER, text=message)]:
            role = "user" if utterance.speaker is Speaker.SEEKER else "assistant"
            if messages[-1].role == role:
                merged = f"{messages[-1].content}\n{utterance.text}"
                messages[-1] = ChatMessage(role=role, content=merged)
            else:
                messages.append(ChatMessage(role=role, content=utterance.text))
        completion = await self.generator.complete(messages, self.config)
        return Reply(text=clean_reply(completion.text))

    async def aclose(self) -> None:
        """Nothing to release: the backend belongs to the pool."""


class WarmlineSolver:
    """warmline's supporter (perceive, plan, respond) on its own store in the run folder.

    Each conversation key gets a session; a gold context that the session does
    not hold yet is written into it first, so the supporter sees it as history.
    """

    name = "warmline"

    def __init__(
        self,
        backend: LLMBackend,
        database: Path,
        *,
        planner: str = "trained",
        timeout: float = 600.0,
    ) -> None:
        # A chat gives up on a silent model after two minutes and sends a fallback; on a
        # busy CPU a long prompt can take longer, and a fallback would be scored as the system's.
        self.runtime: Runtime = open_runtime(
            backend,
            planner=planner,
            database_url=f"sqlite:///{database}",
            reply_config=REPLY_CONFIG.model_copy(update={"timeout": timeout}),
        )
        self.generator = self.runtime.generator
        self._user = self.runtime.store.ensure_user("evaluation")
        self._sessions: dict[str, tuple[str, int]] = {}

    async def reply(self, conversation: str, history: list[Utterance], message: str) -> Reply:
        """One supporter turn, continuing the conversation's session."""
        session_id, stored = self._sessions.get(conversation, ("", -1))
        if stored != len(history):
            session_id = self.runtime.store.create_session(self._user.id, title=conversation).id
            for utterance in history:
                role = "seeker" if utterance.speaker is Speaker.SEEKER else "supporter"
                self.runtime.store.add_message(session_id, role, utterance.text)
        result = await self.runtime.supporter.turn(session_id, self._user.id, message)
        self._sessions[conversation] = (session_id, len(history) + 2)
        return Reply(text=result.reply, strategy=result.analysis.strategy, status=result.status)

    async def aclose(self) -> None:
        """Close the store (the backend belongs to the pool)."""
        self.runtime.store.close()


def make_solver(system: str, backend: LLMBackend, run_dir: Path, timeout: float = 600.0) -> Solver:
    """`warmline` (the supporter with its trained planner) or `llm` (the plain model)."""
    if system == "llm":
        return LLMSolver(backend, timeout=timeout)
    if system == "warmline":
        return WarmlineSolver(backend, run_dir / "warmline.db", timeout=timeout)
    raise ConfigurationError(f"unknown system {system!r}; choose warmline or llm")
