"""The planner commands through Typer's runner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import warmline._cli.planner  # noqa: F401  (registers the commands)
from warmline._cli.apps import app

runner = CliRunner()


def test_eval_strategies_json(tmp_path):
    path = tmp_path / "results.json"
    records = [
        {"strg_gold": "Question", "strg_pred": "Question"},
        {"strg_gold": "Reflection of Feelings", "strg_pred": "Affirmation and Reassurance"},
        {"strg_gold": "Others", "strg_pred": "something else"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    result = runner.invoke(app, ["eval", "strategies", "--predictions", str(path), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["n"] == 3
    assert metrics["accuracy"] == pytest.approx(200 / 3)  # the unknown one counts as Others
    assert {"macro_f1", "weighted_f1", "bias", "per_strategy_f1", "confusion"} <= set(metrics)


def test_eval_strategies_missing_file_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["eval", "strategies", "--predictions", str(tmp_path / "x.json")])
    assert result.exit_code == 1
    assert "file not found" in result.output
    assert "Traceback" not in result.output


def test_eval_planner_json_and_plot(tmp_path, dialogue_file):
    plot = tmp_path / "confusion.png"
    result = runner.invoke(
        app, ["eval", "planner", "--data", str(dialogue_file), "--json", "--plot", str(plot)]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["n"] == 6
    assert len(metrics["confusion"]) == 8
    assert plot.read_bytes()[:4] == b"\x89PNG"


def test_eval_planner_with_fake_llm(dialogue_file):
    result = runner.invoke(
        app, ["eval", "planner", "--data", str(dialogue_file), "--llm", "fake", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 6


def test_eval_planner_unknown_model_fails_cleanly(dialogue_file):
    result = runner.invoke(app, ["eval", "planner", "--data", str(dialogue_file), "--llm", "nope"])
    assert result.exit_code == 1
    assert "unknown model" in result.output
