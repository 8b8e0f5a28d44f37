"""Commands for strategy metrics and the trained planner: eval strategies|planner, train planner."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from warmline._cli.apps import eval_app, train_app
from warmline.errors import DataFormatError, WarmlineError
from warmline.planning import StrategyMetrics, evaluate_planner, strategy_metrics, train_planner
from warmline.types import Strategy

_console = Console()
_errors = Console(stderr=True)


def _fail(error: Exception) -> typer.Exit:
    _errors.print(f"[red]error:[/red] {error}", markup=True, highlight=False)
    return typer.Exit(1)


def _show(metrics: StrategyMetrics, as_json: bool, title: str) -> None:
    if as_json:
        typer.echo(json.dumps(metrics.model_dump(mode="json"), indent=2))
        return
    table = Table(title=f"{title} (n={metrics.n})")
    table.add_column("strategy")
    table.add_column("F1", justify="right")
    table.add_column("preference", justify="right")
    for strategy in metrics.labels:
        table.add_row(
            strategy.value,
            f"{metrics.per_strategy_f1[strategy]:.2f}",
            f"{metrics.preferences[strategy]:.3f}",
        )
    _console.print(table)
    _console.print(
        f"accuracy {metrics.accuracy:.2f}  macro-F1 (Q) {metrics.macro_f1:.2f}  "
        f"weighted-F1 {metrics.weighted_f1:.2f}  preference bias B {metrics.bias:.3f}"
    )


def _read_predictions(path: Path) -> tuple[list[Strategy], list[Strategy]]:
    """Gold and predicted strategies from a Kang et al. results file; unknown predictions
    count as Others, as in the authors' script."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        gold = [Strategy.parse(r["strg_gold"]) for r in records]
        predicted = [_parse_or_others(r["strg_pred"]) for r in records]
    except FileNotFoundError:
        raise DataFormatError("file not found", path=path) from None
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise DataFormatError(
            f"expected a list of {{strg_gold, strg_pred}}: {error}", path=path
        ) from None
    return gold, predicted


def _parse_or_others(label: str) -> Strategy:
    try:
        return Strategy.parse(label)
    except ValueError:
        return Strategy.OTHERS


@eval_app.command("strategies")
def eval_strategies(
    predictions: Annotated[Path, typer.Option(help="JSON list with strg_gold and strg_pred.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Accuracy, macro-F1 (Q), weighted-F1 and preference bias B of predicted strategies."""
    try:
        gold, predicted = _read_predictions(predictions)
        metrics = strategy_metrics(gold, predicted)
    except (WarmlineError, ValueError) as error:
        raise _fail(error) from None
    _show(metrics, as_json, str(predictions))


@eval_app.command("planner")
def eval_planner(
    data: Annotated[
        Path | None, typer.Option(help="ESConv-format file (default: ESConv valid).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    plot: Annotated[
        Path | None, typer.Option(help="Save the confusion matrix and distributions here.")
    ] = None,
    llm: Annotated[
        str | None, typer.Option(help="Measure this model as the planner instead.")
    ] = None,
    lookahead: Annotated[bool, typer.Option(help="Re-rank by predicted seeker rating.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N turns.")] = None,
) -> None:
    """Score the shipped planner (or an LLM) on every supporter turn of an ESConv file."""
    from warmline.data import data_dir, read_esconv
    from warmline.planning import get_planner
    from warmline.planning._plot import plot_strategy_metrics

    try:
        dialogues = read_esconv(data or data_dir() / "esconv" / "valid.jsonl")
        if llm is not None:
            planner = get_planner("llm", generator=_generator(llm))
        else:
            planner = get_planner("trained", lookahead=lookahead)
        metrics = _run_with_progress(planner, dialogues, limit, quiet=as_json)
    except (WarmlineError, ValueError) as error:
        raise _fail(error) from None
    failures = getattr(planner, "parse_failures", 0)
    if failures and not as_json:
        _console.print(f"[yellow]{failures} replies named no strategy (counted as Question)")
    _show(metrics, as_json, f"planner {planner.name}")
    if plot is not None:
        plot_strategy_metrics(metrics, plot, title=planner.name)


def _generator(model: str):  # noqa: ANN202
    from warmline.backends import Generator, get_backend

    return Generator(get_backend(model))


def _run_with_progress(planner, dialogues, limit, *, quiet: bool) -> StrategyMetrics:  # noqa: ANN001
    progress = Progress(
        TextColumn("planning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_errors,
        disable=quiet,
    )
    with progress:
        task = progress.add_task("planning", total=None)
        return asyncio.run(
            evaluate_planner(
                planner,
                dialogues,
                limit=limit,
                on_example=lambda done, total: progress.update(task, completed=done, total=total),
            )
        )


@train_app.command("planner")
def train_planner_command(
    data: Annotated[
        Path | None, typer.Option(help="Folder with esconv/train.jsonl and valid.jsonl.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Output folder (default: the shipped artifacts folder).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Train the strategy planner on ESConv train, selecting its corrections on valid."""
    from warmline.data import data_dir
    from warmline.planning._artifact import ARTIFACT_DIR

    try:
        with _errors.status("training") as status:
            report = train_planner(
                data or data_dir(),
                out or ARTIFACT_DIR,
                on_step=lambda step: status.update(f"training: {step}"),
            )
    except WarmlineError as error:
        raise _fail(error) from None
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), indent=2))
        return
    _console.print(
        f"artifact {report.artifact} ({report.size_bytes / 1e6:.1f} MB) in "
        f"{report.seconds:.0f} s, sha256 {report.sha256[:16]}…"
    )
    _show(report.valid, False, "ESConv valid, prior-corrected")
