"""Reference evaluation on ESConv: reply to gold contexts, score against gold replies."""

from __future__ import annotations

import html
import time
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console

from warmline.eval._config import RunConfig, esconv_strategy_counts, usage_delta, usage_summary
from warmline.eval._dataset import Sample, esconv_samples
from warmline.eval._metrics import reference_metrics, strategy_scores
from warmline.eval._pool import BackendPool
from warmline.eval._report import confusion_plot, render_report, strategy_plot, table
from warmline.eval._runner import ResultLog, run_items, write_json
from warmline.eval._solvers import make_solver

__all__ = ["METRIC_CONVENTIONS", "run_esconv"]

METRIC_CONVENTIONS = (
    "thu-coai ESConv conventions: lower-cased, NLTK Treebank word tokens (regex sentence split "
    "instead of punkt), corpus BLEU-1..4 with smoothing method 3, ROUGE-L F with beta=1.2 "
    "averaged per reply, corpus-level Distinct-1/2; 0-100 scale. METEOR omitted: NLTK's needs "
    "WordNet, unavailable offline."
)


async def run_esconv(
    data: Path,
    config: RunConfig,
    *,
    system: str = "warmline",
    limit: int | None = None,
    console: Console | None = None,
) -> dict[str, Any]:
    """Generate a reply for each sampled supporter turn and score the set; returns the summary.

    Writes `samples.jsonl` (one reply per turn, resumable), `summary.json` and
    `report.html` into `config.out`.
    """
    config.out.mkdir(parents=True, exist_ok=True)
    samples = esconv_samples(data, limit)
    pool = BackendPool(config.seed, config.backend_options, config.threads)
    solver = make_solver(system, pool.get(config.model), config.out, config.timeout)
    started = time.perf_counter()

    async def work(sample: Sample) -> dict[str, Any]:
        before = solver.generator.usage.model_copy()
        tick = time.perf_counter()
        reply = await solver.reply(sample.id, sample.history, sample.message)
        return {
            "message": sample.message,
            "target": sample.target,
            "target_strategy": sample.target_strategy.value if sample.target_strategy else None,
            "reply": reply.text,
            "strategy": reply.strategy.value if reply.strategy else None,
            "status": reply.status,
            "seconds": round(time.perf_counter() - tick, 3),
            "usage": {"system": usage_delta(solver.generator, before)},
        }

    try:
        records = await run_items(
            samples,
            lambda s: s.id,
            work,
            ResultLog(config.out / "samples.jsonl"),
            concurrency=config.concurrency,
            description="esconv turns",
            console=console,
        )
    finally:
        await solver.aclose()
        await pool.aclose()
    summary = _summarise(records, config, system, data, time.perf_counter() - started)
    write_json(config.out / "summary.json", summary)
    _report(config.out / "report.html", records, summary)
    return summary


def _summarise(
    records: list[dict[str, Any]], config: RunConfig, system: str, data: Path, wall: float
) -> dict[str, Any]:
    scored = [r for r in records if r["strategy"] and r["target_strategy"]]
    return {
        "task": "esconv",
        "data": str(data),
        "system": system,
        "model": config.describe(config.model),
        "seed": config.seed,
        "turns": len(records),
        "metrics": {
            **reference_metrics([r["target"] for r in records], [r["reply"] for r in records]),
            **strategy_scores(
                [r["target_strategy"] for r in scored], [r["strategy"] for r in scored]
            ),
        },
        "strategy_turns": len(scored),
        "fallback_replies": sum(r["status"] != "complete" for r in records),
        "seconds_per_turn": sum(r["seconds"] for r in records) / max(1, len(records)),
        "wall_seconds_this_invocation": round(wall, 1),
        "usage": usage_summary(records, config),
        "conventions": METRIC_CONVENTIONS,
    }


def _report(path: Path, records: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    metrics = summary["metrics"]
    sections = [
        ("Reference metrics", table(["metric", "value"], sorted(metrics.items()))),
        (
            "Published figures for comparison",
            table(["system", "BLEU-2", "ROUGE-L", "Distinct-2"], [("PAL", 8.75, 18.06, 30.27)]),
        ),
    ]
    predicted = Counter(r["strategy"] for r in records if r["strategy"])
    if predicted:
        gold = Counter(r["target_strategy"] for r in records if r["target_strategy"])
        reference = esconv_strategy_counts()
        distributions = {summary["system"]: predicted, "gold (these turns)": gold}
        if reference:
            distributions["ESConv valid"] = reference
        sections.append(("Strategy distribution", strategy_plot(distributions)))
        scored = [r for r in records if r["strategy"] and r["target_strategy"]]
        sections.append(
            (
                "Strategy confusion matrix",
                confusion_plot(
                    [r["target_strategy"] for r in scored], [r["strategy"] for r in scored]
                ),
            )
        )
    examples = "".join(
        f"<details><summary>{r['id']}</summary><pre>seeker: {html.escape(r['message'])}\n\n"
        f"gold ({r['target_strategy']}): {html.escape(r['target'])}\n\n"
        f"reply ({r['strategy']}): {html.escape(r['reply'])}</pre></details>"
        for r in records[:20]
    )
    sections.append(("Examples", examples))
    note = (
        f"{summary['turns']} ESConv turns, system {summary['system']} on {summary['model']}, "
        f"seed {summary['seed']}. {summary['conventions']}"
    )
    render_report(path, "warmline · ESConv reference evaluation", sections, note)
