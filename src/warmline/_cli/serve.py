"""`warmline serve`: the HTTP API and web chat in one process."""

from __future__ import annotations

import os
from types import FrameType
from typing import Annotated

import typer
import uvicorn

from warmline._api import ApiSettings, create_app
from warmline._api._turns import Turns
from warmline._cli.apps import app
from warmline._cli.common import (
    ApiKeyOption,
    BaseUrlOption,
    DatabaseOption,
    ModelOption,
    PlannerOption,
    backend_options,
    err_console,
    handle_errors,
    setup_logging,
)
from warmline._factory import open_runtime

__all__ = ["serve"]


@app.command("serve")
@handle_errors
def serve(
    host: Annotated[
        str, typer.Option("--host", envvar="WARMLINE_HOST", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", envvar="WARMLINE_PORT", help="Port.")] = 8000,
    model: ModelOption = "embedded",
    planner: PlannerOption = "trained",
    base_url: BaseUrlOption = None,
    api_key: ApiKeyOption = None,
    database_url: DatabaseOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log at INFO.")] = False,
) -> None:
    """Serve the API (/v1, docs at /docs) and the web chat (/) until stopped.

    Scale out by running more processes (replicas) against one PostgreSQL
    database; each holds no conversation state. SIGTERM drains: new messages
    are refused, /readyz turns 503, and replies in flight finish first.
    """
    setup_logging(verbose)
    settings = ApiSettings.from_env()
    with err_console.status("Loading the model…", spinner="dots"):
        runtime = open_runtime(
            model,
            planner=planner,
            database_url=database_url,
            backend_options=backend_options(base_url, api_key),
        )
    service = create_app(runtime, settings, close_runtime=True)
    config = uvicorn.Config(
        service,
        host=host,
        port=port,
        log_level="info" if verbose else "warning",
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("WARMLINE_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        timeout_graceful_shutdown=int(settings.drain_seconds) or None,
    )
    err_console.print(f"warmline is listening on http://{host}:{port} (docs at /docs)")
    _DrainingServer(config, service.state.turns).run()


class _DrainingServer(uvicorn.Server):
    """A uvicorn server that marks the app as draining the moment a stop signal arrives."""

    def __init__(self, config: uvicorn.Config, turns: Turns) -> None:
        super().__init__(config)
        self.turns = turns

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Refuse new messages and fail readiness, then let uvicorn drain connections."""
        self.turns.draining = True
        super().handle_exit(sig, frame)
