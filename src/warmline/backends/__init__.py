"""Model backends behind one small interface, chosen by a model spec.

Built-in specs: `embedded` (default, in-process CPU), `smollm2` (tiny),
`gguf:PATH`, `openai:MODEL` (any OpenAI-compatible server) and `fake` (tests).
"""

from warmline.backends import _fake, _llamacpp, _openai  # noqa: F401  (register built-ins)
from warmline.backends._base import (
    ChatMessage,
    Chunk,
    Completion,
    GenerateConfig,
    LLMBackend,
    TokenLogprob,
    Usage,
)
from warmline.backends._fake import FakeBackend
from warmline.backends._generator import Generator
from warmline.backends._registry import available_backends, get_backend, register_backend

__all__ = [
    "ChatMessage",
    "Chunk",
    "Completion",
    "FakeBackend",
    "GenerateConfig",
    "Generator",
    "LLMBackend",
    "TokenLogprob",
    "Usage",
    "available_backends",
    "get_backend",
    "register_backend",
]
