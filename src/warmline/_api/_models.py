"""Request and response bodies of the API, published in the OpenAPI document."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from warmline.supporter import MAX_MESSAGE_CHARS, validate_message

__all__ = [
    "BODY_ERRORS",
    "ErrorBody",
    "MessageIn",
    "MessageOut",
    "SessionDetail",
    "SessionIn",
    "SessionOut",
    "SessionRename",
    "SignIn",
    "SignedIn",
    "StrategyProbability",
    "Timing",
    "TurnResponse",
    "UserOut",
]

NamePattern = r"^[A-Za-z0-9][A-Za-z0-9_.@+-]*$"

Timestamp = Annotated[datetime, AfterValidator(lambda d: d if d.tzinfo else d.replace(tzinfo=UTC))]
"""A UTC time; SQLite hands back naive ones, which RFC 3339 clients can't read."""


def _readable(value: object) -> object:
    """Apply the supporter's own message rules (InputError: a 400 with a kind message)."""
    return validate_message(value) if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignIn(_Strict):
    """A name and password, to sign up or sign in."""

    name: str = Field(min_length=1, max_length=64, pattern=NamePattern, examples=["robin"])
    password: str = Field(min_length=8, max_length=256, examples=["a long passphrase"])


class UserOut(BaseModel):
    """A user, without secrets."""

    id: str
    name: str
    created_at: Timestamp


class SignedIn(BaseModel):
    """A new sign-in: the bearer token (also set as the `warmline_session` cookie)."""

    user: UserOut
    token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: Timestamp


class SessionIn(_Strict):
    """A new conversation."""

    title: str | None = Field(default=None, max_length=200)


class SessionRename(_Strict):
    """A new title for a conversation."""

    title: str = Field(min_length=1, max_length=200)


class SessionOut(BaseModel):
    """A conversation, without its messages."""

    id: str
    title: str | None
    stage: str
    risk_level: str
    created_at: Timestamp
    updated_at: Timestamp


class MessageOut(BaseModel):
    """A stored message; supporter messages carry the turn's analysis."""

    id: int
    role: Literal["seeker", "supporter"]
    text: str
    analysis: dict[str, Any] | None
    status: str
    created_at: Timestamp


class SessionDetail(SessionOut):
    """A conversation with its messages, oldest first (to resume it)."""

    messages: list[MessageOut]


class MessageIn(_Strict):
    """A seeker message (plain UTF-8 text, at most 4,000 characters after trimming)."""

    text: Annotated[str, BeforeValidator(_readable)] = Field(
        min_length=1,
        max_length=MAX_MESSAGE_CHARS,
        pattern=r"\S",
        examples=["I can't sleep before exams."],
    )


class StrategyProbability(BaseModel):
    """One of the planner's most likely strategies."""

    strategy: str
    probability: float


class Timing(BaseModel):
    """Where a turn's time went on the server, so clients can tell the service from the model."""

    generation_ms: float = Field(description="In the model.")
    turn_ms: float = Field(description="In the turn pipeline, generation and storage included.")
    server_ms: float = Field(description="From the request's arrival to the end of the turn.")
    steps_ms: dict[str, float] = Field(
        default_factory=dict,
        description="The turn step by step: `begin` (storing the message), each stage that ran "
        "(`respond` includes generation), `deferred` (waiting for background work such as "
        "memory writes) and `finish` (storing the reply).",
    )


class TurnResponse(BaseModel):
    """One turn: the reply and the analysis behind it.

    Other stages may add keys (e.g. crisis resources); they are passed through.
    """

    model_config = ConfigDict(extra="allow")

    reply: str
    stage: str
    strategy: str
    emotion: str
    intensity: float
    cause: str | None
    risk_level: str
    reasoning: str
    top_strategies: list[StrategyProbability] = Field(default_factory=list)
    memories: list[dict[str, Any]] = Field(default_factory=list)
    persona: list[dict[str, Any]] = Field(default_factory=list)
    status: str
    session: str
    seeker_message_id: int
    reply_message_id: int
    timing: Timing


class ErrorDetail(BaseModel):
    """What went wrong."""

    code: str
    message: str
    request_id: str | None


class ErrorBody(BaseModel):
    """Every error response has this shape."""

    error: ErrorDetail


BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body is not UTF-8, or the message is unusable"},
    413: {"model": ErrorBody, "description": "The body is too large"},
    415: {"model": ErrorBody, "description": "The body is not JSON"},
    422: {"model": ErrorBody, "description": "The body does not match the schema"},
    429: {"model": ErrorBody, "description": "Too many requests"},
}
"""Errors any request with a JSON body can get."""
