"""Conversations: create, list, resume, rename, delete; always scoped to their owner.

Someone else's session id is answered exactly like a missing one: 404.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from warmline._api._auth import CurrentUser
from warmline._api._models import (
    BODY_ERRORS,
    ErrorBody,
    MessageOut,
    SessionDetail,
    SessionIn,
    SessionOut,
    SessionRename,
)
from warmline.storage import SessionRecord

__all__ = ["SessionId", "router"]

router = APIRouter(prefix="/v1/sessions", tags=["sessions"])
SessionId = Annotated[str, Path(min_length=1, max_length=64, description="A session id.")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody},
    404: {"model": ErrorBody},
    422: {"model": ErrorBody},
    429: {"model": ErrorBody},
}


def session_out(record: SessionRecord) -> SessionOut:
    """The API view of a stored session."""
    return SessionOut(
        id=record.id,
        title=record.title,
        stage=record.state.stage.value,
        risk_level=record.state.risk_level.value,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


@router.post("", status_code=201, response_model=SessionOut, responses=_ERRORS | BODY_ERRORS)
def create_session(body: SessionIn, user: CurrentUser, request: Request) -> SessionOut:
    """Start a new conversation."""
    return session_out(request.app.state.runtime.store.create_session(user.id, body.title))


@router.get("", response_model=list[SessionOut], responses=_ERRORS)
def list_sessions(user: CurrentUser, request: Request) -> list[SessionOut]:
    """The signed-in user's conversations, most recent first."""
    return [session_out(s) for s in request.app.state.runtime.store.list_sessions(user.id)]


@router.get("/{session_id}", response_model=SessionDetail, responses=_ERRORS)
def get_session(session_id: SessionId, user: CurrentUser, request: Request) -> SessionDetail:
    """A conversation with its messages, to resume it."""
    store = request.app.state.runtime.store
    session = session_out(store.get_session(session_id, user.id))
    messages = [
        MessageOut.model_validate(m.model_dump()) for m in store.messages(session_id, user.id)
    ]
    return SessionDetail(**session.model_dump(), messages=messages)


@router.patch("/{session_id}", response_model=SessionOut, responses=_ERRORS | BODY_ERRORS)
def rename_session(
    session_id: SessionId, body: SessionRename, user: CurrentUser, request: Request
) -> SessionOut:
    """Give a conversation a new title."""
    store = request.app.state.runtime.store
    return session_out(store.rename_session(session_id, user.id, body.title))


@router.delete("/{session_id}", status_code=204, responses=_ERRORS)
def delete_session(session_id: SessionId, user: CurrentUser, request: Request) -> None:
    """Delete a conversation and its messages."""
    request.app.state.runtime.store.delete_session(session_id, user.id)


@router.get("/{session_id}/messages", response_model=list[MessageOut], responses=_ERRORS)
def list_messages(session_id: SessionId, user: CurrentUser, request: Request) -> list[MessageOut]:
    """A conversation's messages, oldest first."""
    store = request.app.state.runtime.store
    return [MessageOut.model_validate(m.model_dump()) for m in store.messages(session_id, user.id)]
