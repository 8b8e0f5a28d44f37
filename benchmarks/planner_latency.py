"""Planner latency per turn on ESConv valid contexts, and its training time.

    PYTHONPATH=src python benchmarks/planner_latency.py [--train] [--lookahead]

Loads the shipped planner, asks it for every valid context one at a time (as
the supporter does each turn) and prints the median and 95th-percentile
milliseconds, wall-clock and CPU (the CPU figure is the one to trust on a
shared machine). Training time comes from the shipped report, or from a fresh
`train_planner` run into a temporary folder with `--train`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time

from warmline.data import data_dir, read_esconv
from warmline.planning import TrainedPlanner, evaluation_examples, train_planner
from warmline.planning._artifact import ARTIFACT_DIR


def main() -> None:
    """Measure and print latency (and training time)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="time a fresh training run")
    parser.add_argument("--lookahead", action="store_true", help="measure with lookahead on")
    parser.add_argument("--limit", type=int, default=None, help="time only the first N contexts")
    args = parser.parse_args()

    started = time.perf_counter()
    planner = TrainedPlanner(lookahead=args.lookahead)
    load_seconds = time.perf_counter() - started
    valid = read_esconv(data_dir() / "esconv/valid.jsonl")
    contexts = [c for c, _ in evaluation_examples(valid, args.limit)]
    for context in contexts[:20]:
        planner.choice(context)  # warm caches before timing
    wall, cpu = [], []
    for context in contexts:
        tick, tock = time.perf_counter(), time.process_time()
        planner.choice(context)
        wall.append((time.perf_counter() - tick) * 1000)
        cpu.append((time.process_time() - tock) * 1000)
    print(f"load: {load_seconds:.2f} s")
    for name, timings in (("wall", wall), ("cpu", cpu)):
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(
            f"{name} ms per turn over {len(timings)} valid contexts (lookahead={args.lookahead}): "
            f"median {statistics.median(timings):.2f}, p95 {p95:.2f}"
        )
    if args.train:
        with tempfile.TemporaryDirectory() as out:
            report = train_planner(data_dir(), out)
        print(f"training time (fresh run): {report.seconds:.0f} s")
    else:
        shipped = json.loads((ARTIFACT_DIR / "planner_report.json").read_text(encoding="utf-8"))
        print(f"training time (shipped report): {shipped['seconds']:.0f} s")


if __name__ == "__main__":
    main()
