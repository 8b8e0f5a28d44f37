"""Tiny synthetic ESConv material for planner tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warmline.types import Dialogue, Speaker, Strategy, Utterance


def seeker(text: str, rating: int | None = None) -> Utterance:
    return Utterance(speaker=Speaker.SEEKER, text=text, rating=rating)


def supporter(text: str, strategy: Strategy | None) -> Utterance:
    return Utterance(speaker=Speaker.SUPPORTER, text=text, strategy=strategy)


@pytest.fixture
def dialogue() -> Dialogue:
    """Opens with a supporter turn (not an example), then three annotated supporter turns
    (two consecutive) and one unannotated one."""
    return Dialogue(
        id="tiny",
        situation="I lost my job.",
        utterances=[
            supporter("Hello, how are you?", Strategy.OTHERS),
            seeker("Not great, I lost my job last week."),
            supporter("I'm sorry. What happened?", Strategy.QUESTION),
            supporter("That sounds really hard.", Strategy.REFLECTION),
            seeker("They cut the whole team.", rating=3),
            supporter("hmm", None),
            supporter("Maybe update your CV this week?", Strategy.SUGGESTIONS),
            seeker("Thanks, I will.", rating=4),
        ],
    )


@pytest.fixture
def dialogue_file(tmp_path: Path, dialogue: Dialogue) -> Path:
    """The tiny dialogue, twice, as an ESConv split file."""
    record = {
        "situation": dialogue.situation,
        "dialog": [
            {"speaker": "usr" if u.speaker is Speaker.SEEKER else "sys", "text": u.text}
            | ({"strategy": u.strategy.value} if u.strategy else {})
            | ({"rating": u.rating} if u.rating else {})
            for u in dialogue.utterances
        ],
    }
    path = tmp_path / "tiny.jsonl"
    path.write_text((json.dumps(record) + "\n") * 2, encoding="utf-8")
    return path
