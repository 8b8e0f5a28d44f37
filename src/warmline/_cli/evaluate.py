"""`warmline eval esconv|simulate|judge|compare`: the evaluation harness on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import anyio
import typer

from warmline._cli.apps import eval_app
from warmline._cli.common import (
    ApiKeyOption,
    BaseUrlOption,
    ModelOption,
    backend_options,
    err_console,
    handle_errors,
    setup_logging,
)
from warmline.data import data_dir
from warmline.eval import RunConfig, run_compare, run_esconv, run_judge, run_simulate

OutOption = Annotated[Path, typer.Option("--out", help="Run folder (reruns resume in it).")]
LimitOption = Annotated[int | None, typer.Option("--limit", help="Evaluate only the first N.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for every generation.")]
ConcurrencyOption = Annotated[
    int, typer.Option("--concurrency", help="Items in flight (helps remote servers).")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for model output before failing.")
]
ThreadsOption = Annotated[
    int, typer.Option("--threads", help="CPU threads for local models (0: all cores).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")]
SeekerOption = Annotated[
    str | None, typer.Option("--seeker-model", help="Model playing the seeker (default: --model).")
]
JudgeOption = Annotated[
    str | None, typer.Option("--judge-model", help="Judge model (default: --model).")
]
PriceInOption = Annotated[
    float, typer.Option("--usd-per-mtok-in", help="Price of a million prompt tokens.")
]
PriceOutOption = Annotated[
    float, typer.Option("--usd-per-mtok-out", help="Price of a million completion tokens.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Log at INFO.")]
TurnsOption = Annotated[int, typer.Option("--turns", help="Most seeker turns per dialogue.")]
CardsOption = Annotated[
    Path,
    typer.Option("--cards", help="ESC-Eval role cards (JSON array)."),
]


def _default_cards() -> Path:
    return data_dir() / "role_cards" / "cards_en.json"


def _run_config(
    out: Path,
    model: str,
    seed: int,
    concurrency: int,
    timeout: float,
    threads: int,
    base_url: str | None,
    api_key: str | None,
    usd_in: float,
    usd_out: float,
    **other_models: str | None,
) -> RunConfig:
    """The options every eval command shares, as one run configuration."""
    return RunConfig(
        out=out,
        model=model,
        seed=seed,
        concurrency=concurrency,
        timeout=timeout,
        threads=threads or None,
        backend_options=backend_options(base_url, api_key),
        usd_per_mtok_in=usd_in,
        usd_per_mtok_out=usd_out,
        **other_models,
    )


def _show(summary: dict[str, Any], as_json: bool, out: Path) -> None:
    if as_json:
        print(json.dumps(summary, ensure_ascii=False), flush=True)
    else:
        err_console.print(f"[green]done[/green] · report: {out / 'report.html'}")


@eval_app.command("esconv")
@handle_errors
def esconv(
    out: OutOption,
    data: Annotated[Path | None, typer.Option("--data", help="ESConv JSONL.")] = None,
    limit: LimitOption = None,
    system: Annotated[str, typer.Option("--system", help="warmline or llm.")] = "warmline",
    model: ModelOption = "embedded",
    seed: SeedOption = 0,
    concurrency: ConcurrencyOption = 1,
    timeout: TimeoutOption = 600.0,
    threads: ThreadsOption = 1,
    base_url: BaseUrlOption = None,
    api_key: ApiKeyOption = None,
    usd_in: PriceInOption = 0.0,
    usd_out: PriceOutOption = 0.0,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Reference metrics on ESConv: reply to each gold context, score against the gold reply."""
    setup_logging(verbose)
    config = _run_config(
        out, model, seed, concurrency, timeout, threads, base_url, api_key, usd_in, usd_out
    )
    data = data or data_dir() / "esconv" / "valid.jsonl"
    summary = anyio.run(lambda: run_esconv(data, config, system=system, limit=limit))
    _show(summary, as_json, out)


