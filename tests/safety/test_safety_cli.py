import json
from pathlib import Path

from typer.testing import CliRunner

from warmline._cli.main import app

runner = CliRunner()


def test_one_json_object_per_non_empty_line() -> None:
    result = runner.invoke(app, ["safety"], input="I want to kms\n\nthis deadline is killing me\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["level"] for row in rows] == ["risk", "none"]
    assert rows[0]["categories"] == ["suicide"]
    assert rows[0]["evidence"][0]["text"] == "kms"
    assert {"level", "categories", "evidence", "score", "concerns"} <= rows[1].keys()


def test_context_lets_risk_build_up_across_lines() -> None:
    lines = (
        "I feel like such a burden\nnothing matters anymore\n"
        "I gave away my books and my bike this week\n"
    )
    alone = runner.invoke(app, ["safety"], input=lines)
    together = runner.invoke(app, ["safety", "--context"], input=lines)
    assert json.loads(alone.stdout.splitlines()[-1])["level"] == "concern"
    assert json.loads(together.stdout.splitlines()[-1])["level"] == "risk"


def test_eval_prints_the_per_category_table() -> None:
    path = Path(__file__).parent / "data" / "risk_check.jsonl"
    result = runner.invoke(app, ["safety", "--eval", str(path)])
    assert result.exit_code == 0, result.output
    for word in ("risk recall", "false-alarm rate", "suicide", "medical_emergency", "precision"):
        assert word in result.stdout
