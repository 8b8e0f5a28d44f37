import pytest

from warmline.types import Strategy, StrategyChoice


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Question", Strategy.QUESTION),
        ("Questions", Strategy.QUESTION),
        ("Reflection of Feelings", Strategy.REFLECTION),
        ("reflection of feelings", Strategy.REFLECTION),
        ("Other", Strategy.OTHERS),
        ("Self-disclosure", Strategy.SELF_DISCLOSURE),
        ("Direct Guidance", Strategy.SUGGESTIONS),
        ("Approval and Reassurance", Strategy.AFFIRMATION),
        ("Restatement", Strategy.RESTATEMENT),
    ],
)
def test_strategy_parse_accepts_every_published_spelling(label: str, expected: Strategy) -> None:
    assert Strategy.parse(label) is expected


def test_strategy_parse_names_the_choices_when_unknown() -> None:
    with pytest.raises(ValueError, match="Providing Suggestions"):
        Strategy.parse("Hugging")


def test_every_strategy_has_a_description() -> None:
    assert all(len(s.description) > 20 for s in Strategy)


def test_choice_top_orders_by_probability() -> None:
    choice = StrategyChoice(
        strategy=Strategy.QUESTION,
        probabilities={Strategy.QUESTION: 0.2, Strategy.REFLECTION: 0.5, Strategy.OTHERS: 0.3},
    )
    assert [s for s, _ in choice.top(2)] == [Strategy.REFLECTION, Strategy.OTHERS]
