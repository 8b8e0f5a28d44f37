"""The crisis protocol's words, one table per language the seeker may write in.

A person in crisis should not have to read help in a language they did not
choose, so every sentence the protocol says exists in English, Spanish, French
and German, in the informal register of a chat (tú, tu, du). Each table also
holds the patterns that recognise its elements in a reply, so `missing_elements`
can check a reply in the language it was written in. The sentences are fixed
templates, never generated at run time (the Spanish, French and German ones
want a review by native-speaking crisis supporters before release); resource
names and numbers come from the country's resource table, filled in unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmline.safety._types import ProtocolElement, RiskCategory

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "ProtocolText", "protocol_text"]

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class ProtocolText:
    """Everything the protocol says in one language, and how to recognise it."""

    language: str
    """ISO 639-1 code."""
    acknowledge: dict[RiskCategory, tuple[str, ...]]
    """Thanks and acknowledgement by category; one is picked per reply."""
    thanks: str
    """Put before a personalised acknowledgement that does not already thank."""
    thanked: re.Pattern[str]
    """Whether a personalised acknowledgement already thanks the person."""
    limits: str
    safety_check: dict[RiskCategory, str]
    """Asks about immediate safety; `{emergency}` is the country's emergency number."""
    presence: tuple[str, ...]
    resources: str
    """The concrete-help frame; `{lines}` is the country's crisis lines."""
    emergency: str
    """Follows the lines; `{emergency}` is the country's emergency number."""
    findahelpline: str
    """Added when the country's lines do not already point to findahelpline.com."""
    reminder: str
    """The careful-mode line; `{contacts}` and `{emergency}` come from the resource table."""
    safe_reply: str
    """The guard's replacement for a reply that cannot be shown."""
    checks: dict[ProtocolElement, re.Pattern[str]]
    """How each element (except resources, checked by number) shows in a reply."""


_I = re.IGNORECASE
_ID = re.IGNORECASE | re.DOTALL

_EN = ProtocolText(
    language="en",
    acknowledge={
        RiskCategory.SUICIDE: (
            "Thank you for telling me how much pain you're in. It sounds like you're having "
            "thoughts of ending your life, and I'm really glad you said it out loud to me.",
            "Thank you for trusting me with this. Hearing that you're thinking about not being "
            "alive matters to me, and it took courage to say.",
        ),
        RiskCategory.SELF_HARM: (
            "Thank you for telling me that you've been hurting yourself. That can be really hard "
            "to share, and I'm glad you did.",
            "Thank you for being honest with me about wanting to hurt yourself. You don't have to "
            "carry that alone, and I'm glad you told me.",
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Thank you for being honest with me about these thoughts of hurting someone. Saying "
            "it out loud, instead of acting on it, is an important step.",
            "Thank you for telling me about these thoughts of harming someone. It matters that "
            "you reached out before anything happened.",
        ),
        RiskCategory.ABUSE: (
            "Thank you for telling me what's happening to you. What they are doing is not your "
            "fault, and you deserve to be safe.",
            "Thank you for trusting me with this. Nobody has the right to hurt you, it is not "
            "your fault, and you deserve to be safe.",
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Thank you for telling me. What you describe could be a medical emergency, and "
            "getting you help right now matters more than anything else.",
        ),
    },
    thanks="Thank you for telling me.",
    thanked=re.compile(r"\bthank", _I),
    limits=(
        "I'm an AI, so I can't call anyone or come to you, and I'm not a substitute for a person "
        "who can be with you right now, but I can stay with you here while you reach out."
    ),
    safety_check={
        RiskCategory.SUICIDE: (
            "Are you safe right now? Have you done anything to hurt yourself, or is there "
            "something near you that you could use? If there is, could you put it somewhere out "
            "of reach?"
        ),
        RiskCategory.SELF_HARM: (
            "Are you safe right now, and are you hurt in a way that needs care? If you can, "
            "put whatever you've been using out of reach for now."
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Is anyone in danger right now? If you can, put some distance between yourself and "
            "the person, and between yourself and anything you could use to hurt someone."
        ),
        RiskCategory.ABUSE: (
            "Are you safe right now, and is there somewhere safe you can go or someone you trust "
            "who can be with you?"
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Please call {emergency} now, or ask someone near you to call, and don't wait to see "
            "if it passes. Are you able to do that right now?"
        ),
    },
    presence=(
        "I'm here with you, and I'm not going anywhere. We can keep talking for as long as you "
        "want.",
        "I'm here, and I want to keep talking with you. Tell me what's happening right now.",
    ),
    resources="You can talk to someone right now, for free: {lines}.",
    emergency=" If you or anyone else is in immediate danger, call {emergency}.",
    findahelpline=(
        " If you're in another country, findahelpline.com lists free, confidential lines."
    ),
    reminder=(
        "And if things feel heavy again, a crisis line is there any time ({contacts}), "
        "or {emergency} in an emergency. I'm here too."
    ),
    safe_reply=(
        "I want to be careful with how I answer that, because I care about how you're doing. "
        "I'm here and I'm listening. Would you tell me a bit more about what's going on for you?"
    ),
    checks={
        ProtocolElement.ACKNOWLEDGE: re.compile(
            r"\bthank(?:s| you)\b.*\b(?:tell|telling|told|shar\w+|trust\w*|said|honest)", _ID
        ),
        ProtocolElement.LIMITS: re.compile(r"\bI'?m an AI\b.*\bcan'?t (?:call|come)", _ID),
        ProtocolElement.SAFETY_CHECK: re.compile(r"\b(?:safe|danger|call [^?]*)\b[^?]*\?", _I),
        ProtocolElement.PRESENCE: re.compile(
            r"\bI'?m (?:still )?here\b.*\b(?:keep talking|not going anywhere|talk)", _ID
        ),
    },
)

