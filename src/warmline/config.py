"""Where warmline keeps its state, and how to override it.

All local state lives under one data directory, `WARMLINE_HOME` (default: the
platform's user data directory). The database URL and the model cache derive
from it unless `WARMLINE_DATABASE_URL` or `WARMLINE_MODEL_CACHE` are set.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict

__all__ = ["Settings"]


class Settings(BaseModel):
    """Resolved locations of warmline's state."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    home: Path
    """The data directory everything else defaults into."""
    database_url: str
    """SQLAlchemy URL of the conversation store (SQLite or PostgreSQL)."""
    model_cache: Path
    """Where assembled model files are kept."""

    @classmethod
    def from_env(cls, home: Path | None = None, database_url: str | None = None) -> Settings:
        """Resolve settings: explicit arguments, then `WARMLINE_*` variables, then defaults."""
        home = home or Path(
            os.environ.get("WARMLINE_HOME") or platformdirs.user_data_dir("warmline")
        )
        url = (
            database_url
            or os.environ.get("WARMLINE_DATABASE_URL")
            or f"sqlite:///{home / 'warmline.db'}"
        )
        cache = Path(os.environ.get("WARMLINE_MODEL_CACHE") or home / "models")
        return cls(home=home, database_url=url, model_cache=cache)
