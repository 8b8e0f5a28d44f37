"""Long-term memory across a user's sessions, in the same database as the sessions.

Vector index: embeddings are float32 BLOBs in the `memories` table, searched
per user by brute-force cosine in numpy over a per-process cache. Forgetting
keeps each user under a few hundred memories, where a dot product over even
10,000 x 384 floats takes about a millisecond, so an approximate index
(sqlite-vec, pgvector) would add a native extension and two code paths for no
gain. The same code runs on SQLite and PostgreSQL.

A recall costs two indexed queries: the user's memories newer than the cache
(added by any process; usually none) and the chosen rows by primary key (a
memory deleted elsewhere is never shown; the cache is rebuilt). Reinforcement
counts are written with the next memory added, not on every recall, so
recalling never waits for a disk sync.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

import numpy as np
from pydantic import BaseModel
from sqlalchemy import delete, func, select, update

from warmline.errors import NotFoundError
from warmline.memory._encoder import Encoder, default_encoder
from warmline.memory._policy import (
    EMOTION_CODES,
    MemoryPolicy,
    congruence,
    importance,
    strength,
)
from warmline.storage import ConversationStore, MemoryRow, utcnow
from warmline.types import Emotion

__all__ = ["MemoryRecord", "MemoryStore", "RetrievedMemory"]


class MemoryRecord(BaseModel):
    """A stored memory, without its embedding."""

    id: int
    user_id: str
    session_id: str | None
    message_id: int | None
    kind: str
    text: str
    emotion: str | None
    arousal: float
    importance: float
    access_count: int
    created_at: datetime
    last_accessed_at: datetime


class RetrievedMemory(BaseModel):
    """A memory recalled for the current message, with why it scored as it did."""

    id: int
    text: str
    session_id: str | None
    score: float
    similarity: float
    emotion: str | None

    def as_json(self) -> dict[str, Any]:
        """The memory as shown in the per-turn JSON."""
        return {
            "id": self.id,
            "text": self.text,
            "session": self.session_id,
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
        }


@dataclass
class _Index:
    """One user's memories as arrays, for vectorised scoring."""

    newest: int
    ids: np.ndarray
    vectors: np.ndarray
    emotions: np.ndarray
    """Emotion codes (EMOTION_CODES; -1 for none)."""
    base: np.ndarray
    last_recalled: np.ndarray
    recalls: np.ndarray
    sessions: np.ndarray

    @classmethod
    def of(cls, rows: Sequence[Any]) -> _Index:
        """An index of memory rows, oldest first."""
        return cls(
            newest=rows[-1].id,
            ids=np.array([r.id for r in rows], dtype=np.int64),
            vectors=np.stack([np.frombuffer(r.embedding, dtype=np.float32) for r in rows]),
            emotions=np.array([EMOTION_CODES.get(r.emotion or "", -1) for r in rows]),
            base=np.array([r.importance for r in rows], dtype=np.float64),
            last_recalled=np.array([_epoch(r.last_accessed_at) for r in rows]),
            recalls=np.array([r.access_count for r in rows], dtype=np.float64),
            sessions=np.array([r.session_id or "" for r in rows], dtype=object),
        )

    def extended(self, newer: _Index) -> _Index:
        """This index followed by newer memories."""
        arrays = {
            f.name: np.concatenate([getattr(self, f.name), getattr(newer, f.name)])
            for f in fields(self)
            if f.name != "newest"
        }
        return _Index(newest=newer.newest, **arrays)


