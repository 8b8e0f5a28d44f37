"""More Spanish, French and German rules: threats and plans to hurt others, abuse
(violence, coercion, control, stalking), self-harm and suicide as people say them.

Written as classes of phrasing, with the conjugations, word orders and synonyms
a speaker would use (German "stech ich ihn ab", "ich stech den ab", "abstechen",
"erstechen"). Threats that are often hyperbole on their own ("le rompo la cara",
"je le tue") and signs such as a weapon at hand, being followed or a partner
reading one's phone weigh less than 1.0: each is its own rule, so that distinct
signs add up to risk while one alone stays a concern. Canonical text: no
accents, ß as ss.
"""

from __future__ import annotations

from warmline.safety._rules import Rule, concern, rule
from warmline.safety._types import ConcernReason as C
from warmline.safety._types import RiskCategory as R

__all__ = ["RULES_INTL_MORE"]

_SENT = r"[^.!?\n]"
_H = R.HARM_TO_OTHERS


def _signs(
    category: R, weight: float, name: str, *sources: str, personal: bool = True
) -> tuple[Rule, ...]:
    """One warning-sign rule per source: distinct signs add up, repeats of one do not."""
    return tuple(
        rule(category, weight, f"{name}-{index}", source, reason=C.WARNING_SIGN, personal=personal)
        for index, source in enumerate(sources, start=1)
    )


_WEAPON = _signs(
    _H,
    0.5,
    "weapon-ready",
    r"\b(?=(?:llevo|tengo|compre|saque|traigo|agarre|cogi|guarde|ya|consegui|j'?ai|das|ein|"
    r"mein|meine|sein|den|die|eine|einen|meinen|got|have|bought|grabbed|brought|packed|"
    r"sharpen\w*|loaded|hid)\b)"
    r"(?![^.!?\n]*\b(?:camping|kitchen|cocina|cocinar|cuisine|kuche|kochen|bread|pan|brot|"
    r"suiza|suisse|taschenmesser|hunting|fishing|pesca|peche|angeln|set)\b)"
    r"(?:\b(?:llevo|tengo|compre|saque|traigo|agarre|cogi|guarde|ya tengo|ya compre|"
    r"consegui) (?:\w+ ){0,3}(?:navaja|cuchillo|pistola|arma|escopeta|gasolina|machete|"
    r"bate|fusil|revolver)\b(?! de (?:cocina|juguete))"
    r"|\bj'?ai (?:sorti|pris|achete|recupere|cache|aiguise|prepare|trouve) (?:\w+ ){0,2}"
    r"(?:le |la |un |une |mon |ma |son |sa )?(?:fusil|couteau|arme|pistolet|flingue|batte|"
    r"essence|hache|machette)\b(?! de cuisine)"
    r"|\b(?:das|ein|mein|meine|sein|den|die|eine|einen|meinen) (?:\w+ )?(?:messer|waffe|"
    r"waffen|pistole|gewehr|baseballschlager|benzin|axt|machete)\b"
    + _SENT
    + r"{0,40}\b(?:eingepackt|dabei|eingesteckt|gekauft|geholt|bereit|besorgt|"
    r"geschliffen|im keller|im auto|im rucksack|in der tasche)\b"
    r"|\b(?:got|have|bought|grabbed|brought|packed|sharpen\w*|loaded|hid) (?:\w+ ){0,3}"
    r"(?:knife|knives|gun|bat|tire iron|machete|crowbar|axe|rifle|pistol|shotgun)\b"
    r"(?! (?:for|to) (?:cooking|the kitchen|camping|hunting season|baseball|practice)))",
    personal=False,
)

