"""Medical emergencies described by their symptoms, in English, Spanish, French and German.

People in an emergency rarely name it ("heart attack", "overdose"); they say what
they feel or see: a crushing chest with pain down the arm, a throat closing, a
parent on the floor who will not wake, a toddler who drank a bottle of syrup.
Each rule pairs a symptom with a second sign (spreading pain, a collapse and no
response, a whole bottle rather than a dose) so that an ordinary sore chest or a
friend who "isn't responding to texts" does not count. Canonical text: no
accents, ß as ss, repeated letters squeezed.
"""

from __future__ import annotations

from warmline.safety._rules import Rule, rule
from warmline.safety._types import RiskCategory as R

__all__ = ["RULES_MEDICAL"]

_M = R.MEDICAL_EMERGENCY
_SENT = r"[^.!?\n]"
"""Any character inside one sentence."""
_NOT_GYM = r"(?![^.!?\n]*\b(?:gym|workout|work out|bench|push ?ups|lifting|leg day|chest day|sore))"
_NOT_EFFORT = (
    r"(?![^.!?\n]*\b(?:toser|tos|gimnasio|ejercicio|entrenamiento|agujetas|correr|tousse|toux|"
    r"sport|muscu|entrainement|cartons|salle|courir|training|sport|bankdrucken|fitness|husten|"
    r"muskelkater|joggen|laufen)\b)"
)
"""No chest or breath alarm when the sentence blames a cough or exercise."""


def _at(first: str, guard: str) -> str:
    """`guard` (a sentence-wide lookahead), tried only where one of the `first` words starts.

    Keeps the lookahead from scanning the sentence again at every character.
    """
    return rf"\b(?=(?:{first})\b){guard}"


_EN = (
    rule(
        _M,
        1.0,
        "en-chest-spreading",
        _at(
            r"chest|clutch\w*|crush\w*|tight\w*|pressure|heavy|squeez\w*|pain|agony|burning|weight",
            _NOT_GYM,
        )
        + r"(?:\bchest\b"
        + _SENT
        + r"{0,40}\b(?:crush\w*|tight\w*|pressure|heavy|squeez\w*|pain|hurts?|hurting|agony|"
        r"burning|elephant|weight)\b|\b(?:clutch\w*|crush\w*|tight\w*|pressure|heavy|"
        r"squeez\w*|pain|agony|burning|weight)\b"
        + _SENT
        + r"{0,30}\bchest\b)"
        + _SENT
        + r"{0,80}\b(?:left arm|arm|jaw|cold sweat|sweating|sweaty|short of breath|"
        r"can'?t breathe|throw up|nause\w*)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "en-airway",
        r"\b(?:can'?t|cant|cnt|cannot|can barely|can hardly|struggling to) (?:really )?breathe?\b"
        + _SENT
        + r"{0,60}\b(?:throat|tongue|lips|swell\w*|peanuts?|nuts|allerg\w*|epi ?pen|hives|"
        r"turning blue|blue)\b|\b(?:throat|tongue) (?:is |feels like it'?s |keeps )?"
        r"(?:clos\w*|swell\w*|swollen)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "en-collapse",
        _at(
            r"collapsed|passed|fainted|keeled|fell|blacked|on",
            r"(?![^.!?\n]*\b(?:snor\w*|lol|lmao|haha)\b)",
        )
        + r"\b(?:collapsed|passed out|fainted|keeled over|fell (?:down|over)|blacked out|"
        r"on the floor)\b" + _SENT + r"{0,60}\b(?:(?:won'?t|wont|isn'?t|not|can'?t|barely|"
        r"hardly|doesn'?t|didn'?t) (?:wake|waking|respond\w*|breath\w*|mov\w*|open\w* (?:his|"
        r"her|their) eyes)|unresponsive|breathing (?:weird\w*|funny|strange\w*|shallow))"
        r"|\b(?:barely|hardly|not really) (?:responding|responsive|breathing|conscious|awake)\b"
        r"(?! to (?:my |any |the )?(?:texts|messages|calls|emails))",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "en-stroke-heart",
        r"\bcan'?t (?:really )?(?:move|feel|lift) my (?:left|right) (?:arm|leg|side|hand)\b|"
        r"\b(?:words|speech) (?:are |is |keep )?(?:coming out (?:wrong|weird|jumbled|slurred)|"
        r"slurr\w*|all jumbled)\b|\bone side of my (?:face|body) (?:is |went |feels )?(?:numb|"
        r"droop\w*|dead)\b|\bheart\b(?![^.!?\n]*\b(?:nerv\w*|exam|anxious|anxiety|panic\w*|"
        r"interview|presentation|date|crush|excited)\b)"
        + _SENT
        + r"{0,40}\b(?:racing|pounding|thumping|going crazy|"
        r"skipping|beating (?:\w+ )?(?:weird|fast|slow|funny))\b" + _SENT + r"{0,60}\b(?:pass out|"
        r"passing out|faint|black out|chest|can'?t breathe|numb|feel my hands)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "en-swallowed-bottle",
        r"\b(?:swallowed|drank|ate|got into|downed|chugged|took|has taken|had) (?:a |an |the |"
        r"her |his |my )?(?:whole |entire |full |half (?:a |the )?)(?:bottle|pack|packet|box|"
        r"tube|container|sheet|jar) of (?:[\w']+ ){0,2}(?:pills|medicine|meds|tablets|syrup|"
        r"tylenol|paracetamol|ibuprofen|vitamins|gummies|iron|sleeping|cough|allergy|benadryl|"
        r"melatonin)\b|\b(?:swallowed|ate|drank|bit into) (?:a |an |the |some |one of (?:the|"
        r"my) )?(?:button batter\w*|battery|batteries|magnets|detergent pods?|laundry pods?|"
        r"dishwasher tablets?|bleach|drain cleaner|antifreeze|rat poison|weed killer)\b",
        personal=False,
        timeless=True,
    ),
)

