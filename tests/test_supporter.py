from pathlib import Path

import anyio
import pytest

from warmline._factory import Runtime, open_runtime
from warmline.backends import ChatMessage, FakeBackend
from warmline.errors import InputError, NotFoundError
from warmline.respond import SYSTEM_PROMPT
from warmline.supporter import MAX_MESSAGE_CHARS, Supporter, validate_message
from warmline.turn import TurnState
from warmline.types import Emotion, Stage, Strategy


def runtime_with(backend: FakeBackend, planner: str = "trained") -> Runtime:
    return open_runtime(backend, planner=planner)


def start(runtime: Runtime, name: str = "ana") -> tuple[str, str]:
    user = runtime.store.ensure_user(name)
    return runtime.store.create_session(user.id).id, user.id


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("abc\x00def", "binary"),
        (b"\xff\xfe\x00bad", "UTF-8"),
        ("x" * (MAX_MESSAGE_CHARS + 1), "under 4,000"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_reason(message: str | bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        validate_message(message)


def test_a_turn_stores_both_messages_and_the_analysis() -> None:
    runtime = runtime_with(FakeBackend(["I'm sorry. What happened at work?"]))
    session, user = start(runtime)
    result = anyio.run(runtime.supporter.turn, session, user, "I lost my job and I feel so sad")
    stored = runtime.store.messages(session, user)
    assert [m.role for m in stored] == ["seeker", "supporter"]
    assert stored[1].text == result.reply == "I'm sorry. What happened at work?"
    assert stored[1].analysis["strategy"] == result.analysis.strategy.value
    assert result.analysis.emotion is Emotion.SADNESS
    assert result.analysis.cause == "I lost my job"
    assert "Strategy:" in result.analysis.reasoning


def test_the_prompt_is_conditioned_on_stage_and_strategy_with_a_fixed_system_prompt() -> None:
    backend = FakeBackend()
    runtime = runtime_with(backend)
    session, user = start(runtime)
    for text in ("hi", "my exam went badly", "I feel stupid"):
        result = anyio.run(runtime.supporter.turn, session, user, text)
    first, last = backend.prompts[0], backend.prompts[-1]
    assert first[0] == last[0] == ChatMessage(role="system", content=SYSTEM_PROMPT)
    note = last[-1].content
    assert result.analysis.strategy.value in note and result.analysis.stage.value in note
    assert result.analysis.strategy.description in note
    # the conversation grows at the end only, so a prompt cache can reuse the prefix
    assert [m.content for m in last[1:4]] == [
        "hi",
        backend_reply(runtime, session, user, 1),
        "my exam went badly",
    ]


def backend_reply(runtime: Runtime, session: str, user: str, index: int) -> str:
    return runtime.store.messages(session, user)[index].text


def test_state_carries_over_between_turns_and_the_stage_advances() -> None:
    runtime = runtime_with(FakeBackend())
    session, user = start(runtime)
    stages = []
    for text in ["hi", "I failed my exam because I was ill", "I'm so worried", "ok", "yes", "ok"]:
        stages.append(anyio.run(runtime.supporter.turn, session, user, text).analysis.stage)
    assert stages[0] is Stage.EXPLORATION
    assert Stage.COMFORTING in stages and stages[-1] is Stage.ACTION


def test_a_failing_backend_yields_a_kind_fallback_and_keeps_the_message() -> None:
    runtime = runtime_with(FakeBackend(fail_with=RuntimeError("GPU on fire")))
    session, user = start(runtime)
    result = anyio.run(runtime.supporter.turn, session, user, "I feel alone")
    assert result.status == "fallback"
    assert "I'm here" in result.reply and "GPU" not in result.reply
    assert [m.text for m in runtime.store.messages(session, user)][0] == "I feel alone"


@pytest.mark.parametrize("garbage", ["", "!!!! ???? ....", "Supporter note: Strategy: Question"])
def test_garbage_output_is_replaced_by_the_fallback(garbage: str) -> None:
    runtime = runtime_with(FakeBackend([garbage]))
    session, user = start(runtime)
    result = anyio.run(runtime.supporter.turn, session, user, "hello")
    assert result.status == "fallback" and "listening" in result.reply


def test_streamed_text_is_emitted_as_it_arrives() -> None:
    runtime = runtime_with(FakeBackend(["one two three four"]))
    session, user = start(runtime)
    chunks: list[str] = []

    async def emit(text: str) -> None:
        chunks.append(text)

    anyio.run(runtime.supporter.turn, session, user, "hi", emit)
    assert chunks == ["one", " two", " three", " four"]


def test_someone_elses_session_cannot_be_used() -> None:
    runtime = runtime_with(FakeBackend())
    session, _ = start(runtime, "ana")
    ben = runtime.store.ensure_user("ben")
    with pytest.raises(NotFoundError):
        anyio.run(runtime.supporter.turn, session, ben.id, "hi")


def test_rejected_input_stores_nothing(isolated_home: Path) -> None:
    runtime = runtime_with(FakeBackend())
    session, user = start(runtime)
    with pytest.raises(InputError):
        anyio.run(runtime.supporter.turn, session, user, "   ")
    assert runtime.store.messages(session, user) == []


def test_strategies_of_earlier_turns_are_part_of_the_history() -> None:
    runtime = runtime_with(FakeBackend(), planner="rules")
    session, user = start(runtime)
    first = anyio.run(runtime.supporter.turn, session, user, "hi")
    second = anyio.run(runtime.supporter.turn, session, user, "hello again")
    assert first.analysis.strategy is Strategy.QUESTION
    assert second.analysis.strategy is not Strategy.QUESTION  # the planner saw the last one


def test_the_trained_planner_is_the_default_and_reports_its_distribution() -> None:
    runtime = runtime_with(FakeBackend())
    session, user = start(runtime)
    result = anyio.run(runtime.supporter.turn, session, user, "I can't stop worrying about money")
    top = result.as_json()["top_strategies"]
    assert len(top) == 3 and top[0]["strategy"] == result.analysis.strategy.value
    assert top[0]["probability"] >= top[1]["probability"] >= top[2]["probability"]
    assert abs(sum(result.analysis.strategy_probabilities.values()) - 1) < 1e-6
    assert "trained planner" in result.analysis.reasoning


class _Preparing:
    """A stage whose preparation takes a while, recording what it saw and when."""

    def __init__(self) -> None:
        self.events: list[str] = []

    async def prepare(self, message: str) -> None:
        self.events.append(f"prepare started: {message}")
        await anyio.sleep(0.05)
        self.events.append("prepare done")

    async def __call__(self, state: TurnState) -> TurnState:
        self.events.append("stage ran")
        state.reply = "I'm listening."
        return state


def test_preparation_overlaps_the_turn_and_finishes_before_it_is_stored() -> None:
    runtime = runtime_with(FakeBackend())
    stage = _Preparing()
    supporter = Supporter(runtime.store, [stage])
    session, user = start(runtime)
    anyio.run(supporter.turn, session, user, "I can't sleep")
    assert stage.events == ["prepare started: I can't sleep", "stage ran", "prepare done"]
    assert runtime.store.messages(session, user)[-1].text == "I'm listening."


def test_preparation_is_awaited_even_when_the_session_is_not_found() -> None:
    runtime = runtime_with(FakeBackend())
    stage = _Preparing()
    _, user = start(runtime)
    with pytest.raises(NotFoundError):
        anyio.run(Supporter(runtime.store, [stage]).turn, "no-such-session", user, "hello")
    assert stage.events == ["prepare started: hello", "prepare done"]


def test_each_step_of_a_turn_is_timed_in_order() -> None:
    runtime = runtime_with(FakeBackend(["That sounds hard. What happened?"]))
    session, user = start(runtime)
    result = anyio.run(runtime.supporter.turn, session, user, "I lost my job today")
    stages = ["perceive", "safety", "plan", "remember", "respond", "guard"]
    assert list(result.timings) == ["begin", *stages, "deferred", "finish"]
    assert all(seconds > 0 for seconds in result.timings.values())
    assert "timings" not in result.as_json()  # the chat's JSON stays about the conversation


def test_a_crisis_turn_times_only_the_stages_that_ran() -> None:
    runtime = runtime_with(FakeBackend(["unused"]))
    session, user = start(runtime)
    result = anyio.run(runtime.supporter.turn, session, user, "I want to kill myself tonight")
    assert result.analysis.risk_level.value == "risk"
    assert list(result.timings) == ["begin", "perceive", "safety", "deferred", "finish"]
