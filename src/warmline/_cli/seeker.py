"""`warmline eval emotion`, `warmline train emotion` and `warmline memory ...`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import anyio
import typer
from rich.console import Console
from rich.table import Table

from warmline._cli.apps import eval_app, memory_app, train_app
from warmline._cli.common import DatabaseOption, err_console, handle_errors
from warmline.config import Settings
from warmline.data import data_dir, read_esconv
from warmline.errors import ConfigurationError, NotFoundError
from warmline.memory import MemoryStore, PersonaStore
from warmline.perceive import DEFAULT_ARTIFACT, EmotionRecognizer, evaluate_emotion
from warmline.storage import ConversationStore

__all__ = [
    "eval_emotion",
    "memory_export",
    "memory_forget",
    "memory_list",
    "memory_persona",
    "train_emotion",
]

console = Console()
DataOption = Annotated[
    Path | None,
    typer.Option("--data", envvar="WARMLINE_DATA", help="Research data folder (has esconv/)."),
]
UserOption = Annotated[str, typer.Option("--user", "-u", envvar="WARMLINE_USER", help="Whose.")]


@eval_app.command("emotion")
@handle_errors
def eval_emotion(
    data: DataOption = None,
    split: Annotated[str, typer.Option(help="ESConv split to score on.")] = "valid",
    llm: Annotated[
        str | None, typer.Option("--llm", help="Also score this model zero-shot (e.g. smollm2).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Messages the LLM is asked about (it is slow).")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Emotion category and intensity-change figures: warmline vs VADER vs a zero-shot LLM."""
    dialogues = read_esconv((data or data_dir()) / "esconv" / f"{split}.jsonl")
    generator = _generator(llm) if llm else None
    try:
        report = evaluate_emotion(
            dialogues, EmotionRecognizer.load(), llm=generator, llm_name=llm, llm_limit=limit
        )
    finally:
        if generator is not None:
            anyio.run(generator.aclose)
    report["split"] = split
    if as_json:
        print(json.dumps(report, indent=2))
    else:
        _print_report(report)


@train_app.command("emotion")
@handle_errors
def train_emotion(
    data: DataOption = None,
    out: Annotated[Path, typer.Option(help="Where to write the model.")] = DEFAULT_ARTIFACT,
) -> None:
    """Train the emotion recognizer on ESConv train (settings were chosen on valid)."""
    dialogues = read_esconv((data or data_dir()) / "esconv" / "train.jsonl")
    path = EmotionRecognizer.train(dialogues).save(out)
    err_console.print(f"wrote {path} (derived from ESConv: CC BY-NC 4.0, non-commercial only)")


@memory_app.command("list")
@handle_errors
def memory_list(
    user: UserOption = "local",
    database_url: DatabaseOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show what warmline remembers about a user: memories and persona facts."""
    data = _with_stores(database_url, user, _export)
    if as_json:
        print(json.dumps(data, indent=2, default=str))
        return
    table = Table("id", "memory", "emotion", "importance", "recalled", title=f"memories of {user}")
    for memory in data["memories"]:
        table.add_row(
            str(memory["id"]),
            memory["text"],
            memory["emotion"] or "",
            f"{memory['importance']:.2f}",
            str(memory["access_count"]),
        )
    console.print(table)
    facts = Table("id", "fact", "confidence", "from message", title=f"persona of {user}")
    for fact in data["persona"]:
        facts.add_row(
            str(fact["id"]),
            fact["text"],
            f"{fact['confidence']:.2f}",
            str(fact["source_message_id"] or ""),
        )
    console.print(facts)


@memory_app.command("forget")
@handle_errors
def memory_forget(
    user: UserOption = "local",
    memory_id: Annotated[int | None, typer.Option("--id", help="Forget this memory.")] = None,
    fact_id: Annotated[int | None, typer.Option("--fact", help="Forget this persona fact.")] = None,
    budget: Annotated[
        int | None, typer.Option("--budget", help="Keep only this many, dropping the weakest.")
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Forget all memories and facts.")
    ] = False,
    database_url: DatabaseOption = None,
) -> None:
    """Forget one memory, one fact, the weakest beyond a budget, or everything."""
    if sum(x is not None for x in (memory_id, fact_id, budget)) + everything != 1:
        raise ConfigurationError("choose exactly one of --id, --fact, --budget or --all")

    def run(memory: MemoryStore, persona: PersonaStore, user_id: str) -> str:
        if memory_id is not None:
            memory.delete(user_id, memory_id)
            return f"forgot memory {memory_id}"
        if fact_id is not None:
            persona.delete(user_id, fact_id)
            return f"forgot persona fact {fact_id}"
        if budget is not None:
            return f"forgot {memory.forget(user_id, budget)} weakest memories"
        return f"forgot {memory.clear(user_id)} memories and {persona.clear(user_id)} facts"

    err_console.print(_with_stores(database_url, user, run))


@memory_app.command("export")
@handle_errors
def memory_export(
    user: UserOption = "local",
    out: Annotated[Path | None, typer.Option(help="Write to this file, not stdout.")] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Export a user's memories and persona facts as JSON."""
    text = json.dumps(_with_stores(database_url, user, _export), indent=2, default=str)
    if out is None:
        print(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        err_console.print(f"wrote {out}")


@memory_app.command("persona")
@handle_errors
def memory_persona(
    fact_id: Annotated[int, typer.Option("--id", help="The persona fact to correct.")],
    value: Annotated[str, typer.Option("--value", help="Its corrected value.")],
    user: UserOption = "local",
    database_url: DatabaseOption = None,
) -> None:
    """Correct a persona fact (for example the name you want to be called)."""

    def run(_memory: MemoryStore, persona: PersonaStore, user_id: str) -> str:
        return f"now: {persona.edit(user_id, fact_id, value).text}"

    err_console.print(_with_stores(database_url, user, run))


def _export(memory: MemoryStore, persona: PersonaStore, user_id: str) -> dict[str, Any]:
    return {
        "user": memory.store.get_user(user_id).name,
        "memories": [m.model_dump(mode="json") for m in memory.list(user_id)],
        "persona": [f.as_json() for f in persona.list(user_id)],
    }


def _with_stores(database_url: str | None, user: str, action: Any) -> Any:
    store = ConversationStore(Settings.from_env(database_url=database_url).database_url)
    try:
        found = store.find_user(user)
        if found is None:
            raise NotFoundError(f"no user {user!r}; they have not chatted yet")
        return action(MemoryStore(store), PersonaStore(store), found[0].id)
    finally:
        store.close()


def _generator(spec: str) -> Any:
    from warmline.backends import Generator, get_backend

    return Generator(get_backend(spec, settings=Settings.from_env()))


def _print_report(report: dict[str, Any]) -> None:
    table = Table(
        "system",
        "msg macro-F1",
        "msg acc",
        "dlg macro-F1",
        "dlg acc",
        "Δint r",
        "Δint ρ",
        title=f"emotion on ESConv {report['split']} ({report['dialogues']} dialogues)",
    )
    rows = report["systems"] + report.get("sample", {}).get("systems", [])
    for row in rows:
        table.add_row(
            f"{row['system']} ({row['messages']} msgs)",
            *(
                "" if row[key] is None else f"{row[key]:.3f}"
                for key in (
                    "message_macro_f1",
                    "message_accuracy",
                    "dialogue_macro_f1",
                    "dialogue_accuracy",
                    "intensity_change_pearson",
                    "intensity_change_spearman",
                )
            ),
        )
    console.print(table)
    console.print(f"median perceive latency: {report['latency_ms_median']:.2f} ms/message")
