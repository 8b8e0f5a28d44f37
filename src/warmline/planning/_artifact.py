"""Load and save the trained planner's artifact, refusing files whose checksum does not match.

The artifact is a joblib pickle, so it is only unpickled after its SHA-256
matches the `.sha256` file shipped beside it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import joblib

from warmline.errors import ConfigurationError

__all__ = ["ARTIFACT_DIR", "DEFAULT_ARTIFACT", "load_artifact", "save_artifact"]

ARTIFACT_DIR = Path(__file__).resolve().parent / "artifacts"
DEFAULT_ARTIFACT = ARTIFACT_DIR / "planner.joblib"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def save_artifact(payload: dict[str, Any], path: Path) -> str:
    """Write the artifact and its `.sha256` file; return the digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, path, compress=3)
    digest = _digest(path)
    _checksum_path(path).write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    return digest


def load_artifact(path: Path) -> dict[str, Any]:
    """Verify the artifact's checksum, then load it.

    Raises:
        ConfigurationError: the artifact or its checksum file is missing, or they disagree.
    """
    checksum = _checksum_path(path)
    if not path.exists() or not checksum.exists():
        raise ConfigurationError(
            f"planner artifact {path} or its checksum is missing; "
            "run `warmline train planner` to build it"
        )
    expected = checksum.read_text(encoding="utf-8").split()[0]
    actual = _digest(path)
    if actual != expected:
        raise ConfigurationError(
            f"planner artifact {path} fails its checksum (expected {expected[:12]}…, "
            f"got {actual[:12]}…); it is corrupt or was changed: rebuild it with "
            "`warmline train planner`"
        )
    return joblib.load(path)
