"""ASGI middleware: request ids, latency metrics, security headers, and body guards."""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warmline._api._auth import RateLimiter, too_many
from warmline._api._errors import ApiError, error_body
from warmline._api._metrics import Metrics

__all__ = ["BodyGuard", "RequestContext"]

_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
_MUTATING = {"POST", "PUT", "PATCH"}


class RequestContext:
    """Gives each request an id (kept from `X-Request-ID` when sane), times it, adds headers."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _ID.match(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        scope.setdefault("state", {}).update(request_id=request_id, started=started)
        status = 500
        page = not scope["path"].startswith(("/v1", "/docs", "/redoc", "/openapi"))

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [h for h in message.get("headers", []) if h[0] != b"x-request-id"]
                headers += [
                    (b"x-request-id", request_id.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                if page:
                    headers.append((b"content-security-policy", _PAGE_CSP.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(scope["method"], route, str(status)).observe(
                time.perf_counter() - started
            )


class BodyGuard:
    """Per-address rate limit, JSON-only mutations (with SameSite, our CSRF defence),
    bounded bodies, and UTF-8, all before a request reaches a route.

    A mutation may carry no body at all (sign-out); any body it has must be JSON,
    which a cross-site HTML form cannot send without a CORS preflight.
    """

    def __init__(
        self, app: ASGIApp, limiter: RateLimiter, max_bytes: int, routes: list[BaseRoute]
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.max_bytes = max_bytes
        self.routes = routes
        """The app's routes: bodies are checked only for requests a route will take."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1"):
            await self.app(scope, receive, send)
            return
        try:
            wait = self.limiter.allow(_client(scope))
            if wait:
                raise too_many(wait)
            if scope["method"] in _MUTATING and self._routed(scope):
                body = await self._read_body(scope, receive)
                receive = _replay(body, receive)
        except ApiError as error:
            await _send_error(scope, send, error)
            return
        await self.app(scope, receive, send)

    def _routed(self, scope: Scope) -> bool:
        return any(route.matches(scope)[0] == Match.FULL for route in self.routes)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        length = _header(scope, b"content-length")
        bodiless = length == "0" or (length is None and not _header(scope, b"transfer-encoding"))
        if content_type != "application/json" and not (bodiless and not content_type):
            raise ApiError(415, "send the body as JSON (Content-Type: application/json)")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise ApiError(413, f"the body is larger than {self.max_bytes:,} bytes")
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise ApiError(413, f"the body is larger than {self.max_bytes:,} bytes")
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(
                400, "the body is not valid UTF-8 text", code="invalid_encoding"
            ) from None
        return body


def _replay(body: bytes, original: Receive) -> Receive:
    """Hand the buffered body to the app, then pass on later messages (a disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


async def _send_error(scope: Scope, send: Send, error: ApiError) -> None:
    request_id = scope.get("state", {}).get("request_id")
    payload = json.dumps(error_body(error.code, error.message, request_id)).encode()
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    headers += [(k.lower().encode(), str(v).encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _client(scope: Scope) -> str:
    client: Any = scope.get("client")
    return client[0] if client else "unknown"
