"""The real in-process backend, end to end (SmolLM2 keeps it fast)."""

import anyio
import pytest

from warmline.backends import ChatMessage, GenerateConfig, Generator, get_backend

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def smollm2() -> Generator:
    pytest.importorskip("xllamacpp")
    return Generator(get_backend("smollm2"))


def test_smollm2_streams_a_reply_with_usage(smollm2: Generator) -> None:
    messages = [
        ChatMessage(role="system", content="You are a kind listener."),
        ChatMessage(role="user", content="I had a rough day at work."),
    ]

    async def collect() -> list[str]:
        return [
            c.text async for c in smollm2.stream(messages, GenerateConfig(max_tokens=24, seed=1))
        ]

    chunks = anyio.run(collect)
    assert len([c for c in chunks if c]) > 3
    assert sum(c.isalpha() for c in "".join(chunks)) > 10


def test_smollm2_returns_logprobs_when_asked(smollm2: Generator) -> None:
    config = GenerateConfig(max_tokens=2, top_logprobs=3, temperature=0.0)
    completion = anyio.run(smollm2.complete, [ChatMessage(role="user", content="Say yes.")], config)
    assert completion.logprobs and len(completion.logprobs[0].top) == 3
    assert completion.usage.completion_tokens >= 1


def test_the_embedded_model_serves_openai_compatible_http(smollm2: Generator) -> None:
    """The same backend answers through the OpenAI SDK on loopback, as any server would."""
    address = smollm2.backend.address  # type: ignore[attr-defined]
    remote = Generator(get_backend("openai:local", base_url=f"{address}/v1", api_key="x"))
    completion = anyio.run(
        remote.complete,
        [ChatMessage(role="user", content="Hello!")],
        GenerateConfig(max_tokens=8, seed=1),
    )
    assert completion.text.strip()
    assert completion.usage.completion_tokens > 0
