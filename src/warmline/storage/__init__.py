"""Storage: users, sessions, messages and what the supporter remembers, in one database."""

from warmline.storage._schema import (
    AuthToken,
    Base,
    MemoryRow,
    MessageRow,
    PersonaFactRow,
    SafetyEventRow,
    SessionRow,
    UserRow,
    utcnow,
)
from warmline.storage._store import ConversationStore, MessageRecord, SessionRecord, UserRecord

__all__ = [
    "AuthToken",
    "Base",
    "ConversationStore",
    "MemoryRow",
    "MessageRecord",
    "MessageRow",
    "PersonaFactRow",
    "SafetyEventRow",
    "SessionRecord",
    "SessionRow",
    "UserRecord",
    "UserRow",
    "utcnow",
]