_OTHERS = (
    # Spanish: intent to kill, stab, shoot, burn someone.
    rule(
        _H,
        1.0,
        "es-kill-intent",
        r"\b(?:voy a|vamos a|quiero|pienso|tengo ganas de|estoy pensando en|planeo) "
        r"(?:\w+ )?(?:matar|apunalar|acuchillar|balear|disparar|estrangular|ahorcar|"
        r"degollar)(?:lo|la|los|las|le|les)\b"
        r"|\b(?:lo|la|los|las|les?) (?:voy a|vamos a|quiero|pienso) (?:matar|apunalar|"
        r"acuchillar|balear|estrangular|degollar|pegar un tiro)\b"
        r"|\ble (?:voy a |vamos a )?(?:clavar|meter|pegar|dar|clavo|meto|pego|doy) "
        r"(?:un|una|el|la|dos|tres|unas|unos) (?:\w+ )?(?:cuchillo|navaja|punalada\w*|tiro|tiros|"
        r"balazo\w*|bala|cuchillada\w*|"
        r"machetazo\w*)\b"
        r"|\ble (?:clavo|meto) (?:el|la|un|una) (?:cuchillo|navaja)\b"
        r"|\b(?:prender(?:le)?|pegar(?:le)?|meter(?:le)?) fuego (?:a )?(?:\w+ ){0,6}con "
        r"(?:el|ella|ellos|ellas|toda la familia|la familia|gente) dentro\b",
    ),
    rule(
        _H,
        0.6,
        "es-threat-present",
        r"\b(?:le|les) (?:rompo|parto|reviento|destrozo|voy a romper|voy a partir|voy a "
        r"reventar) (?:la cara|la cabeza|el craneo|las piernas|la madre)\b"
        r"|\b(?:romperle|partirle|reventarle) (?:la cara|la cabeza|el craneo|las piernas)\b"
        r"|\b(?:lo|la) mato\b",
    ),
    # French: "je vais planter ce mec", "écraser quelqu'un avec ma voiture".
    rule(
        _H,
        1.0,
        "fr-kill-intent",
        r"\bje (?:vais|veux|voudrais|compte|pourrais|vas) (?:\w+ )?(?:le |la |les |l'?|lui )?"
        r"(?:tuer|buter|poignarder|egorger|flinguer|descendre|abattre|etrangler|planter|"
        r"suriner|cramer) (?:ce|cette|ces|mon|ma|mes|son|sa|ses|le|la|les|tout le monde|"
        r"quelqu'?un|des gens|lui|eux|l'?autre)\b(?! (?:examen|exam|controle|arbre|arbres|"
        r"fleurs|graines|tomates|decor|tente|projet|ordi|ordinateur|serveur|application|"
        r"appli|jeu|plante|plantes|temps)\b)"
        r"|\b(?:ecraser|renverser|foncer sur) (?:\w+ ){0,3}(?:avec|en) (?:ma|sa|la|une) "
        r"voiture\b",
    ),
    rule(
        _H,
        0.6,
        "fr-threat-present",
        r"\bje (?:le|la|les|te|vous) (?:tue|bute|plante|crame|flingue|defonce|egorge|"
        r"etrangle)\b|\benvies? de (?:le |la |les |lui )?(?:frapper|tuer|etrangler|secouer|"
        r"faire du mal a) (?:mon|ma|mes|le|la|les|quelqu'?un)\b",
    ),
    rule(
        _H,
        1.0,
        "harm-child-fear",
        r"\b(?:miedo|terror) (?:de|a) (?:hacerle dano|lastimar|pegarle|sacudir|zarandear|"
        r"ahogar)(?:la|lo|le)? (?:a )?(?:mi|al|a la) (?:bebe|hija|hijo|nino|nina|nene|nena)\b"
        r"|\bpeur de (?:faire du mal a|secouer|frapper|blesser|etouffer) (?:mon|ma|mes|notre) "
        r"(?:bebe|fils|fille|enfant|enfants|petit|petite)\b"
        r"|\bangst,? (?:dass|das) ich (?:mein(?:em|en|e)? |unser(?:em|en|e)? )?(?:baby|kind|"
        r"sohn|tochter|kleine[nm]?)\b" + _SENT + r"{0,30}\b(?:schuttle|schutteln|schlage|"
        r"schlagen|weh ?tue|wehtue|was antue|ersticke|verletze)\b",
    ),
    rule(
        _H,
        0.5,
        "losing-control",
        r"\b(?:miedo|peur|angst),? (?:de |d'?|a |dass ich )?(?:perder el control|perdre le "
        r"controle|die kontrolle (?:zu )?verlier\w*|auszurasten|ausraste)\b"
        r"|\bya (?:casi )?no me controlo\b|\bje ne me controle plus\b"
        r"|\bob ich mich (?:\w+ ){0,3}(?:zuruckhalten|beherrschen|kontrollieren) kann\b",
        reason=C.WARNING_SIGN,
    ),
    # German: stabbing, shooting, strangling, hurting someone, in any word order.
    rule(
        _H,
        1.0,
        "de-kill-intent",
        r"(?<!rasen )(?<!kanten )(?<!soden )(?<!spargel )(?<!torf )"
        r"\b(?:stech|steche|knall|knalle)(?: ich| wir)? (?!mich\b|mir\b)"
        r"(?!(?:ich |wir )?(?:den |die |das )?(?:rasen|kanten|soden|torf|spargel|kartoffeln|"
        r"grasnarbe)\b)"
        r"(?:\w+ ){1,3}"
        r"(?:ab|nieder)\b"
        r"|\b(?:bring|bringe|leg|lege)(?: ich| wir)? (?:ihn|sie|dich|euch|den typen|die alle|"
        r"alle|den|die) (?:\w+ ){0,2}um\b"
        r"|\b(?:den|die|ihn|sie|dich|euch|das schwein|den typen|die typen) (?:bring|bringe|"
        r"leg|lege|stech|steche|knall|knalle) (?:ich|wir) (?:\w+ ){0,2}(?:um|ab)\b"
        r"|\b(?:mach|mache|schlag|schlage)(?: ich| wir)? (?:ihn|sie|dich|euch|den|die|alle)"
        r"(?: \w+)? (?:kalt|tot)\b(?<!die zeit tot)"
        r"|\bich (?:will|werde|mochte|wurde|konnte|muss|hab lust|habe lust|wurde am liebsten)"
        r" (?:(?!mich\b|mir\b)[\w']+ ){0,6}(?:abstechen|abzustechen|erstechen|niederstechen|"
        r"abknallen|erschiessen|erwurgen|wurgen|kaltmachen|umlegen|totschlagen|"
        r"zusammenstechen|anzunden|uberfahren)\b"
        r"|\b(?:ihm|ihr|ihnen|jemandem|meine[mnr]? \w+) (?:\w+ ){0,2}(?:was|etwas|"
        r"gewalt) (?:antue|antun|anzutun)\b"
        r"|\bkurz davor,? (?:ihn|sie|ihm|ihr|jemanden|meine[mnr]? \w+) (?:\w+ ){0,2}zu "
        r"(?:wurgen|erwurgen|schlagen|toten|erstechen|schutteln)\b",
    ),
    rule(
        _H,
        0.6,
        "de-hurt-wish",
        r"\bich (?:will|werde|mochte|wurde|konnte) (?:ihm|ihr|ihnen|jemandem|denen) "
        r"(?:\w+ ){0,2}(?:weh ?tun|wehtun|schaden)\b"
        r"|\bich (?:will|werde|mochte|wurde) (?:ihn|sie|den|die) (?:\w+ ){0,2}"
        r"(?:verprugeln|zusammenschlagen)\b",
    ),
)

