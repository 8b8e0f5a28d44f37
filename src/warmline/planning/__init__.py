"""Planning: which Helping Skills stage the conversation is in, and which strategy comes next."""

from warmline.planning._evaluate import evaluate_planner, evaluation_examples
from warmline.planning._factory import PLANNER_NAMES, get_planner
from warmline.planning._llm import LLMPlanner
from warmline.planning._metrics import StrategyMetrics, strategy_metrics
from warmline.planning._plan_stage import PlanStage
from warmline.planning._planner import Planner, PlanningContext
from warmline.planning._rules import RulePlanner
from warmline.planning._stage import next_stage
from warmline.planning._trained import TrainedPlanner
from warmline.planning._training import TrainingReport, train_planner

__all__ = [
    "PLANNER_NAMES",
    "LLMPlanner",
    "PlanStage",
    "Planner",
    "PlanningContext",
    "RulePlanner",
    "StrategyMetrics",
    "TrainedPlanner",
    "TrainingReport",
    "evaluate_planner",
    "evaluation_examples",
    "get_planner",
    "next_stage",
    "strategy_metrics",
    "train_planner",
]
