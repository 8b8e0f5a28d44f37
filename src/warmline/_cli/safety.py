"""`warmline safety`: assess messages for risk, or measure the assessor on a labelled set."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from warmline._cli.apps import app
from warmline._cli.common import handle_errors
from warmline.safety import assess_risk, evaluate_risk, format_report, read_cases

__all__ = ["safety"]


@app.command("safety")
@handle_errors
def safety(
    context: Annotated[
        bool,
        typer.Option("--context", help="Treat earlier lines as the same seeker's conversation."),
    ] = False,
    evaluate: Annotated[
        Path | None,
        typer.Option(
            "--eval",
            help="Print recall, false alarms and the per-category table for a labelled JSONL set.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Read one message per line from stdin; print one JSON assessment per line."""
    if evaluate is not None:
        report = evaluate_risk(read_cases(evaluate))
        typer.echo(format_report(report, evaluate.name))
        for failure in report.failures:
            typer.echo(f"miss {failure}")
        return
    history: list[str] = []
    for line in sys.stdin:
        message = line.strip()
        if not message:
            continue
        result = assess_risk(message, history if context else ())
        history.append(message)
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
