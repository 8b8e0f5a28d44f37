import pytest

from warmline.perceive import classify_problem, extract_cause, update_problem
from warmline.types import SeekerState


@pytest.mark.parametrize(
    ("message", "cause"),
    [
        (
            "I am so stressed because I lost my job last week, and I can't pay rent.",
            "I lost my job last week",
        ),
        ("I feel sad since my girlfriend broke up with me.", "my girlfriend broke up with me"),
        ("After my dad passed away I stopped sleeping", "my dad passed away I stopped sleeping"),
        ("My dog Biscuit is sick and my sister Maya is helping.", "My dog Biscuit is sick"),
        ("I'm worried about my exams next month", "my exams next month"),
        ("I lost my job", "I lost my job"),
        ("hi there", None),
        ("yes", None),
    ],
)
def test_cause_phrases_come_in_the_seekers_words(message: str, cause: str | None) -> None:
    assert extract_cause(message) == cause


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("my boss fired me today", "job crisis"),
        ("I'm worried about my exams", "academic pressure"),
        ("my boyfriend cheated on me", "breakup with partner"),
        ("my best friend stopped talking to me", "problems with friends"),
        ("my grandmother passed away", "grief and loss"),
        ("my dog is sick and at the vet", "health"),
        ("thanks", None),
    ],
)
def test_problem_types(message: str, problem: str | None) -> None:
    assert classify_problem(message) == problem


def test_the_summary_keeps_what_was_learned_across_short_replies() -> None:
    state = update_problem(SeekerState(), "I'm upset because my boss yelled at me")
    state = update_problem(state, "yes")
    state = update_problem(state, "and after my partner left I have nobody")
    assert state.problem_type == "breakup with partner"
    assert state.causes == ["my boss yelled at me", "my partner left I have nobody"]
    assert state.problem_summary == (
        "breakup with partner: my boss yelled at me; my partner left I have nobody"
    )
