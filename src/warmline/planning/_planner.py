"""The planner contract: given the dialogue so far, choose the next strategy.

Planners live outside the LLM (Kang et al. 2024 show that an external planner
reduces the LLM's preference bias), so the supporter can swap them by name.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pydantic import BaseModel, Field

from warmline.types import SeekerState, Stage, StrategyChoice, Utterance

__all__ = ["Planner", "PlanningContext"]


class PlanningContext(BaseModel):
    """Everything a planner may look at before the next supporter turn."""

    history: list[Utterance]
    """All utterances so far, oldest first; the last is usually the seeker's newest message."""
    stage: Stage = Stage.EXPLORATION
    seeker: SeekerState = Field(default_factory=SeekerState)
    situation: str | None = None
    """The seeker's own summary of their problem, when known (ESConv's `situation`)."""


@runtime_checkable
class Planner(Protocol):
    """Chooses the supporter's next strategy."""

    name: str

    async def plan(self, context: PlanningContext) -> StrategyChoice:
        """Return the chosen strategy, with probabilities when the planner has them."""
        ...
