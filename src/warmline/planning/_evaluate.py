"""Score any planner on ESConv dialogues with the strategy benchmarks' protocol."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from warmline.planning._features import planning_examples
from warmline.planning._metrics import StrategyMetrics, strategy_metrics
from warmline.planning._planner import Planner, PlanningContext
from warmline.types import Dialogue, Strategy

__all__ = ["evaluate_planner", "evaluation_examples"]


def evaluation_examples(
    dialogues: Sequence[Dialogue], limit: int | None = None
) -> list[tuple[PlanningContext, Strategy]]:
    """Every annotated supporter utterance except each dialogue's first utterance, in order.

    `limit` keeps only the first N examples (for quick runs with slow planners).
    """
    examples = list(planning_examples(dialogues))
    return examples[:limit] if limit is not None else examples


async def evaluate_planner(
    planner: Planner,
    dialogues: Sequence[Dialogue],
    *,
    limit: int | None = None,
    on_example: Callable[[int, int], None] | None = None,
) -> StrategyMetrics:
    """Ask the planner for every example's strategy and score it against the human choice.

    Args:
        planner: any `Planner`; it sees only the utterances before the gold one.
        dialogues: ESConv dialogues with annotated supporter strategies.
        limit: score only the first N examples.
        on_example: called with (done, total) after each example, for progress bars.

    Raises:
        ValueError: the dialogues hold no annotated supporter utterance to predict.
    """
    examples = evaluation_examples(dialogues, limit)
    gold, predicted = [], []
    for done, (context, strategy) in enumerate(examples, start=1):
        choice = await planner.plan(context)
        gold.append(strategy)
        predicted.append(choice.strategy)
        if on_example is not None:
            on_example(done, len(examples))
    return strategy_metrics(gold, predicted)
