import hashlib
import re

import numpy as np
import pytest

from warmline.memory import DIMENSIONS, MemoryPolicy, MemoryStore, PersonaStore
from warmline.storage import ConversationStore


class BagOfWords:
    """A deterministic stand-in for MiniLM: hashed words, so shared words mean similarity."""

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                slot = int(hashlib.md5(word.encode()).hexdigest(), 16) % DIMENSIONS
                vectors[row, slot] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


@pytest.fixture
def words() -> BagOfWords:
    return BagOfWords()


@pytest.fixture
def memory(store: ConversationStore, words: BagOfWords) -> MemoryStore:
    return MemoryStore(store, words, MemoryPolicy(budget=50, min_similarity=0.1))


@pytest.fixture
def persona(store: ConversationStore) -> PersonaStore:
    return PersonaStore(store)
