"""The harness against a real OpenAI-compatible server: llama.cpp serving SmolLM2 on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
from typer.testing import CliRunner

from warmline._cli.main import app
from warmline.backends import LLMBackend, get_backend


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The `/v1` address of a local llama.cpp server (skips without the SmolLM2 package)."""
    try:
        backend: LLMBackend = get_backend("smollm2", threads=1)
    except Exception as error:  # the model package is optional
        pytest.skip(f"SmolLM2 unavailable: {error}")
    address = backend.address  # type: ignore[attr-defined]
    yield f"{address if address.startswith('http') else 'http://' + address}/v1"
    anyio.run(backend.aclose)


@pytest.mark.slow
def test_simulate_and_judge_through_an_openai_compatible_server(
    server: str, tmp_path: Path
) -> None:
    cards = tmp_path / "cards.json"
    cards.write_text(json.dumps([{"base": "Problem: lost my job, feel useless.", "id": 1}]))
    out = tmp_path / "run"
    common = ["--model", "openai:smollm2", "--base-url", server, "--json"]
    runner = CliRunner()
    simulate = runner.invoke(
        app,
        ["eval", "simulate", "--cards", str(cards), "--turns", "1", "--system", "llm",
         "--out", str(out), "--concurrency", "2", *common],
    )  # fmt: skip
    assert simulate.exit_code == 0, simulate.output
    record = json.loads((out / "dialogues.jsonl").read_text())
    assert [u["speaker"] for u in record["dialogue"]] == ["seeker", "supporter"]
    assert len(record["trajectory"]) == 2
    assert record["usage"]["system"]["prompt_tokens"] > 0

    judge = runner.invoke(app, ["eval", "judge", "--dialogues", str(out), "--no-bias", *common])
    assert judge.exit_code == 0, judge.output
    judgement = json.loads((out / "judgements.jsonl").read_text())
    assert len(judgement["scores"]) == 8
    assert {s["method"] for s in judgement["scores"].values()} <= {"logprob", "parsed", "unscored"}
    assert any(s["method"] == "logprob" for s in judgement["scores"].values())
    assert (out / "report.html").exists()
