"""Entry point: import every command module so it registers, then run the app."""

from __future__ import annotations

from warmline._cli import (  # noqa: F401  (each module registers its commands)
    chat,
    evaluate,
    planner,
    safety,
    seeker,
    serve,
)
from warmline._cli.apps import app

__all__ = ["main"]


def main() -> None:
    """Run the warmline command line."""
    app()
