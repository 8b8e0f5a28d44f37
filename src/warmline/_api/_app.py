"""The FastAPI application factory: API routes, web page, health, metrics, shutdown.

The process keeps no conversation state in memory: every request reads and
writes the database, so any number of replicas can share one PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from warmline._api._auth import RateLimiter
from warmline._api._config import ApiSettings
from warmline._api._errors import install_error_handlers
from warmline._api._metrics import Metrics, instrument
from warmline._api._middleware import BodyGuard, RequestContext
from warmline._api._routes_messages import router as messages_router
from warmline._api._routes_sessions import router as sessions_router
from warmline._api._routes_users import router as users_router
from warmline._api._turns import Turns
from warmline._factory import Runtime

__all__ = ["create_app"]

logger = logging.getLogger(__name__)
_WEB = Path(__file__).parent / "_web"
_THREADS = 100
"""Worker threads for database calls (anyio's default of 40 is low for many streams)."""


def create_app(
    runtime: Runtime, settings: ApiSettings | None = None, *, close_runtime: bool = False
) -> FastAPI:
    """Build the service around a runtime.

    Args:
        runtime: The store, model and supporter to serve.
        settings: Limits and policies; default: from the environment.
        close_runtime: Close the runtime when the app shuts down.
    """
    settings = settings or ApiSettings.from_env()
    metrics = Metrics()
    instrument(runtime.generator, metrics)
    turns = Turns(runtime.supporter, metrics)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = _THREADS
        turns.draining = False
        yield
        await turns.drain(settings.drain_seconds)
        metrics.close()
        if close_runtime:
            await runtime.aclose()

    app = FastAPI(
        title="warmline",
        version="1",
        summary="An emotional support conversation agent: users, sessions, streamed replies.",
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.api = settings
    app.state.turns = turns
    app.state.metrics = metrics
    app.state.user_limiter = RateLimiter(settings.user_rate_per_minute)
    install_error_handlers(app)
    for router in (users_router, sessions_router, messages_router):
        app.include_router(router)
    _add_operations(app)
    _add_page(app)
    app.add_middleware(
        BodyGuard,
        limiter=RateLimiter(settings.ip_rate_per_minute),
        max_bytes=settings.max_body_bytes,
        routes=app.router.routes,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_credentials=True,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        )
    app.add_middleware(RequestContext, metrics=metrics)
    return app


def _add_operations(app: FastAPI) -> None:
    @app.get("/healthz", tags=["operations"])
    def health() -> dict[str, str]:
        """Liveness: the process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"], responses={503: {"description": "Not ready"}})
    def ready(request: Request) -> JSONResponse:
        """Readiness: the database answers and the process is not draining."""
        if request.app.state.turns.draining:
            return JSONResponse({"status": "draining"}, status_code=503)
        try:
            with request.app.state.runtime.store.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:  # any database failure means "not ready"
            logger.warning("readiness: database unavailable: %s", type(error).__name__)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    @app.get("/metrics", include_in_schema=False)
    def prometheus(request: Request) -> Response:
        """Prometheus metrics of this process (of all workers, under `serve --workers`)."""
        return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


def _add_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=_WEB), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        """The web chat."""
        return FileResponse(_WEB / "index.html", headers={"Cache-Control": "no-cache"})
