"""Identity: argon2 password hashes, random sign-in tokens, and per-user/per-IP rate limits.

Tokens are 32 random bytes; the database keeps only their sha256 hashes. The web
page carries the token in the `warmline_session` cookie (HttpOnly, SameSite=Lax);
API clients send `Authorization: Bearer <token>`.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from datetime import datetime, timedelta
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request, Response

from warmline._api._errors import ApiError
from warmline.storage import ConversationStore, UserRecord, utcnow

__all__ = [
    "COOKIE",
    "CurrentUser",
    "RateLimiter",
    "current_user",
    "hash_password",
    "issue_token",
    "revoke_token",
    "verify_password",
]

COOKIE = "warmline_session"
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, only for constant-time misses")
_HASH_SLOTS = threading.BoundedSemaphore(4)
"""Each argon2 hash takes 64 MiB; a burst of sign-ins must not exhaust memory."""


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    with _HASH_SLOTS:
        return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether the password matches; takes the same time for unknown users."""
    try:
        with _HASH_SLOTS:
            return _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(store: ConversationStore, user_id: str, ttl_hours: float) -> tuple[str, datetime]:
    """A new sign-in token for the user, and when it expires."""
    token = secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(hours=ttl_hours)
    store.add_token(_digest(token), user_id, expires)
    return token, expires


def revoke_token(store: ConversationStore, token: str) -> None:
    """Sign a token out."""
    store.delete_token(_digest(token))


def request_token(request: Request) -> str | None:
    """The bearer token or, failing that, the session cookie of a request."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(COOKIE) or None


def set_cookie(response: Response, token: str, expires: datetime, secure: bool) -> None:
    """Give the browser its session cookie."""
    response.set_cookie(
        COOKIE,
        token,
        expires=expires,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


class RateLimiter:
    """Token buckets keyed by user or address; in memory, so limits hold per replica."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> float:
        """Take one token; returns 0 when allowed, else seconds until the next token."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return (1.0 - tokens) / self.rate
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 50_000:
                self._prune(now)
            return 0.0

    def _prune(self, now: float) -> None:
        full = self.capacity / self.rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full}


def too_many(wait: float) -> ApiError:
    """The 429 error, with Retry-After."""
    seconds = max(1, int(wait + 0.999))
    return ApiError(
        429,
        f"too many requests; please wait {seconds} s and try again",
        headers={"Retry-After": str(seconds)},
    )


def current_user(request: Request) -> UserRecord:
    """The signed-in user of a request, within their rate limit.

    Raises:
        ApiError: 401 without a valid token, 429 over the user's limit.
    """
    token = request_token(request)
    state = request.app.state
    user = state.runtime.store.user_for_token(_digest(token)) if token else None
    if user is None:
        raise ApiError(
            401,
            "sign in first (send the session cookie or an Authorization: Bearer token)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    wait = state.user_limiter.allow(user.id)
    if wait:
        raise too_many(wait)
    return user


CurrentUser = Annotated[UserRecord, Depends(current_user)]
"""A dependency giving the signed-in user."""
