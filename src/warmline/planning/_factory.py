"""Choose a planner by name, as the supporter's `--planner` option does."""

from __future__ import annotations

from typing import Any

from warmline.errors import ConfigurationError
from warmline.planning._llm import LLMPlanner
from warmline.planning._planner import Planner
from warmline.planning._rules import RulePlanner

__all__ = ["PLANNER_NAMES", "get_planner"]

PLANNER_NAMES = ("trained", "rules", "llm")


def get_planner(
    name: str = "trained", generator: Any = None, *, lookahead: bool = False
) -> Planner:
    """The planner called `name`: "trained" (default), "rules", or "llm" (needs `generator`).

    Raises:
        ConfigurationError: unknown name, "llm" without a generator, or a missing artifact.
    """
    if name == "trained":
        from warmline.planning._trained import TrainedPlanner

        return TrainedPlanner(lookahead=lookahead)
    if name == "rules":
        return RulePlanner()
    if name == "llm":
        if generator is None:
            raise ConfigurationError("the llm planner needs a model: pass a generator")
        return LLMPlanner(generator)
    raise ConfigurationError(f"unknown planner {name!r}; choose one of: {', '.join(PLANNER_NAMES)}")
