"""Chat latency of the embedded default: load time, time to first token, seconds per turn.

Also measures the pipeline's own overhead per turn (everything but generation)
by running the same turns on the zero-latency fake model.

    python benchmarks/chat_latency.py [--model embedded] [--turns 10]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import anyio
from rich.console import Console
from rich.table import Table

from warmline._factory import open_runtime
from warmline.backends import FakeBackend, get_backend
from warmline.config import Settings

SCRIPT = [
    "Hi, I don't really know where to start.",
    "I lost my job last week and I feel worthless.",
    "I keep thinking I should have seen it coming.",
    "My partner says it's not my fault but I can't stop blaming myself.",
    "I haven't told my parents yet, I'm scared they'll be disappointed.",
    "Money is going to be tight and that makes me anxious.",
    "I guess I could start looking at job ads, but I have no energy.",
    "Maybe I could ask my old manager for a reference.",
    "That actually sounds doable. I'm a bit less stressed now.",
    "Thank you for listening, it helped to talk.",
]

console = Console()


async def _conversation(runtime, turns: int) -> list[tuple[float, float]]:  # noqa: ANN001
    user = runtime.store.ensure_user("bench")
    session = runtime.store.create_session(user.id).id
    timings = []
    for message in SCRIPT[:turns]:
        started = time.perf_counter()
        first: list[float] = []

        async def emit(_text: str, first: list[float] = first, started: float = started) -> None:
            if not first:
                first.append(time.perf_counter() - started)

        await runtime.supporter.turn(session, user.id, message, emit)
        timings.append((first[0] if first else float("nan"), time.perf_counter() - started))
    return timings


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--overhead-turns", type=int, default=200)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="warmline-bench-"))
    settings = Settings.from_env(home=home)

    started = time.perf_counter()
    backend = get_backend(args.model, settings=settings)
    load_seconds = time.perf_counter() - started
    runtime = open_runtime(backend, settings=settings)
    timings = anyio.run(_conversation, runtime, args.turns)
    anyio.run(runtime.aclose)

    fake = open_runtime(FakeBackend(), settings=Settings.from_env(home=home / "overhead"))
    overhead: list[float] = []
    for _ in range(args.overhead_turns // 10):
        overhead += [total for _, total in anyio.run(_conversation, fake, 10)]

    table = Table(title=f"warmline chat latency ({args.model})")
    table.add_column("turn", justify="right")
    table.add_column("first token (s)", justify="right")
    table.add_column("turn (s)", justify="right")
    for i, (first, total) in enumerate(timings, start=1):
        table.add_row(str(i), f"{first:.2f}", f"{total:.2f}")
    console.print(table)
    totals = [total for _, total in timings]
    later = statistics.median(totals[1:]) if len(totals) > 1 else totals[0]
    console.print(f"model load: {load_seconds:.2f} s")
    console.print(f"time to first token: median {statistics.median(t for t, _ in timings):.2f} s")
    console.print(f"seconds per turn: median {statistics.median(totals):.2f} s")
    console.print(
        f"first turn {totals[0]:.2f} s vs later turns median {later:.2f} s "
        f"(ratio {later / totals[0]:.2f}; the prompt cache keeps later turns from growing)"
    )
    console.print(
        f"pipeline overhead per turn (fake model, {len(overhead)} turns, incl. SQLite commits): "
        f"median {1000 * statistics.median(overhead):.1f} ms, "
        f"p95 {1000 * statistics.quantiles(overhead, n=20)[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