class MemoryStore:
    """Add, recall, forget, list and delete one user's memories; never across users."""

    def __init__(
        self,
        store: ConversationStore,
        encoder: Encoder | None = None,
        policy: MemoryPolicy | None = None,
    ) -> None:
        self.store = store
        self.policy = policy or MemoryPolicy()
        self._encoder = encoder
        self._indexes: dict[str, _Index] = {}
        self._pending: dict[int, int] = {}
        """Recalls not yet written: memory id -> times recalled."""

    @property
    def encoder(self) -> Encoder:
        """The sentence encoder, loaded on first use."""
        if self._encoder is None:
            self._encoder = default_encoder()
        return self._encoder

    def add(
        self,
        user_id: str,
        text: str,
        *,
        session_id: str | None = None,
        message_id: int | None = None,
        kind: str = "event",
        emotion: Emotion | None = None,
        arousal: float = 0.0,
        salient: bool = False,
    ) -> MemoryRecord:
        """Store a memory, then forget the weakest if the user is over budget."""
        self.flush()
        vector = self.encoder.encode([text])[0].astype(np.float32)
        row = MemoryRow(
            user_id=user_id,
            session_id=session_id,
            message_id=message_id,
            kind=kind,
            text=text,
            embedding=vector.tobytes(),
            emotion=emotion.value if emotion else None,
            arousal=arousal,
            importance=importance(arousal, salient),
        )
        with self.store.db() as db:
            db.add(row)
            db.commit()
            record = _record(row)
        self.forget(user_id)
        return record

    def retrieve(
        self,
        user_id: str,
        query: str,
        *,
        emotion: Emotion | None = None,
        k: int = 3,
        exclude_session: str | None = None,
    ) -> list[RetrievedMemory]:
        """The k memories of this user most worth recalling for `query`, best first.

        Recalled memories are reinforced (LUFY): their recall count rises and
        their decay clock restarts.
        """
        for _attempt in range(2):  # a second pass only if a memory vanished meanwhile
            index = self._index(user_id)
            if index is None:
                return []
            chosen, scores, similarity = self._rank(index, query, emotion, k, exclude_session)
            rows = self._rows(user_id, index.ids[chosen].tolist())
            if len(rows) == len(chosen):
                break
            self._indexes.pop(user_id, None)
        # A memory deleted during both passes is left out.
        chosen = np.array([i for i in chosen if int(index.ids[i]) in rows], dtype=np.intp)
        self._reinforce(index, chosen)
        return [
            RetrievedMemory(
                id=int(index.ids[i]),
                text=rows[int(index.ids[i])].text,
                session_id=rows[int(index.ids[i])].session_id,
                score=float(scores[i]),
                similarity=float(similarity[i]),
                emotion=rows[int(index.ids[i])].emotion,
            )
            for i in chosen
        ]

    def _rank(
        self,
        index: _Index,
        query: str,
        emotion: Emotion | None,
        k: int,
        exclude_session: str | None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # einsum, not `@`: a threaded BLAS matrix-vector product is 10x slower on a busy CPU.
        similarity = np.einsum("ij,j->i", index.vectors, self.encoder.encode([query])[0])
        policy = self.policy
        scores = (
            policy.semantic_weight * similarity
            + policy.emotion_weight * congruence(emotion, index.emotions)
            + policy.strength_weight
            * strength(index.base, index.last_recalled, index.recalls, time.time(), policy)
        )
        eligible = similarity >= policy.min_similarity
        if exclude_session is not None:
            eligible &= index.sessions != exclude_session
        candidates = np.flatnonzero(eligible)
        return candidates[np.argsort(-scores[candidates], kind="stable")[:k]], scores, similarity

    def flush(self) -> None:
        """Write pending recall counts (reinforcement) to the database."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        with self.store.db() as db:
            for times, ids in _group_by_value(pending).items():
                db.execute(
                    update(MemoryRow)
                    .where(MemoryRow.id.in_(ids))
                    .values(access_count=MemoryRow.access_count + times, last_accessed_at=utcnow())
                )
            db.commit()

    def forget(self, user_id: str, budget: int | None = None) -> int:
        """Delete the user's weakest memories beyond `budget`; returns how many went."""
        budget = self.policy.budget if budget is None else budget
        self.flush()
        index = self._index(user_id)
        if index is not None and len(index.ids) > budget:  # recount without any gone elsewhere
            self._indexes.pop(user_id)
            index = self._index(user_id)
        if index is None or len(index.ids) <= budget:
            return 0
        now = time.time()
        kept_strength = strength(index.base, index.last_recalled, index.recalls, now, self.policy)
        weakest = index.ids[np.argsort(kept_strength, kind="stable")[: len(index.ids) - budget]]
        with self.store.db() as db:
            db.execute(delete(MemoryRow).where(MemoryRow.id.in_(weakest.tolist())))
            db.commit()
        self._indexes.pop(user_id, None)
        return len(weakest)

    def list(self, user_id: str) -> list[MemoryRecord]:
        """A user's memories, newest first."""
        with self.store.db() as db:
            rows = db.scalars(
                select(MemoryRow).where(MemoryRow.user_id == user_id).order_by(MemoryRow.id.desc())
            )
            return [_record(row) for row in rows]

    def count(self, user_id: str) -> int:
        """How many memories a user has."""
        with self.store.db() as db:
            return db.scalar(select(func.count()).where(MemoryRow.user_id == user_id)) or 0

    def delete(self, user_id: str, memory_id: int) -> None:
        """Delete one memory of this user; another user's memory is reported as not found."""
        with self.store.db() as db:
            row = db.get(MemoryRow, memory_id)
            if row is None or row.user_id != user_id:
                raise NotFoundError(f"no memory {memory_id}")
            db.delete(row)
            db.commit()
        self._indexes.pop(user_id, None)

    def clear(self, user_id: str) -> int:
        """Delete all of a user's memories; returns how many there were."""
        with self.store.db() as db:
            result = db.execute(delete(MemoryRow).where(MemoryRow.user_id == user_id))
            db.commit()
        self._indexes.pop(user_id, None)
        return result.rowcount

    def _index(self, user_id: str) -> _Index | None:
        """The user's index, brought up to date with one query for memories newer than it."""
        cached = self._indexes.get(user_id)
        with self.store.db() as db:
            rows = db.execute(
                select(
                    MemoryRow.id,
                    MemoryRow.embedding,
                    MemoryRow.emotion,
                    MemoryRow.importance,
                    MemoryRow.last_accessed_at,
                    MemoryRow.access_count,
                    MemoryRow.session_id,
                )
                .where(
                    MemoryRow.user_id == user_id,
                    MemoryRow.id > (cached.newest if cached else 0),
                    MemoryRow.embedding.is_not(None),
                )
                .order_by(MemoryRow.id)
            ).all()
        if not rows:
            return cached
        index = _Index.of(rows) if cached is None else cached.extended(_Index.of(rows))
        self._indexes[user_id] = index
        return index

    def _rows(self, user_id: str, ids: list[int]) -> dict[int, MemoryRow]:
        """The chosen memories, re-read by id and owner (never another user's)."""
        if not ids:
            return {}
        with self.store.db() as db:
            rows = db.scalars(
                select(MemoryRow).where(MemoryRow.id.in_(ids), MemoryRow.user_id == user_id)
            )
            return {row.id: row for row in rows}

    def _reinforce(self, index: _Index, chosen: np.ndarray) -> None:
        for memory_id in index.ids[chosen].tolist():
            self._pending[memory_id] = self._pending.get(memory_id, 0) + 1
        index.recalls[chosen] += 1
        index.last_recalled[chosen] = time.time()


def _group_by_value(counts: dict[int, int]) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for key, value in counts.items():
        groups.setdefault(value, []).append(key)
    return groups


def _epoch(moment: datetime) -> float:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _record(row: MemoryRow) -> MemoryRecord:
    return MemoryRecord(
        id=row.id,
        user_id=row.user_id,
        session_id=row.session_id,
        message_id=row.message_id,
        kind=row.kind,
        text=row.text,
        emotion=row.emotion,
        arousal=row.arousal,
        importance=row.importance,
        access_count=row.access_count,
        created_at=row.created_at,
        last_accessed_at=row.last_accessed_at,
    )
