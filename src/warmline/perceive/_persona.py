"""Facts seekers state about themselves, with where they said it and how sure we are.

PAL (Cheng et al. 2023) shows that support improves when the supporter keeps a
persona of the seeker. Seekers state such facts in fixed shapes ("call me Sam",
"my dog Biscuit", "I work as a nurse"), so patterns recover them precisely and
explainably; each fact keeps the message it came from so the user can see,
edit and delete it.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, Field

__all__ = ["PersonaFact", "PersonaKind", "extract_persona"]


class PersonaKind(StrEnum):
    """What a persona fact is about."""

    NAME = "name"
    PERSON = "person"
    PET = "pet"
    JOB = "job"
    SCHOOL = "school"
    PREFERENCE = "preference"
    HELPED = "helped"


class PersonaFact(BaseModel):
    """One thing the seeker said about themselves."""

    kind: PersonaKind
    subject: str
    """What the fact is about: 'name', a relation ('sister', 'dog'), 'job', 'likes'."""
    value: str | None
    """The fact itself ('Maya', 'nurse'); None for a relation mentioned without a name."""
    source_message_id: int | None = None
    """The message the fact was taken from, for provenance."""
    confidence: float = Field(ge=0.0, le=1.0)

    @property
    def text(self) -> str:
        """The fact as a short sentence for prompts and listings."""
        templates = {
            PersonaKind.NAME: "wants to be called {value}",
            PersonaKind.PERSON: "has a {subject} named {value}",
            PersonaKind.PET: "has a {subject} named {value}",
            PersonaKind.JOB: "works as {value}",
            PersonaKind.SCHOOL: "studies {value}",
            PersonaKind.PREFERENCE: "{subject} {value}",
            PersonaKind.HELPED: "was helped before by {value}",
        }
        if self.value is None:
            return f"has a {self.subject}"
        if self.value.split()[0].lower() in ("a", "an"):  # "a nurse", "a junior at Yale"
            return f"is {self.value}"
        return templates[self.kind].format(subject=self.subject, value=self.value)


_PETS = r"dog|puppy|cat|kitten|bird|parrot|hamster|rabbit|bunny|horse|pony|fish|turtle|guinea pig"
_PEOPLE = (
    r"sister|brother|mom|mum|mother|dad|father|wife|husband|boyfriend|girlfriend|partner"
    r"|fianc[eé]e?|best friend|friend|son|daughter|boss|roommate|grandma|grandmother|grandpa"
    r"|grandfather|aunt|uncle|cousin|coworker|colleague|therapist|teacher|neighbou?r|baby"
)
_NOT_NAMES = {"I", "And", "But", "So", "The", "He", "She", "They", "It", "Is", "Was", "Has"}
_NAME = r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
_RELATION = re.compile(
    rf"\bmy (?:(?:little|older|younger|big|old|new|late|ex|best) )?(?P<rel>{_PETS}|{_PEOPLE})\b"
    rf"(?:,? (?:named|called|whose name is) {_NAME}|,? {_NAME.replace('name', 'bare')}\b)?",
    re.IGNORECASE,
)
_PATTERNS: list[tuple[PersonaKind, str, re.Pattern[str], float]] = [
    (PersonaKind.NAME, "name", re.compile(rf"\b(?:please )?call me {_NAME}"), 0.95),
    (PersonaKind.NAME, "name", re.compile(rf"\bmy name(?:'s| is) {_NAME}", re.I), 0.9),
    (
        PersonaKind.JOB,
        "job",
        re.compile(
            r"\bi (?:work|am working) as (?P<v>an? [\w ]+?)(?=[.,!?;]| and| but| at|$)", re.I
        ),
        0.85,
    ),
    (
        PersonaKind.JOB,
        "job",
        re.compile(
            r"\bi(?:'m| am) (?P<v>an? (?:\w+ )?(?:nurse|teacher|engineer|developer|programmer"
            r"|doctor|lawyer|cashier|driver|manager|accountant|designer|chef|cook|waiter"
            r"|waitress|writer|artist|mechanic|electrician|scientist|salesperson|consultant"
            r"|pharmacist|paramedic|firefighter|soldier|officer))\b",
            re.I,
        ),
        0.8,
    ),
    (
        PersonaKind.SCHOOL,
        "school",
        re.compile(
            r"\bi(?:'m| am)? (?:studying|study|majoring in) "
            r"(?P<v>[\w ]+?)(?=[.,!?;]| and| but| because|$)",
            re.I,
        ),
        0.75,
    ),
    (
        PersonaKind.SCHOOL,
        "school",
        re.compile(
            r"\bi(?:'m| am) (?P<v>an? (?:freshman|sophomore|junior|senior|(?:\w+ )?student)"
            r"(?: (?:at|in) [\w ]+?)?)(?=[.,!?;]| and| but|$)",
            re.I,
        ),
        0.75,
    ),
    (
        PersonaKind.HELPED,
        "helped",
        re.compile(
            r"\b(?P<v>(?:talking|going|walking|running|writing|journaling|reading|listening"
            r"|playing|meditat\w*|exercis\w*|yoga|therapy|music|prayer|praying)[\w ]{0,30}?)"
            r" (?:has |have |really |always |usually )*"
            r"(?:helped|helps|calms me|makes me feel better)",
            re.I,
        ),
        0.7,
    ),
    (
        PersonaKind.PREFERENCE,
        "likes",
        re.compile(
            r"\bi (?:really |just )?(?:love|enjoy|like) (?!(?:it|that|this|you|him|her|them)\b)"
            r"(?P<v>[\w ]{3,40}?)(?=[.,!?;]| and| but| because|$)",
            re.I,
        ),
        0.6,
    ),
]


def extract_persona(text: str, source_message_id: int | None = None) -> list[PersonaFact]:
    """Every persona fact stated in one seeker message, most confident first."""
    facts = list(_relations(text, source_message_id))
    for kind, subject, pattern, confidence in _PATTERNS:
        for match in pattern.finditer(text):
            value = match.groupdict().get("name") or match.group("v")
            value = " ".join(value.split())
            if value in _NOT_NAMES:
                continue
            facts.append(
                PersonaFact(
                    kind=kind,
                    subject=subject,
                    value=value,
                    source_message_id=source_message_id,
                    confidence=confidence,
                )
            )
    unique = {(f.kind, f.subject, (f.value or "").lower()): f for f in facts}
    return sorted(unique.values(), key=lambda f: f.confidence, reverse=True)


def _relations(text: str, source_message_id: int | None) -> list[PersonaFact]:
    facts = []
    for match in _RELATION.finditer(text):
        relation = match.group("rel").lower()
        name = match.group("name") or match.group("bare")
        if name in _NOT_NAMES or (name and not name[0].isupper()):
            name = None
        kind = PersonaKind.PET if re.fullmatch(_PETS, relation) else PersonaKind.PERSON
        facts.append(
            PersonaFact(
                kind=kind,
                subject=relation,
                value=name,
                source_message_id=source_message_id,
                confidence=0.9 if name else 0.5,
            )
        )
    return facts
