"""Planning: which Helping Skills stage the conversation is in, and which strategy comes next."""

from warmline.planning._plan_stage import PlanStage
from warmline.planning._planner import Planner, PlanningContext
from warmline.planning._rules import RulePlanner
from warmline.planning._stage import next_stage

__all__ = ["PlanStage", "Planner", "PlanningContext", "RulePlanner", "next_stage"]
