"""Which language the seeker writes in, so the crisis protocol can answer in it.

Detection is deliberately small and needs no model: it counts function words
and very common words of each language the protocol speaks, plus letters and
marks only some of them use, and answers only when one language clearly leads.
A wrong guess would hand a person in crisis help they may not be able to read,
so short or mixed text gives None and the conversation keeps its language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["detect_language", "guess_language"]

_WORDS: dict[str, frozenset[str]] = {
    # Accent-folded, lowercase. A word common in several languages is listed in each
    # of them and counts as a fraction, so shared words never decide on their own.
    "en": frozenset(
        "i i'm i've i'll i'd me my myself you your you're the and to of is it it's that that's "
        "this was be been have has had with for am are not but just do don't didn't doesn't "
        "can can't cannot won't what about they he she we them him her our because when at or "
        "if how all like feel feeling want really anymore anyone anything nobody nothing know "
        "life going would will so in on no there out get who why very too from by an as any "
        "more than then again tired help please kill die hurt sad alone lonely scared sorry "
        "think everything anybody people um war hat man what's there's he's she's took got".split()
    ),
    "es": frozenset(
        "que el la los las lo le les un una unos unas y de del al en es esta este esto eso estoy "
        "estas estaba estar soy eres era ser yo tu mi mis me te se nos no si sin con por para "
        "pero muy mas ya todo todos nada nadie nunca siempre hay tengo tiene quiero puedo puede "
        "siento como cuando porque donde quien vida morir matar matarme ganas hacer dano ayuda "
        "sola triste miedo gracias hola bien mal mejor hoy ahora aqui casa novio novia hermano "
        "hermana amigos tres son solo toda todas marido esposo pareja padre madre".split()
    ),
    "fr": frozenset(
        "je tu il elle on nous vous ils elles le la les un une des du de et est sont suis ai as "
        "avait etait ne pas plus rien personne jamais que qui quoi mais ou donc car pour avec "
        "sans dans sur par ce cette ces cet mon ma mes ton ta tes son sa ses moi toi lui leur "
        "tout tous tres bien mal fait faire veux peux sais dois vais va vie mourir envie aide "
        "seul seule triste peur merci bonjour salut aujourd'hui maintenant ici maison parce "
        "comme quand encore trop ca en se te si me es mari copain copine pere mere".split()
    ),
    "de": frozenset(
        "ich du er sie es wir ihr mich mir dich dir sich mein meine meinen meinem meiner dein "
        "deine sein seine der die das den dem des ein eine einen einem einer und oder aber "
        "nicht kein keine keinen nichts niemand nie nur noch schon auch mehr sehr so wie was "
        "wer warum wenn weil dass ob ist bin bist sind war habe hab hast hat haben kann will "
        "muss mit von zu bei nach fur uber auf aus im in am um an jetzt heute immer hier leben "
        "sterben umbringen hilfe angst allein traurig danke hallo ja nein gut schlecht weiss "
        "gar einfach mal man mann vater mutter freund freundin".split()
    ),
}
_LETTERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("ñáíóú", ("es",)),
    **dict.fromkeys("çèêëàâîïôûùœ", ("fr",)),
    **dict.fromkeys("äöüß", ("de",)),
    "é": ("es", "fr"),
}
_ELISION = re.compile(r"^(?:c|d|j|l|m|n|s|t|qu)'")
"""French elided articles and pronouns: c'est, j'ai, l'amour, qu'il."""
_CONTRACTION = re.compile(r"(?:'m|'re|'ve|'ll|'d|n't)$")
"""English contractions: I'm, don't, you're ('s is left out: German writes geht's)."""
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_MARKS = re.compile(r"[¿¡]")

_MIN_WORDS = 2
_MIN_SCORE = 2.0
_LEAD = 2.0
"""The leading language must score at least this many times the runner-up."""


def detect_language(text: str) -> str | None:
    """The language of `text` (en, es, fr, de), or None when it is too short or unclear."""
    lowered = text.lower().replace("\u2019", "'")
    tokens = _TOKEN.findall(lowered)
    if len(tokens) < _MIN_WORDS:
        return None
    scores = dict.fromkeys(_WORDS, 0.0)
    for token in tokens:
        owners = [code for code, words in _WORDS.items() if _fold(token) in words]
        if _ELISION.match(token):
            owners = ["fr"]
        elif _CONTRACTION.search(token):
            owners = ["en"]
        for code in owners:
            scores[code] += 1 / len(owners)
        for letter in set(token):
            for code in _LETTERS.get(letter, ()):
                scores[code] += 1 / len(_LETTERS[letter])
    scores["es"] += len(_MARKS.findall(lowered))
    best, runner_up = sorted(scores.values(), reverse=True)[:2]
    if best < _MIN_SCORE or best < _LEAD * runner_up:
        return None
    return max(scores, key=scores.__getitem__)


def guess_language(messages: Sequence[str], default: str = "en") -> str:
    """The language of the latest message that shows one clearly, else `default`.

    Looking back past short replies ("ok", "sí", "merci") keeps the language a
    seeker has used, and a clear message in another language switches to it.
    """
    for message in reversed(messages):
        if language := detect_language(message):
            return language
    return default


def _fold(token: str) -> str:
    """Lowercase word without accents (ß as ss), as people often type without them."""
    decomposed = unicodedata.normalize("NFKD", token.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
