"""In-process GGUF models on the CPU through llama.cpp (the `xllamacpp` wheel).

The llama.cpp server keeps the KV cache of its slot between requests, so a
conversation whose prompt only grows at the end re-processes just the new
tokens; the supporter keeps its system prompt fixed for that reason.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from warmline.backends._base import ChatMessage, Chunk, GenerateConfig, LLMBackend, TokenLogprob
from warmline.backends._model_files import embedded_model_path, smollm2_model_path
from warmline.backends._registry import register_backend
from warmline.config import Settings
from warmline.errors import ConfigurationError

__all__ = ["LlamaCppBackend"]

_DONE = object()


class LlamaCppBackend(LLMBackend):
    """A GGUF model served by llama.cpp inside this process."""

    name = "embedded"
    supports_logprobs = True

    def __init__(self, model_path: Path, *, n_ctx: int = 4096, threads: int | None = None) -> None:
        import xllamacpp

        if not model_path.exists():
            raise ConfigurationError(f"model file not found: {model_path}")
        params = xllamacpp.CommonParams()
        params.model.path = str(model_path)
        params.n_ctx = n_ctx
        params.n_parallel = 1  # one slot, so consecutive turns reuse its prompt cache
        params.cache_prompt = True
        params.verbosity = -1
        params.warmup = False
        params.cpuparams.n_threads = threads or os.cpu_count() or 2
        params.cpuparams_batch.n_threads = threads or os.cpu_count() or 2
        self.model_path = model_path
        self._server = xllamacpp.Server(params)
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        """The GGUF file name."""
        return self.model_path.name

    @property
    def address(self) -> str:
        """The OpenAI-compatible HTTP address llama.cpp serves this model on (loopback)."""
        return str(self._server.listening_address)

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        """Run generation in a worker thread and hand its chunks over as they come."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        cancelled = threading.Event()

        def on_chunk(raw: dict[str, Any]) -> bool:
            loop.call_soon_threadsafe(queue.put_nowait, raw)
            return cancelled.is_set()  # returning True stops generation

        def run() -> None:
            try:
                with self._lock:
                    result = self._server.handle_chat_completions(
                        _request(messages, config), on_chunk
                    )
                if isinstance(result, dict) and "error" in result:
                    loop.call_soon_threadsafe(queue.put_nowait, RuntimeError(str(result["error"])))
            except Exception as error:  # surfaced to the awaiting side below
                loop.call_soon_threadsafe(queue.put_nowait, error)
            finally:
                loop.call_soon_threadsafe(queue.put_nowait, _DONE)

        worker = loop.run_in_executor(None, run)
        try:
            while (item := await queue.get()) is not _DONE:
                if isinstance(item, Exception):
                    raise item
                if "error" in item:
                    raise RuntimeError(str(item["error"]))
                yield _chunk(item)
        finally:
            cancelled.set()
            await asyncio.shield(worker)


def _request(messages: list[ChatMessage], config: GenerateConfig) -> dict[str, Any]:
    request: dict[str, Any] = {
        "messages": [m.model_dump() for m in messages],
        "max_tokens": config.max_tokens,
        "temperature": config.temperature,
        "top_p": config.top_p,
        "stream": True,
        "cache_prompt": True,
    }
    if config.seed is not None:
        request["seed"] = config.seed
    if config.stop:
        request["stop"] = list(config.stop)
    if config.top_logprobs:
        request["logprobs"] = True
        request["top_logprobs"] = config.top_logprobs
    return request


def _chunk(raw: dict[str, Any]) -> Chunk:
    choice = (raw.get("choices") or [{}])[0]
    timings = raw.get("timings") or {}
    logprobs = [
        TokenLogprob(
            token=item["token"],
            logprob=item["logprob"],
            top={alt["token"]: alt["logprob"] for alt in item.get("top_logprobs", [])},
        )
        for item in ((choice.get("logprobs") or {}).get("content") or [])
    ]
    return Chunk(
        text=(choice.get("delta") or {}).get("content") or "",
        logprobs=logprobs,
        finish_reason=choice.get("finish_reason"),
        prompt_tokens=timings.get("prompt_n"),
        completion_tokens=timings.get("predicted_n"),
    )


@register_backend("embedded")
def _embedded(argument: str | None = None, **options: Any) -> LlamaCppBackend:
    """The default model: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, assembled from PyPI parts."""
    settings = options.pop("settings", None) or Settings.from_env()
    return LlamaCppBackend(embedded_model_path(settings.model_cache), **options)


@register_backend("smollm2")
def _smollm2(argument: str | None = None, **options: Any) -> LlamaCppBackend:
    """SmolLM2-135M-Instruct: tiny and fast, for tests and low-end machines."""
    options.pop("settings", None)
    return LlamaCppBackend(smollm2_model_path(), **options)


@register_backend("gguf")
def _gguf(argument: str | None = None, **options: Any) -> LlamaCppBackend:
    """Any local GGUF file: `gguf:/path/to/model.gguf`."""
    options.pop("settings", None)
    if not argument:
        raise ConfigurationError("name the file: --model gguf:/path/to/model.gguf")
    return LlamaCppBackend(Path(argument).expanduser(), **options)
