"""What the distress is about: trigger phrases, a problem type, and a running summary.

Seekers name causes in a few stock shapes ("because ...", "since ...", "after my
...", "I lost my job", "worried about ..."), so patterns find the phrase with
its own words, which a planner can quote back. The problem type uses ESConv's
categories (plus grief and health, common outside it) from keywords: cheap,
transparent and good enough to steer strategy.
"""

from __future__ import annotations

import re

from warmline.types import SeekerState

__all__ = ["classify_problem", "extract_cause", "summarize", "update_problem"]

_CLAUSE_END = (
    r"(?=[.!?;]|,\s*(?:but|and|so)\b|\s+but\b|\s+so\s+i\b"
    r"|\s+and\s+(?:my|i|it|she|he|they|now)\b|$)"
)
_CAUSE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bbecause(?: of)?\s+(?P<cause>.+?)" + _CLAUSE_END,
        r"(?:^|[,.]\s*)since\s+(?P<cause>(?:my|i|the|he|she|they|we|our|it)\b.+?)" + _CLAUSE_END,
        r"\bafter\s+(?P<cause>(?:my|i|the|he|she|they|we|our|losing|being)\b.+?)" + _CLAUSE_END,
        r"\b(?P<cause>i (?:just )?(?:lost|failed|got (?:fired|laid off|dumped|rejected|divorced))"
        r"\b.*?)" + _CLAUSE_END,
        r"\b(?P<cause>(?:my|our) [\w' ]{1,30}? (?:died|passed away|left me|broke up with me"
        r"|cheated(?: on me)?|is sick|is ill|got sick|fired me|yelled at me"
        r"|is in (?:the )?hospital)"
        r"\b.*?)" + _CLAUSE_END,
        r"\b(?:worried|anxious|stressed|scared|nervous|upset|sad|angry|mad|ashamed|afraid)"
        r" (?:about|of|over|that)\s+(?P<cause>.+?)" + _CLAUSE_END,
        r"\b(?:problems?|issues?|trouble|struggling|difficult(?:y|ies)?) with\s+(?P<cause>.+?)"
        + _CLAUSE_END,
    )
]
_MAX_CAUSE_WORDS = 14

_PROBLEM_KEYWORDS: dict[str, tuple[str, ...]] = {
    "job crisis": (
        "job",
        "work",
        "boss",
        "fired",
        "laid off",
        "unemploy",
        "career",
        "coworker",
        "colleague",
        "salary",
        "interview",
        "promotion",
    ),
    "breakup with partner": (
        "boyfriend",
        "girlfriend",
        "partner",
        "broke up",
        "break up",
        "breakup",
        r"my ex\b",
        "divorce",
        "husband",
        "wife",
        "cheat",
        "relationship",
    ),
    "academic pressure": (
        "exam",
        "school",
        "college",
        "university",
        "class",
        "grade",
        "study",
        "studies",
        "homework",
        "professor",
        "teacher",
        "thesis",
        "semester",
    ),
    "grief and loss": ("died", "passed away", "death", "funeral"),
    "problems with friends": ("friend",),
    "conflict with parents": ("parents", "my mom", "my dad", "my mother", "my father"),
    "health": ("sick", "ill", "hospital", "vet", "doctor", "diagnos", "pain", "covid"),
    "sleep problems": ("sleep", "insomnia", "nightmare"),
    "ongoing depression": ("depress", "hopeless", "empty", "worthless", "no motivation"),
}


def extract_cause(text: str) -> str | None:
    """The phrase naming what the distress is about, in the seeker's words, if any."""
    for pattern in _CAUSE_PATTERNS:
        match = pattern.search(text)
        if match:
            words = match.group("cause").strip(" ,'\"").split()
            if len(words) >= 2 or (words and match.re is not _CAUSE_PATTERNS[0]):
                return " ".join(words[:_MAX_CAUSE_WORDS])
    return None


def classify_problem(text: str) -> str | None:
    """The problem category whose keywords occur most in the text, if any."""
    lowered = text.lower()
    counts = {
        kind: sum(len(re.findall(rf"\b{k}", lowered)) for k in keywords)
        for kind, keywords in _PROBLEM_KEYWORDS.items()
    }
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def summarize(problem_type: str | None, causes: list[str]) -> str | None:
    """A one-line problem summary for prompts and the per-turn JSON."""
    if not causes and problem_type is None:
        return None
    kind = problem_type or "a problem"
    return f"{kind}: {'; '.join(causes)}" if causes else kind


def update_problem(state: SeekerState, message: str, keep: int = 3) -> SeekerState:
    """Fold a new seeker message into the session's cause, problem type and summary.

    The problem type only changes when the new message names one, so a short
    reply ("yes, it is") does not erase what was learned earlier.
    """
    cause = extract_cause(message)
    causes = list(state.causes)
    if cause and cause.lower() not in {c.lower() for c in causes}:
        causes = [*causes, cause][-keep:]
    problem_type = classify_problem(message) or state.problem_type
    return state.model_copy(
        update={
            "cause": cause or state.cause,
            "causes": causes,
            "problem_type": problem_type,
            "problem_summary": summarize(problem_type, causes),
        }
    )
