"""Entry point: import every command module so it registers, then run the app."""

from __future__ import annotations

from warmline._cli import chat, evaluate  # noqa: F401  (registers commands)
from warmline._cli.apps import app

__all__ = ["main"]


def main() -> None:
    """Run the warmline command line."""
    app()
