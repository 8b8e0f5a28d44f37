"""Interactive evaluation: simulated seekers talk to a system, then a judge scores them.

`run_simulate` writes `dialogues.jsonl` (one conversation per card, with the
seeker's intensity trajectory) and `summary.json`; `run_judge` adds
`judgements.jsonl`, `judge.json` and, once, `bias.json`. Both re-render the
folder's `report.html` from whatever the folder holds.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from warmline.backends import Generator
from warmline.errors import DataFormatError
from warmline.eval._config import RunConfig, usage_delta, usage_summary
from warmline.eval._dataset import RoleCard, read_cards
from warmline.eval._judge import Judge, Judgement, bias_check
from warmline.eval._pool import BackendPool
from warmline.eval._report_dir import render_run_report
from warmline.eval._runner import ResultLog, run_items, write_json
from warmline.eval._seeker import SimulatedSeeker
from warmline.eval._solvers import make_solver
from warmline.eval._stats import bootstrap_mean
from warmline.types import Speaker, Utterance

__all__ = ["dialogue_of", "read_records", "run_judge", "run_simulate"]


async def run_simulate(
    cards_path: Path,
    config: RunConfig,
    *,
    system: str = "warmline",
    limit: int | None = None,
    turns: int = 4,
    pool: BackendPool | None = None,
    console: Console | None = None,
) -> dict[str, Any]:
    """Let each card's simulated seeker talk to `system` for up to `turns` turns."""
    config.out.mkdir(parents=True, exist_ok=True)
    cards = read_cards(cards_path, limit)
    owned = pool is None
    pool = pool or BackendPool(config.seed, config.backend_options, config.threads)
    solver = make_solver(system, pool.get(config.model), config.out, config.timeout)
    seeker_generator = Generator(pool.get(config.seeker_model or config.model))
    started = time.perf_counter()

    async def work(card: RoleCard) -> dict[str, Any]:
        before = (solver.generator.usage.model_copy(), seeker_generator.usage.model_copy())
        tick = time.perf_counter()
        seeker = SimulatedSeeker(card, seeker_generator, seed=config.seed, timeout=config.timeout)
        state = await seeker.start()
        dialogue: list[Utterance] = []
        fallbacks = 0
        for _ in range(turns):
            message = await seeker.speak(dialogue)
            dialogue.append(Utterance(speaker=Speaker.SEEKER, text=message))
            if state.ended:
                break
            reply = await solver.reply(card.id, dialogue[:-1], message)
            fallbacks += reply.status != "complete"
            dialogue.append(
                Utterance(speaker=Speaker.SUPPORTER, text=reply.text, strategy=reply.strategy)
            )
            await seeker.rate(dialogue)
        return {
            "card": card.model_dump(),
            "system": system,
            "dialogue": [u.model_dump(mode="json") for u in dialogue],
            "trajectory": state.trajectory,
            "initial_intensity": state.trajectory[0],
            "final_intensity": state.trajectory[-1],
            "intensity_drop": state.trajectory[0] - state.trajectory[-1],
            "ended_by_seeker": state.ended,
            "fallback_replies": fallbacks,
            "ratings": [r.model_dump() for r in state.ratings],
            "seconds": round(time.perf_counter() - tick, 3),
            "usage": {
                "system": usage_delta(solver.generator, before[0]),
                "seeker": usage_delta(seeker_generator, before[1]),
            },
        }

    try:
        records = await run_items(
            cards,
            lambda c: c.id,
            work,
            ResultLog(config.out / "dialogues.jsonl"),
            concurrency=config.concurrency,
            description=f"seekers × {system}",
            console=console,
        )
    finally:
        await solver.aclose()
        if owned:
            await pool.aclose()
    summary = {
        "task": "simulate",
        "system": system,
        "model": config.describe(config.model),
        "seeker_model": config.describe(config.seeker_model),
        "seed": config.seed,
        "cards": len(records),
        "turns": turns,
        "intensity_drop": bootstrap_mean(
            [r["intensity_drop"] for r in records], seed=config.seed
        ).model_dump(),
        "initial_intensity": _mean([r["initial_intensity"] for r in records]),
        "final_intensity": _mean([r["final_intensity"] for r in records]),
        "ended_by_seeker": sum(r["ended_by_seeker"] for r in records),
        "fallback_replies": sum(r["fallback_replies"] for r in records),
        "seconds_per_dialogue": _mean([r["seconds"] for r in records]),
        "wall_seconds_this_invocation": round(time.perf_counter() - started, 1),
        "usage": usage_summary(records, config),
    }
    write_json(config.out / "summary.json", summary)
    render_run_report(config.out)
    return summary


async def run_judge(
    folder: Path,
    config: RunConfig,
    *,
    bias: bool = True,
    bias_dialogues: int = 4,
    pool: BackendPool | None = None,
    console: Console | None = None,
) -> dict[str, Any]:
    """Judge every dialogue in `folder/dialogues.jsonl`; check bias once per folder."""
    if not (folder / "dialogues.jsonl").exists():
        raise DataFormatError(
            "no dialogues.jsonl here; run `warmline eval simulate` first", path=folder
        )
    dialogues = read_records(folder / "dialogues.jsonl")
    owned = pool is None
    pool = pool or BackendPool(config.seed, config.backend_options, config.threads)
    generator = Generator(pool.get(config.judge_model or config.model))
    judge = Judge(generator, timeout=config.timeout)
    started = time.perf_counter()

    async def work(record: dict[str, Any]) -> dict[str, Any]:
        before = generator.usage.model_copy()
        judgement = await judge.judge(dialogue_of(record))
        return {
            **judgement.model_dump(mode="json"),
            "usage": {"judge": usage_delta(generator, before)},
        }

    try:
        records = await run_items(
            dialogues,
            lambda r: str(r["id"]),
            work,
            ResultLog(folder / "judgements.jsonl"),
            concurrency=config.concurrency,
            description="judge",
            console=console,
        )
        if bias and not (folder / "bias.json").exists():
            subset = [dialogue_of(r) for r in dialogues[:bias_dialogues]]
            judged = [Judgement.model_validate(r) for r in records[:bias_dialogues]]
            pairs = list(zip(subset[0::2], subset[1::2], strict=False))
            report = await bias_check(judge, pairs, list(zip(subset, judged, strict=True)))
            write_json(folder / "bias.json", report)
    finally:
        if owned:
            await pool.aclose()
    summary = {
        "task": "judge",
        "judge_model": config.describe(config.judge_model),
        "dialogues": len(records),
        "dimensions": dimension_estimates(records, config.seed),
        "unscored": sum(s["method"] == "unscored" for r in records for s in r["scores"].values()),
        "methods": sorted({s["method"] for r in records for s in r["scores"].values()}),
        "wall_seconds_this_invocation": round(time.perf_counter() - started, 1),
        "usage": usage_summary(records, config),
    }
    write_json(folder / "judge.json", summary)
    render_run_report(folder)
    return summary


def dimension_estimates(records: Sequence[dict[str, Any]], seed: int) -> dict[str, Any]:
    """Mean and bootstrap interval of every judged dimension."""
    names = list(records[0]["scores"]) if records else []
    return {
        name: bootstrap_mean([r["scores"][name]["value"] for r in records], seed=seed).model_dump()
        for name in names
    }


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines results file, in file order."""
    return list(ResultLog(path).records().values())


def dialogue_of(record: dict[str, Any]) -> list[Utterance]:
    """The utterances of a stored simulated dialogue."""
    return [Utterance.model_validate(u) for u in record["dialogue"]]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
