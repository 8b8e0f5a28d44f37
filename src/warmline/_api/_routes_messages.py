"""Sending a message: the whole reply at once, or token by token over Server-Sent Events.

Events of a stream: `token` (data: a JSON string, the next piece of the reply),
`done` (data: the turn JSON) and `error` (data: the error body). The seeker's
message is stored before generation; if the client goes away the reply is still
generated and stored.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse

from warmline._api._auth import CurrentUser
from warmline._api._errors import error_body, warmline_error_status
from warmline._api._metrics import TurnTiming
from warmline._api._models import BODY_ERRORS, ErrorBody, MessageIn, TurnResponse
from warmline._api._routes_sessions import SessionId
from warmline._api._turns import Turns
from warmline.errors import WarmlineError
from warmline.supporter import TurnResult

__all__ = ["router"]

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1/sessions", tags=["messages"])
_HEARTBEAT_SECONDS = 15.0
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody},
    401: {"model": ErrorBody},
    404: {"model": ErrorBody},
    422: {"model": ErrorBody},
    429: {"model": ErrorBody},
    502: {"model": ErrorBody},
    503: {"model": ErrorBody},
}
_STREAM_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Server-Sent Events: `token`, then `done` (the turn) or `error`.",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}


def turn_response(result: TurnResult, timing: TurnTiming, started: float) -> TurnResponse:
    """The API view of a finished turn; `started` is the request's perf_counter arrival."""
    return TurnResponse.model_validate(
        result.as_json()
        | {
            "seeker_message_id": result.seeker_message_id,
            "reply_message_id": result.reply_message_id,
            "timing": {
                "generation_ms": round(timing.generation * 1000, 3),
                "turn_ms": round(timing.turn * 1000, 3),
                "server_ms": round((time.perf_counter() - started) * 1000, 3),
                "steps_ms": {step: round(s * 1000, 3) for step, s in result.timings.items()},
            },
        }
    )


def _started(request: Request) -> float:
    return getattr(request.state, "started", None) or time.perf_counter()


@router.post("/{session_id}/messages", response_model=TurnResponse, responses=_ERRORS | BODY_ERRORS)
async def send_message(
    session_id: SessionId, body: MessageIn, user: CurrentUser, request: Request, response: Response
) -> TurnResponse:
    """Send a message and get the whole reply with its analysis."""
    turns: Turns = request.app.state.turns
    result, timing = await turns.run(await turns.begin(session_id, user.id, body.text))
    turn = turn_response(result, timing, _started(request))
    response.headers["Server-Timing"] = (
        f"gen;dur={turn.timing.generation_ms:.1f}, turn;dur={turn.timing.turn_ms:.1f}, "
        f"app;dur={turn.timing.server_ms:.1f}"
    )
    return turn


@router.post(
    "/{session_id}/messages/stream",
    response_class=StreamingResponse,
    responses=_ERRORS | BODY_ERRORS | _STREAM_DOC,
)
async def stream_message(
    session_id: SessionId, body: MessageIn, user: CurrentUser, request: Request
) -> StreamingResponse:
    """Send a message; the reply streams token by token as Server-Sent Events.

    The message is stored before the stream opens: a 200 means it was kept.
    """
    turns: Turns = request.app.state.turns
    turn = await turns.begin(session_id, user.id, body.text)
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    async def emit(chunk: str) -> None:
        queue.put_nowait(("token", chunk))

    task = turns.start(turn, emit)
    task.add_done_callback(lambda t: queue.put_nowait(("end", t)))
    request_id = getattr(request.state, "request_id", None)
    return StreamingResponse(
        _events(queue, request_id, _started(request)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _events(
    queue: asyncio.Queue[tuple[str, Any]], request_id: str | None, started: float
) -> AsyncIterator[str]:
    yield ": stream open\n\n"
    while True:
        try:
            async with asyncio.timeout(_HEARTBEAT_SECONDS):  # no task per token, as wait_for makes
                kind, data = await queue.get()
        except TimeoutError:
            yield ": keep-alive\n\n"
            continue
        if kind == "token":
            text, end = _queued_text(queue, data)
            yield _event("token", text)
            if end is None:
                continue
            kind, data = end
        yield _final(data, request_id, started)
        return


def _queued_text(
    queue: asyncio.Queue[tuple[str, Any]], text: str
) -> tuple[str, tuple[str, Any] | None]:
    """`text` joined with the tokens queued behind it, and the end of the turn if it came too.

    Under load several tokens wait while the loop is busy; one event for all of
    them means fewer writes, and the reader sees the same text.
    """
    while True:
        try:
            kind, data = queue.get_nowait()
        except asyncio.QueueEmpty:
            return text, None
        if kind != "token":
            return text, (kind, data)
        text += data


def _final(
    task: asyncio.Task[tuple[TurnResult, TurnTiming]], request_id: str | None, started: float
) -> str:
    if task.cancelled():
        return _event("error", error_body("cancelled", "the reply was interrupted", request_id))
    error = task.exception()
    if error is None:
        result, timing = task.result()
        return _event("done", turn_response(result, timing, started).model_dump(mode="json"))
    if isinstance(error, WarmlineError):
        status, code = warmline_error_status(error)
        message = str(error) if status < 500 else "the reply could not be finished; try again"
        return _event("error", error_body(code, message, request_id))
    logger.error("stream failed: %s", type(error).__name__)
    return _event("error", error_body("internal_error", "something went wrong", request_id))


def _event(name: str, data: Any) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
