"""The harness loop: resumable JSONL logs, bounded concurrency, progress with ETA.

Every finished item is appended to a JSON Lines file as one object with an
`id`, flushed at once; a rerun reads the file and skips those ids, so an
interrupted run continues where it stopped and never repeats paid requests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import anyio
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

__all__ = ["ResultLog", "run_items", "write_json"]

T = TypeVar("T")
Record = dict[str, Any]


class ResultLog:
    """An append-only JSON Lines file of finished items, keyed by `id`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def records(self) -> dict[str, Record]:
        """Finished items by id; a torn last line (a crash mid-write) is ignored."""
        if not self.path.exists():
            return {}
        found: dict[str, Record] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            found[str(record["id"])] = record
        return found

    def append(self, record: Record) -> None:
        """Write one finished item durably."""
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())


async def run_items(
    items: Sequence[T],
    key: Callable[[T], str],
    worker: Callable[[T], Awaitable[Record]],
    log: ResultLog,
    *,
    concurrency: int = 1,
    description: str = "items",
    console: Console | None = None,
) -> list[Record]:
    """Run `worker` on every item not yet in `log`; return all records in item order.

    Items run `concurrency` at a time (local models serialise anyway; remote
    servers benefit). Records are logged as each item finishes.
    """
    done = log.records()
    todo = [item for item in items if key(item) not in done]
    limiter = anyio.CapacityLimiter(max(1, concurrency))
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )

    async def one(item: T, task: Any) -> None:
        async with limiter:
            record = await worker(item)
        record["id"] = key(item)
        log.append(record)
        done[key(item)] = record
        progress.advance(task)

    with progress:
        task = progress.add_task(description, total=len(items), completed=len(items) - len(todo))
        async with anyio.create_task_group() as group:
            for item in todo:
                group.start_soon(one, item, task)
    return [done[key(item)] for item in items if key(item) in done]


def write_json(path: Path, data: Any) -> None:
    """Write a JSON file atomically (a crash never leaves half a summary)."""
    partial = path.with_suffix(path.suffix + ".partial")
    partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)