_ABUSE = (
    rule(
        R.ABUSE,
        1.0,
        "es-abuse-violence",
        r"\bme (?:empujo|empujaba|empuja|tiro|tira|lanzo|arrastro|arrastra) (?:\w+ )?"
        r"(?:por|de|contra) (?:las escaleras|la escalera|la pared|el suelo|la puerta)\b"
        r"|\bme (?:obliga|obligo|obligaba|fuerza|forzo|forzaba) a (?:hacer cosas sexuales|"
        r"tener sexo|tener relaciones|acostarme|tocar\w*|hacer cosas)\b"
        r"|\b(?:amenazas? de muerte|amenazo con matarme|amenaza con matarme|dice que me va a "
        r"matar|dijo que me va a matar|me va a matar si)\b"
        r"|\bme (?:agarro|agarra|apreto|aprieta) (?:\w+ )?(?:del|el) cuello\b",
    ),
    *_signs(
        R.ABUSE,
        0.5,
        "es-abuse-sign",
        r"\bme (?:revisa|controla|lee) (?:el|mi|los) (?:celular|movil|telefono|whatsapp|"
        r"mensajes)\b",
        r"\bno me deja (?:ver|salir|hablar|tener|trabajar|estudiar|ir)\b",
        r"\bme (?:sigue|persigue|acosa|vigila) (?:desde|hasta|a todas partes|todos los dias|"
        r"por todas partes|a casa|al trabajo)\b",
        r"\bsabe (?:donde|en que) (?:vivo|duermo|trabajo|estudio)\b",
    ),
    rule(
        R.ABUSE,
        1.0,
        "fr-abuse-violence",
        r"\bm'?a (?:poussee?|jetee?|balancee?) (?:\w+ )?(?:dans|contre|par) (?:les escaliers|"
        r"l'?escalier|le mur|la porte)\b"
        r"|\bme (?:force|forcait|a forcee?) a (?:coucher|avoir des rapports|faire des choses|"
        r"le toucher|la toucher)\b"
        r"|\b(?:il|elle) (?:veut|va|voulait|allait|a essaye de) me tuer\b"
        r"|\bmenaces? de mort\b|\b(?:dit|dit qu'?il|a dit qu'?il) (?:va|allait) me tuer\b",
    ),
    *_signs(
        R.ABUSE,
        0.5,
        "fr-abuse-sign",
        r"\b(?:fouille|verifie|controle) (?:\w+ )?mon (?:telephone|portable|tel)\b",
        r"\bm'?interdit de (?:voir|sortir|parler|travailler)\b|\bne me laisse (?:pas|plus|"
        r"jamais) (?:voir|sortir|parler)\b",
        r"\bme (?:suit|harcele|traque|espionne) (?:partout|jusqu'?a|tous les jours|depuis)\b",
        r"\b(?:rode|traine) (?:devant|autour de) (?:mon|ma|chez)\b|\bsait ou (?:j'?habite|"
        r"je dors|je vis|je travaille)\b",
    ),
    rule(
        R.ABUSE,
        1.0,
        "de-abuse-violence",
        r"\b(?:hat|haben) (?:er|sie|\w+ \w+) (?:\w+ )?mich (?:\w+ )?(?:geschlagen|getreten|"
        r"verprugelt|vergewaltigt|gewurgt|misshandelt|gestossen|geschubst)\b"
        r"|\b(?:hat|haben) mich (?:\w+ ){0,4}(?:geschlagen|getreten|verprugelt|gewurgt|"
        r"gestossen|geschubst|runtergestossen|hinuntergestossen|runtergeschubst)\b"
        r"|\b(?:droht|drohte|gedroht|schreibt|schrieb|sagt|sagte|meint)\b"
        + _SENT
        + r"{0,30}\bmich (?:\w+ )?(?:abstechen|abzustechen|umbringen|umzubringen|toten|"
        r"erschiessen|abknallen|kaltmachen)\b"
        r"|\b(?:er|sie) (?:will|wird|wollte) mich (?:\w+ )?(?:umbringen|toten|abstechen|"
        r"erschiessen|abknallen|kaltmachen)\b"
        r"|\b(?:zwingt|zwang|gezwungen) mich (?:\w+ ){0,3}(?:zu sex|zum sex|sex|anzufassen|"
        r"zu beruhren|mitzumachen)\b"
        r"|\bfasst mich an\b" + _SENT + r"{0,30}\b(?:obwohl ich nein|gegen meinen willen)",
    ),
    *_signs(
        R.ABUSE,
        0.5,
        "de-abuse-sign",
        r"\b(?:verfolgt|stalkt|bedrangt) mich\b|\blauert mir auf\b",
        r"\bweiss,? wo ich (?:wohne|schlafe|arbeite)\b",
        r"\bsperrt mich (?:\w+ ){0,3}ein\b",
        r"\bnimmt mir (?:\w+ ){0,2}(?:handy|telefon|schlussel|geld) weg\b|\b(?:kontrolliert|"
        r"durchsucht) mein (?:handy|telefon)\b",
        r"\bfasst mich an\b",
    ),
)

