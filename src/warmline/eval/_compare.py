"""Two configurations side by side on the same cards, seeker and judge.

A configuration is `SYSTEM` or `SYSTEM@MODEL` (e.g. `warmline`, `llm@openai:gpt-4o-mini`);
without a model it runs on the run's `--model`. Both sides share one backend
pool, so a model used by several roles is loaded once. Differences are paired
by card with bootstrap intervals; a pairwise judge question asked in both
orders gives an order-balanced preference and the judge's position bias.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console

from warmline.backends import Generator
from warmline.eval._config import RunConfig
from warmline.eval._interactive import dialogue_of, read_records, run_judge, run_simulate
from warmline.eval._judge import Judge, Judgement, bias_check
from warmline.eval._pool import BackendPool
from warmline.eval._report_dir import load_json, render_compare_report
from warmline.eval._runner import write_json
from warmline.eval._stats import paired_difference

__all__ = ["parse_configuration", "run_compare"]


def parse_configuration(spec: str) -> tuple[str, str | None]:
    """`SYSTEM[@MODEL]` as (system, model or None)."""
    system, _, model = spec.partition("@")
    return system, model or None


async def run_compare(
    cards_path: Path,
    config: RunConfig,
    *,
    a: str,
    b: str,
    limit: int | None = None,
    turns: int = 4,
    bias_dialogues: int = 3,
    console: Console | None = None,
) -> dict[str, Any]:
    """Simulate and judge both configurations, then compare them; writes `report.html`."""
    pool = BackendPool(config.seed, config.backend_options, config.threads)
    shared = {
        "seeker_model": config.seeker_model or config.model,
        "judge_model": config.judge_model or config.model,
    }
    labels = {"a": a, "b": b} if a != b else {"a": f"{a} (a)", "b": f"{b} (b)"}
    try:
        for side, spec in (("a", a), ("b", b)):
            system, model = parse_configuration(spec)
            side_config = replace(
                config, out=config.out / side, model=model or config.model, **shared
            )
            await run_simulate(
                cards_path,
                side_config,
                system=system,
                limit=limit,
                turns=turns,
                pool=pool,
                console=console,
            )
            await run_judge(config.out / side, side_config, bias=False, pool=pool, console=console)
        bias = load_json(config.out / "bias.json")
        if bias is None:
            bias = await _bias(config, pool, bias_dialogues)
            write_json(config.out / "bias.json", bias)
    finally:
        await pool.aclose()
    comparison = _compare(config, labels, turns, bias)
    write_json(config.out / "comparison.json", comparison)
    render_compare_report(config.out, comparison)
    return comparison


async def _bias(config: RunConfig, pool: BackendPool, limit: int) -> dict[str, Any]:
    judge = Judge(Generator(pool.get(config.judge_model or config.model)), timeout=config.timeout)
    a = read_records(config.out / "a" / "dialogues.jsonl")
    b = {str(r["id"]): r for r in read_records(config.out / "b" / "dialogues.jsonl")}
    judged = read_records(config.out / "a" / "judgements.jsonl")
    pairs = [(dialogue_of(r), dialogue_of(b[str(r["id"])])) for r in a[:limit] if str(r["id"]) in b]
    padded = [
        (dialogue_of(r), Judgement.model_validate(j))
        for r, j in zip(a[:limit], judged[:limit], strict=False)
    ]
    return await bias_check(judge, pairs, padded)


def _compare(
    config: RunConfig, labels: dict[str, str], turns: int, bias: dict[str, Any]
) -> dict[str, Any]:
    sides = {
        side: (
            {str(r["id"]): r for r in read_records(config.out / side / "dialogues.jsonl")},
            {str(r["id"]): r for r in read_records(config.out / side / "judgements.jsonl")},
        )
        for side in ("a", "b")
    }
    ids = [i for i in sides["a"][0] if i in sides["b"][0]]

    def column(side: str, measure: str) -> list[float | None]:
        dialogues, judgements = sides[side]
        if measure == "intensity_drop":
            return [dialogues[i]["intensity_drop"] for i in ids]
        return [judgements[i]["scores"][measure]["value"] if i in judgements else None for i in ids]

    names = ["intensity_drop"]
    first = next(iter(sides["a"][1].values()), None)
    names += list(first["scores"]) if first else []
    measures = {}
    for name in names:
        a_values, b_values = column("a", name), column("b", name)
        measures[name] = {
            "a": _mean(a_values),
            "b": _mean(b_values),
            "difference": paired_difference(a_values, b_values, seed=config.seed).model_dump(),
        }
    return {
        "task": "compare",
        "labels": labels,
        "cards": len(ids),
        "turns": turns,
        "seeker_model": config.describe(config.seeker_model),
        "judge_model": config.describe(config.judge_model),
        "seed": config.seed,
        "measures": measures,
        "bias": bias,
        "usage": {
            side: (load_json(config.out / side / "summary.json") or {}).get("usage")
            for side in ("a", "b")
        },
    }


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
