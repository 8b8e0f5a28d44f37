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
    "liv": "live", "lyfe": "life", "ded": "dead", "cuttin": "cutting", "killin": "killing",
    "dyin": "dying", "thinkin": "thinking", "abt": "about", "ppl": "people", "wanna": "want to",
    "gonna": "going to", "feelin": "feeling", "u": "you", "ur": "your", "rn": "right now",
}
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "’": "'", "‘": "'", "`": "'"}
_TOKEN = re.compile(r"[\w@$*!'’]+")
_LEET_TOKEN = re.compile(r"^(?=.*[a-z])(?=.*[0-9@$!])[a-z0-9@$!']+$")
_SPACED = re.compile(r"\b(?:[a-z][ .\-_]){2,}[a-z]\b")

# Distinctive words whose misspellings and masked forms we repair. Common words
# are left out on purpose: "amuse" must not become "abuse", nor "prison" "poison".
_LEXICON = (
    "suicide suicidal suicidio suicidarme suizid selbstmord kiled kiling myself overdose "
    "overdosed unalive tablets razor noose worthless hopeles tomorow anymore "
    "goodbye abusive wrists lethal fatal unconscious breathing mourir morir suicida "
    "suicidas suicidaire suicidaires"
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
        while last < len(self.source) and self.source[last].isalpha() and (
            self.source[last].lower() == self.source[last - 1].lower()
        ):
            last += 1
        return (first, last)


def normalize(text: str) -> Normalized:
    """Canonicalise a message for matching; see the module docstring for the steps."""
    chars = _fold(text)
    chars = _join_spaced(chars)
    chars = _map_tokens(chars, _fix_token)
    chars = _squeeze(chars)
    return Normalized("".join(c for c, _ in chars), tuple(i for _, i in chars), text)


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


def _fold(text: str) -> list[tuple[str, int]]:
    """Lower-case and strip accents character by character, keeping origins."""
    out: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        low = char.lower()
        if low in _SPECIAL:
            out.extend((c, index) for c in _SPECIAL[low])
            continue
        base = unicodedata.normalize("NFKD", low)
        kept = "".join(c for c in base if not unicodedata.combining(c)) or low
        out.extend((c, index) for c in kept)
    return out


def _map_tokens(chars: list[tuple[str, int]], fix) -> list[tuple[str, int]]:
    """Apply `fix` to every token, spreading each token's origins over its new letters."""
    text = "".join(c for c, _ in chars)
    out: list[tuple[str, int]] = []
    last = 0
    for match in _TOKEN.finditer(text):
        out.extend(chars[last : match.start()])
        token = match.group()
        fixed = fix(token)
        if fixed == token:
            out.extend(chars[match.start() : match.end()])
        else:
            origins = [i for _, i in chars[match.start() : match.end()]]
            for k, c in enumerate(fixed):
                out.append((c, origins[min(k * len(origins) // max(len(fixed), 1), len(origins) - 1)]))
        last = match.end()
    out.extend(chars[last:])
    return out


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


@lru_cache(maxsize=4096)
def _repair(word: str) -> str:
    """Return the lexicon word within one edit of `word` (words of 5+ letters only)."""
    squeezed = squeeze_word(word)
    if len(squeezed) == 4 and squeezed not in _SHORT:
        return next((w for w in _SHORT if sorted(w) == sorted(squeezed) and _within_one_edit(w, squeezed)), word)
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
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def squeeze_word(word: str) -> str:
    """Collapse runs of one repeated letter, as `normalize` does."""
    return re.sub(r"([a-z])\1+", r"\1", word)


def _join_spaced(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join letters spelled out with separators: "k i l l" and "k.i.l.l" become "kill"."""
    text = "".join(c for c, _ in chars)
    drop: set[int] = set()
    for match in _SPACED.finditer(text):
        letters = match.group()[::2]
        if letters in {"iam", "ia", "aia"}:
            continue
        drop.update(range(match.start() + 1, match.end(), 2))
    return [pair for k, pair in enumerate(chars) if k not in drop]


def _squeeze(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Collapse every run of one repeated letter to a single letter."""
    out: list[tuple[str, int]] = []
    for char, origin in chars:
        if out and char.isalpha() and out[-1][0] == char:
            continue
        out.append((char, origin))
    return out


_MASKABLE = (*_LEXICON, *"kill killing die dead cut cutting hurt rape abuse pills hang self".split())
_LEXICON = tuple(squeeze_word(w) for w in _LEXICON)
_LEXICON_SET = frozenset(_LEXICON)
_SHORT = frozenset("want dead life self pils die".split())
"""Short words repaired only when two letters are swapped ("wnat", "slef")."""
_BY_INITIAL: dict[str, tuple[str, ...]] = {}
for _entry in _LEXICON:
    _BY_INITIAL[_entry[0]] = (*_BY_INITIAL.get(_entry[0], ()), _entry)
