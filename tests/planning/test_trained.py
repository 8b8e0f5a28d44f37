"""The trained planner, its artifact, the evaluation protocol and lookahead re-ranking."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from warmline.data import data_dir, read_esconv
from warmline.errors import ConfigurationError
from warmline.planning import (
    PlanningContext,
    RulePlanner,
    TrainedPlanner,
    evaluate_planner,
    evaluation_examples,
    get_planner,
    strategy_metrics,
)
from warmline.planning._artifact import load_artifact, save_artifact
from warmline.planning._features import STRATEGIES, replayed_stage
from warmline.planning._lookahead import rerank
from warmline.types import Stage, Strategy


@pytest.fixture(scope="module")
def planner() -> TrainedPlanner:
    return TrainedPlanner()


def test_protocol_skips_first_utterance_and_unannotated(dialogue):
    examples = evaluation_examples([dialogue])
    assert [gold for _, gold in examples] == [
        Strategy.QUESTION,
        Strategy.REFLECTION,
        Strategy.SUGGESTIONS,
    ]
    # Consecutive supporter turns each count; the second sees the first.
    assert examples[1][0].history[-1].strategy is Strategy.QUESTION
    assert len(examples[2][0].history) == 6


def test_evaluate_planner_scores_every_example(dialogue):
    metrics = asyncio.run(evaluate_planner(RulePlanner(), [dialogue, dialogue]))
    assert metrics.n == 6
    assert sum(map(sum, metrics.confusion)) == 6
    assert asyncio.run(evaluate_planner(RulePlanner(), [dialogue], limit=2)).n == 2


def test_replayed_stage_moves_forward(dialogue):
    assert replayed_stage([]) is Stage.EXPLORATION
    many = dialogue.utterances * 6
    assert replayed_stage(many) is not Stage.EXPLORATION


def test_plan_is_a_distribution(planner, dialogue):
    context = PlanningContext(history=dialogue.utterances[:5], situation=dialogue.situation)
    choice = asyncio.run(planner.plan(context))
    assert set(choice.probabilities) == set(Strategy)
    assert sum(choice.probabilities.values()) == pytest.approx(1, abs=1e-6)
    assert all(0 <= p <= 1 for p in choice.probabilities.values())
    assert choice.strategy is choice.top(1)[0][0]


def test_batched_choice_matches_plan(planner, dialogue):
    contexts = [context for context, _ in evaluation_examples([dialogue])]
    batched = planner.choose(contexts)
    single = [asyncio.run(planner.plan(context)).strategy for context in contexts]
    assert [STRATEGIES[i] for i in batched] == single


def test_plan_works_on_an_empty_history(planner):
    choice = asyncio.run(planner.plan(PlanningContext(history=[])))
    assert sum(choice.probabilities.values()) == pytest.approx(1, abs=1e-6)


def test_lookahead_stays_within_top_k(dialogue):
    looking = get_planner("trained", lookahead=True)
    context = PlanningContext(history=dialogue.utterances[:5])
    choice = asyncio.run(looking.plan(context))
    assert choice.strategy in [s for s, _ in choice.top(3)]


def test_rerank_prefers_rating_only_among_top_k():
    log_probs = np.log(np.array([[0.5, 0.3, 0.15, 0.05]]))
    ratings = np.array([[1.0, 5.0, 1.0, 100.0]])
    assert rerank(log_probs, ratings, top_k=2, weight=1.0)[0] == 1
    assert rerank(log_probs, ratings, top_k=2, weight=0.0)[0] == 0


def test_checksum_mismatch_is_refused(tmp_path):
    path = tmp_path / "planner.joblib"
    save_artifact({"x": 1}, path)
    assert load_artifact(path) == {"x": 1}
    path.write_bytes(path.read_bytes() + b"tampered")
    with pytest.raises(ConfigurationError, match="checksum"):
        load_artifact(path)


def test_missing_artifact_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigurationError, match="train planner"):
        TrainedPlanner(tmp_path / "absent.joblib")


def test_unknown_planner_name():
    with pytest.raises(ConfigurationError):
        get_planner("oracle")
    with pytest.raises(ConfigurationError):
        get_planner("llm")


def test_beats_emodynamix_on_valid(planner):
    path = data_dir() / "esconv" / "valid.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not available")
    examples = evaluation_examples(read_esconv(path))
    chosen = planner.choose([context for context, _ in examples])  # batched: same as plan()
    metrics = strategy_metrics([gold for _, gold in examples], [STRATEGIES[i] for i in chosen])
    assert metrics.n == 2621
    assert metrics.macro_f1 > 27.70
    assert metrics.weighted_f1 > 32.71
    assert metrics.bias < 0.45
