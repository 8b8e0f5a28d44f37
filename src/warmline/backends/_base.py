"""The provider contract every model backend implements.

A backend only knows how to turn chat messages into a stream of text chunks;
retries, timeouts, usage accounting and logging belong to `Generator`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ChatMessage",
    "Chunk",
    "Completion",
    "GenerateConfig",
    "LLMBackend",
    "TokenLogprob",
    "Usage",
]


class ChatMessage(BaseModel):
    """One message of a chat prompt."""

    model_config = ConfigDict(frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


class GenerateConfig(BaseModel):
    """Options for one generation; unknown fields are rejected so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_tokens: int = Field(default=200, ge=1, le=8192, description="Most tokens to generate.")
    temperature: float = Field(default=0.7, ge=0.0, le=2.0, description="Sampling temperature.")
    top_p: float = Field(default=0.9, gt=0.0, le=1.0, description="Nucleus sampling mass.")
    seed: int | None = Field(default=None, description="Sampling seed, for repeatable output.")
    stop: tuple[str, ...] = Field(default=(), description="Strings that end generation.")
    top_logprobs: int = Field(
        default=0, ge=0, le=20, description="Alternatives per token to return log-probs for."
    )
    timeout: float = Field(
        default=120.0, gt=0.0, description="Seconds to wait for the first and for each next chunk."
    )


class TokenLogprob(BaseModel):
    """A generated token with its log-probability and the top alternatives."""

    token: str
    logprob: float
    top: dict[str, float] = Field(default_factory=dict)


class Chunk(BaseModel):
    """A piece of a streamed reply; the last chunk may carry usage and log-probs only."""

    text: str = ""
    logprobs: list[TokenLogprob] = Field(default_factory=list)
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str | None = None


class Usage(BaseModel):
    """Tokens spent, for cost accounting."""

    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class Completion(BaseModel):
    """A whole reply."""

    text: str
    usage: Usage = Field(default_factory=Usage)
    logprobs: list[TokenLogprob] = Field(default_factory=list)
    finish_reason: str | None = None


class LLMBackend(ABC):
    """A chat model. Subclasses implement `stream`; everything else has defaults."""

    name: ClassVar[str]
    """Registry name, e.g. `embedded` or `openai`."""
    supports_logprobs: ClassVar[bool] = False

    @property
    def model_id(self) -> str:
        """The concrete model this backend talks to, for logs and reports."""
        return self.name

    @abstractmethod
    def stream(self, messages: list[ChatMessage], config: GenerateConfig) -> AsyncIterator[Chunk]:
        """Generate a reply as chunks of text."""

    def should_retry(self, error: Exception) -> bool:
        """Whether a failed request is worth repeating (rate limits, dropped connections)."""
        return False

    async def aclose(self) -> None:  # noqa: B027  (optional hook, empty by default)
        """Release the model or connection."""
