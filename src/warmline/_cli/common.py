"""Options and helpers shared by commands: every option has a WARMLINE_* variable."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from warmline.errors import WarmlineError

__all__ = [
    "ApiKeyOption",
    "BaseUrlOption",
    "DatabaseOption",
    "ModelOption",
    "PlannerOption",
    "err_console",
    "handle_errors",
    "setup_logging",
]

err_console = Console(stderr=True)

ModelOption = Annotated[
    str,
    typer.Option(
        "--model",
        "-m",
        envvar="WARMLINE_MODEL",
        help="Model spec: embedded (default), smollm2, gguf:PATH, openai:MODEL, fake.",
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url", envvar="WARMLINE_BASE_URL", help="OpenAI-compatible server URL (…/v1)."
    ),
]
ApiKeyOption = Annotated[
    str | None,
    typer.Option("--api-key", envvar="WARMLINE_API_KEY", help="API key for --base-url."),
]
DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="WARMLINE_DATABASE_URL",
        help="SQLAlchemy URL; default: SQLite in WARMLINE_HOME.",
    ),
]

PlannerOption = Annotated[
    str,
    typer.Option(
        "--planner",
        envvar="WARMLINE_PLANNER",
        help="Strategy planner: trained (default), rules, or llm (the model picks).",
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a WarmlineError as one red line and exit 1, never a traceback."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except WarmlineError as error:
            err_console.print(f"[red]error:[/red] {error}", highlight=False)
            raise typer.Exit(1) from None

    return wrapper


def setup_logging(verbose: bool) -> None:
    """Warnings (or INFO with --verbose) to stderr; message text is never logged at INFO."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def backend_options(base_url: str | None, api_key: str | None) -> dict[str, Any]:
    """Options for `get_backend` from the shared server flags."""
    options: dict[str, Any] = {}
    if base_url:
        options["base_url"] = base_url
    if api_key:
        options["api_key"] = api_key
    return options