_SELF_HARM = (
    rule(
        R.SELF_HARM,
        1.0,
        "de-self-harm-more",
        r"\b(?:ich )?(?:verbrenne|verbrenn) mich\b(?! (?:beim|an der|am herd|aus versehen))"
        r"|\bmich (?:\w+ )?(?:zu )?verbrennen\b(?! (?:beim|aus versehen))"
        r"|\b(?:schlage|schlag|haue|hau) mir (?:\w+ ){0,3}(?:ins gesicht|gegen den kopf|auf den "
        r"kopf|gegen die wand|blutig)\b"
        r"|\b(?:schlage|schlag|haue|hau) (?:mich selbst|meinen kopf gegen)\b"
        r"|\b(?:hab|habe) mich (?:(?!beim\b|am\b|an\b|aus\b)\w+ ){0,2}(?:geritzt|verbrannt|"
        r"selbst verletzt)\b"
        r"|\b(?:hab|habe) mir (?:(?!beim\b|am\b|aus\b)\w+ ){0,5}(?:den |die |meine |meinen )?"
        r"(?:arm|arme|haut|bein|beine|handgelenk\w*|oberschenkel|bauch) (?:verbrannt|"
        r"aufgeritzt|aufgeschnitten|zerkratzt|geritzt)\b"
        r"|\britz\w* mich\b|\bkratze mich (?:\w+ )?blutig\b",
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "es-fr-self-harm-more",
        r"\b(?:me volvi a cortar|volvi a cortarme|me he vuelto a cortar)\b(?! el pelo| las unas)"
        r"|\bme (?:corte|corto) (?:los|las|el|la) (?:brazos|piernas|munecas|muslos|brazo|"
        r"pierna|muneca)\b"
        r"|\bme (?:golpeo|pego|doy golpes|doy cabezazos|he golpeado) (?:\w+ )?(?:la cabeza )?"
        r"contra (?:la|las) pared\w*\b|\bme (?:golpeo|rasguno|arano|quemo) (?:\w+ ){0,3}hasta "
        r"(?:sangrar|que me (?:duele|sangra))\b"
        r"|\bje me suis (?:\w+ )?(?:scarifiee?|coupee?|brulee?|mutilee?|fait du mal)\b"
        r"(?![^.!?]{0,30}\b(?:cuisin\w*|par accident|four|fer a repasser|casserole|poele|"
        r"huile|feuille)\b)"
        r"|\bje me (?:griffe|gratte|frappe|cogne) (?:\w+ ){0,3}jusqu'?au sang\b"
        r"|\bje me (?:cogne|tape) la tete contre (?:le mur|les murs)\b",
    ),
)