@eval_app.command("simulate")
@handle_errors
def simulate(
    out: OutOption,
    cards: Annotated[Path | None, typer.Option("--cards", help="Role cards JSON.")] = None,
    limit: LimitOption = None,
    turns: TurnsOption = 4,
    system: Annotated[str, typer.Option("--system", help="warmline or llm.")] = "warmline",
    model: ModelOption = "embedded",
    seeker_model: SeekerOption = None,
    seed: SeedOption = 0,
    concurrency: ConcurrencyOption = 1,
    timeout: TimeoutOption = 600.0,
    threads: ThreadsOption = 1,
    base_url: BaseUrlOption = None,
    api_key: ApiKeyOption = None,
    usd_in: PriceInOption = 0.0,
    usd_out: PriceOutOption = 0.0,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Role-played seekers talk to the system; records each seeker's intensity trajectory."""
    setup_logging(verbose)
    config = _run_config(
        out,
        model,
        seed,
        concurrency,
        timeout,
        threads,
        base_url,
        api_key,
        usd_in,
        usd_out,
        seeker_model=seeker_model,
    )
    cards = cards or _default_cards()
    summary = anyio.run(
        lambda: run_simulate(cards, config, system=system, limit=limit, turns=turns)
    )
    _show(summary, as_json, out)


@eval_app.command("judge")
@handle_errors
def judge(
    dialogues: Annotated[Path, typer.Option("--dialogues", help="A simulate run folder.")],
    model: ModelOption = "embedded",
    bias: Annotated[bool, typer.Option("--bias/--no-bias", help="Run the bias check.")] = True,
    bias_dialogues: Annotated[
        int, typer.Option("--bias-dialogues", help="Dialogues the bias check uses.")
    ] = 4,
    seed: SeedOption = 0,
    concurrency: ConcurrencyOption = 1,
    timeout: TimeoutOption = 600.0,
    threads: ThreadsOption = 1,
    base_url: BaseUrlOption = None,
    api_key: ApiKeyOption = None,
    usd_in: PriceInOption = 0.0,
    usd_out: PriceOutOption = 0.0,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Score each dialogue on ESC-Eval's seven dimensions and FEEL's safety, with rationale."""
    setup_logging(verbose)
    config = _run_config(
        dialogues, model, seed, concurrency, timeout, threads, base_url, api_key, usd_in, usd_out
    )
    summary = anyio.run(
        lambda: run_judge(dialogues, config, bias=bias, bias_dialogues=bias_dialogues)
    )
    _show(summary, as_json, dialogues)


@eval_app.command("compare")
@handle_errors
def compare(
    out: OutOption,
    a: Annotated[str, typer.Option("--a", help="SYSTEM[@MODEL], e.g. warmline.")] = "warmline",
    b: Annotated[str, typer.Option("--b", help="SYSTEM[@MODEL], e.g. llm.")] = "llm",
    cards: Annotated[Path | None, typer.Option("--cards", help="Role cards JSON.")] = None,
    limit: LimitOption = None,
    turns: TurnsOption = 4,
    model: ModelOption = "embedded",
    seeker_model: SeekerOption = None,
    judge_model: JudgeOption = None,
    bias_dialogues: Annotated[
        int, typer.Option("--bias-dialogues", help="Cards the bias check and preference use.")
    ] = 3,
    seed: SeedOption = 0,
    concurrency: ConcurrencyOption = 1,
    timeout: TimeoutOption = 600.0,
    threads: ThreadsOption = 1,
    base_url: BaseUrlOption = None,
    api_key: ApiKeyOption = None,
    usd_in: PriceInOption = 0.0,
    usd_out: PriceOutOption = 0.0,
    as_json: JsonOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Two configurations on the same cards, seeker and judge, with paired bootstrap CIs."""
    setup_logging(verbose)
    config = _run_config(
        out,
        model,
        seed,
        concurrency,
        timeout,
        threads,
        base_url,
        api_key,
        usd_in,
        usd_out,
        seeker_model=seeker_model,
        judge_model=judge_model,
    )
    cards = cards or _default_cards()
    summary = anyio.run(
        lambda: run_compare(
            cards, config, a=a, b=b, limit=limit, turns=turns, bias_dialogues=bias_dialogues
        )
    )
    _show(summary, as_json, out)
