"""Tidy a generated reply and reject output that is not a usable reply."""

from __future__ import annotations

import re

__all__ = ["clean_reply", "is_usable"]

_PREFIX = re.compile(r"^\s*(?:supporter|assistant|warmline|reply|response)\s*:\s*", re.IGNORECASE)
_NOTE_LEAK = re.compile(r"supporter note|\bstrategy:\s|\bstage:\s", re.IGNORECASE)


def clean_reply(text: str) -> str:
    """Strip role prefixes, stray quotes and whitespace a small model may add."""
    text = _PREFIX.sub("", text.strip())
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def is_usable(text: str) -> bool:
    """Whether a reply is real text a seeker can read: letters, not a leaked note or a loop."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 8 or letters < 0.5 * len(text.replace(" ", "")):
        return False
    if _NOTE_LEAK.search(text):
        return False
    words = text.lower().split()
    return len(words) < 12 or len(set(words)) > 0.3 * len(words)
