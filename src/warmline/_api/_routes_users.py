"""Sign-up, sign-in and sign-out, the user's own record, export, and deletion."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from warmline._api._auth import (
    COOKIE,
    CurrentUser,
    hash_password,
    issue_token,
    request_token,
    revoke_token,
    set_cookie,
    verify_password,
)
from warmline._api._errors import ApiError
from warmline._api._models import BODY_ERRORS, ErrorBody, SignedIn, SignIn, UserOut
from warmline.errors import StorageError

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["users"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody},
    422: {"model": ErrorBody},
    429: {"model": ErrorBody},
}


def _signed_in(request: Request, response: Response, user: Any) -> SignedIn:
    state = request.app.state
    token, expires = issue_token(state.runtime.store, user.id, state.api.token_ttl_hours)
    set_cookie(response, token, expires, state.api.cookie_secure)
    return SignedIn(user=UserOut.model_validate(user.model_dump()), token=token, expires_at=expires)


@router.post(
    "/users",
    status_code=201,
    response_model=SignedIn,
    responses=BODY_ERRORS | {409: {"model": ErrorBody}},
)
def sign_up(body: SignIn, request: Request, response: Response) -> SignedIn:
    """Create an account and sign in (sets the session cookie, returns a bearer token)."""
    store = request.app.state.runtime.store
    try:
        user = store.create_user(body.name, hash_password(body.password))
    except StorageError:
        raise ApiError(409, "that name is taken; choose another") from None
    return _signed_in(request, response, user)


@router.post("/auth/login", response_model=SignedIn, responses=_ERRORS | BODY_ERRORS)
def sign_in(body: SignIn, request: Request, response: Response) -> SignedIn:
    """Sign in with name and password."""
    found = request.app.state.runtime.store.find_user(body.name)
    user, stored = found if found else (None, None)
    if not verify_password(stored, body.password) or user is None:
        raise ApiError(401, "that name and password don't match")
    return _signed_in(request, response, user)


@router.post("/auth/logout", status_code=204, responses=_ERRORS | BODY_ERRORS)
def sign_out(user: CurrentUser, request: Request, response: Response) -> None:
    """Sign out: the token stops working and the cookie is cleared."""
    token = request_token(request)
    if token:
        revoke_token(request.app.state.runtime.store, token)
    response.delete_cookie(COOKIE, path="/")


@router.get("/users/me", response_model=UserOut, responses=_ERRORS)
def me(user: CurrentUser) -> UserOut:
    """The signed-in user."""
    return UserOut.model_validate(user.model_dump())


@router.get("/users/me/export", responses=_ERRORS)
def export(user: CurrentUser, request: Request) -> dict[str, Any]:
    """Everything stored about the signed-in user, as one JSON document."""
    return request.app.state.runtime.store.export_user(user.id)


@router.delete("/users/me", status_code=204, responses=_ERRORS)
def delete_me(user: CurrentUser, request: Request, response: Response) -> None:
    """Delete the signed-in user and everything they own. This cannot be undone."""
    request.app.state.runtime.store.delete_user(user.id)
    response.delete_cookie(COOKIE, path="/")
