"""Read ESConv in both of its published formats.

The split files (`train.jsonl`, `valid.jsonl`) hold one dialogue per line with
`usr`/`sys` speakers; the original release (`failed.json` and the full
`ESConv.json`) is one JSON array with `seeker`/`supporter` or
`speaker`/`listener` and annotations. Both become `Dialogue` objects with
normalised strategies, speakers and integer ratings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warmline.errors import DataFormatError
from warmline.types import Dialogue, Speaker, Strategy, Utterance

DEFAULT_DATA_DIR = Path("../shared/data")

_SEEKER_NAMES = {"usr", "user", "seeker", "speaker"}
_SUPPORTER_NAMES = {"sys", "system", "supporter", "listener"}


def data_dir() -> Path:
    """The research data folder: `WARMLINE_DATA` if set, else `../shared/data`."""
    return Path(os.environ.get("WARMLINE_DATA", DEFAULT_DATA_DIR))


def read_esconv(path: Path | str) -> list[Dialogue]:
    """Read an ESConv file, JSON Lines or a JSON array, into dialogues.

    Raises:
        DataFormatError: the file is missing or malformed; the message names the
            file and, for JSON Lines, the line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFormatError("file not found", path=path) from None
    except UnicodeDecodeError as error:
        raise DataFormatError(f"not UTF-8 text ({error.reason})", path=path) from None
    if text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise DataFormatError(
                f"invalid JSON: {error.msg}", path=path, line=error.lineno
            ) from None
        return [
            _dialogue(record, f"{path.stem}-{i}", path, None) for i, record in enumerate(records)
        ]
    return list(_read_jsonl(text, path))


def _read_jsonl(text: str, path: Path) -> Iterator[Dialogue]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DataFormatError(f"invalid JSON: {error.msg}", path=path, line=number) from None
        yield _dialogue(record, f"{path.stem}-{number - 1}", path, number)


def _dialogue(record: Any, default_id: str, path: Path, line: int | None) -> Dialogue:
    if not isinstance(record, dict) or not isinstance(record.get("dialog"), list):
        raise DataFormatError("expected an object with a 'dialog' list", path=path, line=line)
    survey = (record.get("survey_score") or {}).get("seeker", {})
    try:
        utterances = [_utterance(turn) for turn in record["dialog"]]
    except (ValueError, TypeError, KeyError) as error:
        raise DataFormatError(f"bad utterance: {error}", path=path, line=line) from None
    return Dialogue(
        id=str(record.get("id", default_id)),
        utterances=utterances,
        emotion_type=_clean_label(record.get("emotion_type")),
        problem_type=_clean_label(record.get("problem_type")),
        situation=record.get("situation"),
        init_intensity=_score(
            record.get("init_intensity", survey.get("initial_emotion_intensity"))
        ),
        final_intensity=_score(
            record.get("final_intensity", survey.get("final_emotion_intensity"))
        ),
        empathy=_score(record.get("empathy", survey.get("empathy"))),
        relevance=_score(record.get("relevance", survey.get("relevance"))),
    )


def _utterance(turn: dict[str, Any]) -> Utterance:
    speaker_name = str(turn["speaker"]).lower()
    if speaker_name in _SEEKER_NAMES:
        speaker = Speaker.SEEKER
    elif speaker_name in _SUPPORTER_NAMES:
        speaker = Speaker.SUPPORTER
    else:
        raise ValueError(f"unknown speaker {turn['speaker']!r}")
    annotation = turn.get("annotation") or {}
    text = turn.get("text", turn.get("content"))
    if not isinstance(text, str):
        raise ValueError("missing text")
    strategy_label = turn.get("strategy", annotation.get("strategy"))
    rating = turn.get("rating", annotation.get("feedback"))
    return Utterance(
        speaker=speaker,
        text=text.strip(),
        strategy=Strategy.parse(strategy_label)
        if strategy_label and speaker is Speaker.SUPPORTER
        else None,
        rating=_score(rating) if speaker is Speaker.SEEKER else None,
    )


def _score(value: Any) -> int | None:
    """ESConv scores are ints or numeric strings, with -1 or null for missing."""
    if value is None or value == "":
        return None
    score = int(value)
    return score if score >= 0 else None


def _clean_label(value: Any) -> str | None:
    """Lower-case and trim labels such as 'Sleep Problems' so spellings compare equal."""
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.lower().split())
