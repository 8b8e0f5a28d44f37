"""Normalise seeker text so that risk patterns see through spelling tricks.

People hide or mangle the words that matter: "k i l l myself", "su1c1de",
"kiiiill", "sucide", "k*ll", accents that may or may not be typed. Patterns are
written once against a canonical form: lower case, no accents, leetspeak and
masking undone, spaced-out letters joined, every run of a repeated letter
squeezed to one letter ("kill" -> "kil"). Each canonical character remembers the
index of the original character it came from, so evidence spans point into the
text the person actually wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Normalized", "normalize", "squeeze_pattern", "squeeze_word"]

_SLANG = {
    "liv": "live",
    "lyfe": "life",
    "ded": "dead",
    "cuttin": "cutting",
    "killin": "killing",
    "dyin": "dying",
    "thinkin": "thinking",
    "abt": "about",
    "ppl": "people",
    "wanna": "want to",
    "gonna": "going to",
    "feelin": "feeling",
    "u": "you",
    "ur": "your",
    "rn": "right now",
}
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_SPECIAL = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "’": "'",
    "‘": "'",
    "`": "'",
}
_TOKEN = re.compile(r"[\w@$*!'’]+")
_LEET_TOKEN = re.compile(r"^(?=.*[a-z])(?=.*[0-9@$!])[a-z0-9@$!']+$")
_REPEATS = re.compile(r"([a-z])\1+")
_SPACED = re.compile(r"\b(?:[a-z][ .\-_]){2,}[a-z]\b")

# Distinctive words whose misspellings and masked forms we repair. Common words
# are left out on purpose: "amuse" must not become "abuse", nor "prison" "poison".
_LEXICON = (
    "suicide suicidal suicidio suicidarme suizid selbstmord kiled kiling myself overdose "
    "overdosed unalive tablets razor noose worthless hopeles tomorow anymore "
    "goodbye abusive wrists lethal fatal unconscious breathing mourir morir suicida "
    "suicidas suicidaire suicidaires suicidarse suicidarte"
).split()


@dataclass(frozen=True)
class Normalized:
    """Canonical text plus, for each of its characters, the original character's index."""

    text: str
    origin: tuple[int, ...]
    source: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical span back to the original message."""
        if not self.origin or end <= start:
            return (0, 0)
        first, last = self.origin[start], self.origin[end - 1] + 1
        while (
            last < len(self.source)
            and self.source[last].isalpha()
            and (self.source[last].lower() == self.source[last - 1].lower())
        ):
            last += 1
        return (first, last)


@lru_cache(maxsize=256)
def normalize(text: str) -> Normalized:
    """Canonicalise a message for matching; see the module docstring for the steps.

    Cached: the rules and the semantic stage both read a message's canonical form.
    """
    folded, origin = _fold(text)
    folded, origin = _edit(folded, origin, _spaced_edits(folded))
    folded, origin = _edit(folded, origin, _token_edits(folded))
    folded, origin = _edit(
        folded, origin, ((m.start() + 1, m.end(), "") for m in _REPEATS.finditer(folded))
    )
    return Normalized(folded, tuple(origin), text)


def squeeze_pattern(pattern: str) -> str:
    """Squeeze repeated letters in a regex source the same way `normalize` does to text.

    Escapes are copied untouched, so `\\bb` keeps its word boundary.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char.isalpha() and out and out[-1] == char:
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _fold(text: str) -> tuple[str, list[int]]:
    """Lower-case and strip accents character by character, keeping origins."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text.lower()):
        if char.isascii():
            kept = char
        elif char in _SPECIAL:
            kept = _SPECIAL[char]
        else:
            kept = (
                "".join(
                    c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
                )
                or char
            )
        chars.append(kept)
        origin.extend([index] * len(kept))
    return "".join(chars), origin


def _edit(text: str, origin: list[int], edits) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping `(start, end, replacement)` edits, spreading origins."""
    pieces: list[str] = []
    origins: list[int] = []
    last = 0
    for start, end, replacement in edits:
        pieces.append(text[last:start])
        origins.extend(origin[last:start])
        span = origin[start:end] or [origin[start - 1] if start else 0]
        pieces.append(replacement)
        origins.extend(
            span[min(k * len(span) // max(len(replacement), 1), len(span) - 1)]
            for k in range(len(replacement))
        )
        last = end
    if last == 0:
        return text, origin
    pieces.append(text[last:])
    origins.extend(origin[last:])
    return "".join(pieces), origins


def _token_edits(text: str):
    """Replace tokens that `_fix_token` changes."""
    for match in _TOKEN.finditer(text):
        token = match.group()
        fixed = _fix_token(token)
        if fixed != token:
            yield match.start(), match.end(), fixed


@lru_cache(maxsize=8192)
def _fix_token(token: str) -> str:
    """Undo leetspeak and masking, then repair near-misses of the risk lexicon."""
    word = token.strip("'!")
    if not word:
        return token
    lead = token[: token.index(word)]
    trail = token[len(lead) + len(word) :]
    if word in _SLANG:
        return lead + _SLANG[word] + trail
    if _LEET_TOKEN.match(word):
        word = word.translate(_LEET)
    if "*" in word and word.strip("*"):
        return lead + _unmask(word) + trail
    return lead + _repair(word) + trail


def _unmask(word: str) -> str:
    pattern = re.compile("^" + re.escape(word).replace(r"\*", "[a-z]{1,2}") + "$")
    squeezed = squeeze_word(word.replace("*", ""))
    for entry in _MASKABLE:
        if pattern.match(entry):
            return entry
    return squeezed


@lru_cache(maxsize=8192)
def _repair(word: str) -> str:
    """Return the lexicon word within one edit of `word` (words of 5+ letters only)."""
    squeezed = squeeze_word(word)
    if len(squeezed) == 4 and squeezed not in _SHORT:
        return next(
            (w for w in _SHORT if sorted(w) == sorted(squeezed) and _within_one_edit(w, squeezed)),
            word,
        )
    if len(squeezed) < 5 or squeezed in _LEXICON_SET or not squeezed.isalpha():
        return word
    for entry in _BY_INITIAL.get(squeezed[0], ()):
        if abs(len(entry) - len(squeezed)) <= 1 and _within_one_edit(squeezed, entry):
            return entry
    return word


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insert, delete, substitute or swap)."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def squeeze_word(word: str) -> str:
    """Collapse runs of one repeated letter, as `normalize` does."""
    return re.sub(r"([a-z])\1+", r"\1", word)


def _spaced_edits(text: str):
    """Join letters spelled out with separators: "k i l l" and "k.i.l.l" become "kill"."""
    for match in _SPACED.finditer(text):
        letters = match.group()[::2]
        if letters not in {"iam", "ia", "aia"}:
            yield match.start(), match.end(), letters


_MASKABLE = (
    *_LEXICON,
    *"kill killing die dead cut cutting hurt rape abuse pills hang self".split(),
)
_LEXICON = tuple(squeeze_word(w) for w in _LEXICON)
_LEXICON_SET = frozenset(_LEXICON)
_SHORT = frozenset("want dead life self pils die".split())
"""Short words repaired only when two letters are swapped ("wnat", "slef")."""
_BY_INITIAL: dict[str, tuple[str, ...]] = {}
for _entry in _LEXICON:
    _BY_INITIAL[_entry[0]] = (*_BY_INITIAL.get(_entry[0], ()), _entry)
