import pytest

from warmline.perceive import PersonaKind, extract_persona


def facts(message: str) -> set[tuple[str, str, str | None]]:
    return {(f.kind.value, f.subject, f.value) for f in extract_persona(message, 7)}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "My dog Biscuit is sick and my sister Maya is helping.",
            {("pet", "dog", "Biscuit"), ("person", "sister", "Maya")},
        ),
        ("Please call me Sam.", {("name", "name", "Sam")}),
        ("my name is Ana", {("name", "name", "Ana")}),
        ("my cat named Luna died", {("pet", "cat", "Luna")}),
        ("my boyfriend, Tom, left me", {("person", "boyfriend", "Tom")}),
        ("I work as a nurse at the hospital", {("job", "job", "a nurse")}),
        ("I'm a software engineer", {("job", "job", "a software engineer")}),
        ("I'm studying physics because I love it", {("school", "school", "physics")}),
        ("I'm a junior at Ohio State", {("school", "school", "a junior at Ohio State")}),
        ("I really love painting landscapes", {("preference", "likes", "painting landscapes")}),
        ("Going for a run has always helped me", {("helped", "helped", "Going for a run")}),
        ("my mom is angry", {("person", "mom", None)}),
        ("I like that idea", set()),
        ("I feel sad today", set()),
    ],
)
def test_persona_facts(message: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert facts(message) == expected


def test_facts_carry_provenance_confidence_and_readable_text() -> None:
    [fact] = extract_persona("call me Jo", 42)
    assert fact.kind is PersonaKind.NAME and fact.source_message_id == 42
    assert fact.confidence > 0.9 and fact.text == "wants to be called Jo"
    [unnamed] = extract_persona("my brother shouted at me")
    assert unnamed.value is None and unnamed.confidence < 0.9
    assert unnamed.text == "has a brother"
