"""`warmline serve`: the HTTP API and web chat, in one process or several workers."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from types import FrameType
from typing import Annotated, Any

import typer
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

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
from warmline.config import Settings
from warmline.storage import ConversationStore

__all__ = ["serve", "worker_app"]

_WORKER_OPTIONS = "WARMLINE_SERVE_OPTIONS"
"""How `serve --workers N` hands its options to the worker processes it spawns."""


GIL_SWITCH_SECONDS = 0.001
"""How long a serving process lets one thread keep the GIL while another waits (Python: 5 ms).

A turn's native work (the sentence encoder, SQLite) releases the GIL, then must win it
back from threads running Python: other turns, and the event loop streaming replies.
At the default each hand-back can cost up to 5 ms: an encoding that takes 6 ms alone
took 12 ms beside one busy Python thread, 7 ms at this interval. Under load
(`benchmarks/api_load.py --think 15 --workers 2`), p95 added latency was 62.1 and
55.8 ms at the default and 55.7 and 52.3 ms at this interval.
"""


class _ServeOptions(BaseModel):
    """What every process of one `warmline serve` needs to build the same service."""

    model: str
    planner: str
    base_url: str | None = None
    api_key: str | None = None
    database_url: str | None = None
    verbose: bool = False


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
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            envvar="WARMLINE_WORKERS",
            min=1,
            help="Processes sharing the port (one per CPU core suits a remote model; "
            "each loads its own copy of an embedded one).",
        ),
    ] = 1,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log at INFO.")] = False,
) -> None:
    """Serve the API (/v1, docs at /docs) and the web chat (/) until stopped.

    Scale out by running more processes (replicas) against one PostgreSQL
    database; each holds no conversation state. SIGTERM drains: new messages
    are refused, /readyz turns 503, and replies in flight finish first.
    """
    setup_logging(verbose)
    options = _ServeOptions(
        model=model,
        planner=planner,
        base_url=base_url,
        api_key=api_key,
        database_url=database_url,
        verbose=verbose,
    )
    settings = ApiSettings.from_env()
    config: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info" if verbose else "warning",
        "proxy_headers": True,
        "forwarded_allow_ips": os.environ.get("WARMLINE_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "timeout_graceful_shutdown": int(settings.drain_seconds) or None,
    }
    if workers > 1:
        _serve_workers(options, workers, config)
        return
    with err_console.status("Loading the model…", spinner="dots"):
        service = _service(options, settings)
    err_console.print(f"warmline is listening on http://{host}:{port} (docs at /docs)")
    _DrainingServer(uvicorn.Config(service, **config), service.state.turns).run()


def worker_app() -> FastAPI:
    """The service of one worker process of `serve --workers N` (a uvicorn app factory)."""
    options = _ServeOptions.model_validate_json(os.environ[_WORKER_OPTIONS])
    setup_logging(options.verbose)
    return _service(options, ApiSettings.from_env())


def _service(options: _ServeOptions, settings: ApiSettings) -> FastAPI:
    """This serving process's app; every serving process (one, or each worker) comes here."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    runtime = open_runtime(
        options.model,
        planner=options.planner,
        database_url=options.database_url,
        backend_options=backend_options(options.base_url, options.api_key),
    )
    return create_app(runtime, settings, close_runtime=True)


def _serve_workers(options: _ServeOptions, workers: int, config: dict[str, Any]) -> None:
    """Run `workers` processes on one socket; uvicorn restarts any that die.

    Their Prometheus metrics are pooled in a shared folder, so /metrics answers
    for all of them whichever one serves it. A stop signal reaches every worker,
    and each finishes its replies in flight.
    """
    # Create or migrate the database once, here: a broken URL fails now, with one clear error.
    ConversationStore(Settings.from_env(database_url=options.database_url).database_url).close()
    metrics_dir = tempfile.mkdtemp(prefix="warmline-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir  # read as the workers import prometheus
    os.environ[_WORKER_OPTIONS] = options.model_dump_json()
    err_console.print(
        f"warmline is starting {workers} workers on "
        f"http://{config['host']}:{config['port']} (docs at /docs)"
    )
    try:
        uvicorn.run("warmline._cli.serve:worker_app", factory=True, workers=workers, **config)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)


class _DrainingServer(uvicorn.Server):
    """A uvicorn server that marks the app as draining the moment a stop signal arrives."""

    def __init__(self, config: uvicorn.Config, turns: Turns) -> None:
        super().__init__(config)
        self.turns = turns

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Refuse new messages and fail readiness, then let uvicorn drain connections."""
        self.turns.draining = True
        super().handle_exit(sig, frame)