_ES = (
    rule(
        _M,
        1.0,
        "es-chest",
        _at(r"me duele|dolor|presion|opresion|me aprieta|me oprime|aplastado", _NOT_EFFORT)
        + r"\b(?:me duele|dolor|presion|opresion|me aprieta|me oprime|aplastado)\b"
        + _SENT
        + r"{0,30}\bpecho\b"
        + _SENT
        + r"{0,80}\b(?:brazo|mandibula|sudando|sudor|sudo|no puedo respirar|me ahogo|vomitar)\b"
        r"|\bpecho\b" + _SENT + r"{0,20}\b(?:me aprieta|me oprime|me aplasta|aplastado)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "es-airway",
        _at(r"me cuesta|casi|apenas|no|se|respira", _NOT_EFFORT)
        + r"\b(?:me cuesta (?:mucho |muchisimo )?respirar|casi no (?:puedo |puede )?respir\w*|"
        r"apenas (?:puedo |puede )?respir\w*|no (?:puedo|puede|podia|consigo) respirar|"
        r"se me (?:esta )?cerrando la garganta|se me cierra la garganta|"
        r"se (?:le )?(?:esta )?(?:poniendo|puso) (?:azul|morado|morada)|respira (?:raro|mal|"
        r"con dificultad))\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "es-collapse",
        r"\b(?:se (?:desmayo|cayo|desplomo|ha desmayado|ha caido)|perdio el conocimiento|"
        r"esta (?:inconsciente|en el suelo|tirad[oa]))\b"
        + _SENT
        + r"{0,60}\b(?:no (?:despierta|se despierta|responde|reacciona|respira|se mueve|abre "
        r"los ojos)|casi no (?:responde|reacciona|respira))\b"
        r"|\b(?:esta|sigue) inconsciente\b|\b(?:casi|apenas) no (?:responde|reacciona)\b"
        r"(?! (?:a )?(?:mis |los |sus )?(?:mensajes|llamadas|whatsapps?|correos))"
        r"|\bno (?:se )?despierta (?:por mas que|aunque) (?:lo|la|le)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "es-swallowed",
        r"\bse (?:tomo|trago|bebio|comio|ha tomado|ha tragado|ha bebido) (?:\w+ ){0,3}"
        r"(?:entero|entera|todo|toda|todas|todos|frasco|bote|botella|caja|blister|monton|"
        r"\d+)\b" + _SENT + r"{0,30}\b(?:pastillas|pildoras|jarabe|medicamentos?|medicinas?|"
        r"comprimidos|paracetamol|ibuprofeno|vitaminas|gominolas|hierro)\b"
        r"|\b(?:se|me) (?:tomo|tome|trago|trague|bebio|bebi|comio) (?:\w+ ){0,2}(?:lejia|"
        r"cloro|veneno|matarratas|una pila|pilas|detergente|desatascador|anticongelante)\b",
        personal=False,
        timeless=True,
    ),
)

