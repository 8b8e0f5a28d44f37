"""Errors warmline raises on purpose.

    WarmlineError
    ├── DataFormatError        a data file is malformed (names the file and line)
    ├── ConfigurationError     a setting or option is invalid or a prerequisite is missing
    ├── BackendError           a model backend failed, timed out or returned garbage
    ├── StorageError           the database cannot be used
    │   └── NotFoundError      a session, user or record does not exist (or is not yours)
    └── InputError             a seeker message cannot be accepted (empty, binary, too long)

Each message says what went wrong and what to do next; the CLI prints it on one
line and the API maps it to a JSON error body.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BackendError",
    "ConfigurationError",
    "DataFormatError",
    "InputError",
    "NotFoundError",
    "StorageError",
    "WarmlineError",
]


class WarmlineError(Exception):
    """Base class of every error warmline raises on purpose."""


class DataFormatError(WarmlineError):
    """A data file could not be read; `path` and `line` say where."""

    def __init__(self, message: str, *, path: Path | str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
        self.path = Path(path)
        self.line = line


class ConfigurationError(WarmlineError):
    """A setting, option or prerequisite is wrong or missing."""


class BackendError(WarmlineError):
    """A model backend failed; `backend` names it."""

    def __init__(self, message: str, *, backend: str) -> None:
        super().__init__(f"{backend}: {message}")
        self.backend = backend


class StorageError(WarmlineError):
    """The conversation store could not do what was asked."""


class NotFoundError(StorageError):
    """The record does not exist, or belongs to someone else."""


class InputError(WarmlineError):
    """A seeker message was rejected before it reached the pipeline."""