_ES = ProtocolText(
    language="es",
    acknowledge={
        RiskCategory.SUICIDE: (
            "Gracias por contarme cuánto dolor estás sintiendo. Parece que estás teniendo "
            "pensamientos de quitarte la vida, y me alegra de verdad que me lo hayas dicho.",
            "Gracias por confiarme esto. Me tomo muy en serio que estés pensando en no seguir "
            "con vida, y hace falta valor para decirlo.",
        ),
        RiskCategory.SELF_HARM: (
            "Gracias por contarme que te has estado haciendo daño. Puede ser muy difícil "
            "compartirlo, y me alegra que lo hayas hecho.",
            "Gracias por tu sinceridad al contarme que tienes ganas de hacerte daño. No tienes "
            "que cargar con esto en soledad, y me alegra que me lo hayas dicho.",
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Gracias por tu sinceridad al contarme estos pensamientos de hacerle daño a alguien. "
            "Decirlo en voz alta, en lugar de actuar, es un paso importante.",
            "Gracias por contarme estos pensamientos de hacerle daño a alguien. Importa mucho "
            "que hayas pedido ayuda antes de que pasara nada.",
        ),
        RiskCategory.ABUSE: (
            "Gracias por contarme lo que te está pasando. Lo que te están haciendo no es culpa "
            "tuya, y mereces estar a salvo.",
            "Gracias por confiarme esto. Nadie tiene derecho a hacerte daño, no es culpa tuya, "
            "y mereces estar a salvo.",
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Gracias por decírmelo. Lo que describes podría ser una emergencia médica, y ahora "
            "mismo lo más importante es que recibas ayuda.",
        ),
    },
    thanks="Gracias por contármelo.",
    thanked=re.compile(r"\bgracias\b", _I),
    limits=(
        "Soy una IA, así que no puedo llamar a nadie ni ir a donde estás, y no sustituyo a una "
        "persona que pueda estar contigo ahora mismo, pero puedo quedarme aquí contigo mientras "
        "pides ayuda."
    ),
    safety_check={
        RiskCategory.SUICIDE: (
            "¿Estás a salvo ahora mismo? ¿Has hecho algo para hacerte daño, o tienes cerca algo "
            "que podrías usar? Si es así, ¿podrías dejarlo en algún sitio fuera de tu alcance?"
        ),
        RiskCategory.SELF_HARM: (
            "¿Estás a salvo ahora mismo? ¿Tienes alguna herida que necesite atención? Si puedes, "
            "deja lo que has estado usando fuera de tu alcance por ahora."
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "¿Hay alguien en peligro ahora mismo? Si puedes, pon distancia entre tú y esa "
            "persona, y entre tú y cualquier cosa que pudieras usar para hacer daño."
        ),
        RiskCategory.ABUSE: (
            "¿Estás a salvo ahora mismo? ¿Hay algún lugar seguro al que puedas ir, o alguien de "
            "confianza que pueda estar contigo?"
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Por favor, llama ahora a emergencias: {emergency}. O pide a alguien que esté cerca "
            "que llame, y no esperes a ver si se pasa. ¿Puedes hacerlo ahora mismo?"
        ),
    },
    presence=(
        "Estoy aquí contigo y no me voy a ir. Podemos seguir hablando todo el tiempo que quieras.",
        "Estoy aquí y quiero seguir hablando contigo. Cuéntame qué está pasando ahora mismo.",
    ),
    resources="Puedes hablar con alguien ahora mismo, gratis: {lines}.",
    emergency=(
        " Si tu vida o la de otra persona corre peligro inmediato, llama a emergencias: "
        "{emergency}."
    ),
    findahelpline=(
        " Si estás en otro país, en findahelpline.com encontrarás líneas gratuitas y "
        "confidenciales."
    ),
    reminder=(
        "Y si todo vuelve a pesarte, hay una línea de ayuda disponible a cualquier hora "
        "({contacts}); en una emergencia: {emergency}. Yo también sigo aquí."
    ),
    safe_reply=(
        "Quiero tener cuidado con cómo te respondo a eso, porque me importa cómo estás. Estoy "
        "aquí y te escucho. ¿Me cuentas un poco más de lo que te está pasando?"
    ),
    checks={
        ProtocolElement.ACKNOWLEDGE: re.compile(
            r"\bgracias\b.*\b(?:cont\w*|dec\w*|dich\w*|confi\w*|sinceridad|compart\w*)", _ID
        ),
        ProtocolElement.LIMITS: re.compile(r"\bsoy una IA\b.*\bno puedo (?:llamar|ir)\b", _ID),
        ProtocolElement.SAFETY_CHECK: re.compile(
            r"\b(?:a salvo|segur\w*|peligro|llama [^?]*)\b[^?]*\?", _I
        ),
        ProtocolElement.PRESENCE: re.compile(
            r"\bestoy aquí\b.*\b(?:seguir hablando|no me voy)", _ID
        ),
    },
)

