"""The turn contract: every stage is an async `(TurnState) -> TurnState`.

A turn runs perceive -> safety -> plan -> remember -> respond. A stage that
fully answers the turn (safety's crisis reply) marks it `complete`, and the
remaining stages are skipped. A stage that needs costly inputs computed from
the message alone (sentence embeddings) may also be a `PreparingStage`: its
`prepare` starts as soon as the message arrives, while the turn is set up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from warmline.types import ConversationState, SeekerState, StrategyChoice, Utterance

__all__ = ["Emit", "PreparingStage", "TurnStage", "TurnState", "run_stages", "settle", "timed"]

Emit = Callable[[str], Awaitable[None]]
"""Receives reply text as it is generated (for streaming to a terminal or browser)."""


async def _discard(_text: str) -> None:
    return None


@dataclass
class TurnState:
    """Everything one turn knows, passed from stage to stage."""

    session_id: str
    user_id: str
    message: str
    """The seeker's new message."""
    message_id: int
    """Its id in the store (it is saved before any stage runs)."""
    history: list[Utterance]
    """The conversation before the new message, oldest first."""
    conversation: ConversationState
    """Carried state; stages update it and the supporter saves it after the turn."""
    previous_seeker: SeekerState
    """The seeker state before this message, for detecting change."""
    emit: Emit = _discard
    choice: StrategyChoice | None = None
    risk: Any = None
    """The safety stage's assessment of the new message."""
    memories: list[dict[str, Any]] = field(default_factory=list)
    """Memories retrieved for this turn: text, source session and score."""
    persona: list[dict[str, Any]] = field(default_factory=list)
    """Known facts about the seeker, for the prompt and the per-turn JSON."""
    prompt_notes: list[str] = field(default_factory=list)
    """Extra lines for the supporter note in the prompt (memories, persona, cautions)."""
    reasoning: list[str] = field(default_factory=list)
    """The visible reasoning trace, one short sentence per stage."""
    events: list[dict[str, Any]] = field(default_factory=list)
    """Safety events to record with the turn."""
    deferred: list[Awaitable[None]] = field(default_factory=list)
    """Work the reply does not wait for (preparation, memory writes): it runs
    alongside the stages, and the turn is stored only once it is done."""
    resources: dict[str, Any] | None = None
    """Crisis resources for the seeker's country, once the session has shown risk."""
    reply: str = ""
    status: str = "complete"
    """`complete`, or `fallback` when the backend failed and a safe reply was used."""
    complete: bool = False
    """Set by a stage that has fully answered the turn."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds each step took, in order: `begin` (storing the message), each stage
    that ran (`PlanStage` is `plan`), `deferred` (waiting for background work) and
    `finish` (storing the reply)."""


@runtime_checkable
class TurnStage(Protocol):
    """One step of a turn."""

    async def __call__(self, state: TurnState) -> TurnState:
        """Read and update the turn state."""
        ...


@runtime_checkable
class PreparingStage(Protocol):
    """A stage that can start on the message before the turn reaches it."""

    async def prepare(self, message: str) -> None:
        """Compute and cache what the stage will need for `message`; never raises."""
        ...


async def settle(work: Sequence[Awaitable[None]]) -> None:
    """Wait for every piece of background work, then raise the first failure, if any."""
    for outcome in await asyncio.gather(*work, return_exceptions=True):
        if isinstance(outcome, BaseException):
            raise outcome


@contextmanager
def timed(timings: dict[str, float], step: str) -> Iterator[None]:
    """Record in `timings[step]` the seconds the block took, if it completes."""
    started = time.perf_counter()
    yield
    timings[step] = time.perf_counter() - started


def _stage_name(stage: TurnStage) -> str:
    """A stage's short name in timings and metrics: `PlanStage` is `plan`."""
    return type(stage).__name__.removesuffix("Stage").lower()


async def run_stages(stages: Sequence[TurnStage], state: TurnState) -> TurnState:
    """Run stages in order until one marks the turn complete, timing each."""
    for stage in stages:
        with timed(state.timings, _stage_name(stage)):
            state = await stage(state)
        if state.complete:
            break
    return state