_FR = (
    rule(
        _M,
        1.0,
        "fr-chest",
        _at(r"mal|douleur\w*|oppression|serre\w*|ecras\w*|poids", _NOT_EFFORT)
        + r"\b(?:mal|douleur\w*|oppression|serre\w*|ecras\w*|poids) (?:\w+ ){0,2}(?:a|dans|sur) "
        r"la poitrine\b" + _SENT + r"{0,80}\b(?:bras|machoire|transpire|sueur|respir\w*|serre|"
        r"ecrase|de plus en plus|vomir)\b|\bpoitrine (?:qui |me )?(?:serre|ecrase|brule)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "fr-airway",
        r"\bj'?(?:arrive|arive) (?:pas|pa|plus|plu) a respirer\b|\bje (?:peux|peu|ne peux) "
        r"(?:pas|pa|plus|plu) respirer\b|\brespire (?:a peine|bizarrement|tres mal|"
        r"difficilement|de travers)\b|\bma gorge (?:se ferme|gonfle|enfle)\b|"
        r"\b(?:devient|devenu|devenue) (?:tout )?(?:bleu|bleue|violet|violette)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "fr-collapse",
        r"\b(?:est tombee?|s'?est effondree?|s'?est evanouie?|a perdu connaissance|est par terre|"
        r"s'?est ecroulee?)\b" + _SENT + r"{0,60}\b(?:ne (?:repond|reagit|respire|bouge) "
        r"(?:plus|pas)|ne se reveille (?:pas|plus)|respire (?:bizarrement|mal|a peine|fort)|"
        r"n'?ouvre pas les yeux)\b|\b(?:est|reste) inconsciente?\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "fr-swallowed",
        r"\b(?:avale|bu|mange|pris) (?:tout|toute|toutes|tous|une boite|un flacon|une bouteille|"
        r"la boite|le flacon|la bouteille|une plaquette|la plaquette|plein|\d+)\b"
        + _SENT
        + r"{0,30}\b(?:sirop|medicaments|medocs|comprimes|cachets|pilules|doliprane|paracetamol|"
        r"somniferes)\b|\b(?:avale|bu) (?:de la |du |une |un |des )?(?:javel|pile|piles|"
        r"detergent|capsule de lessive|dosette de lessive|mort aux rats|antigel|deboucheur)\b",
        personal=False,
        timeless=True,
    ),
)

_DE = (
    rule(
        _M,
        1.0,
        "de-chest",
        _at(r"brustschmerz\w*|schmerz\w*|druck|enge|stechen|brust", _NOT_EFFORT)
        + r"\b(?:brustschmerz\w*|schmerz\w* in der brust|druck auf der brust|enge in der brust|"
        r"stechen in der brust|brust (?:tut|ist|fuhlt sich) (?:\w+ ){0,2}(?:weh|eng|"
        r"zerdruckt|schwer|an))\b" + _SENT + r"{0,80}\b(?:arm|kiefer|schwitz\w*|schweiss\w*|"
        r"luft|atmen|ubel)\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "de-airway",
        r"\b(?:krieg|kriege|bekomme|bekom|hab|habe) (?:\w+ )?kaum (?:noch )?luft\b|"
        r"\batmet (?:kaum|komisch|seltsam|ganz flach|schwer|nur noch)\b|"
        r"\b(?:hals|rachen) (?:schwillt|schnurt sich|geht) (?:\w+ )?zu\b|"
        r"\b(?:lippen|gesicht) (?:wird|werden|ist|sind) (?:ganz )?blau\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "de-collapse",
        r"(?<!handy ist )(?<!glas ist )(?<!auto ist )(?<!baum ist )(?<!fahrrad ist )"
        r"(?<!laptop ist )(?<!regal ist )(?<!computer ist )"
        r"\b(?:umgekippt|zusammengebrochen|zusammengesackt|ohnmachtig geworden|"
        r"liegt (?:am|auf dem) boden)\b" + _SENT + r"{0,60}\b(?:wacht (?:nicht|kaum) "
        r"(?:mehr )?auf|reagiert (?:nicht|kaum)|atmet|antwortet nicht|bewegt sich nicht)\b|"
        r"\b(?:ist|liegt) (?:\w+ )?bewusstlos\b",
        personal=False,
        timeless=True,
    ),
    rule(
        _M,
        1.0,
        "de-swallowed",
        r"\b(?:hab|habe|hat|haben) (?:\w+ ){0,5}(?:[1-9]\d+|alle|ganze|ganzen|eine ganze|die ganze|"
        r"eine packung|eine flasche|zu viele|viel zu viele|eine handvoll)\b"
        + _SENT
        + r"{0,25}\b(?:tabletten|pillen|medikamente|ibuprofen|paracetamol|schlaftabletten|"
        r"aspirin|hustensaft|fiebersaft|sirup|tropfen)\b"
        + _SENT
        + r"{0,20}\b(?:genommen|geschluckt|getrunken|gegessen|eingenommen)\b"
        r"|\b(?:batterie|knopfzelle|magnete?|putzmittel|waschmittel|spulmaschinentab|bleiche|"
        r"rattengift|frostschutz\w*|abflussreiniger) (?:\w+ )?(?:verschluckt|geschluckt|"
        r"getrunken|gegessen)\b",
        personal=False,
        timeless=True,
    ),
)

RULES_MEDICAL: tuple[Rule, ...] = (*_EN, *_ES, *_FR, *_DE)