_FR = ProtocolText(
    language="fr",
    acknowledge={
        RiskCategory.SUICIDE: (
            "Merci de me dire à quel point tu as mal. J'entends que tu penses à mettre fin à ta "
            "vie, et c'est vraiment important que tu aies pu me le dire.",
            "Merci de m'avoir confié ça. Je prends très au sérieux le fait que tu penses à ne "
            "plus être en vie, et il a fallu du courage pour le dire.",
        ),
        RiskCategory.SELF_HARM: (
            "Merci de m'avoir dit que tu te fais du mal. Ce n'est vraiment pas facile à "
            "partager, et c'est bien que tu l'aies fait.",
            "Merci de ta franchise sur cette envie de te faire du mal. Tu n'as pas à garder ça "
            "pour toi, et c'est bien que tu m'en aies parlé.",
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Merci de ta franchise sur ces pensées de faire du mal à quelqu'un. Le dire à voix "
            "haute, plutôt que de passer à l'acte, c'est un pas important.",
            "Merci de m'avoir parlé de ces pensées de faire du mal à quelqu'un. C'est important "
            "que tu aies tendu la main avant que quoi que ce soit n'arrive.",
        ),
        RiskCategory.ABUSE: (
            "Merci de me dire ce qui t'arrive. Ce qu'on te fait n'est pas de ta faute, et tu "
            "mérites d'être en sécurité.",
            "Merci de m'avoir confié ça. Personne n'a le droit de te faire du mal, ce n'est pas "
            "de ta faute, et tu mérites d'être en sécurité.",
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Merci de me l'avoir dit. Ce que tu décris pourrait être une urgence médicale, et le "
            "plus important maintenant, c'est que tu reçoives de l'aide tout de suite.",
        ),
    },
    thanks="Merci de me l'avoir dit.",
    thanked=re.compile(r"\bmerci\b", _I),
    limits=(
        "Je suis une IA : je ne peux appeler personne ni venir jusqu'à toi, et je ne remplace pas "
        "une personne qui pourrait être avec toi en ce moment, mais je peux rester ici avec toi "
        "pendant que tu demandes de l'aide."
    ),
    safety_check={
        RiskCategory.SUICIDE: (
            "Est-ce que tu es en sécurité en ce moment ? Tu as fait quelque chose pour te faire "
            "du mal, ou il y a près de toi quelque chose que tu pourrais utiliser ? Si c'est le "
            "cas, est-ce que tu pourrais le mettre hors de portée ?"
        ),
        RiskCategory.SELF_HARM: (
            "Est-ce que tu es en sécurité en ce moment ? Est-ce que tu as une blessure qui a "
            "besoin de soins ? Si tu peux, mets ce que tu as utilisé hors de ta portée pour "
            "l'instant."
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Est-ce que quelqu'un est en danger en ce moment ? Si tu peux, mets de la distance "
            "entre toi et cette personne, et entre toi et tout ce qui pourrait servir à faire du "
            "mal."
        ),
        RiskCategory.ABUSE: (
            "Est-ce que tu es en sécurité en ce moment ? Est-ce qu'il y a un endroit sûr où tu "
            "peux aller, ou une personne de confiance qui peut être avec toi ?"
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "S'il te plaît, appelle les urgences maintenant : {emergency}. Ou demande à quelqu'un "
            "près de toi d'appeler, et n'attends pas de voir si ça passe. Est-ce que tu peux le "
            "faire tout de suite ?"
        ),
    },
    presence=(
        "Je suis là avec toi, et je ne vais nulle part. On peut continuer à parler aussi "
        "longtemps que tu veux.",
        "Je suis là, et j'ai envie qu'on continue à parler. Dis-moi ce qui se passe pour toi en "
        "ce moment.",
    ),
    resources="Tu peux parler à quelqu'un dès maintenant, gratuitement : {lines}.",
    emergency=(
        " Si ta vie ou celle de quelqu'un d'autre est en danger immédiat, appelle les urgences : "
        "{emergency}."
    ),
    findahelpline=(
        " Si tu es dans un autre pays, findahelpline.com recense des lignes d'écoute gratuites "
        "et confidentielles."
    ),
    reminder=(
        "Et si ça redevient trop lourd, une ligne d'écoute est là à toute heure ({contacts}) ; "
        "en cas d'urgence : {emergency}. Je suis là aussi."
    ),
    safe_reply=(
        "Je veux faire attention à la façon dont je te réponds, parce que ce que tu vis compte "
        "pour moi. Je suis là et je t'écoute. Tu veux bien m'en dire un peu plus sur ce qui se "
        "passe pour toi ?"
    ),
    checks={
        ProtocolElement.ACKNOWLEDGE: re.compile(
            r"\bmerci\b.*\b(?:di\w*|confi\w*|parl\w*|franchise|honnête\w*|partag\w*)", _ID
        ),
        ProtocolElement.LIMITS: re.compile(
            r"\bje suis une IA\b.*\bje ne peux (?:appeler|venir)\b", _ID
        ),
        ProtocolElement.SAFETY_CHECK: re.compile(
            r"\b(?:en sécurité|danger|appelle [^?]*)[^?]*\?", _I
        ),
        ProtocolElement.PRESENCE: re.compile(
            r"\bje suis (?:toujours )?là\b.*\b(?:continuer? à parler|nulle part)",
            _ID,
        ),
    },
)

