"""Processes that open one new database together (workers, replicas) migrate it once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from warmline.storage import ConversationStore


def _open(url: str, start: multiprocessing.synchronize.Barrier) -> None:
    start.wait()
    ConversationStore(url).close()


def test_processes_opening_a_new_database_together_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'warmline.db'}"
    ConversationStore(url, migrate=False).engine.connect().close()  # the file exists, schema not
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(4)
    processes = [spawn.Process(target=_open, args=(url, start)) for _ in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    store = ConversationStore(url)
    assert store.ensure_user("ana").name == "ana"
