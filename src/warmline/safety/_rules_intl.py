"""Spanish, French and German risk rules (canonical text: no accents, ß as ss)."""

from __future__ import annotations

from warmline.safety._rules import Rule, rule
from warmline.safety._types import ConcernReason as C
from warmline.safety._types import RiskCategory as R

__all__ = ["RULES_INTL"]

_ES = [
    rule(
        R.SUICIDE,
        1.0,
        "es-suicide",
        (
            r"\b(?:me )?(?:quiero|quisiera|queria|voy a|pienso en|pensando en|ganas de|deseo|"
            r"necesito) (?:\w+ )?(?:morir(?:me)?|matarme|suicidarme|quitarme la vida|"
            r"desaparecer para siempre|dejar de existir|acabar con (?:mi vida|todo|esto))\b|"
            r"\bme (?:voy a|quiero|pienso) quitar la vida\b|\bme (?:quiero|voy a) (?:morir|matar|"
            r"suicidar)\b|(?<!amenazo con )(?<!amenaza con )(?<!amenazado con )"
            r"(?<!amenazada con )\b(?:suicidarme|matarme|quitarme la vida)\b|\bno (?:quiero|"
            r"tengo ganas de|le veo sentido a) (?:seguir )?(?:vivir|viviendo|estar vivo|"
            r"estar viva|existir|despertar)\b|\b(?:estarian|estaria|estarian todos|"
            r"serian) (?:\w+ )?mejor sin mi\b|\bpensamientos suicidas\b|\bme siento suicida\b|"
            r"\bojala (?:me muriera|no despertara|estuviera muerto|estuviera muerta)\b|"
            r"\bcarta de despedida\b|\besta es mi despedida\b"
        ),
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "es-self-harm",
        (
            r"\b(?:me corto|cortarme|me he cortado|me estoy cortando|me lastimo|lastimarme|"
            r"hacerme dano|me hago dano|me (?:hice|hago|he hecho|estoy haciendo) dano|"
            r"autolesion\w*|me quemo|quemarme)\b(?! (?:el pelo|las unas|cocinando|sin querer))"
            r"(?![^.!?]{0,30}\b(?:cocin\w*|sin querer|plancha|horno|sarten|aceite|olla)\b)"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "es-others",
        (
            r"\b(?:quiero|voy a|tengo ganas de|pienso) (?:\w+ )?(?:(?:matar(?:lo|la|los|las)|"
            r"hacerle dano|lastimar(?:lo|la)|apunalar(?:lo|la))\b|(?:matar|lastimar|apunalar|"
            r"golpear)"
            r" a (?:mi|mis|su|ese|esa|el|la|todos)\b)"
        ),
    ),
    rule(
        R.ABUSE,
        1.0,
        "es-abuse",
        (
            r"\b(?:mi (?:esposo|marido|pareja|novio|novia|padre|madre|padrastro|papa|mama|tio|"
            r"jefe)|el|ella) (?:\w+ )?(?:me (?:pega|golpea|golpeo|pego|maltrata|viola|violo|"
            r"amenaza|amenazo|empuja|ahorca|toca|encierra)|abusa de mi|abuso de mi)\b|"
            r"\bme (?:violaron|violo|pegaron|golpearon|agredieron|agredio)\b|\b(?:miedo|"
            r"terror) (?:de|a) (?:volver|regresar|ir) a (?:casa|mi casa)\b|"
            r"\bme amenazo con matarme\b"
        ),
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "es-medical",
        (
            r"\bme (?:tome|he tomado|trague) (?:\w+ ){0,2}(?:pastillas|pildoras|comprimidos|"
            r"frasco|caja)\b|\bsobredosis\b|\bno (?:puedo|puede) respirar\b|\bno respira\b|"
            r"\bsangr\w* (?:mucho|sin parar)\b"
        ),
        timeless=True,
        personal=False,
    ),
    rule(
        R.SUICIDE,
        0.4,
        "es-hopeless",
        (
            r"\b(?:no puedo mas|sin esperanza|nada tiene sentido|no vale la pena|"
            r"quiero desaparecer|soy una carga|nadie me extranaria)\b"
        ),
        reason=C.HOPELESSNESS,
    ),
]

_FR = [
    rule(
        R.SUICIDE,
        1.0,
        "fr-suicide",
        (
            r"\b(?:je )?(?:veux|voudrais|vais|envie de|pense a|pense au|compte|prefererais|"
            r"souhaite|besoin de) (?:\w+ )?(?:mourir|me tuer|me suicider|suicide|en finir|"
            r"disparaitre pour toujours|mettre fin a (?:mes jours|ma vie)|"
            r"ne plus me reveiller)\b|\bd'?en finir\b|"
            r"(?<!menace de )(?<!menacee de )(?<!va )(?<!vont )(?<!veut )(?<!allait )"
            r"\b(?:me suicider|me tuer|"
            r"en finir avec (?:la vie|tout|ma vie)|mettre fin a mes jours)\b|\bje ne (?:veux|"
            r"vois) (?:plus|pas) (?:vivre|de raison de vivre|l'?interet de vivre|exister)\b|"
            r"\bplus envie de vivre\b|\bmieux sans moi\b|\bidees (?:noires|suicidaires)\b|"
            r"\bje suis suicidaire\b|\bj'?aimerais (?:etre mort|etre morte|mourir|"
            r"ne pas me reveiller)\b|\blettre d'?adieu\b|\bc'?est (?:mon )?adieu\b"
        ),
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "fr-self-harm",
        (
            r"\b(?:je me (?:coupe|scarifie|brule|fais du mal|frappe|mutile)|me (?:couper|"
            r"scarifier|bruler|faire du mal|mutiler)|scarification\w*|"
            r"automutilation)\b(?! (?:les cheveux|les ongles|en cuisinant|par accident))"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "fr-others",
        (
            r"\bje (?:vais|veux|voudrais|pourrais) (?:\w+ )?(?:le|la|les) (?:tuer|buter|"
            r"poignarder|frapper|etrangler)\b|\benvie de (?:le|la|les) tuer\b|\b(?:faire du mal|"
            r"tuer) a (?:mon|ma|mes|quelqu'?un)\b"
        ),
    ),
    rule(
        R.ABUSE,
        1.0,
        "fr-abuse",
        (
            r"\b(?:mon (?:mari|copain|pere|beau-pere|conjoint|compagnon|patron|oncle|frere)|"
            r"ma (?:femme|copine|mere|belle-mere|conjointe)|il|elle) (?:\w+ )?me (?:frappe|bat|"
            r"battait|a frappe|a battu|viole|a viole|menace|a menace|etrangle|pousse|enferme|"
            r"touche)\b|\bj'?ai ete (?:violee?|agressee?|battue?|frappee?)\b|"
            r"\bpeur de rentrer (?:a la maison|chez moi)\b|\bmenace de me tuer\b"
        ),
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "fr-medical",
        (
            r"\bj'?ai (?:pris|avale) (?:\w+ ){0,3}(?:comprimes|cachets|pilules|medicaments|boite|"
            r"plaquette)\b|\bsurdose\b|\bfait une overdose\b|\b(?:je )?n'?arrive (?:plus|"
            r"pas) a respirer\b|\bne respire plus\b|\bsaigne (?:beaucoup|sans arret)\b"
        ),
        timeless=True,
        personal=False,
    ),
    rule(
        R.SUICIDE,
        0.4,
        "fr-hopeless",
        (
            r"\b(?:je n'?en peux plus|sans espoir|plus aucun espoir|rien n'?a de sens|"
            r"je suis un fardeau|personne ne me regretterait)\b"
        ),
        reason=C.HOPELESSNESS,
    ),
]

_DE = [
    rule(
        R.SUICIDE,
        1.0,
        "de-suicide",
        (
            r"\bich (?:will|mochte|wurde gern|werde|denke (?:daran|"
            r"uber)) (?:\w+ ){0,2}(?:sterben|mich umbringen|mich toten|mir das leben nehmen|"
            r"tot sein|nicht mehr (?:leben|aufwachen|da sein)|selbstmord|suizid)\b|"
            r"(?<!droht )(?<!drohte )(?<!gedroht )(?<!droht, )(?<!gedroht, )(?<!er wil )"
            r"(?<!er wird )(?<!sie wil )(?<!sie wird )(?<!er wolte )(?<!sie wolte )"
            r"\b(?:mich umbringen|mir das leben nehmen|mich umzubringen|mir das leben zu nehmen|"
            r"mich selbst toten)\b|\b(?:suizidgedanken|selbstmordgedanken|suizidal|lebensmude)\b|"
            r"\bwill nicht mehr leben\b|\bkeinen (?:sinn|grund) (?:mehr )?(?:zu leben|"
            r"im leben)\b|\bbesser (?:dran )?ohne mich\b|\bwunschte,? ich (?:ware|war) tot\b|"
            r"\babschiedsbrief\b|\bich bringe mich (?:\w+ ){0,3}um\b|\bich (?:will|"
            r"mochte) (?:\w+ )?(?:tot sein|nicht mehr leben)\b"
        ),
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "de-self-harm",
        (
            r"\b(?:ich ritze mich|mich (?:ritzen|zu ritzen|selbst verletzen|selbst zu verletzen)|"
            r"ritze mich|verletze mich (?:selbst)?|selbstverletz\w*|mir (?:weh|wehe) (?:tun|"
            r"zu tun)|schneide mich)\b(?! (?:beim|aus versehen))"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "de-others",
        (
            r"\bich (?:will|werde|mochte|konnte) (?!mich\b|mir\b)(?:\w+ ){0,2}(?:umbringen|"
            r"toten|erstechen|"
            r"erschiessen|verletzen|abstechen)\b(?<!mich umbringen)(?<!mich toten)(?<!mich verlet"
            r"zen)"
        ),
    ),
    rule(
        R.ABUSE,
        1.0,
        "de-abuse",
        (
            r"\b(?:mein (?:mann|freund|vater|stiefvater|partner|chef|onkel|bruder)|meine (?:frau|"
            r"freundin|mutter|stiefmutter|partnerin)|er|sie) (?:\w+ ){0,2}(?:schlagt|schlug|"
            r"hat mich geschlagen|vergewaltigt|bedroht|wurgt|misshandelt|verprugelt|"
            r"beruhrt) mich\b|\b(?:schlagt|schlug|vergewaltigte|bedroht|wurgt|misshandelt|"
            r"verprugelt) mich\b|\bich (?:wurde|bin) (?:\w+ )?(?:vergewaltigt|misshandelt|"
            r"geschlagen|missbraucht)\b|\bangst,? nach hause zu (?:gehen|kommen)\b|"
            r"\bdroht,? mich umzubringen\b"
        ),
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "de-medical",
        (
            r"\bich habe (?:\w+ ){0,3}(?:tabletten|pillen|medikamente|packung|"
            r"schachtel) (?:\w+ )?(?:genommen|geschluckt)\b|\buberdosis\b|\b(?:kann|kriege|"
            r"bekomme) (?:keine luft|nicht (?:mehr )?atmen)\b|\batmet nicht (?:mehr)?\b|"
            r"\bblute (?:stark|sehr|ohne)\b"
        ),
        timeless=True,
        personal=False,
    ),
    rule(
        R.SUICIDE,
        0.4,
        "de-hopeless",
        (
            r"\b(?:ich kann nicht mehr|hoffnungslos|keine hoffnung|alles ist sinnlos|"
            r"ich bin eine last|niemand wurde mich vermissen)\b"
        ),
        reason=C.HOPELESSNESS,
    ),
]

_MORE = (
    rule(
        R.SUICIDE,
        1.0,
        "es-fr-de-jump",
        r"\b(?:tirarme|aventarme|lanzarme|me voy a tirar) (?:de|desde|por|a|bajo|al|"
        r"del) (?:un |una |el "
        r"|la )?(?:puente|edificio|balcon|ventana|tren|coche|vias|metro|precipicio)\b|"
        r"\bme quiero matar\b"
        r"|\bme foutre en l'?air\b|\bme (?:jeter|lancer) (?:sous|du|d'?un|d'?une|par la|"
        r"de la|dans la"
        r"|dans le) (?:un |une |le |la |l'?)?(?:train|pont|fenetre|immeuble|voiture|metro|"
        r"balcon|vide)\b"
        r"|\b(?:springe|springen|spring) (?:\w+ )?(?:von|vor|aus) (?:der |dem |einer |einem |"
        r"den |die "
        r"|das )?(?:brucke|dach|hochhaus|zug|fenster|balkon|u-bahn)\b",
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "es-fr-de-self-harm",
        r"\b(?:me hago|hacerme|me hice) cortes\b|\bje me suis (?:fait du mal|coupee?|"
        r"scarifiee?|brulee?)\b(?![^.!?]{0,30}\b(?:cuisin\w*|par accident|four|fer a repasser|"
        r"casserole|poele|huile|feuille)\b)"
        r"|\bich verletze mich\b|\bverletze mich selbst\b",
    ),
)

_MORE_FORMS = (
    rule(
        R.SUICIDE,
        1.0,
        "es-fr-de-wishes",
        r"\bno (?:volver a )?despertar(?:me)?\b|\bdormir (?:para siempre|y no despertar)\b"
        r"|\bme voy a suicidar\b|\bdisparaitre pour toujours\b"
        r"|\b(?:keine lust|kein bock) mehr (?:zu leben|aufs leben|auf das leben)\b",
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "fr-others-direct",
        r"\bje (?:vais|veux|voudrais|pourrais) (?:\w+ )?(?:tuer|buter|poignarder|frapper|"
        r"etrangler) "
        r"(?:mon|ma|mes|ce|cette|tout le monde)\b",
    ),
    rule(
        R.ABUSE,
        1.0,
        "fr-abuse-elided",
        r"\bm'?a (?:frappee?|battue?|violee?|menacee?|etranglee?|poussee?|giflee?|agressee?)\b",
    ),
    rule(
        R.ABUSE,
        1.0,
        "de-abuse-perfect",
        r"\b(?:hat|haben) mich (?:\w+ )?(?:geschlagen|verprugelt|vergewaltigt|gewurgt|misshandelt|"
        r"bedroht|getreten|missbraucht)\b",
    ),
)

RULES_INTL: tuple[Rule, ...] = (*_ES, *_FR, *_DE, *_MORE, *_MORE_FORMS)