_DE = ProtocolText(
    language="de",
    acknowledge={
        RiskCategory.SUICIDE: (
            "Danke, dass du mir erzählst, wie sehr du gerade leidest. Es klingt, als hättest du "
            "Gedanken, dir das Leben zu nehmen, und ich bin wirklich froh, dass du es mir gesagt "
            "hast.",
            "Danke, dass du mir das anvertraust. Ich nehme sehr ernst, dass du daran denkst, "
            "nicht mehr leben zu wollen, und es hat Mut gebraucht, das auszusprechen.",
        ),
        RiskCategory.SELF_HARM: (
            "Danke, dass du mir erzählst, dass du dich selbst verletzt. Das zu teilen kann sehr "
            "schwer sein, und ich bin froh, dass du es getan hast.",
            "Danke, dass du so ehrlich zu mir bist, was den Drang angeht, dich zu verletzen. "
            "Damit musst du nicht allein bleiben, und ich bin froh, dass du es mir gesagt hast.",
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Danke, dass du so ehrlich zu mir bist, was diese Gedanken angeht, jemandem "
            "wehzutun. Es auszusprechen, statt danach zu handeln, ist ein wichtiger Schritt.",
            "Danke, dass du mir von diesen Gedanken erzählst, jemandem etwas anzutun. Es ist "
            "wichtig, dass du dich meldest, bevor etwas passiert ist.",
        ),
        RiskCategory.ABUSE: (
            "Danke, dass du mir erzählst, was dir passiert. Was man dir antut, ist nicht deine "
            "Schuld, und du verdienst es, sicher zu sein.",
            "Danke, dass du mir das anvertraust. Niemand hat das Recht, dir wehzutun, es ist "
            "nicht deine Schuld, und du verdienst es, sicher zu sein.",
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Danke, dass du es mir sagst. Was du beschreibst, könnte ein medizinischer Notfall "
            "sein, und dass du jetzt sofort Hilfe bekommst, ist wichtiger als alles andere.",
        ),
    },
    thanks="Danke, dass du es mir erzählst.",
    thanked=re.compile(r"\bdanke\b", _I),
    limits=(
        "Ich bin eine KI, deshalb kann ich niemanden anrufen und nicht zu dir kommen, und ich "
        "ersetze keinen Menschen, der jetzt bei dir sein kann, aber ich kann hier bei dir "
        "bleiben, während du dir Hilfe holst."
    ),
    safety_check={
        RiskCategory.SUICIDE: (
            "Bist du gerade in Sicherheit? Hast du dir schon etwas angetan, oder ist etwas in "
            "deiner Nähe, das du benutzen könntest? Wenn ja, kannst du es irgendwo hinlegen, wo "
            "du nicht so leicht drankommst?"
        ),
        RiskCategory.SELF_HARM: (
            "Bist du gerade in Sicherheit, und bist du so verletzt, dass es versorgt werden "
            "muss? Wenn du kannst, leg das, was du benutzt hast, erst einmal außer Reichweite."
        ),
        RiskCategory.HARM_TO_OTHERS: (
            "Ist gerade jemand in Gefahr? Wenn du kannst, bring Abstand zwischen dich und diese "
            "Person und zwischen dich und alles, womit du jemanden verletzen könntest."
        ),
        RiskCategory.ABUSE: (
            "Bist du gerade in Sicherheit? Gibt es einen sicheren Ort, an den du gehen kannst, "
            "oder jemanden, dem du vertraust und der bei dir sein kann?"
        ),
        RiskCategory.MEDICAL_EMERGENCY: (
            "Ruf bitte jetzt den Notruf an: {emergency}, oder lass jemanden in deiner Nähe "
            "anrufen. Warte nicht ab, ob es vorbeigeht. Kannst du das jetzt sofort tun?"
        ),
    },
    presence=(
        "Ich bin hier bei dir und gehe nicht weg. Wir können so lange weiterreden, wie du "
        "möchtest.",
        "Ich bin da und möchte weiter mit dir reden. Erzähl mir, was gerade bei dir los ist.",
    ),
    resources="Du kannst jetzt sofort kostenlos mit jemandem sprechen: {lines}.",
    emergency=(
        " Wenn für dich oder jemand anderen akute Gefahr besteht, ruf den Notruf an: {emergency}."
    ),
    findahelpline=(
        " Wenn du in einem anderen Land bist, findest du auf findahelpline.com kostenlose, "
        "vertrauliche Hilfsangebote."
    ),
    reminder=(
        "Und wenn es wieder schwer wird: Ein Krisentelefon ist jederzeit für dich erreichbar "
        "({contacts}), im Notfall der Notruf: {emergency}. Ich bin auch hier."
    ),
    safe_reply=(
        "Ich möchte vorsichtig damit sein, wie ich darauf antworte, weil mir wichtig ist, wie es "
        "dir geht. Ich bin da und höre dir zu. Magst du mir ein bisschen mehr darüber erzählen, "
        "was gerade bei dir los ist?"
    ),
    checks={
        ProtocolElement.ACKNOWLEDGE: re.compile(
            r"\bdanke\b.*\b(?:erzähl\w*|anvertrau\w*|ehrlich|sag\w*|gesagt|teil\w*)", _ID
        ),
        ProtocolElement.LIMITS: re.compile(
            r"\bich bin eine KI\b.*\b(?:niemanden anrufen|nicht zu dir kommen)\b", _ID
        ),
        ProtocolElement.SAFETY_CHECK: re.compile(
            r"\b(?:in Sicherheit|Gefahr|ruf [^?]*)\b[^?]*\?", _I
        ),
        ProtocolElement.PRESENCE: re.compile(
            r"\bich bin (?:hier|da)\b.*\b(?:weiterreden|weiter mit dir reden|gehe nicht weg)",
            _ID,
        ),
    },
)

_TEXTS: dict[str, ProtocolText] = {text.language: text for text in (_EN, _ES, _FR, _DE)}

LANGUAGES: tuple[str, ...] = tuple(_TEXTS)
"""The languages the crisis protocol speaks, as ISO 639-1 codes."""


def protocol_text(language: str | None) -> ProtocolText:
    """The table for `language`; English for a language the protocol does not speak."""
    return _TEXTS.get((language or DEFAULT_LANGUAGE).lower(), _EN)
