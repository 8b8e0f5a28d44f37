"""Whole turns through the supporter with the fake model: crisis text follows the seeker."""

import anyio
import pytest

from warmline._factory import Runtime, open_runtime
from warmline.backends import FakeBackend
from warmline.safety import careful_reminder, missing_elements, resources_for, safe_reply
from warmline.safety._guard import GuardContext
from warmline.types import RiskLevel

REFUSING = "I can't help with that."
CRISES = {
    "es": "Ya no puedo más. Quiero quitarme la vida.",
    "fr": "Je n'en peux plus, je veux mourir.",
    "de": "Ich kann nicht mehr. Ich will mich umbringen.",
}
ENGLISH_ONLY = ("I'm an AI", "Thank you", "You can talk to someone", "I'm here")


def start(backend: FakeBackend) -> tuple[Runtime, str, str]:
    runtime = open_runtime(backend, planner="rules")
    user = runtime.store.ensure_user("ana")
    return runtime, runtime.store.create_session(user.id).id, user.id


def say(runtime: Runtime, session: str, user: str, text: str) -> str:
    return anyio.run(runtime.supporter.turn, session, user, text).reply


def language_of(runtime: Runtime, session: str, user: str) -> str:
    return runtime.store.get_session(session, user).state.language


@pytest.mark.parametrize("country", [None, "match"])
@pytest.mark.parametrize("language", sorted(CRISES))
def test_a_crisis_in_another_language_is_answered_in_it(
    language: str, country: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if country == "match":
        country = language.upper()
        monkeypatch.setenv("WARMLINE_COUNTRY", country)
    runtime, session, user = start(FakeBackend([REFUSING] * 3))
    reply = say(runtime, session, user, CRISES[language])
    assert missing_elements(reply, country, language=language) == []
    table = resources_for(country)
    assert any(line.contact in reply for line in table.lines) and table.emergency in reply
    assert REFUSING not in reply and not any(english in reply for english in ENGLISH_ONLY)
    assert language_of(runtime, session, user) == language


def test_an_english_conversation_stays_english() -> None:
    runtime, session, user = start(FakeBackend(["That sounds tiring. What happened?"] * 3))
    say(runtime, session, user, "My day was long and I feel a bit low")
    reply = say(runtime, session, user, "I want to kill myself")
    assert missing_elements(reply) == []
    assert language_of(runtime, session, user) == "en"


def test_the_language_follows_a_switch_mid_conversation() -> None:
    runtime, session, user = start(FakeBackend(["Lo siento mucho. ¿Qué ha pasado?"] * 3))
    say(runtime, session, user, "Hola, estoy muy triste y no sé qué hacer")
    assert language_of(runtime, session, user) == "es"
    reply = say(runtime, session, user, "Sorry, let me write in English. I want to end my life.")
    assert missing_elements(reply) == []
    assert language_of(runtime, session, user) == "en"
    reply = say(runtime, session, user, "Je n'en peux plus, je veux mourir.")
    assert missing_elements(reply, language="fr") == []


def test_later_careful_turns_keep_the_seekers_language() -> None:
    backend = FakeBackend(["Me alegra leerte. ¿Cómo estás ahora?", REFUSING, REFUSING])
    runtime, session, user = start(backend)
    say(runtime, session, user, CRISES["es"])
    reminder = careful_reminder(language="es")
    later = say(runtime, session, user, "ok")  # too short to tell: the language stays
    assert later == f"Me alegra leerte. ¿Cómo estás ahora?\n\n{reminder}"
    replaced = say(runtime, session, user, "gracias, estoy un poco mejor pero sigo triste")
    context = GuardContext(risk_level=RiskLevel.RISK, language="es")
    assert replaced.startswith(safe_reply(context)) and replaced.endswith(reminder)
