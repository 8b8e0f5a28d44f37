"""Settings of the HTTP service, each with a WARMLINE_* environment variable."""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ApiSettings"]


class ApiSettings(BaseModel):
    """Limits and policies of one API process (a replica)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_rate_per_minute: int = Field(default=120, ge=1)
    """Requests one signed-in user may make per minute (token bucket, per replica)."""
    ip_rate_per_minute: int = Field(default=600, ge=1)
    """Requests one client address may make per minute (token bucket, per replica)."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser; none (closed) by default."""
    cookie_secure: bool = False
    """Mark the session cookie Secure (set it when serving over HTTPS)."""
    token_ttl_hours: float = Field(default=24 * 30, gt=0)
    """How long a sign-in token (cookie or bearer) stays valid."""
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    """Largest request body accepted."""
    drain_seconds: float = Field(default=30.0, ge=0)
    """How long shutdown waits for in-flight replies to finish."""

    @classmethod
    def from_env(cls) -> ApiSettings:
        """Read `WARMLINE_RATE_LIMIT_USER`, `WARMLINE_RATE_LIMIT_IP`, `WARMLINE_CORS_ORIGINS`,
        `WARMLINE_COOKIE_SECURE`, `WARMLINE_TOKEN_TTL_HOURS` and `WARMLINE_DRAIN_SECONDS`."""
        env = os.environ
        values: dict[str, object] = {}
        names = {
            "user_rate_per_minute": "WARMLINE_RATE_LIMIT_USER",
            "ip_rate_per_minute": "WARMLINE_RATE_LIMIT_IP",
            "token_ttl_hours": "WARMLINE_TOKEN_TTL_HOURS",
            "drain_seconds": "WARMLINE_DRAIN_SECONDS",
        }
        for field, name in names.items():
            if env.get(name):
                values[field] = env[name]
        if env.get("WARMLINE_CORS_ORIGINS"):
            origins = env["WARMLINE_CORS_ORIGINS"].split(",")
            values["cors_origins"] = tuple(o.strip() for o in origins if o.strip())
        if env.get("WARMLINE_COOKIE_SECURE"):
            values["cookie_secure"] = env["WARMLINE_COOKIE_SECURE"].lower() in {"1", "true", "yes"}
        return cls.model_validate(values)
