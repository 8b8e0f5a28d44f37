"""The plan stage: move the stage machine, then ask the planner for a strategy."""

from __future__ import annotations

from warmline.planning._planner import Planner, PlanningContext
from warmline.planning._stage import next_stage
from warmline.turn import TurnState
from warmline.types import Speaker, Utterance

__all__ = ["PlanStage"]


class PlanStage:
    """Chooses the Helping Skills stage and the next support strategy."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner

    async def __call__(self, state: TurnState) -> TurnState:
        """Advance the stage, then plan."""
        conversation = state.conversation
        turns = conversation.stage_turns + 1
        stage = next_stage(conversation.stage, turns, state.previous_seeker, conversation.seeker)
        conversation.stage_turns = turns if stage is conversation.stage else 1
        conversation.stage = stage
        history = [*state.history, Utterance(speaker=Speaker.SEEKER, text=state.message)]
        context = PlanningContext(history=history, stage=stage, seeker=conversation.seeker)
        state.choice = await self.planner.plan(context)
        why = f" because {state.choice.rationale}" if state.choice.rationale else ""
        state.reasoning.append(
            f"Stage: {stage.value}. Strategy: {state.choice.strategy.value}{why}."
        )
        return state
