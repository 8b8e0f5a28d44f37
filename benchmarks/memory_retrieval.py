"""Benchmark long-term memory: recall latency with 10,000 memories, and forgetting to budget.

    PYTHONPATH=src python benchmarks/memory_retrieval.py [--memories 10000] [--budget 500]

Stored memories get random unit embeddings (recall cost does not depend on
content); queries are real sentences encoded by MiniLM. "search" times recall
with the query already encoded (the perceive stage's cache makes this the
common case); "end to end" includes encoding a new query. The CPU time and the
load average tell a busy machine (waiting for a core) from slow code. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from warmline.memory import DIMENSIONS, MemoryPolicy, MemoryStore
from warmline.storage import ConversationStore, MemoryRow
from warmline.types import Emotion

_QUERIES = [
    "I took my dog to the vet today",
    "my exams are next week and I can't focus",
    "my sister called me again",
    "I lost my job and I'm scared about rent",
    "we broke up last month and I still miss her",
]


def main() -> None:
    """Fill one user's memory, time recall, then check forgetting keeps the budget."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--memories", type=int, default=10_000)
    parser.add_argument("--budget", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = ConversationStore(f"sqlite:///{Path(folder) / 'bench.db'}")
        user = store.ensure_user("bench")
        session = store.create_session(user.id)
        _fill(store, user.id, session.id, args.memories)
        memory = MemoryStore(store, policy=MemoryPolicy(budget=args.budget))
        report = {"memories": memory.count(user.id)}
        report |= _time_recall(memory, user.id, args.repeats)
        forgotten = memory.forget(user.id)
        for i in range(20):  # keep adding: the store must stay within budget
            memory.add(user.id, f"new worry number {i}", emotion=Emotion.ANXIETY, arousal=0.5)
        report |= {
            "budget": args.budget,
            "forgotten": forgotten,
            "after_forgetting_and_20_adds": memory.count(user.id),
            "within_budget": memory.count(user.id) <= args.budget,
        }
        store.close()
    print(json.dumps(report, indent=2))


def _fill(store: ConversationStore, user_id: str, session_id: str, count: int) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((count, DIMENSIONS)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    emotions = [e.value for e in Emotion]
    with store.db() as db:
        db.add_all(
            MemoryRow(
                user_id=user_id,
                session_id=session_id,
                text=f"memory {i}",
                embedding=vectors[i].tobytes(),
                emotion=emotions[i % len(emotions)],
                arousal=float(rng.random()),
                importance=float(rng.random()),
            )
            for i in range(count)
        )
        db.commit()


def _time_recall(memory: MemoryStore, user_id: str, repeats: int) -> dict[str, float]:
    memory.retrieve(user_id, _QUERIES[0], emotion=Emotion.SADNESS)  # load model and index
    search, cpu = [], []
    for i in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        memory.retrieve(user_id, _QUERIES[i % len(_QUERIES)], emotion=Emotion.SADNESS, k=3)
        search.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    end_to_end = []
    for i in range(min(repeats, 50)):
        started = time.perf_counter()
        memory.retrieve(user_id, f"{_QUERIES[i % len(_QUERIES)]} ({i})", emotion=Emotion.FEAR)
        end_to_end.append((time.perf_counter() - started) * 1000)
    return {
        "search_median_ms": round(statistics.median(search), 2),
        "search_p90_ms": round(float(np.percentile(search, 90)), 2),
        "search_cpu_median_ms": round(statistics.median(cpu), 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "end_to_end_median_ms": round(statistics.median(end_to_end), 2),
    }


if __name__ == "__main__":
    main()
