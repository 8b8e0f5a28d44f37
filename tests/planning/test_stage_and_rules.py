import anyio

from warmline.planning import PlanningContext, RulePlanner, next_stage
from warmline.types import Emotion, SeekerState, Speaker, Stage, Strategy, Utterance

CALM = SeekerState(emotion=Emotion.SADNESS, intensity=3.0, cause="my breakup")


def test_exploration_moves_to_comforting_once_the_cause_is_heard() -> None:
    assert next_stage(Stage.EXPLORATION, 1, CALM, CALM) is Stage.EXPLORATION
    assert next_stage(Stage.EXPLORATION, 3, CALM, CALM) is Stage.COMFORTING


def test_exploration_without_a_cause_still_moves_on_eventually() -> None:
    unknown = SeekerState(emotion=Emotion.SADNESS, intensity=3.0)
    assert next_stage(Stage.EXPLORATION, 3, unknown, unknown) is Stage.EXPLORATION
    assert next_stage(Stage.EXPLORATION, 5, unknown, unknown) is Stage.COMFORTING


def test_comforting_moves_to_action_when_distress_is_not_rising() -> None:
    assert next_stage(Stage.COMFORTING, 2, CALM, CALM) is Stage.ACTION


def test_rising_distress_steps_back_from_action_to_comforting() -> None:
    worse = CALM.model_copy(update={"intensity": 4.5})
    assert next_stage(Stage.ACTION, 1, CALM, worse) is Stage.COMFORTING
    assert next_stage(Stage.COMFORTING, 3, CALM, worse) is Stage.COMFORTING


def test_a_new_problem_steps_back_to_exploration() -> None:
    new = CALM.model_copy(update={"cause": "my father is in hospital"})
    assert next_stage(Stage.ACTION, 1, CALM, new) is Stage.EXPLORATION
    assert next_stage(Stage.COMFORTING, 1, CALM, new) is Stage.EXPLORATION


def _plan(context: PlanningContext) -> Strategy:
    choice = anyio.run(RulePlanner().plan, context)
    assert abs(sum(choice.probabilities.values()) - 1) < 1e-9
    return choice.strategy


def test_rule_planner_opens_with_a_question_and_fits_the_stage() -> None:
    hello = [Utterance(speaker=Speaker.SEEKER, text="hi")]
    assert _plan(PlanningContext(history=hello)) is Strategy.QUESTION
    history = [
        *hello,
        Utterance(speaker=Speaker.SUPPORTER, text="Hi!", strategy=Strategy.QUESTION),
        Utterance(speaker=Speaker.SEEKER, text="I need a plan"),
    ]
    assert _plan(PlanningContext(history=history, stage=Stage.ACTION)) is Strategy.SUGGESTIONS


def test_rule_planner_does_not_repeat_the_last_strategy() -> None:
    history = [
        Utterance(speaker=Speaker.SEEKER, text="hi"),
        Utterance(speaker=Speaker.SUPPORTER, text="What happened?", strategy=Strategy.QUESTION),
        Utterance(speaker=Speaker.SEEKER, text="stuff"),
    ]
    assert _plan(PlanningContext(history=history)) is not Strategy.QUESTION
