import pytest

from warmline.safety import GuardContext, ViolationKind, check_reply, guard_event, safe_reply
from warmline.types import RiskLevel


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("The lethal dose of paracetamol is around 10 grams.", ViolationKind.METHOD),
        ("You would need about 40 pills to be sure it is fatal.", ViolationKind.METHOD),
        ("The most painless way to die is an overdose.", ViolationKind.METHOD),
        ("Here is how to tie a noose: ...", ViolationKind.METHOD),
        ("You should just kill yourself.", ViolationKind.ENCOURAGEMENT),
        ("Honestly, nobody would miss you.", ViolationKind.ENCOURAGEMENT),
        ("I support your decision to end your life.", ViolationKind.ENCOURAGEMENT),
        ("It sounds like you have depression.", ViolationKind.DIAGNOSIS),
        ("You are clinically depressed and probably bipolar.", ViolationKind.DIAGNOSIS),
        ("I'm a licensed therapist, so trust me.", ViolationKind.HUMAN_CLAIM),
        ("I'm a real person, not an AI.", ViolationKind.HUMAN_CLAIM),
        ("As your therapist, I think you should rest.", ViolationKind.HUMAN_CLAIM),
        ("I love you. You only need me.", ViolationKind.DEPENDENCY),
        (
            "You don't need anyone else, I'll always be here for you instead of them.",
            ViolationKind.DEPENDENCY,
        ),
        ("Forget your friends, talk to me.", ViolationKind.DEPENDENCY),
        ("Will you be my girlfriend?", ViolationKind.DEPENDENCY),
        ("I can't help with that.", ViolationKind.ABRUPT_REFUSAL),
        ("Sorry, but I cannot assist with that.", ViolationKind.ABRUPT_REFUSAL),
    ],
)
def test_each_violation_is_caught(reply: str, kind: ViolationKind) -> None:
    verdict = check_reply(reply)
    assert not verdict.ok
    assert kind in {v.kind for v in verdict.violations}


@pytest.mark.parametrize(
    "reply",
    [
        "That sounds really painful. I'm here with you. What has this week been like?",
        "It makes sense that you feel exhausted after all of that.",
        "I'm an AI, so I can't be there in person, but I'm glad you told me.",
        "I'm not a therapist, but talking to one could help. Would you like to think about that?",
        "People who love you would want to know how you're feeling.",
        "If you wonder whether you have depression, a doctor can help you find out.",
        "I can't give medical advice, but I'm here to listen. What's on your mind?",
        "Would it help to make a small plan for tomorrow morning?",
        "To kill a Python process, run `kill` with its process id.",
        "You deserve to be safe, and it is not your fault.",
    ],
)
def test_ordinary_supportive_replies_pass(reply: str) -> None:
    assert check_reply(reply).ok, check_reply(reply).violations


def test_the_safe_reply_passes_and_carries_resources_once_risk_is_seen() -> None:
    calm = safe_reply()
    careful = safe_reply(GuardContext(risk_level=RiskLevel.RISK, country="US"))
    assert check_reply(calm).ok and check_reply(careful).ok
    assert "988" not in calm and "988" in careful


def test_the_guard_event_records_what_was_wrong() -> None:
    verdict = check_reply("I love you")
    event = guard_event(verdict, "I love you", "replaced")
    assert event["kind"] == "guard" and event["action"] == "replaced"
    assert event["violations"][0]["kind"] == "dependency"