_SUICIDE = (
    rule(
        R.SUICIDE,
        1.0,
        "es-suicide-more",
        r"\bme (?:cuelgo|ahorco|voy a colgar|voy a ahorcar)\b"
        r"(?! (?:la|el|los|las|una|un|del)\b)"
        r"|\b(?:colgarme|ahorcarme)\b(?! (?:la|el|los|las|una|un)\b)|\bcartas de despedida\b"
        r"|\b(?:manana|esta noche|pronto) (?:ya )?no (?:voy a estar|estare) (?:aqui|mas)\b"
        r"|\bmanana (?:todo )?se acaba\b|\bdisparaitre pour de bon\b|\bsi je disparaissais "
        r"pour (?:de bon|toujours)\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "de-suicide-more",
        r"\babschiedsbrief\w*\b|\b(?:morgen|heute nacht|bald|nachste woche) (?:bin ich|gibt "
        r"es mich) (?:\w+ )?nicht mehr(?: da| hier)?\b(?! (?:im buro|in der schule|erreichbar|"
        r"online))"
        r"|\b(?:will|mochte|werde|wurde) ich (?:\w+ ){0,3}(?:sterben|tot sein|nicht mehr leben|"
        r"mich umbringen|mir das leben nehmen)\b"
        r"|\bmich (?:\w+ ){0,3}vor (?:den|einen|die) (?:zug|lkw|u-bahn|bus|auto) (?:zu )?"
        r"werfen\b|\berhang\w* mich\b|\bmich (?:\w+ ){0,3}(?:zu )?erhangen\b",
    ),
    *_signs(
        R.SUICIDE,
        0.6,
        "es-fr-de-burden-prep",
        r"\bwenn es mich nicht mehr gab\w*|\bwenn ich (?:nicht mehr da|weg) (?:ware|bin)\b"
        r"|\bsi (?:yo )?no estuviera\b|\bsi je (?:n'?etais plus la|disparaissais)\b",
        r"\b(?:tabletten|pillen) (?:\w+ ){0,3}gesammelt\b|\bsammle (?:\w+ )?(?:tabletten|pillen)"
        r"|\b(?:sachen|meine sachen) verschenkt\b|\bregale (?:mi|mis) (?:perro|gato|cosas)\b"
        r"|\bj'?ai (?:ecrit|redige|fait|prepare) mon testament\b"
        r"|\bdonne (?:toutes )?mes affaires\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "en-last-message",
        r"\b(?:my )?last (?:message|post|text|words) (?:to anyone|ever|i'?ll ever|you'?ll get)\b"
        r"|\b(?:looked up|looking up|googled|googling|research\w*|searched|checking) "
        r"how (?:many floors|many stories|high|tall|far (?:down|a fall))\b"
        + _SENT
        + r"{0,60}\b(?:die|kill|enough to|survive|fall|jump|fatal|lethal)"
        r"|\b(?:looked up|googled|googling|research\w*|searched) how many (?:floors|stories)\b"
        r"|\b(?:looked up|looking up|googled|googling|research\w*|searched|checking) how (?:high|"
        r"tall|far down) (?:a |the |my |our )?(?:bridge|building|balcony|cliff|roof|car park|"
        r"parking garage|window|floor)\b",
    ),
)

