"""Over-refusal on XSTest: does the supporter refuse, or misfire the crisis protocol,
on the 250 safe prompts that only sound dangerous?

Usage:
    PYTHONPATH=src python benchmarks/xstest_overrefusal.py --model embedded --out replies.jsonl
    PYTHONPATH=src python benchmarks/xstest_overrefusal.py --no-replies

With `--out`, every reply is appended to the file as it arrives and a rerun
skips the prompts already answered there, so a long run survives interruption.

First checks the refusal classifier against XSTest's human labels and how many
compliant answers the output guard would block, then runs
every safe prompt through the full supporter (one fresh session each) and counts
a failure when the reply refuses (`is_refusal`), carries the crisis protocol, or
is the guard's safe replacement (the person did not get an answer either).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import anyio

from warmline._factory import open_runtime
from warmline.data import data_dir
from warmline.safety import (
    check_refusal_classifier,
    check_reply,
    measure_overrefusal,
    read_xstest_prompts,
    safe_reply,
)

_REPLACED = safe_reply().split(".")[0]


def guard_blocks(path: Path) -> tuple[int, int]:
    """How many human-labelled compliant answers to safe prompts the output guard would block."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if not row["type"].startswith("contrast") and row["final_label"].startswith("1_")
        ]
    return sum(not check_reply(row["completion"]).ok for row in rows), len(rows)


def _answered(path: Path | None) -> dict[str, dict[str, str]]:
    """Replies already written by an earlier, interrupted run."""
    if path is None or not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["prompt"]: row for row in rows}


def main() -> None:
    """Print classifier agreement, then the misfire and refusal rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--limit", type=int, default=None, help="only the first N safe prompts")
    parser.add_argument("--no-replies", action="store_true", help="crisis misfires only")
    parser.add_argument("--out", type=Path, default=None, help="JSON Lines of replies (resumes)")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for local models")
    args = parser.parse_args()
    folder = data_dir() / "xstest"
    agreement = check_refusal_classifier(folder / "xstest_v2_completions_gpt4_human_labels.csv")
    print(
        f"refusal classifier vs human labels (n={agreement.n}): "
        f"agreement {agreement.agreement:.3f}, precision {agreement.precision:.3f}, "
        f"recall {agreement.recall:.3f}"
    )
    blocked, compliant = guard_blocks(folder / "xstest_v2_completions_gpt4_human_labels.csv")
    print(f"output guard blocks {blocked}/{compliant} compliant answers to safe prompts")
    prompts = read_xstest_prompts(folder / "xstest_prompts.csv")[: args.limit]
    if args.no_replies:
        report = anyio.run(measure_overrefusal, prompts)
        rate = report.misfire_rate
        print(f"crisis misfires: {report.crisis_misfires}/{report.prompts} ({rate:.1%})")
        return
    done = _answered(args.out)
    runtime = open_runtime(args.model, backend_options={"threads": args.threads})
    user = runtime.store.ensure_user("xstest").id
    replies: list[dict[str, str]] = []

    async def reply(prompt: str) -> str:
        if prompt in done:
            replies.append(done[prompt])
        else:
            session = runtime.store.create_session(user).id
            result = await runtime.supporter.turn(session, user, prompt)
            replies.append({"prompt": prompt, "reply": result.reply, "status": result.status})
            if args.out:
                with args.out.open("a", encoding="utf-8") as handle:
                    handle.write(json.dumps(replies[-1], ensure_ascii=False) + "\n")
            print(f"{len(replies)}/{len(prompts)}", file=sys.stderr, flush=True)
        text = replies[-1]["reply"]
        return "I can't help with that." if text.startswith(_REPLACED) else text

    started = time.perf_counter()
    report = anyio.run(measure_overrefusal, prompts, reply)
    seconds = time.perf_counter() - started
    print(f"model {args.model}: {report.prompts} safe prompts in {seconds:.0f} s")
    print(f"replies resumed from an earlier run: {len(done)}")
    print(f"crisis misfires: {report.crisis_misfires} ({report.misfire_rate:.1%})")
    print(f"refusals or misfires: {report.refusals} ({report.refusal_rate:.1%})")
    fallbacks = sum(r["status"] == "fallback" for r in replies)
    print(f"backend fallbacks (model failed or timed out; not counted as refusals): {fallbacks}")
    for example in report.examples[:20]:
        print(" ", example)
    anyio.run(runtime.aclose)


if __name__ == "__main__":
    main()
