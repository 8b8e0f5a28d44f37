"""The LLM planner: prompt, constrained parsing and fallback."""

from __future__ import annotations

import asyncio

import pytest

from warmline.backends import FakeBackend, Generator
from warmline.planning import LLMPlanner, PlanningContext, get_planner
from warmline.planning._llm import FALLBACK, parse_strategy
from warmline.types import Strategy


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Reflection of Feelings", Strategy.REFLECTION),
        ("  **Providing suggestions.**", Strategy.SUGGESTIONS),
        ("I'd use self disclosure, then a question", Strategy.SELF_DISCLOSURE),
        ("Restatement or Paraphrasing: she said...", Strategy.RESTATEMENT),
        ("Questions", Strategy.QUESTION),
        ("Affirmation and Reassurance", Strategy.AFFIRMATION),
        ("no idea", None),
    ],
)
def test_parse_strategy(reply, expected):
    assert parse_strategy(reply) is expected


def test_plans_with_the_named_strategy(dialogue):
    backend = FakeBackend(["Information"])
    planner = LLMPlanner(Generator(backend))
    context = PlanningContext(history=dialogue.utterances[:5], situation=dialogue.situation)
    choice = asyncio.run(planner.plan(context))
    assert choice.strategy is Strategy.INFORMATION
    assert choice.probabilities[Strategy.INFORMATION] == 1
    prompt = backend.prompts[0][-1].content
    assert "They cut the whole team." in prompt and "Reflection of feelings" in prompt


def test_unparseable_reply_falls_back_and_is_counted():
    planner = get_planner("llm", generator=Generator(FakeBackend(["banana"])))
    choice = asyncio.run(planner.plan(PlanningContext(history=[])))
    assert choice.strategy is FALLBACK
    assert planner.parse_failures == 1
