"""The seeker's persona facts, in the shared database, editable and deletable by them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from warmline.errors import NotFoundError
from warmline.perceive import PersonaFact, PersonaKind
from warmline.storage import ConversationStore, PersonaFactRow, utcnow

__all__ = ["PersonaStore", "StoredFact"]


class StoredFact(PersonaFact):
    """A persona fact as stored, with its id and when it was learned or last changed."""

    id: int
    created_at: datetime
    updated_at: datetime

    def as_json(self) -> dict[str, object]:
        """The fact for the per-turn JSON and `warmline memory list`."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "subject": self.subject,
            "value": self.value,
            "text": self.text,
            "confidence": self.confidence,
            "source_message_id": self.source_message_id,
        }


class PersonaStore:
    """Persona facts per user; every call is scoped to one user."""

    def __init__(self, store: ConversationStore) -> None:
        self.store = store

    def list(self, user_id: str) -> list[StoredFact]:
        """A user's facts, most confident first."""
        with self.store.db() as db:
            rows = db.scalars(
                select(PersonaFactRow)
                .where(PersonaFactRow.user_id == user_id)
                .order_by(PersonaFactRow.confidence.desc(), PersonaFactRow.id)
            )
            return [_fact(row) for row in rows]

    def add(self, user_id: str, fact: PersonaFact) -> StoredFact:
        """Store a fact, or raise the confidence of the same fact already known."""
        with self.store.db() as db:
            row = db.scalar(
                select(PersonaFactRow).where(
                    PersonaFactRow.user_id == user_id,
                    PersonaFactRow.kind == fact.kind.value,
                    PersonaFactRow.subject == fact.subject,
                    func.lower(PersonaFactRow.value) == (fact.value or "").lower(),
                )
            )
            if row is None:
                row = PersonaFactRow(
                    user_id=user_id,
                    kind=fact.kind.value,
                    subject=fact.subject,
                    value=fact.value or "",
                    source_message_id=fact.source_message_id,
                    confidence=fact.confidence,
                )
                db.add(row)
            elif fact.confidence > row.confidence:
                row.confidence = fact.confidence
                row.updated_at = utcnow()
            db.commit()
            return _fact(row)

    def edit(self, user_id: str, fact_id: int, value: str) -> StoredFact:
        """Correct a fact's value; the user's word makes it certain."""
        with self.store.db() as db:
            row = self._owned(db, user_id, fact_id)
            row.value = value
            row.confidence = 1.0
            row.updated_at = utcnow()
            db.commit()
            return _fact(row)

    def delete(self, user_id: str, fact_id: int) -> None:
        """Delete one fact of this user."""
        with self.store.db() as db:
            db.delete(self._owned(db, user_id, fact_id))
            db.commit()

    def clear(self, user_id: str) -> int:
        """Delete all of a user's facts; returns how many there were."""
        with self.store.db() as db:
            count = db.execute(delete(PersonaFactRow).where(PersonaFactRow.user_id == user_id))
            db.commit()
            return count.rowcount

    @staticmethod
    def _owned(db: Session, user_id: str, fact_id: int) -> PersonaFactRow:
        row = db.get(PersonaFactRow, fact_id)
        if row is None or row.user_id != user_id:
            raise NotFoundError(f"no persona fact {fact_id}")
        return row


def _fact(row: PersonaFactRow) -> StoredFact:
    return StoredFact(
        id=row.id,
        kind=PersonaKind(row.kind),
        subject=row.subject or row.kind,
        value=row.value or None,
        source_message_id=row.source_message_id,
        confidence=row.confidence,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
