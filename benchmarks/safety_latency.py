"""Latency of the risk assessor on CPU: median and p95 milliseconds per message.

Usage: PYTHONPATH=src python benchmarks/safety_latency.py [--repeat N] [--data DIR]

Runs every case of the development set (with its history) N times after a
warm-up, clearing the analysis cache before each pass so no message is timed
from the cache (history turns are cached within a pass, as in a live session).
Reports wall-clock time and this process's CPU time: on a shared, loaded
machine the wall clock includes time spent waiting for a core. The semantic
stage is on (model loaded during warm-up); its encoder cache is cleared before
each pass too, so every sentence is embedded afresh.

Then, when ESConv is there, every seeker message of ESConv valid is assessed in
its conversation (caches cleared at the start of each conversation, as in a
new session): real messages at their real lengths, reported overall, at p99,
and by length.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from warmline.data import data_dir, read_esconv
from warmline.memory._encoder import default_encoder
from warmline.safety import assess_risk, normalize, read_cases
from warmline.safety._risk import _analyse  # its cache is cleared so every message is timed cold
from warmline.safety._semantic import _scored_windows  # likewise
from warmline.types import RiskLevel, Speaker

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "safety" / "data" / "risk_dev.jsonl"


def main() -> None:
    """Time `assess_risk` per message and print median, p95 and max."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=data_dir(), help="holds esconv/valid.jsonl")
    args = parser.parse_args()
    cases = read_cases(DEV_SET)
    for case in cases:
        assess_risk(case.text, case.history)
    wall: list[float] = []
    cpu: list[float] = []
    semantic: list[bool] = []
    for _ in range(args.repeat):
        _cold()
        for case in cases:
            started, started_cpu = time.perf_counter(), time.process_time()
            assess_risk(case.text, case.history)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            semantic.append(case.level is not RiskLevel.RISK)
    print(
        f"risk assessor over {len(wall)} assessments ({len(cases)} messages x {args.repeat}); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"wall: {_summary(wall)}")
    print(f"cpu:  {_summary(cpu)}")
    # Rules decide the dev set's risk messages alone; every other message also goes through
    # the semantic stage, so these are the timings of a message that needs the encoder.
    print(f"without rule risk ({sum(semantic)} assessments, semantic stage runs):")
    print(f"wall: {_summary([w for w, s in zip(wall, semantic, strict=True) if s])}")
    print(f"cpu:  {_summary([c for c, s in zip(cpu, semantic, strict=True) if s])}")
    # The longest accepted message, twice: one whose danger the rules find, and one with
    # none, which also goes through the semantic stage.
    dangerous = " ".join(case.text for case in cases if case.kind == "long")[:4000]
    calm = " ".join(
        case.text for case in cases if case.level is RiskLevel.NONE and not _analyse(case.text).hits
    )
    for name, message in (("with danger", dangerous), ("without danger", calm[:4000])):
        _cold()
        started, started_cpu = time.perf_counter(), time.process_time()
        assess_risk(message)
        print(
            f"one {len(message)}-character message {name} (the longest accepted): "
            f"wall {(time.perf_counter() - started) * 1000:.2f} ms, "
            f"cpu {(time.process_time() - started_cpu) * 1000:.2f} ms"
        )
    esconv = args.data / "esconv" / "valid.jsonl"
    if esconv.exists():
        _real_messages(esconv)


def _real_messages(path: Path) -> None:
    """Time every seeker message of ESConv valid in its conversation, overall and by length."""
    timed: list[tuple[int, float]] = []
    for dialogue in read_esconv(path):
        _cold()
        history: list[str] = []
        for utterance in dialogue.utterances:
            if utterance.speaker is not Speaker.SEEKER:
                continue
            started = time.perf_counter()
            assess_risk(utterance.text, history)
            timed.append((len(utterance.text), (time.perf_counter() - started) * 1000))
            history.append(utterance.text)
    wall = sorted(ms for _, ms in timed)
    print(f"ESConv valid, {len(timed)} seeker messages in their conversations:")
    print(f"wall: {_summary(wall)}   p99 {wall[int(0.99 * (len(wall) - 1))]:.3f} ms")
    for low, high in ((0, 100), (100, 200), (200, 400), (400, 4001)):
        bucket = [ms for length, ms in timed if low <= length < high]
        if bucket:
            print(f"  {low}-{high - 1} characters ({len(bucket)} messages): {_summary(bucket)}")


def _cold() -> None:
    """Clear the normalisation, rule and embedding caches so nothing is timed from a cache."""
    normalize.cache_clear()
    _analyse.cache_clear()
    _scored_windows.cache_clear()
    default_encoder()._cache.clear()


def _summary(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (
        f"median {statistics.median(ordered):.3f} ms   p95 {p95:.3f} ms   max {ordered[-1]:.3f} ms"
    )


if __name__ == "__main__":
    main()
