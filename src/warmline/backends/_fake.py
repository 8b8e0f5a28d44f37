"""A deterministic fake model, so tests run the real pipeline without a real model."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Callable, Iterable

from warmline.backends._base import ChatMessage, Chunk, GenerateConfig, LLMBackend
from warmline.backends._registry import register_backend

__all__ = ["FakeBackend"]

Script = Callable[[list[ChatMessage]], str]

_DEFAULT_REPLIES = (
    "That sounds really hard. Can you tell me more about what happened?",
    "It makes sense that you feel this way. What has been weighing on you most?",
    "Thank you for telling me. You are not alone in this, and your feelings matter.",
    "Would it help to think together about one small step you could take this week?",
)


class FakeBackend(LLMBackend):
    """Replies from a script: a list consumed in order, a callable, or a stable default.

    The default reply is chosen by a hash of the prompt, so the same prompt
    always gets the same reply.
    """

    name = "fake"

    def __init__(
        self,
        replies: Iterable[str] | Script | None = None,
        *,
        delay: float = 0.0,
        fail_with: Exception | None = None,
    ) -> None:
        self._script = replies if callable(replies) else None
        self._queue = list(replies) if replies is not None and not callable(replies) else []
        self.delay = delay
        self.fail_with = fail_with
        self.prompts: list[list[ChatMessage]] = []
        """Every prompt received, for assertions in tests."""

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        """Yield the scripted reply word by word."""
        self.prompts.append(messages)
        if self.fail_with is not None:
            raise self.fail_with
        reply = self._next_reply(messages)
        words = reply.split(" ")
        for i, word in enumerate(words):
            if self.delay:
                await asyncio.sleep(self.delay)
            yield Chunk(text=word if i == 0 else " " + word)
        prompt_words = sum(len(m.content.split()) for m in messages)
        yield Chunk(prompt_tokens=prompt_words, completion_tokens=len(words), finish_reason="stop")

    def _next_reply(self, messages: list[ChatMessage]) -> str:
        if self._script is not None:
            return self._script(messages)
        if self._queue:
            return self._queue.pop(0)
        digest = hashlib.sha256("".join(m.content for m in messages).encode()).digest()
        return _DEFAULT_REPLIES[digest[0] % len(_DEFAULT_REPLIES)]


@register_backend("fake")
def _fake_backend(argument: str | None = None, **options: object) -> FakeBackend:
    """`fake` or `fake:first reply|second reply`."""
    return FakeBackend(argument.split("|") if argument else None)
