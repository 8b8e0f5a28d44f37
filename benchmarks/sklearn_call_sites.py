"""CPU per call of the four scikit-learn call sites in a turn, on ESConv valid text.

    PYTHONPATH=src python benchmarks/sklearn_call_sites.py [--calls N]

Times, one real input at a time as in a live turn, the planner's
`ContextFeaturizer.transform` and `StrategyModel.member_log_proba`, the
recognizer's `EmotionRecognizer.read` and the safety stage's `surface_grams`
(on the windows `semantic_risk` would score). Prints the median and 95th
percentile of this process's CPU time in microseconds: on a shared machine the
wall clock mostly measures waiting for a core.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence

from warmline.data import data_dir, read_esconv
from warmline.perceive import default_recognizer
from warmline.planning import evaluation_examples
from warmline.planning._artifact import DEFAULT_ARTIFACT, load_artifact
from warmline.safety._semantic import surface_grams, windows
from warmline.types import Speaker

_WARM_UP = 20


def cpu_microseconds(call: Callable[[object], object], inputs: Sequence[object]) -> list[float]:
    """CPU time of `call` on each input, after a warm-up on the first few."""
    for item in inputs[:_WARM_UP]:
        call(item)
    timings = []
    for item in inputs:
        started = time.process_time()
        call(item)
        timings.append((time.process_time() - started) * 1e6)
    return timings


def main() -> None:
    """Time each call site and print one line per site."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="inputs timed per call site")
    args = parser.parse_args()

    valid = read_esconv(data_dir() / "esconv/valid.jsonl")
    contexts = [c for c, _ in evaluation_examples(valid, args.calls)]
    seeker = [
        (u.text, turn)
        for d in valid
        for turn, u in enumerate(u for u in d.utterances if u.speaker is Speaker.SEEKER)
    ][: args.calls]
    window_texts = [[text[s:e].strip() for s, e in windows(text)] for text, _ in seeker]

    payload = load_artifact(DEFAULT_ARTIFACT)
    featurizer, model = payload["featurizer"], payload["classifier"]
    rows = [featurizer.transform([c]) for c in contexts]
    recognizer = default_recognizer()

    sites: dict[str, list[float]] = {
        "ContextFeaturizer.transform": cpu_microseconds(
            lambda c: featurizer.transform([c]), contexts
        ),
        "StrategyModel.member_log_proba": cpu_microseconds(model.member_log_proba, rows),
        "EmotionRecognizer.read": cpu_microseconds(
            lambda m: recognizer.read([m[0]], [m[1]]), seeker
        ),
        "surface_grams": cpu_microseconds(surface_grams, window_texts),
    }
    for name, timings in sites.items():
        p95 = sorted(timings)[int(0.95 * (len(timings) - 1))]
        print(
            f"{name:32s} CPU us over {len(timings)} calls: "
            f"median {statistics.median(timings):7.0f}, p95 {p95:7.0f}"
        )


if __name__ == "__main__":
    main()
