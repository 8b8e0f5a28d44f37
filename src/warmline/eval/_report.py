"""Self-contained HTML reports: inline CSS, plots as base64 PNG, no network needed.

A report is a list of sections; each task adds the sections it has data for
(tables, intensity trajectories, strategy distributions, dimension bars with
intervals, a strategy confusion matrix), so one page opens offline anywhere.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (backend must be chosen first)
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from warmline.eval._stats import Estimate  # noqa: E402
from warmline.types import Strategy  # noqa: E402

__all__ = [
    "confusion_plot",
    "dimension_plot",
    "render_report",
    "strategy_plot",
    "table",
    "trajectory_plot",
]

_CSS = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;
text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
img{max-width:100%}.note{color:#555;font-size:.9em}details{margin:.3em 0}
pre{white-space:pre-wrap;background:#fafafa;padding:.6em;border:1px solid #eee}
"""


def _png(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(figure)
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return f'<img alt="plot" src="data:image/png;base64,{encoded}">'


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """An HTML table; floats are shown with two decimals."""

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.2f}"
        return html.escape("–" if value is None else str(value))

    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def trajectory_plot(trajectories: Mapping[str, Sequence[Sequence[int]]]) -> str:
    """Seeker intensity per turn: thin lines per dialogue, a thick mean per system."""
    figure, axes = plt.subplots(figsize=(8, 4))
    for index, (label, runs) in enumerate(trajectories.items()):
        color = f"C{index}"
        for run in runs:
            axes.plot(range(len(run)), run, color=color, alpha=0.25, linewidth=1)
        longest = max((len(run) for run in runs), default=0)
        means = [
            sum(run[t] for run in runs if len(run) > t) / sum(len(run) > t for run in runs)
            for t in range(longest)
        ]
        axes.plot(range(longest), means, color=color, linewidth=3, label=f"{label} (mean)")
    axes.set(xlabel="supporter turns", ylabel="seeker distress (1-5)", ylim=(0.8, 5.2))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend()
    return _png(figure)


def strategy_plot(distributions: Mapping[str, Counter[str]]) -> str:
    """Share of each strategy per source (a system under test, ESConv's gold turns)."""
    strategies = [s.value for s in Strategy]
    figure, axes = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(1, len(distributions))
    for index, (label, counts) in enumerate(distributions.items()):
        total = sum(counts.values()) or 1
        positions = [i + index * width for i in range(len(strategies))]
        axes.bar(positions, [counts.get(s, 0) / total for s in strategies], width, label=label)
    axes.set_xticks([i + 0.4 - width / 2 for i in range(len(strategies))])
    axes.set_xticklabels(strategies, rotation=30, ha="right")
    axes.set_ylabel("share of supporter turns")
    axes.legend()
    return _png(figure)


def dimension_plot(scores: Mapping[str, Mapping[str, Estimate]]) -> str:
    """Judge scores per dimension as bars with 95% bootstrap intervals, one colour per system."""
    dimensions = list(next(iter(scores.values())).keys()) if scores else []
    figure, axes = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(1, len(scores))
    for index, (label, estimates) in enumerate(scores.items()):
        means = [estimates[d].mean or 0.0 for d in dimensions]
        errors = [
            [(e.mean or 0.0) - (e.low or 0.0) for e in (estimates[d] for d in dimensions)],
            [(e.high or 0.0) - (e.mean or 0.0) for e in (estimates[d] for d in dimensions)],
        ]
        positions = [i + index * width for i in range(len(dimensions))]
        axes.bar(positions, means, width, yerr=errors, capsize=3, label=label)
    axes.set_xticks([i + 0.4 - width / 2 for i in range(len(dimensions))])
    axes.set_xticklabels(dimensions, rotation=20)
    axes.set(ylabel="judge score (0-4)", ylim=(0, 4.2))
    axes.legend()
    return _png(figure)


def confusion_plot(gold: Sequence[str], predicted: Sequence[str]) -> str:
    """Row-normalised strategy confusion matrix (gold rows, predicted columns)."""
    labels = [s.value for s in Strategy]
    counts = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        counts[labels.index(g)][labels.index(p)] += 1
    rates = [[c / (sum(row) or 1) for c in row] for row in counts]
    figure, axes = plt.subplots(figsize=(7, 6))
    axes.imshow(rates, cmap="Blues", vmin=0, vmax=1)
    for i, row in enumerate(counts):
        for j, count in enumerate(row):
            if count:
                axes.text(j, i, str(count), ha="center", va="center", fontsize=8)
    axes.set_xticks(range(len(labels)), labels, rotation=40, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    axes.set(xlabel="predicted", ylabel="gold")
    return _png(figure)


def render_report(path: Path, title: str, sections: Sequence[tuple[str, str]], note: str) -> None:
    """Write one HTML page of `(heading, html)` sections."""
    body = "".join(f"<h2>{html.escape(heading)}</h2>{content}" for heading, content in sections)
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<p class='note'>{html.escape(note)}</p>{body}</body></html>"
    )
    path.write_text(page, encoding="utf-8")
