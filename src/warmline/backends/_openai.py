"""Any OpenAI-compatible chat server (OpenAI, vLLM, Ollama, llama.cpp server) via the openai SDK."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

from warmline.backends._base import ChatMessage, Chunk, GenerateConfig, LLMBackend, TokenLogprob
from warmline.backends._registry import register_backend
from warmline.errors import ConfigurationError

__all__ = ["OpenAIBackend"]


class OpenAIBackend(LLMBackend):
    """Streams chat completions from an OpenAI-compatible server."""

    name = "openai"
    supports_logprobs = True

    def __init__(
        self, model: str, *, base_url: str | None = None, api_key: str | None = None
    ) -> None:
        import openai

        self.model = model
        self._openai = openai
        self._client = openai.AsyncOpenAI(
            base_url=base_url
            or os.environ.get("WARMLINE_BASE_URL")
            or os.environ.get("OPENAI_BASE_URL"),
            api_key=api_key
            or os.environ.get("WARMLINE_API_KEY")
            or os.environ.get("OPENAI_API_KEY")
            or "not-needed",  # local servers accept any key
            max_retries=0,  # Generator owns retries
        )

    @property
    def model_id(self) -> str:
        """`openai:MODEL`."""
        return f"openai:{self.model}"

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        """Stream deltas; the final chunk carries usage when the server reports it."""
        request: dict[str, Any] = {
            "model": self.model,
            "messages": [m.model_dump() for m in messages],
            "max_tokens": config.max_tokens,
            "temperature": config.temperature,
            "top_p": config.top_p,
            "stream": True,
            "stream_options": {"include_usage": True},
            "timeout": config.timeout,
        }
        if config.seed is not None:
            request["seed"] = config.seed
        if config.stop:
            request["stop"] = list(config.stop)
        if config.top_logprobs:
            request.update(logprobs=True, top_logprobs=config.top_logprobs)
        response = await self._client.chat.completions.create(**request)
        async for event in response:
            yield _chunk(event)

    def should_retry(self, error: Exception) -> bool:
        """Retry rate limits, timeouts, dropped connections and server errors."""
        retryable = (
            self._openai.RateLimitError,
            self._openai.APIConnectionError,
            self._openai.APITimeoutError,
            self._openai.InternalServerError,
        )
        return isinstance(error, retryable)

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._client.close()


def _chunk(event: Any) -> Chunk:
    usage = getattr(event, "usage", None)
    choice = event.choices[0] if event.choices else None
    logprobs: list[TokenLogprob] = []
    if choice is not None and choice.logprobs and choice.logprobs.content:
        logprobs = [
            TokenLogprob(
                token=item.token,
                logprob=item.logprob,
                top={alt.token: alt.logprob for alt in item.top_logprobs or []},
            )
            for item in choice.logprobs.content
        ]
    return Chunk(
        text=(choice.delta.content or "") if choice is not None else "",
        logprobs=logprobs,
        finish_reason=choice.finish_reason if choice is not None else None,
        prompt_tokens=usage.prompt_tokens if usage else None,
        completion_tokens=usage.completion_tokens if usage else None,
    )


@register_backend("openai")
def _openai_backend(argument: str | None = None, **options: Any) -> OpenAIBackend:
    """`openai:MODEL`, with the base URL and key from options or the environment."""
    options.pop("settings", None)
    if not argument:
        raise ConfigurationError("name the served model: --model openai:MODEL_NAME")
    return OpenAIBackend(argument, **options)
