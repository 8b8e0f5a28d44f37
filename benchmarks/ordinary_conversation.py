"""How often the risk assessor flags ordinary support conversation.

Usage: PYTHONPATH=src python benchmarks/ordinary_conversation.py [--data FILE] [--show N]

Assesses every seeker message of ESConv valid in its conversation, as the
supporter does, and prints the share flagged as `risk` by category, with a
sample of the flagged messages to read (a few are rightly flagged). Default
data: `$WARMLINE_DATA/esconv/valid.jsonl`.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from warmline.data import data_dir, read_esconv
from warmline.safety import assess_risk
from warmline.types import RiskLevel, Speaker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(data_dir() / "esconv" / "valid.jsonl"))
    parser.add_argument("--show", type=int, default=10, help="flagged messages to print")
    args = parser.parse_args()
    dialogues = read_esconv(args.data)
    flagged: list[tuple[str, list[str]]] = []
    total = 0
    for dialogue in dialogues:
        history: list[str] = []
        for utterance in dialogue.utterances:
            if utterance.speaker is not Speaker.SEEKER:
                continue
            total += 1
            assessment = assess_risk(utterance.text, history)
            if assessment.level is RiskLevel.RISK:
                flagged.append((utterance.text, [c.value for c in assessment.categories]))
            history.append(utterance.text)
    categories = Counter(c for _, found in flagged for c in found)
    print(
        f"{len(dialogues)} dialogues, {total} seeker messages: {len(flagged)} flagged as risk "
        f"({len(flagged) / total:.1%}); by category {dict(categories)}"
    )
    for text, found in random.Random(0).sample(flagged, min(args.show, len(flagged))):
        print(f"  {', '.join(found)}: {text[:150]}")


if __name__ == "__main__":
    main()
