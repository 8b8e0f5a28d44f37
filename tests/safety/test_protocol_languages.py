import pytest

from warmline.safety import (
    GuardContext,
    ProtocolElement,
    RiskAssessment,
    RiskCategory,
    careful_reminder,
    check_reply,
    crisis_reply,
    missing_elements,
    resource_text,
    resources_for,
    safe_reply,
)
from warmline.safety._protocol_text import LANGUAGES, protocol_text
from warmline.types import RiskLevel

FOREIGN = ["es", "fr", "de"]
COUNTRIES = [None, "US", "GB", "ES", "FR", "DE", "MX"]


def risk(category: RiskCategory) -> RiskAssessment:
    return RiskAssessment(level=RiskLevel.RISK, categories=[category], score=1.0)


def test_the_protocol_speaks_english_spanish_french_and_german() -> None:
    assert LANGUAGES == ("en", "es", "fr", "de")
    for language in LANGUAGES:
        words = protocol_text(language)
        assert words.language == language
        assert set(words.acknowledge) == set(words.safety_check) == set(RiskCategory)
        assert set(words.checks) == set(ProtocolElement) - {ProtocolElement.RESOURCES}


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("category", list(RiskCategory))
@pytest.mark.parametrize("language", FOREIGN)
def test_every_crisis_reply_holds_every_element_in_the_seekers_language(
    language: str, category: RiskCategory, country: str | None
) -> None:
    for seed in ("a", "b", "c", "d"):  # every wording variant, not just one
        reply = crisis_reply(risk(category), country=country, seed=seed, language=language)
        assert reply.language == language
        assert missing_elements(reply.text, country, language=language) == []
        table = resources_for(country)
        assert table.emergency in reply.text
        assert any(line.contact in reply.text for line in table.lines)
        assert "findahelpline.com" in reply.text
        assert check_reply(reply.text).ok, check_reply(reply.text).violations


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_checks_recognise_only_that_language(language: str) -> None:
    reply = crisis_reply(risk(RiskCategory.SUICIDE), language=language).text
    for other in LANGUAGES:
        missing = missing_elements(reply, language=other)
        if other == language:
            assert missing == []
        else:
            assert ProtocolElement.LIMITS in missing and ProtocolElement.PRESENCE in missing


@pytest.mark.parametrize(
    ("language", "personal", "start"),
    [
        (
            "es",
            "Perder el trabajo y ahora esto suena devastador.",
            "Gracias por contármelo. Perder",
        ),
        ("fr", "Perdre ton travail, et maintenant ça, c'est écrasant.", "Merci de me l'avoir dit."),
        ("de", "Erst der Job und jetzt das, das klingt erdrückend.", "Danke, dass du es mir"),
        ("es", "Gracias por decírmelo; suena devastador.", "Gracias por decírmelo;"),
    ],
)
def test_a_personalised_acknowledgement_is_thanked_in_the_same_language(
    language: str, personal: str, start: str
) -> None:
    reply = crisis_reply(risk(RiskCategory.SUICIDE), acknowledgement=personal, language=language)
    assert reply.text.startswith(start)
    assert reply.text.count(start.split()[0]) == 1
    assert missing_elements(reply.text, language=language) == []


def test_the_resource_paragraph_frames_the_countrys_lines_in_the_language() -> None:
    text = resource_text(resources_for("ES"), language="es")
    assert text == (
        "Puedes hablar con alguien ahora mismo, gratis: Línea 024 de atención a la conducta "
        "suicida: llama al 024 (24/7). Si tu vida o la de otra persona corre peligro inmediato, "
        "llama a emergencias: 112. Si estás en otro país, en findahelpline.com encontrarás "
        "líneas gratuitas y confidenciales."
    )
    abuse = resource_text(resources_for("US"), RiskCategory.ABUSE, language="de")
    assert abuse.startswith("Du kannst jetzt sofort kostenlos mit jemandem sprechen: National")


@pytest.mark.parametrize("language", FOREIGN)
def test_the_careful_reminder_and_the_safe_reply_follow_the_language(language: str) -> None:
    reminder = careful_reminder("DE", language=language)
    assert reminder != careful_reminder("DE")
    assert "0800 111 0 111" in reminder and "112" in reminder
    calm = safe_reply(GuardContext(language=language))
    careful = safe_reply(GuardContext(risk_level=RiskLevel.RISK, country="DE", language=language))
    assert calm == protocol_text(language).safe_reply
    assert careful == f"{calm} {reminder}"
    assert check_reply(calm).ok and check_reply(careful).ok


@pytest.mark.parametrize("language", ["pt", "xx", "", "ES"])
def test_an_unknown_language_falls_back_to_english_and_case_does_not_matter(
    language: str,
) -> None:
    reply = crisis_reply(risk(RiskCategory.ABUSE), country="US", language=language)
    expected = "es" if language == "ES" else "en"
    assert reply.language == expected
    assert (
        reply.text == crisis_reply(risk(RiskCategory.ABUSE), country="US", language=expected).text
    )
    assert missing_elements(reply.text, "US", language=language) == []
    assert careful_reminder("US", language=language) == careful_reminder("US", language=expected)
