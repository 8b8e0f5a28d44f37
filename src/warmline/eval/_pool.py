"""One model instance per spec, shared between roles, with seeds filled in.

An evaluation often plays the system, the seeker and the judge with the same
model. Loading the embedded model once per role would triple memory, so roles
borrow a `SharedBackend` view of one cached backend; the pool owns and closes
the real ones. Local models default to one thread: on a busy shared CPU,
llama.cpp's worker threads spin-wait on each other and two threads ran a
SmolLM2 reply 20x slower than one here. The view also gives every request
the run's seed, so a run is repeatable even through code (the supporter's
respond stage) that sets none.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from warmline.backends import ChatMessage, Chunk, GenerateConfig, LLMBackend, get_backend

__all__ = ["BackendPool", "SharedBackend"]

_LOCAL = {"embedded", "smollm2", "gguf"}
"""Backends that run llama.cpp in this process and take a thread count."""


class SharedBackend(LLMBackend):
    """A borrowed view of a backend: adds the seed, and leaves closing to the owner."""

    name = "shared"

    def __init__(self, inner: LLMBackend, seed: int) -> None:
        self.inner = inner
        self.seed = seed
        self.supports_logprobs = inner.supports_logprobs  # type: ignore[misc]

    @property
    def model_id(self) -> str:
        """The wrapped backend's model."""
        return self.inner.model_id

    def stream(self, messages: list[ChatMessage], config: GenerateConfig) -> AsyncIterator[Chunk]:
        """Delegate, with the run's seed where the caller set none."""
        if config.seed is None:
            config = config.model_copy(update={"seed": self.seed})
        return self.inner.stream(messages, config)

    def should_retry(self, error: Exception) -> bool:
        """Delegate."""
        return self.inner.should_retry(error)

    async def aclose(self) -> None:
        """Nothing: the pool closes the real backend."""


class BackendPool:
    """Creates each model spec once and hands out shared, seeded views of it."""

    def __init__(
        self, seed: int, options: dict[str, Any] | None = None, threads: int | None = None
    ) -> None:
        self.seed = seed
        self.options = options or {}
        self.threads = threads
        self._backends: dict[str, LLMBackend] = {}

    def get(self, spec: str | LLMBackend) -> SharedBackend:
        """A view of the backend for `spec`, loading it on first use."""
        if isinstance(spec, LLMBackend):
            return SharedBackend(spec, self.seed)
        if spec not in self._backends:
            name = spec.partition(":")[0]
            options = self.options if name == "openai" else {}
            if name in _LOCAL and self.threads:
                options = {"threads": self.threads}
            self._backends[spec] = get_backend(spec, **options)
        return SharedBackend(self._backends[spec], self.seed)

    async def aclose(self) -> None:
        """Close every backend this pool created."""
        for backend in self._backends.values():
            await backend.aclose()
        self._backends.clear()
