"""The conversation store: one owner of the schema, every query scoped by user.

Messages are committed one by one, the moment they exist, so a crash in the
middle of a turn loses nothing the seeker already sent. SQLite runs in WAL
mode (a commit survives any crash of the process); PostgreSQL works the same
through its URL.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel
from sqlalchemy import Engine, create_engine, delete, event, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from warmline.errors import NotFoundError, StorageError
from warmline.storage._migrate import upgrade
from warmline.storage._schema import (
    AuthToken,
    MemoryRow,
    MessageRow,
    PersonaFactRow,
    SafetyEventRow,
    SessionRow,
    UserRow,
    utcnow,
)
from warmline.types import ConversationState, Speaker, Strategy, Utterance

__all__ = ["ConversationStore", "MessageRecord", "SessionRecord", "UserRecord"]

_Row = TypeVar("_Row", MessageRow, SafetyEventRow)

Role = Literal["seeker", "supporter"]


class UserRecord(BaseModel):
    """A user, without secrets."""

    id: str
    name: str
    created_at: datetime


class SessionRecord(BaseModel):
    """A conversation and its carried-over state."""

    id: str
    user_id: str
    title: str | None
    state: ConversationState
    created_at: datetime
    updated_at: datetime


class MessageRecord(BaseModel):
    """A stored message."""

    id: int
    session_id: str
    role: Role
    text: str
    analysis: dict[str, Any] | None
    status: str
    created_at: datetime


class ConversationStore:
    """Users, sessions and messages in SQLite (default) or PostgreSQL."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = _engine(url)
        if migrate:
            try:
                upgrade(self.engine)
            except OperationalError as error:
                raise StorageError(
                    f"cannot open the database at {_safe(url)}: {error.orig}"
                ) from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def db(self) -> Session:
        """A new ORM session; other warmline stores (memory) share the engine this way."""
        return self._sessions()

    # users

    def ensure_user(self, name: str) -> UserRecord:
        """The user called `name`, created on first use (the CLI's local users)."""
        with self.db() as db:
            row = db.scalar(select(UserRow).where(UserRow.name == name))
            if row is None:
                row = UserRow(id=uuid.uuid4().hex, name=name)
                db.add(row)
                try:
                    db.commit()
                except IntegrityError:  # created concurrently by another process
                    db.rollback()
                    row = db.scalars(select(UserRow).where(UserRow.name == name)).one()
            return _user(row)

    def create_user(self, name: str, password_hash: str | None = None) -> UserRecord:
        """Create a user; raises StorageError when the name is taken."""
        with self.db() as db:
            row = UserRow(id=uuid.uuid4().hex, name=name, password_hash=password_hash)
            db.add(row)
            try:
                db.commit()
            except IntegrityError:
                raise StorageError(f"the name {name!r} is already taken") from None
            return _user(row)

    def find_user(self, name: str) -> tuple[UserRecord, str | None] | None:
        """A user and their password hash, for signing in."""
        with self.db() as db:
            row = db.scalar(select(UserRow).where(UserRow.name == name))
            return None if row is None else (_user(row), row.password_hash)

    def get_user(self, user_id: str) -> UserRecord:
        """The user with this id."""
        with self.db() as db:
            row = db.get(UserRow, user_id)
            if row is None:
                raise NotFoundError(f"no user {user_id}")
            return _user(row)

    def delete_user(self, user_id: str) -> None:
        """Delete a user and everything they own (sessions, messages, memories, facts)."""
        with self.db() as db:
            if db.execute(delete(UserRow).where(UserRow.id == user_id)).rowcount == 0:
                raise NotFoundError(f"no user {user_id}")
            db.commit()

    # sign-in tokens (only their sha256 hashes are stored)

    def add_token(self, token_hash: str, user_id: str, expires_at: datetime) -> None:
        """Remember a sign-in token's hash until it expires."""
        with self.db() as db:
            db.add(AuthToken(token_hash=token_hash, user_id=user_id, expires_at=expires_at))
            db.commit()

    def user_for_token(self, token_hash: str) -> UserRecord | None:
        """The user a live token belongs to; None for unknown or expired tokens."""
        with self.db() as db:
            found = db.execute(
                select(UserRow, AuthToken.expires_at)
                .join(AuthToken, AuthToken.user_id == UserRow.id)
                .where(AuthToken.token_hash == token_hash)
            ).first()
            if found is None or _aware(found[1]) <= utcnow():
                return None
            return _user(found[0])

    def delete_token(self, token_hash: str) -> None:
        """Sign a token out; unknown tokens are ignored."""
        with self.db() as db:
            db.execute(delete(AuthToken).where(AuthToken.token_hash == token_hash))
            db.commit()

    # sessions

    def create_session(self, user_id: str, title: str | None = None) -> SessionRecord:
        """Start a new conversation for a user."""
        with self.db() as db:
            row = SessionRow(
                id=uuid.uuid4().hex, user_id=user_id, title=title, state=_dump_state(None)
            )
            db.add(row)
            db.commit()
            return _session(row)

    def get_session(self, session_id: str, user_id: str) -> SessionRecord:
        """A session of this user; someone else's session is reported as not found."""
        with self.db() as db:
            return _session(self._owned(db, session_id, user_id))

    def list_sessions(self, user_id: str) -> list[SessionRecord]:
        """A user's sessions, most recently active first."""
        with self.db() as db:
            rows = db.scalars(
                select(SessionRow)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.updated_at.desc())
            )
            return [_session(row) for row in rows]

    def rename_session(self, session_id: str, user_id: str, title: str) -> SessionRecord:
        """Give a session a title."""
        with self.db() as db:
            row = self._owned(db, session_id, user_id)
            row.title = title
            db.commit()
            return _session(row)

    def delete_session(self, session_id: str, user_id: str) -> None:
        """Delete a session with its messages."""
        with self.db() as db:
            db.delete(self._owned(db, session_id, user_id))
            db.commit()

    # messages

    def add_message(
        self,
        session_id: str,
        role: Role,
        text: str,
        *,
        analysis: dict[str, Any] | None = None,
        status: str = "complete",
    ) -> MessageRecord:
        """Append a message and commit it at once."""
        with self.db() as db:
            row = _append_message(db, session_id, role, text, analysis=analysis, status=status)
            db.commit()
            return _message(row)

    def begin_turn(
        self, session_id: str, user_id: str, text: str
    ) -> tuple[SessionRecord, list[Utterance], MessageRecord]:
        """Load one of the user's sessions and its conversation; commit the seeker's new message.

        One transaction, so a turn starts with a single round trip to the database.
        The conversation comes as the pipeline reads it (speaker, text, strategy),
        so the earlier replies' whole analyses are not decoded every turn.

        Raises:
            NotFoundError: the session does not exist or is someone else's.
        """
        with self.db() as db:
            session = _session(self._owned(db, session_id, user_id))
            strategy = MessageRow.analysis["strategy"].as_string()
            rows = db.execute(
                select(MessageRow.role, MessageRow.text, strategy)
                .where(MessageRow.session_id == session_id)
                .order_by(MessageRow.id)
            )
            history = [_utterance(role, text, strategy) for role, text, strategy in rows]
            row = _append_message(db, session_id, "seeker", text)
            db.commit()
            return session, history, _message(row)

    def finish_turn(
        self,
        session_id: str,
        reply: str,
        *,
        state: ConversationState,
        analysis: dict[str, Any],
        status: str,
        message_id: int,
        events: list[dict[str, Any]],
    ) -> MessageRecord:
        """Commit a turn's reply, the session's new state and its safety events together.

        One transaction: a crash never keeps a reply without the state it produced.
        `events` are recorded against the seeker message `message_id`.
        """
        with self.db() as db:
            row = _append_message(
                db, session_id, "supporter", reply, analysis=analysis, status=status, state=state
            )
            for detail in events:
                db.add(
                    SafetyEventRow(
                        session_id=session_id,
                        kind=detail["kind"],
                        detail=detail,
                        message_id=message_id,
                    )
                )
            db.commit()
            return _message(row)

    def messages(self, session_id: str, user_id: str) -> list[MessageRecord]:
        """A session's messages, oldest first."""
        return [_message(row) for row in self._session_rows(MessageRow, session_id, user_id)]

    def safety_events(self, session_id: str, user_id: str) -> list[dict[str, Any]]:
        """The risk detections and guard interventions of one of the user's sessions, oldest first.

        Raises:
            NotFoundError: the session does not exist or belongs to someone else.
        """
        return [_plain(row) for row in self._session_rows(SafetyEventRow, session_id, user_id)]

    def export_user(self, user_id: str) -> dict[str, Any]:
        """Everything stored about a user, as JSON-ready data."""
        user = self.get_user(user_id)
        with self.db() as db:
            memories = db.scalars(select(MemoryRow).where(MemoryRow.user_id == user_id))
            facts = db.scalars(select(PersonaFactRow).where(PersonaFactRow.user_id == user_id))
            memory_data = [_plain(row, exclude={"embedding"}) for row in memories]
            fact_data = [_plain(row) for row in facts]
        sessions = [
            session.model_dump(mode="json")
            | {
                "messages": [m.model_dump(mode="json") for m in self.messages(session.id, user_id)],
                "safety_events": self.safety_events(session.id, user_id),
            }
            for session in self.list_sessions(user_id)
        ]
        return {
            "user": user.model_dump(mode="json"),
            "sessions": sessions,
            "memories": memory_data,
            "persona": fact_data,
        }

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()

    def _session_rows(self, table: type[_Row], session_id: str, user_id: str) -> list[_Row]:
        """Rows of `table` in one of the user's sessions, oldest first (404 for others')."""
        with self.db() as db:
            self._owned(db, session_id, user_id)
            return _rows_in(db, table, session_id)

    @staticmethod
    def _owned(db: Session, session_id: str, user_id: str) -> SessionRow:
        row = db.get(SessionRow, session_id)
        if row is None or row.user_id != user_id:
            raise NotFoundError(f"no session {session_id}")
        return row


