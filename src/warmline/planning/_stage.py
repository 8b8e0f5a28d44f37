"""The Helping Skills stage machine: Exploration -> Comforting -> Action, and back.

A supporter first explores the problem, then comforts, then helps the seeker
act. New distress (intensity rising, or a new cause) steps the conversation
back, because suggestions land badly on someone who no longer feels heard.
"""

from __future__ import annotations

from warmline.types import SeekerState, Stage

__all__ = ["next_stage"]

EXPLORATION_TURNS = 3
"""Seeker turns to listen before comforting, when the cause is already clear."""
COMFORTING_TURNS = 2
"""Seeker turns of comforting before moving to action, when distress is not rising."""


def next_stage(stage: Stage, stage_turns: int, before: SeekerState, after: SeekerState) -> Stage:
    """The stage for the coming supporter turn, given how the seeker's state changed.

    Args:
        stage: the current stage.
        stage_turns: seeker turns already spent in it, counting the newest one.
        before: the seeker state before the newest message.
        after: the seeker state after it.
    """
    rising = after.intensity - before.intensity >= 1.0
    new_cause = before.cause is not None and after.cause not in (None, before.cause)
    if stage is Stage.ACTION and (rising or new_cause):
        return Stage.COMFORTING if rising else Stage.EXPLORATION
    if stage is Stage.COMFORTING and new_cause:
        return Stage.EXPLORATION
    if stage is Stage.EXPLORATION:
        heard_enough = stage_turns >= EXPLORATION_TURNS and after.cause is not None
        return Stage.COMFORTING if heard_enough or stage_turns > EXPLORATION_TURNS + 1 else stage
    if stage is Stage.COMFORTING and stage_turns >= COMFORTING_TURNS and not rising:
        return Stage.ACTION
    return stage
