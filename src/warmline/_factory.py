"""Build a ready supporter from names and settings, for the CLI, the API and evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from warmline.backends import GenerateConfig, Generator, LLMBackend, get_backend
from warmline.config import Settings
from warmline.planning import get_planner
from warmline.safety import semantic_risk
from warmline.storage import ConversationStore
from warmline.supporter import REPLY_CONFIG, Supporter, default_stages

__all__ = ["Runtime", "open_runtime"]


@dataclass
class Runtime:
    """A supporter with the store and model it runs on."""

    settings: Settings
    store: ConversationStore
    generator: Generator
    supporter: Supporter

    async def aclose(self) -> None:
        """Release the model and the database."""
        await self.generator.aclose()
        self.store.close()


def open_runtime(
    model: str | LLMBackend,
    *,
    planner: str = "trained",
    settings: Settings | None = None,
    database_url: str | None = None,
    backend_options: dict[str, Any] | None = None,
    reply_config: GenerateConfig = REPLY_CONFIG,
) -> Runtime:
    """Open the store, load the model and compose the supporter."""
    settings = settings or Settings.from_env(database_url=database_url)
    store = ConversationStore(settings.database_url)
    backend = (
        model
        if isinstance(model, LLMBackend)
        else get_backend(model, settings=settings, **(backend_options or {}))
    )
    _warm_up()
    generator = Generator(backend)
    supporter = Supporter(
        store, default_stages(generator, get_planner(planner, generator), store, reply_config)
    )
    return Runtime(settings=settings, store=store, generator=generator, supporter=supporter)


def _warm_up() -> None:
    """Load the sentence encoder and the safety model now, not in the middle of the first turn."""
    semantic_risk("I have been feeling low lately")