def _rows_in(db: Session, table: type[_Row], session_id: str) -> list[_Row]:
    """Rows of `table` in a session, oldest first (the caller has checked ownership)."""
    return list(db.scalars(select(table).where(table.session_id == session_id).order_by(table.id)))


def _append_message(
    db: Session,
    session_id: str,
    role: Role,
    text: str,
    *,
    analysis: dict[str, Any] | None = None,
    status: str = "complete",
    state: ConversationState | None = None,
) -> MessageRow:
    """Add a message to a session (and its new state, if given), marking the session active."""
    row = MessageRow(session_id=session_id, role=role, text=text, analysis=analysis, status=status)
    db.add(row)
    values: dict[str, Any] = {"updated_at": utcnow()}
    if state is not None:
        values["state"] = _dump_state(state)
    sessions = SessionRow.__table__
    # A table-level UPDATE: the ORM's version would search the session for rows to sync.
    db.execute(update(sessions).where(sessions.c.id == session_id).values(**values))
    db.flush()  # assigns the row's id
    return row


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        if parsed.drivername == "postgresql":
            url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        try:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(f"cannot open the database at {url}: {error.strerror}") from None
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        # WAL + NORMAL: a committed message survives any crash of the process (the OS has it);
        # only a power cut may lose the last commits. FULL would fsync each message (~8 ms).
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")  # deleting a user cascades
        cursor.close()

    return engine


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _dump_state(state: ConversationState | None) -> dict[str, Any]:
    return (state or ConversationState()).model_dump(mode="json")


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes for stored UTC times; read them as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _user(row: UserRow) -> UserRecord:
    return UserRecord(id=row.id, name=row.name, created_at=row.created_at)


def _session(row: SessionRow) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        user_id=row.user_id,
        title=row.title,
        state=ConversationState.model_validate(row.state or {}),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _message(row: MessageRow) -> MessageRecord:
    return MessageRecord(
        id=row.id,
        session_id=row.session_id,
        role=row.role,  # type: ignore[arg-type]
        text=row.text,
        analysis=row.analysis,
        status=row.status,
        created_at=row.created_at,
    )


def _utterance(role: str, text: str, strategy: str | None) -> Utterance:
    return Utterance(
        speaker=Speaker.SEEKER if role == "seeker" else Speaker.SUPPORTER,
        text=text,
        strategy=Strategy(strategy) if strategy else None,
    )


def _plain(row: Any, exclude: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    values = {c.name: getattr(row, c.name) for c in row.__table__.columns if c.name not in exclude}
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}
