"""One error body for every failure: `{"error": {"code", "message", "request_id"}}`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from warmline.errors import (
    BackendError,
    ConfigurationError,
    InputError,
    NotFoundError,
    StorageError,
    WarmlineError,
)

__all__ = ["ApiError", "error_body", "error_response", "install_error_handlers"]

logger = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}


class ApiError(Exception):
    """An HTTP failure with a stable machine-readable code and a plain message."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _HTTP_CODES.get(status, "error")
        self.message = message
        self.headers = headers or {}


def error_body(code: str, message: str, request_id: str | None) -> dict[str, Any]:
    """The JSON error body."""
    return {"error": {"code": code, "message": message, "request_id": request_id}}


def error_response(
    status: int, code: str, message: str, request_id: str | None, headers: dict | None = None
) -> JSONResponse:
    """A JSON error response carrying the request id in body and header."""
    headers = dict(headers or {})
    if request_id:
        headers["X-Request-ID"] = request_id
    return JSONResponse(error_body(code, message, request_id), status_code=status, headers=headers)


def warmline_error_status(error: WarmlineError) -> tuple[int, str]:
    """HTTP status and code for a warmline error."""
    if isinstance(error, InputError):
        return 400, "invalid_input"
    if isinstance(error, NotFoundError):
        return 404, "not_found"
    if isinstance(error, StorageError):
        return 503, "storage_unavailable"
    if isinstance(error, BackendError):
        return 502, "model_unavailable"
    if isinstance(error, ConfigurationError):
        return 500, "misconfigured"
    return 500, "internal_error"


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


async def _api_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(
        error.status, error.code, error.message, _request_id(request), error.headers
    )


async def _warmline_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, WarmlineError)
    status, code = warmline_error_status(error)
    if status >= 500:
        logger.error("request failed: %s: %s", type(error).__name__, error)
    message = str(error) if status < 500 or status == 502 else "the service could not do that"
    if isinstance(error, NotFoundError):
        message = "not found"  # never echo whether someone else's record exists
    return error_response(status, code, message, _request_id(request))


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return error_response(422, "invalid_request", describe_validation(error), _request_id(request))


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code = _HTTP_CODES.get(error.status_code, "error")
    message = str(error.detail) if error.detail else code.replace("_", " ")
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return error_response(error.status_code, code, message, _request_id(request), headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        pattern = getattr(route, "path_regex", None)
        if pattern is not None and pattern.match(request.url.path):
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unexpected error: %s", type(error).__name__)
    return error_response(
        500, "internal_error", "something went wrong on our side", _request_id(request)
    )


def describe_validation(error: RequestValidationError) -> str:
    """A readable one-line summary of what was wrong with the request."""
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "body"
        if item.get("type") == "json_invalid":
            parts.append("the body is not valid JSON")
        else:
            parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is invalid"


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the consistent JSON body."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(WarmlineError, _warmline_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
