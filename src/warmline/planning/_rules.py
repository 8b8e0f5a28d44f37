"""A transparent rule-based planner: stage-typical strategies, never the same twice running."""

from __future__ import annotations

from warmline.planning._planner import PlanningContext
from warmline.types import Speaker, Stage, Strategy, StrategyChoice

__all__ = ["RulePlanner"]

# Preferences per stage, loosely following how often ESConv supporters use
# each strategy in that part of a conversation (Liu et al. 2021, Figure 4).
_STAGE_PREFERENCES: dict[Stage, dict[Strategy, float]] = {
    Stage.EXPLORATION: {
        Strategy.QUESTION: 0.40,
        Strategy.RESTATEMENT: 0.20,
        Strategy.REFLECTION: 0.15,
        Strategy.OTHERS: 0.10,
        Strategy.AFFIRMATION: 0.10,
        Strategy.SELF_DISCLOSURE: 0.05,
    },
    Stage.COMFORTING: {
        Strategy.REFLECTION: 0.30,
        Strategy.AFFIRMATION: 0.25,
        Strategy.SELF_DISCLOSURE: 0.15,
        Strategy.RESTATEMENT: 0.15,
        Strategy.QUESTION: 0.15,
    },
    Stage.ACTION: {
        Strategy.SUGGESTIONS: 0.35,
        Strategy.INFORMATION: 0.20,
        Strategy.AFFIRMATION: 0.20,
        Strategy.QUESTION: 0.15,
        Strategy.SELF_DISCLOSURE: 0.10,
    },
}

_REPEAT_PENALTY = 0.3
"""Factor applied to the strategy the supporter used last, against repetitive support."""


class RulePlanner:
    """Chooses the stage's most typical strategy that was not just used."""

    name = "rules"

    async def plan(self, context: PlanningContext) -> StrategyChoice:
        """Score strategies by stage preference, damping the previous one."""
        scores = {s: _STAGE_PREFERENCES[context.stage].get(s, 0.02) for s in Strategy}
        previous = next(
            (u.strategy for u in reversed(context.history) if u.speaker is Speaker.SUPPORTER),
            None,
        )
        if previous is not None:
            scores[previous] *= _REPEAT_PENALTY
        if not any(u.speaker is Speaker.SUPPORTER for u in context.history):
            scores[Strategy.QUESTION] += 0.5  # open by inviting the person to talk
        total = sum(scores.values())
        probabilities = {s: score / total for s, score in scores.items()}
        best = max(probabilities, key=probabilities.__getitem__)
        why = f"{best.value} is typical of the {context.stage.value} stage"
        if previous is not None and previous is not best:
            why += f" and varies from the last turn's {previous.value}"
        return StrategyChoice(strategy=best, probabilities=probabilities, rationale=why)
