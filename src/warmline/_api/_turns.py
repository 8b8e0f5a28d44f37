"""Runs turns as tasks the service tracks, so replies finish even if the client leaves.

A turn survives its client: the seeker message is stored before generation and
the reply is stored when generation ends, whether or not anyone still listens.
Shutdown waits for the turns in flight.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from warmline._api._errors import ApiError
from warmline._api._metrics import Metrics, TurnTiming, turn_timing
from warmline.supporter import OpenTurn, Supporter, TurnResult

__all__ = ["Turns"]

logger = logging.getLogger(__name__)

TokenSink = Callable[[str], Awaitable[None]]


class Turns:
    """The turns in flight in this process."""

    def __init__(self, supporter: Supporter, metrics: Metrics) -> None:
        self.supporter = supporter
        self.metrics = metrics
        self.draining = False
        self._tasks: set[asyncio.Task[Any]] = set()

    async def begin(self, session_id: str, user_id: str, text: str) -> OpenTurn:
        """Store the seeker's message (checking the session is the user's) before answering.

        Raises:
            ApiError: 503 while the process drains.
            InputError: the message was rejected.
            NotFoundError: the session does not exist or is someone else's.
        """
        if self.draining:
            raise ApiError(503, "the server is restarting; please send that again in a moment")
        return await self.supporter.begin(session_id, user_id, text)

    def start(
        self, turn: OpenTurn, emit: TokenSink | None = None
    ) -> asyncio.Task[tuple[TurnResult, TurnTiming]]:
        """Answer a begun turn in its own task; it returns the result and where the time went."""
        task = asyncio.create_task(self._run(turn, emit))
        self._tasks.add(task)
        self.metrics.in_flight.inc()
        task.add_done_callback(self._finished)
        return task

    async def run(self, turn: OpenTurn) -> tuple[TurnResult, TurnTiming]:
        """Answer a begun turn to the end even if the awaiting request is cancelled."""
        return await asyncio.shield(self.start(turn))

    async def drain(self, timeout: float) -> None:
        """Stop taking turns and wait up to `timeout` seconds for those in flight."""
        self.draining = True
        pending = list(self._tasks)
        if pending:
            logger.info("waiting for %d replies in flight", len(pending))
            _, late = await asyncio.wait(pending, timeout=timeout)
            if late:
                logger.warning("%d replies did not finish before shutdown", len(late))

    @property
    def in_flight(self) -> int:
        """How many turns are running."""
        return len(self._tasks)

    async def _run(self, turn: OpenTurn, emit: TokenSink | None) -> tuple[TurnResult, TurnTiming]:
        timing = TurnTiming()
        turn_timing.set(timing)
        result = await self.supporter.answer(turn, emit=emit)
        timing.turn = time.perf_counter() - turn.started
        self.metrics.turns.labels(result.status).inc()
        for step, seconds in result.timings.items():
            self.metrics.steps.labels(step).observe(seconds)
        risk = result.analysis.risk_level.value
        if risk != "none":
            self.metrics.risk_events.labels(risk).inc()
        logger.info(
            "turn session=%s status=%s risk=%s total=%.0fms generation=%.0fms",
            result.session,
            result.status,
            risk,
            timing.turn * 1000,
            timing.generation * 1000,
        )
        return result, timing

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        self.metrics.in_flight.dec()
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            logger.info("turn ended with %s", type(error).__name__)
