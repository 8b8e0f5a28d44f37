"""Planning: which Helping Skills stage the conversation is in, and which strategy comes next."""

from warmline.planning._llm import LLMPlanner
from warmline.planning._metrics import StrategyMetrics, strategy_metrics
from warmline.planning._planner import Planner, PlanningContext
from warmline.planning._rules import RulePlanner
from warmline.planning._stage import next_stage

__all__ = [
    "LLMPlanner",
    "Planner",
    "PlanningContext",
    "RulePlanner",
    "StrategyMetrics",
    "next_stage",
    "strategy_metrics",
]
