"""Perceive: what the seeker feels, how strongly, and why."""

from warmline.perceive._lexicon import perceive_message
from warmline.perceive._stage import PerceiveStage

__all__ = ["PerceiveStage", "perceive_message"]
