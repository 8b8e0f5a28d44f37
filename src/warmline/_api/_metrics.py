"""Prometheus metrics of one API process, and a backend wrapper that times generation.

Under `serve --workers N` (PROMETHEUS_MULTIPROC_DIR set) every worker writes its
figures to that folder and /metrics reports the sum over all of them.
"""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import dataclass

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from warmline.backends import ChatMessage, Chunk, GenerateConfig, Generator, LLMBackend

__all__ = ["Metrics", "TurnTiming", "instrument", "turn_timing"]

_FAST = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)


@dataclass
class TurnTiming:
    """Where one turn's time went, in seconds."""

    generation: float = 0.0
    """In the model."""
    turn: float = 0.0
    """In the whole turn pipeline (generation included)."""


turn_timing: ContextVar[TurnTiming | None] = ContextVar("warmline_turn_timing", default=None)
"""The timing of the turn running in this task, if any."""


class Metrics:
    """The metrics, in a registry of their own (so several apps can live in one process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Histogram(
            "warmline_http_request_duration_seconds",
            "HTTP request latency (streams: until the last event).",
            ["method", "route", "status"],
            buckets=_FAST,
            registry=self.registry,
        )
        self.generation = Histogram(
            "warmline_generation_duration_seconds",
            "Time spent generating one reply in the model.",
            buckets=_FAST,
            registry=self.registry,
        )
        self.steps = Histogram(
            "warmline_turn_step_duration_seconds",
            "Time of each step of a turn: begin, the stages (respond includes generation), "
            "deferred, finish.",
            ["step"],
            buckets=_FAST,
            registry=self.registry,
        )
        self.tokens = Counter(
            "warmline_generated_tokens",
            "Tokens generated and read by the model.",
            ["kind"],
            registry=self.registry,
        )
        self.risk_events = Counter(
            "warmline_risk_events",
            "Turns whose seeker message showed concern or risk.",
            ["level"],
            registry=self.registry,
        )
        self.turns = Counter(
            "warmline_turns", "Turns answered, by status.", ["status"], registry=self.registry
        )
        self.in_flight = Gauge(
            "warmline_replies_in_flight",
            "Replies being generated now.",
            registry=self.registry,
            multiprocess_mode="livesum",
        )

    def exposition(self) -> bytes:
        """The text format of these metrics, pooled over all workers when there are several."""
        if not _pooled():
            return generate_latest(self.registry)
        pooled = CollectorRegistry()
        multiprocess.MultiProcessCollector(pooled)
        return generate_latest(pooled)

    def close(self) -> None:
        """Drop this process's live gauges from the pool as it exits."""
        if _pooled():
            multiprocess.mark_process_dead(os.getpid())


def _pooled() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class _MeteredBackend(LLMBackend):
    """Delegates to a backend, recording generation time and tokens."""

    def __init__(self, inner: LLMBackend, metrics: Metrics) -> None:
        self.inner = inner
        self.metrics = metrics
        self.name = inner.name  # type: ignore[misc]  (errors name the real backend)
        self.supports_logprobs = inner.supports_logprobs  # type: ignore[misc]

    @property
    def model_id(self) -> str:
        """The wrapped backend's model."""
        return self.inner.model_id

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        """Stream from the wrapped backend, timing it."""
        started = time.perf_counter()
        produced = 0
        try:
            async for chunk in self.inner.stream(messages, config):
                produced += bool(chunk.text)
                if chunk.completion_tokens is not None:
                    produced = chunk.completion_tokens
                if chunk.prompt_tokens:
                    self.metrics.tokens.labels("prompt").inc(chunk.prompt_tokens)
                yield chunk
        finally:
            elapsed = time.perf_counter() - started
            self.metrics.generation.observe(elapsed)
            self.metrics.tokens.labels("completion").inc(produced)
            timing = turn_timing.get()
            if timing is not None:
                timing.generation += elapsed

    def should_retry(self, error: Exception) -> bool:
        """As the wrapped backend decides."""
        return self.inner.should_retry(error)

    async def aclose(self) -> None:
        """Release the wrapped backend."""
        await self.inner.aclose()


def instrument(generator: Generator, metrics: Metrics) -> None:
    """Make a generator's backend report to `metrics` (once)."""
    backend = generator.backend
    if isinstance(backend, _MeteredBackend):
        backend.metrics = metrics
    else:
        generator.backend = _MeteredBackend(backend, metrics)
