"""The Typer application and its command groups; each `_cli` module adds commands to these."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="warmline",
    help="An emotional support agent you can talk to, and the tools to measure it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Measure supporters, planners, seekers and judges.", no_args_is_help=True
)
train_app = typer.Typer(help="Train the models warmline ships.", no_args_is_help=True)
memory_app = typer.Typer(
    help="See, export and forget what warmline remembers.", no_args_is_help=True
)

app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(memory_app, name="memory")
