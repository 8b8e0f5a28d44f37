"""One registry of backends: built-ins and plugins enter the same way.

A model spec is `name` or `name:argument`, e.g. `embedded`, `smollm2`,
`openai:gpt-4o-mini`, `gguf:/path/to/model.gguf`, `fake`. Third-party packages
add backends through the `warmline.backends` entry-point group, whose entries
point at a factory `(argument: str | None, **options) -> LLMBackend`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from warmline.backends._base import LLMBackend
from warmline.errors import ConfigurationError

__all__ = ["BackendFactory", "available_backends", "get_backend", "register_backend"]

BackendFactory = Callable[..., LLMBackend]
_FACTORIES: dict[str, BackendFactory] = {}


def register_backend(name: str) -> Callable[[BackendFactory], BackendFactory]:
    """Decorator that registers a backend factory under `name`."""

    def decorate(factory: BackendFactory) -> BackendFactory:
        _FACTORIES[name] = factory
        return factory

    return decorate


def available_backends() -> list[str]:
    """Names of every registered backend, plugins included."""
    _load_plugins()
    return sorted(_FACTORIES)


def get_backend(spec: str, **options: Any) -> LLMBackend:
    """Create the backend a model spec names.

    Raises:
        ConfigurationError: no backend has that name, or its options are wrong.
    """
    _load_plugins()
    name, _, argument = spec.partition(":")
    factory = _FACTORIES.get(name)
    if factory is None:
        known = ", ".join(sorted(_FACTORIES))
        raise ConfigurationError(f"unknown model {spec!r}; choose one of: {known}")
    return factory(argument or None, **options)


_plugins_loaded = False


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for entry in entry_points(group="warmline.backends"):
        _FACTORIES.setdefault(entry.name, entry.load())
