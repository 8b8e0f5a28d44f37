import pytest

from warmline.safety import detect_language, guess_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I don't know what to do anymore, my life feels pointless", "en"),
        ("I want to kill myself", "en"),
        ("I'm safe right now, I just feel alone", "en"),
        ("No puedo más, estoy cansada de todo y nadie me entiende", "es"),
        ("no se que hacer, quiero morir", "es"),
        ("Mi marido me pega y tengo miedo de volver a casa", "es"),
        ("¿Qué hago ahora?", "es"),
        ("Je suis épuisée, c'est trop dur et je ne sais pas quoi faire", "fr"),
        ("J’ai envie de mourir", "fr"),
        ("je sais pas, ca va pas du tout", "fr"),
        ("Ich bin so müde und ich weiß nicht mehr, was ich tun soll", "de"),
        ("Ich will mich umbringen", "de"),
        ("ich weiss nicht mehr weiter", "de"),
        ("Mein Mann schlägt mich", "de"),
    ],
)
def test_clear_text_is_recognised(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ok",
        "no",
        "hola",
        "merci",
        "ja",
        "lol 😢",
        "12345",
        "ok no",
        "Hello, hola, bonjour",
        "die Zeit",
    ],
)
def test_short_or_ambiguous_text_is_left_undecided(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("messages", "language"),
    [
        (["Hola, estoy muy triste hoy", "ok", "sí"], "es"),
        (
            ["I feel awful and I don't know why", "Je suis fatiguée de tout, je n'en peux plus"],
            "fr",
        ),
        (["Estoy muy mal", "Sorry, I'll write in English: I just feel really alone"], "en"),
        (["Ich bin so müde", "ok", "hmm", "no"], "de"),
        ([], "en"),
    ],
)
def test_the_latest_clear_message_decides_the_conversation(
    messages: list[str], language: str
) -> None:
    assert guess_language(messages) == language


def test_without_any_clear_message_the_default_stays() -> None:
    assert guess_language(["ok", "lol", "hmm"], default="de") == "de"
