"""`warmline chat`: talk with the supporter in the terminal, or pipe messages through it."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import anyio
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warmline._cli.apps import app
from warmline._cli.common import (
    ApiKeyOption,
    BaseUrlOption,
    DatabaseOption,
    ModelOption,
    PlannerOption,
    backend_options,
    err_console,
    handle_errors,
    setup_logging,
)
from warmline._factory import Runtime, open_runtime
from warmline.errors import InputError
from warmline.supporter import TurnResult

__all__ = ["chat"]

console = Console()
_QUIT = {"/quit", "/exit", "/bye"}


@app.command()
@handle_errors
def chat(
    model: ModelOption = "embedded",
    session: Annotated[
        str | None, typer.Option("--session", "-s", help="Resume this session id.")
    ] = None,
    user: Annotated[
        str, typer.Option("--user", "-u", envvar="WARMLINE_USER", help="Whose conversation.")
    ] = "local",
    planner: PlannerOption = "trained",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per turn.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show the analysis beside each reply.")
    ] = False,
    base_url: BaseUrlOption = None,
    api_key: ApiKeyOption = None,
    database_url: DatabaseOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log at INFO.")] = False,
) -> None:
    """Have a supportive conversation. Reads one message per line when stdin is not a terminal."""
    setup_logging(verbose)
    interactive = sys.stdin.isatty() and not as_json
    with err_console.status("Loading the model…", spinner="dots"):
        runtime = open_runtime(
            model,
            planner=planner,
            database_url=database_url,
            backend_options=backend_options(base_url, api_key),
        )
    anyio.run(_converse, runtime, user, session, as_json, explain, interactive)


async def _converse(
    runtime: Runtime,
    user_name: str,
    session_id: str | None,
    as_json: bool,
    explain: bool,
    interactive: bool,
) -> None:
    try:
        user = runtime.store.ensure_user(user_name)
        if session_id is None:
            session_id = runtime.store.create_session(user.id).id
        else:
            _replay(runtime, session_id, user.id, quiet=as_json)
        if not as_json:
            err_console.print(
                f"[dim]session {session_id} · resume with --session {session_id} · "
                "/quit to leave[/dim]"
            )
        while (line := await _read(interactive)) is not None:
            if line.strip().lower() in _QUIT:
                break
            await _answer(runtime, session_id, user.id, line, as_json, explain)
    finally:
        await runtime.aclose()


async def _answer(
    runtime: Runtime, session_id: str, user_id: str, line: bytes | str, as_json: bool, explain: bool
) -> None:
    started = False

    async def show(text: str) -> None:
        nonlocal started
        if not started:
            console.print("[bold cyan]warmline[/bold cyan]: ", end="")
            started = True
        console.print(escape(text), end="", highlight=False, soft_wrap=True)

    try:
        result = await runtime.supporter.turn(
            session_id, user_id, line, emit=None if as_json else show
        )
    except InputError as error:
        err_console.print(f"[yellow]{error}[/yellow]", highlight=False)
        return
    if as_json:
        print(json.dumps(result.as_json(), ensure_ascii=False), flush=True)
        return
    console.print()
    if explain:
        console.print(_analysis_table(result))


async def _read(interactive: bool) -> bytes | str | None:
    if interactive:
        try:
            return await anyio.to_thread.run_sync(console.input, "[bold green]you[/bold green]: ")
        except (EOFError, KeyboardInterrupt):
            return None
    line = await anyio.to_thread.run_sync(sys.stdin.buffer.readline)
    return line.rstrip(b"\r\n") if line else None


def _replay(runtime: Runtime, session_id: str, user_id: str, quiet: bool) -> None:
    """Show a resumed session's messages, so the person sees where they left off."""
    messages = runtime.store.messages(session_id, user_id)
    if quiet:
        return
    for message in messages:
        who = (
            "[bold green]you[/bold green]"
            if message.role == "seeker"
            else "[bold cyan]warmline[/bold cyan]"
        )
        console.print(f"{who}: {escape(message.text)}", highlight=False)


def _analysis_table(result: TurnResult) -> Table:
    analysis = result.analysis
    table = Table(show_header=False, box=None, padding=(0, 1), style="dim")
    table.add_row("emotion", f"{analysis.emotion.value} ({analysis.intensity:.1f}/5)")
    if analysis.cause:
        table.add_row("cause", analysis.cause)
    table.add_row("stage", analysis.stage.value)
    top = ", ".join(f"{s.value} {p:.0%}" for s, p in result.top_strategies)
    table.add_row("strategy", f"{analysis.strategy.value}" + (f"  [{top}]" if top else ""))
    table.add_row("risk", analysis.risk_level.value)
    table.add_row("why", analysis.reasoning)
    return table
