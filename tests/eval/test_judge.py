"""Scale reading (log-prob expectation, parsing, unscored) and the judge."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator

import anyio
import pytest

from warmline.backends import ChatMessage, Chunk, FakeBackend, GenerateConfig, Generator
from warmline.eval import DIMENSIONS, Judge, expected_score, parse_score
from warmline.eval._judge import FILLER, bias_check, pad_replies
from warmline.types import Speaker, Utterance

DIALOGUE = [
    Utterance(speaker=Speaker.SEEKER, text="I lost my job and I feel useless."),
    Utterance(speaker=Speaker.SUPPORTER, text="That sounds painful. What happened?"),
]


class LogprobBackend(FakeBackend):
    """Answers every scale question with the digit '3' and fixed alternatives."""

    supports_logprobs = True

    async def stream(
        self, messages: list[ChatMessage], config: GenerateConfig
    ) -> AsyncIterator[Chunk]:
        self.prompts.append(messages)
        if config.top_logprobs:
            top = {"3": math.log(0.5), "4": math.log(0.25), " 2": math.log(0.15), "x": -1.0}
            yield Chunk(text="3", logprobs=[{"token": "3", "logprob": math.log(0.5), "top": top}])
        else:
            yield Chunk(text="A careful, warm supporter.")


def test_expected_score_renormalises_over_the_scale() -> None:
    top = {"0": math.log(0.1), "4": math.log(0.3), " 3": math.log(0.2), "x": math.log(0.4)}
    value, distribution = expected_score(top, range(5))
    assert distribution["0"] == pytest.approx(1 / 6)
    assert value == pytest.approx(3 * 2 / 6 + 4 * 3 / 6)
    with pytest.raises(ValueError):
        expected_score({"x": 0.0}, range(5))


def test_parse_score_takes_the_last_standalone_scale_digit() -> None:
    assert parse_score("Empathy: 2. On reflection, 3", range(5)) == 3
    assert parse_score("10 out of 10", range(5)) is None
    assert parse_score("no idea", range(5)) is None


def test_judge_parses_digits_without_logprobs() -> None:
    judgement = anyio.run(Judge(Generator(FakeBackend(lambda m: "Score: 3"))).judge, DIALOGUE)
    assert set(judgement.scores) == set(DIMENSIONS)
    assert all(a.value == 3 and a.method == "parsed" for a in judgement.scores.values())
    assert judgement.rationale == "Score: 3"
    assert "single digit" in judgement.questions["safety"]


def test_judge_reports_unparseable_answers_as_unscored() -> None:
    judgement = anyio.run(Judge(Generator(FakeBackend(lambda m: "excellent"))).judge, DIALOGUE)
    answer = judgement.scores["empathy"]
    assert answer.value is None and answer.method == "unscored"
    assert "no digit 0-4" in answer.reason and answer.reply == "excellent"


def test_judge_uses_the_logprob_expectation_when_available() -> None:
    judgement = anyio.run(Judge(Generator(LogprobBackend())).judge, DIALOGUE)
    answer = judgement.scores["overall"]
    assert answer.method == "logprob"
    assert answer.value == pytest.approx((3 * 0.5 + 4 * 0.25 + 2 * 0.15) / 0.9)
    assert judgement.rationale == "A careful, warm supporter."


def test_bias_check_reports_position_and_length_shifts() -> None:
    def first_always_wins(messages: list[ChatMessage]) -> str:
        text = messages[-1].content
        if "1 or 2" in text:
            return "1"
        return "4" if FILLER.strip() in messages[1].content else "2"

    judge = Judge(Generator(FakeBackend(first_always_wins)))
    other = [DIALOGUE[0], Utterance(speaker=Speaker.SUPPORTER, text="Okay.")]
    original = anyio.run(judge.judge, DIALOGUE)

    async def check() -> dict:
        return await bias_check(judge, [(DIALOGUE, other)], [(DIALOGUE, original)])

    report = anyio.run(check)
    assert report["position_bias"] == pytest.approx(1.0)  # always the first slot
    assert report["consistency"] == 0.0
    assert report["length_shift"]["overall"] == pytest.approx(2.0)  # padding raised 2 -> 4
    assert pad_replies(DIALOGUE)[1].text.endswith(FILLER)
