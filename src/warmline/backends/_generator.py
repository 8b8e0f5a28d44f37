"""The facade stages talk to: timeouts, retries, usage and logging around a backend."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator

from warmline.backends._base import (
    ChatMessage,
    Chunk,
    Completion,
    GenerateConfig,
    LLMBackend,
    Usage,
)
from warmline.errors import BackendError

__all__ = ["Generator"]

logger = logging.getLogger(__name__)


class Generator:
    """Wraps a backend so every caller gets the same timeouts, retries and accounting."""

    def __init__(self, backend: LLMBackend, *, retries: int = 2) -> None:
        self.backend = backend
        self.retries = retries
        self.usage = Usage()
        """Tokens spent through this generator so far."""

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig | None = None
    ) -> AsyncIterator[Chunk]:
        """Stream a reply; retries only before the first chunk, so text is never repeated.

        Raises:
            BackendError: the backend failed, timed out, or returned nothing.
        """
        config = config or GenerateConfig()
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            produced = False
            try:
                async for chunk in self._timed(messages, config):
                    produced = produced or bool(chunk.text)
                    self._account(chunk)
                    yield chunk
            except BackendError:
                raise
            except Exception as error:
                if produced or attempt == self.retries or not self.backend.should_retry(error):
                    logger.error(
                        "backend %s failed: %s", self.backend.model_id, type(error).__name__
                    )
                    raise BackendError(_describe(error), backend=self.backend.name) from error
                await asyncio.sleep(0.5 * 2**attempt)
                continue
            if not produced:
                raise BackendError("returned an empty reply", backend=self.backend.name)
            logger.info(
                "generated with %s in %.2fs", self.backend.model_id, time.perf_counter() - started
            )
            return

    async def complete(
        self, messages: list[ChatMessage], config: GenerateConfig | None = None
    ) -> Completion:
        """Generate a whole reply (with log-probs when asked for and supported)."""
        parts: list[str] = []
        completion = Completion(text="")
        async for chunk in self.stream(messages, config):
            parts.append(chunk.text)
            completion.logprobs.extend(chunk.logprobs)
            completion.finish_reason = chunk.finish_reason or completion.finish_reason
            completion.usage += Usage(
                prompt_tokens=chunk.prompt_tokens or 0,
                completion_tokens=chunk.completion_tokens or 0,
            )
        completion.text = "".join(parts)
        return completion

    async def _timed(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        """The backend's chunks, failing when it is silent for `config.timeout` seconds.

        One timer is moved along per chunk (not a task per chunk, as `wait_for`
        makes), and it is off while the consumer holds a chunk.
        """
        iterator = aiter(self.backend.stream(messages, config))
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(None) as deadline:
                while True:
                    deadline.reschedule(loop.time() + config.timeout)
                    try:
                        chunk = await anext(iterator)
                    except StopAsyncIteration:
                        return
                    deadline.reschedule(None)
                    yield chunk
        except TimeoutError:
            raise BackendError(
                f"no output for {config.timeout:.0f}s; is the model server running?",
                backend=self.backend.name,
            ) from None

    def _account(self, chunk: Chunk) -> None:
        self.usage += Usage(
            prompt_tokens=chunk.prompt_tokens or 0, completion_tokens=chunk.completion_tokens or 0
        )

    async def aclose(self) -> None:
        """Release the backend."""
        await self.backend.aclose()


def _describe(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}"[:300] if text else type(error).__name__
