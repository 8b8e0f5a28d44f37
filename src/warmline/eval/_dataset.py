"""Evaluation inputs: ESConv supporter turns with their gold context, and role cards.

A reference sample is one supporter turn that answers a seeker: its context is
every utterance before it, the seeker's message is the run of seeker
utterances just before it (merged), and the target is the gold reply. Turns
that continue a supporter's own previous utterance are skipped, because a
supporter under test always answers a seeker message; this scores fewer turns
than thu-coai's setup, which also predicts such continuations.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from warmline.data import read_esconv
from warmline.errors import DataFormatError
from warmline.types import Speaker, Strategy, Utterance

__all__ = ["RoleCard", "Sample", "esconv_samples", "read_cards"]


class Sample(BaseModel):
    """One reference-evaluation item: context, the seeker's message, and the gold reply."""

    id: str
    history: list[Utterance]
    """Utterances before the seeker's message, oldest first."""
    message: str
    """The seeker message to answer (consecutive seeker utterances joined by newlines)."""
    target: str
    """The gold supporter reply."""
    target_strategy: Strategy | None = None
    metadata: dict[str, str | int | None] = Field(default_factory=dict)


class RoleCard(BaseModel):
    """An ESC-Eval role card: a person a simulated seeker plays."""

    id: str
    profile: str
    """Age, gender, occupation and problem, as written on the card."""
    topic: str | None = None
    source: str | None = None


def esconv_samples(path: Path | str, limit: int | None = None) -> list[Sample]:
    """The first `limit` answerable supporter turns of an ESConv file, in file order."""
    samples: list[Sample] = []
    for dialogue in read_esconv(path):
        utterances = dialogue.utterances
        for i, utterance in enumerate(utterances):
            if utterance.speaker is not Speaker.SUPPORTER or i == 0:
                continue
            if utterances[i - 1].speaker is not Speaker.SEEKER:
                continue
            start = i
            while start > 0 and utterances[start - 1].speaker is Speaker.SEEKER:
                start -= 1
            samples.append(
                Sample(
                    id=f"{dialogue.id}:{i}",
                    history=utterances[:start],
                    message="\n".join(u.text for u in utterances[start:i]),
                    target=utterance.text,
                    target_strategy=utterance.strategy,
                    metadata={"emotion_type": dialogue.emotion_type, "turn": i},
                )
            )
            if limit is not None and len(samples) >= limit:
                return samples
    return samples


def read_cards(path: Path | str, limit: int | None = None) -> list[RoleCard]:
    """Read ESC-Eval role cards (a JSON array of objects with `base` and `id`).

    Raises:
        DataFormatError: the file is missing or not a list of cards.
    """
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFormatError("file not found", path=path) from None
    except json.JSONDecodeError as error:
        raise DataFormatError(f"invalid JSON: {error.msg}", path=path, line=error.lineno) from None
    if not isinstance(records, list) or not all(
        isinstance(r, dict) and isinstance(r.get("base"), str) for r in records
    ):
        raise DataFormatError("expected a JSON array of cards with a 'base' text", path=path)
    cards = [
        RoleCard(
            id=str(r.get("id", i)),
            profile=r["base"].strip(),
            topic=r.get("res"),
            source=r.get("source"),
        )
        for i, r in enumerate(records)
    ]
    return cards[:limit] if limit is not None else cards