_THIRD_PERSON = (
    # Someone else's intent, in the third person: never the speaker's own danger, and
    # the semantic stage is not asked to second-guess it ("mein Bruder sagt, er will
    # seinen Lehrer umbringen", "mi hermano quiere suicidarse").
    concern(
        C.THIRD_PARTY,
        "es-fr-de-third-person",
        r"\b(?:quiere|va a|piensa|planea|amenaza con) (?:\w+ )?(?:matar|apunalar|acuchillar|"
        r"balear|disparar|suicidarse|matarse|quitarse la vida)(?:lo|la|los|las|le|les)?\b"
        r"(?! a mi\b)"
        r"|\b(?:il|elle) (?:veut|va|voudrait|compte|parle de) (?:(?!me\b|m'|nous\b)\w+ )?"
        r"(?:le |la |les |l'?|se )?(?:tuer|buter|poignarder|flinguer|egorger|suicider|"
        r"foutre en l'?air)\b"
        r"|\b(?:er|sie) (?:will|wird|mochte|wollte|plant|droht) (?:(?!mich\b|mir\b|uns\b)"
        r"\w+ ){0,4}(?:umbringen|toten|erstechen|abstechen|erschiessen|abknallen|umlegen|"
        r"das leben nehmen)\b"
        r"|(?<!como )(?<!donde )\bse (?:corta|autolesiona|lastima|hace dano|quema|"
        r"quiere morir|quiere matar)\b"
        r"|\b(?:quiere|habla de) (?:morirse|suicidarse|matarse|suicidio|quitarse la vida)\b"
        r"|\bse (?:scarifie|coupe|mutile|fait du mal|brule|suicide)\b"
        r"|\bparle de (?:se tuer|se suicider|suicide|mourir|en finir)\b"
        r"|\b(?:ritzt|verletzt|schneidet) sich\b|(?<!man )\bsich (?:\w+ )?(?:umbringen|umzubringen|"
        r"das leben (?:zu )?nehmen|toten|ritzen|zu ritzen|verletzen|zu verletzen)\b",
    ),
)

RULES_INTL_MORE: tuple[Rule, ...] = (
    *_WEAPON,
    *_OTHERS,
    *_ABUSE,
    *_SELF_HARM,
    *_SUICIDE,
    *_THIRD_PERSON,
)
