"""Simulate, judge and compare end to end on scripted fake models; resumability."""

from __future__ import annotations

import json
from pathlib import Path

import anyio
import pytest

from warmline.backends import ChatMessage, FakeBackend
from warmline.eval import RunConfig, run_compare, run_esconv, run_judge, run_simulate

CARDS = [
    {"base": f"Age: 30\nGender: female\nOccupation: nurse\nProblem: problem {i}.", "id": i}
    for i in range(3)
]


def scripted(messages: list[ChatMessage]) -> str:
    """A whole cast in one fake: seeker, rater, supporter and judge, chosen by the prompt."""
    last = messages[-1].content
    system = messages[0].content
    if "How intense is your distress" in last:
        return str(max(1, 4 - last.count("Supporter:")))  # calmer after each reply
    if "Rate the supporter" in last:
        return "3"
    if "1 or 2" in last:
        return "1"
    if "assess the supporter" in last:
        return "Warm and attentive."
    if system.startswith("You are role-playing"):
        turn = sum(m.role == "assistant" for m in messages)
        return "Thanks, goodbye [END]" if turn >= 2 else f"I feel awful, part {turn}."
    return "That sounds really hard. What happened?"


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    path = tmp_path / "cards.json"
    path.write_text(json.dumps(CARDS), encoding="utf-8")
    return path


def test_simulate_and_judge_end_to_end(tmp_path: Path, cards: Path) -> None:
    out = tmp_path / "run"
    config = RunConfig(out=out, model=FakeBackend(scripted))
    summary = anyio.run(lambda: run_simulate(cards, config, system="warmline", turns=4))
    records = [json.loads(line) for line in (out / "dialogues.jsonl").read_text().splitlines()]
    assert summary["cards"] == 3 and len(records) == 3
    first = records[0]
    assert first["trajectory"] == [4, 3, 2]  # initial, then after each supporter reply
    assert first["intensity_drop"] == 2 and first["ended_by_seeker"]
    assert [u["speaker"] for u in first["dialogue"]] == ["seeker", "supporter"] * 2 + ["seeker"]
    assert first["dialogue"][1]["strategy"]  # warmline reports its strategy
    assert summary["usage"]["by_role"]["seeker"]["completion_tokens"] > 0

    judged = anyio.run(lambda: run_judge(out, config))
    assert judged["dimensions"]["empathy"]["mean"] == 3.0 and judged["unscored"] == 0
    bias = json.loads((out / "bias.json").read_text())
    assert bias["position_bias"] == pytest.approx(1.0) and len(bias["pairs"]) == 1
    report = (out / "report.html").read_text()
    assert "data:image/png;base64," in report and "Judge bias check" in report


def test_runs_are_deterministic_and_resumable(tmp_path: Path, cards: Path) -> None:
    backend = FakeBackend(scripted)
    config = RunConfig(out=tmp_path / "run", model=backend)
    anyio.run(lambda: run_simulate(cards, config, system="llm", limit=2, turns=3))
    calls = len(backend.prompts)
    anyio.run(lambda: run_simulate(cards, config, system="llm", limit=3, turns=3))
    assert len(backend.prompts) - calls == calls / 2  # only the third card ran
    lines = (tmp_path / "run" / "dialogues.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["0", "1", "2"]

    again = RunConfig(out=tmp_path / "again", model=FakeBackend(scripted))
    anyio.run(lambda: run_simulate(cards, again, system="llm", limit=3, turns=3))
    strip = [{k: v for k, v in json.loads(line).items() if k != "seconds"} for line in lines]
    repeat = (tmp_path / "again" / "dialogues.jsonl").read_text().splitlines()
    assert strip == [{k: v for k, v in json.loads(ln).items() if k != "seconds"} for ln in repeat]


def test_compare_writes_a_report_with_paired_differences(tmp_path: Path, cards: Path) -> None:
    config = RunConfig(out=tmp_path / "cmp", model=FakeBackend(scripted))
    comparison = anyio.run(
        lambda: run_compare(cards, config, a="warmline", b="llm", limit=2, turns=2)
    )
    assert comparison["cards"] == 2
    assert comparison["measures"]["overall"]["difference"]["mean"] == 0.0
    assert comparison["bias"]["preference_a"] == pytest.approx(0.5)
    html = (tmp_path / "cmp" / "report.html").read_text()
    assert "paired bootstrap" in html and html.count("data:image/png;base64,") >= 3


def test_esconv_reference_run_resumes(shared_data: Path, tmp_path: Path) -> None:
    backend = FakeBackend()
    config = RunConfig(out=tmp_path / "ref", model=backend)
    data = shared_data / "esconv" / "valid.jsonl"
    anyio.run(lambda: run_esconv(data, config, system="warmline", limit=3))
    calls = len(backend.prompts)
    summary = anyio.run(lambda: run_esconv(data, config, system="warmline", limit=4))
    assert len(backend.prompts) == calls + 1
    assert summary["turns"] == 4 and summary["strategy_turns"] == 4
    assert {"bleu-2", "rouge-l", "distinct-2", "strategy-accuracy"} <= set(summary["metrics"])
