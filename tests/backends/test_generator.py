import asyncio
from collections.abc import AsyncIterator

import anyio
import pytest

from warmline.backends import (
    ChatMessage,
    Chunk,
    FakeBackend,
    GenerateConfig,
    Generator,
    LLMBackend,
    get_backend,
)
from warmline.errors import BackendError, ConfigurationError

PROMPT = [ChatMessage(role="user", content="hello")]


class Flaky(LLMBackend):
    """Fails with a retryable error `failures` times, then answers."""

    name = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionError("dropped")
        yield Chunk(text="ok")

    def should_retry(self, error: Exception) -> bool:
        return isinstance(error, ConnectionError)


class Silent(LLMBackend):
    name = "silent"

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        await asyncio.sleep(10)
        yield Chunk(text="late")


def test_fake_backend_is_deterministic_and_counts_usage() -> None:
    first = anyio.run(Generator(FakeBackend()).complete, PROMPT)
    generator = Generator(FakeBackend())
    second = anyio.run(generator.complete, PROMPT)
    assert first.text == second.text and first.text
    assert generator.usage.completion_tokens == len(second.text.split())


def test_fake_backend_plays_its_script_in_order() -> None:
    generator = Generator(FakeBackend(["one", "two"]))
    assert anyio.run(generator.complete, PROMPT).text == "one"
    assert anyio.run(generator.complete, PROMPT).text == "two"


def test_retryable_errors_are_retried_before_the_first_chunk() -> None:
    backend = Flaky(failures=1)
    assert anyio.run(Generator(backend, retries=2).complete, PROMPT).text == "ok"
    assert backend.calls == 2


def test_exhausted_retries_raise_a_backend_error() -> None:
    with pytest.raises(BackendError, match="ConnectionError: dropped"):
        anyio.run(Generator(Flaky(failures=5), retries=1).complete, PROMPT)


def test_a_silent_backend_times_out() -> None:
    config = GenerateConfig(timeout=0.2)
    with pytest.raises(BackendError, match="no output"):
        anyio.run(Generator(Silent()).complete, PROMPT, config)


def test_an_empty_reply_is_an_error() -> None:
    with pytest.raises(BackendError, match="empty"):
        anyio.run(Generator(FakeBackend([""])).complete, PROMPT)


def test_unknown_model_lists_the_choices() -> None:
    with pytest.raises(ConfigurationError, match="embedded.*fake|fake.*embedded"):
        get_backend("gpt-17")


def test_generate_config_rejects_unknown_options() -> None:
    with pytest.raises(ValueError, match="temprature"):
        GenerateConfig(temprature=0.1)  # type: ignore[call-arg]
