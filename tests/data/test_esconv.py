import json
from pathlib import Path

import pytest

from warmline.data import read_esconv
from warmline.errors import DataFormatError
from warmline.types import Speaker, Strategy

SPLIT_LINE = {
    "emotion_type": "anxiety",
    "problem_type": "Job Crisis",
    "situation": "I may lose my job.",
    "init_intensity": "4",
    "final_intensity": "2",
    "relevance": -1,
    "empathy": "5",
    "dialog": [
        {"text": "Hi", "speaker": "usr", "rating": None},
        {"text": "Hello, how are you?", "speaker": "sys", "strategy": "Question"},
        {"text": "Worried.", "speaker": "usr", "rating": "4"},
        {"text": "That sounds hard.", "speaker": "sys", "strategy": "Reflection of Feelings"},
    ],
}

ORIGINAL = [
    {
        "experience_type": "Previous Experience",
        "emotion_type": "sadness",
        "problem_type": "breakup with partner",
        "situation": "We split.",
        "survey_score": {
            "seeker": {
                "initial_emotion_intensity": "5",
                "final_emotion_intensity": "5",
                "empathy": "1",
                "relevance": "2",
            },
            "supporter": {},
        },
        "dialog": [
            {"speaker": "speaker", "annotation": {}, "content": "Hey there\n"},
            {"speaker": "listener", "annotation": {"strategy": "Questions"}, "content": "hi"},
            {"speaker": "speaker", "annotation": {"feedback": "2"}, "content": "ok\n"},
        ],
    }
]


def test_reads_split_jsonl_and_normalises(tmp_path: Path) -> None:
    path = tmp_path / "valid.jsonl"
    path.write_text(json.dumps(SPLIT_LINE) + "\n\n")
    [dialogue] = read_esconv(path)
    assert dialogue.problem_type == "job crisis"
    assert (dialogue.init_intensity, dialogue.final_intensity) == (4, 2)
    assert dialogue.relevance is None and dialogue.empathy == 5
    speakers = [u.speaker for u in dialogue.utterances]
    assert speakers == [Speaker.SEEKER, Speaker.SUPPORTER, Speaker.SEEKER, Speaker.SUPPORTER]
    assert dialogue.utterances[3].strategy is Strategy.REFLECTION
    assert dialogue.utterances[2].rating == 4


def test_reads_original_schema(tmp_path: Path) -> None:
    path = tmp_path / "failed.json"
    path.write_text(json.dumps(ORIGINAL))
    [dialogue] = read_esconv(path)
    assert dialogue.utterances[0].text == "Hey there"
    assert dialogue.utterances[1].strategy is Strategy.QUESTION
    assert dialogue.utterances[2].rating == 2
    assert (dialogue.init_intensity, dialogue.empathy) == (5, 1)


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(SPLIT_LINE) + "\n{not json\n")
    with pytest.raises(DataFormatError, match=r"bad\.jsonl:2: invalid JSON"):
        read_esconv(path)


def test_unknown_strategy_is_reported_with_its_line(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(SPLIT_LINE))
    broken["dialog"][1]["strategy"] = "Hugging"
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(broken) + "\n")
    with pytest.raises(DataFormatError, match=r"bad\.jsonl:1: bad utterance: unknown strategy"):
        read_esconv(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="file not found"):
        read_esconv(tmp_path / "nope.jsonl")


def test_reads_the_shared_esconv_files(shared_data: Path) -> None:
    train = read_esconv(shared_data / "esconv" / "train.jsonl")
    failed = read_esconv(shared_data / "esconv" / "failed.json")
    assert (len(train), len(failed)) == (910, 196)
    strategies = {u.strategy for d in train + failed for u in d.utterances if u.strategy}
    assert strategies == set(Strategy)
