"""Render a run folder's report from the files in it, and the comparison report."""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from warmline.eval._config import esconv_strategy_counts
from warmline.eval._report import (
    dimension_plot,
    render_report,
    strategy_plot,
    table,
    trajectory_plot,
)
from warmline.eval._runner import ResultLog
from warmline.eval._stats import Estimate

__all__ = ["load_json", "render_compare_report", "render_run_report"]


def load_json(path: Path) -> dict[str, Any] | None:
    """A JSON file's content, or None when it does not exist."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _records(path: Path) -> list[dict[str, Any]]:
    return list(ResultLog(path).records().values())


def _strategies(dialogues: list[dict[str, Any]]) -> Counter[str]:
    return Counter(u["strategy"] for d in dialogues for u in d["dialogue"] if u.get("strategy"))


def _estimates(judge: dict[str, Any]) -> dict[str, Estimate]:
    return {name: Estimate.model_validate(e) for name, e in judge["dimensions"].items()}


def _bias_section(bias: dict[str, Any]) -> str:
    rows = [
        ("position bias (P(first|AB)+P(first|BA)-1; 0 = none)", bias["position_bias"]),
        ("order consistency (share of pairs)", bias["consistency"]),
        ("pairs answered", len(bias["pairs"])),
        ("pairs unanswered", bias.get("unanswered_pairs", 0)),
        ("padded dialogues", bias["padded_dialogues"]),
    ]
    shifts = [(f"length shift: {name}", v) for name, v in bias["length_shift"].items()]
    return table(["check", "value"], rows + shifts)


def _dialogue_section(dialogues: list[dict[str, Any]], judgements: dict[str, Any]) -> str:
    parts = []
    for record in dialogues[:10]:
        lines = "\n".join(
            f"{u['speaker']}"
            + (f" [{u['strategy']}]" if u.get("strategy") else "")
            + f": {u['text']}"
            for u in record["dialogue"]
        )
        judged = judgements.get(str(record["id"]))
        rationale = f"\n\njudge: {judged['rationale']}" if judged else ""
        parts.append(
            f"<details><summary>card {html.escape(str(record['id']))} · intensity "
            f"{record['trajectory']}</summary><pre>{html.escape(lines + rationale)}</pre></details>"
        )
    return "".join(parts)


def render_run_report(folder: Path) -> None:
    """`folder/report.html` from its dialogues, summary, judgements and bias check."""
    dialogues = _records(folder / "dialogues.jsonl")
    summary = load_json(folder / "summary.json") or {}
    judge = load_json(folder / "judge.json")
    bias = load_json(folder / "bias.json")
    judgements = ResultLog(folder / "judgements.jsonl").records()
    label = summary.get("system", "system")
    sections = [
        (
            "Summary",
            table(
                ["measure", "value"],
                [
                    ("cards", summary.get("cards")),
                    ("turns", summary.get("turns")),
                    ("mean intensity drop", (summary.get("intensity_drop") or {}).get("mean")),
                    ("initial intensity", summary.get("initial_intensity")),
                    ("final intensity", summary.get("final_intensity")),
                    ("tokens", (summary.get("usage") or {}).get("prompt_tokens")),
                ],
            ),
        ),
        ("Seeker intensity", trajectory_plot({label: [d["trajectory"] for d in dialogues]})),
    ]
    sections += _strategy_sections({label: dialogues})
    if judge:
        estimates = _estimates(judge)
        sections.append(("Judge scores (95% bootstrap CI)", dimension_plot({label: estimates})))
        sections.append(
            (
                "Judge scores table",
                table(
                    ["dimension", "mean", "low", "high", "n"],
                    [(n, e.mean, e.low, e.high, e.n) for n, e in estimates.items()],
                ),
            )
        )
    if bias:
        sections.append(("Judge bias check", _bias_section(bias)))
    sections.append(("Dialogues", _dialogue_section(dialogues, judgements)))
    note = (
        f"system {label} on {summary.get('model')}, seeker {summary.get('seeker_model')}, "
        f"judge {(judge or {}).get('judge_model', 'not run')}, seed {summary.get('seed')}."
    )
    render_report(folder / "report.html", "warmline · simulated seekers", sections, note)


def _strategy_sections(runs: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    distributions = {label: _strategies(d) for label, d in runs.items()}
    distributions = {label: c for label, c in distributions.items() if c}
    if not distributions:
        return []
    reference = esconv_strategy_counts()
    if reference:
        distributions["ESConv valid (gold)"] = reference
    return [("Strategy distribution vs ESConv", strategy_plot(distributions))]


def render_compare_report(folder: Path, comparison: dict[str, Any]) -> None:
    """`folder/report.html` comparing the runs in `folder/a` and `folder/b`."""
    labels = comparison["labels"]
    runs = {labels[side]: _records(folder / side / "dialogues.jsonl") for side in ("a", "b")}
    judges = {labels[side]: load_json(folder / side / "judge.json") for side in ("a", "b")}
    rows = [
        (
            name,
            d["a"],
            d["b"],
            d["difference"]["mean"],
            d["difference"]["low"],
            d["difference"]["high"],
            d["difference"]["n"],
        )
        for name, d in comparison["measures"].items()
    ]
    sections = [
        (
            f"Differences ({labels['a']} − {labels['b']}), paired bootstrap 95% CI",
            table(["measure", labels["a"], labels["b"], "a − b", "low", "high", "n"], rows),
        ),
        (
            "Judge scores (95% bootstrap CI)",
            dimension_plot({label: _estimates(j) for label, j in judges.items() if j}),
        ),
        (
            "Seeker intensity",
            trajectory_plot({k: [d["trajectory"] for d in v] for k, v in runs.items()}),
        ),
        *_strategy_sections(runs),
    ]
    if comparison.get("bias"):
        bias = comparison["bias"]
        sections.append(
            (
                "Pairwise preference and judge bias",
                table(
                    ["measure", "value"],
                    [(f"P(judge prefers {labels['a']}), order-balanced", bias["preference_a"])],
                )
                + _bias_section(bias),
            )
        )
    for side in ("a", "b"):
        judged = ResultLog(folder / side / "judgements.jsonl").records()
        sections.append(
            (f"Dialogues: {labels[side]}", _dialogue_section(runs[labels[side]], judged))
        )
    note = (
        f"{comparison['cards']} cards × {comparison['turns']} turns; seeker "
        f"{comparison['seeker_model']}, judge {comparison['judge_model']}, "
        f"seed {comparison['seed']}."
    )
    render_report(folder / "report.html", "warmline · comparison", sections, note)
