"""Context cues that qualify a pattern match: figurative speech, negation, whose
risk it is, and whether it is told as past and recovered from."""

from __future__ import annotations

import re
from functools import lru_cache

from warmline.safety._normalize import squeeze_word
from warmline.safety._rules import compile_pattern

__all__ = [
    "clause_prefix",
    "figurative_spans",
    "first_person",
    "is_negated",
    "is_quoted",
    "mask_figurative",
    "semantic_quiet",
    "sentence_at",
    "sentence_before",
    "starts_with_self",
    "subject_of",
    "told_as_past",
]

_FIGURATIVE = compile_pattern(
    r"\b(?:killing|killed|kill|kills|slaying|slayed|smashing|smashed) it\b"
    r"|\bkill(?:ing|ed)? (?:some |the )?(?:time|lights|engine|mood|vibe|process|processes|"
    r"task|tasks|app|weeds|bugs|germs|mosquito\w*|flies|fly|ants|two birds|my buzz|battery|"
    r"conversation|power|music|switch|boss|zombies?|monsters?|enemies)\b"
    r"|\b(?:is|are|was|were|'?s|'?re|been) (?:\w+ )?killing me\b(?! (?:and|physically|for real))"
    r"|\b(?:dying|die|died|dead) (?:to (?:see|try|know|meet|hear|go|get|tell|eat|watch|read|"
    r"visit)|for (?:a |some )?(?:coffee|drink|pizza|burger|nap|vacation|holiday|break|"
    r"cigarette|beer))\b"
    r"|\b(?:die|died|dying|dead|death) (?:of|from) (?:laughter|laughing|embarrassment|shame|"
    r"boredom|cringe|curiosity|hunger|heat|thirst|cuteness|jealousy)\b"
    r"|\b(?:die|died|dying) (?:laughing|a little inside)\b|\bto die for\b(?=\s*(?:[.!,?;)]|$|"
    r"and\b|but\b|lol|haha))|\bdead (?:tired|serious|set|end|wrong|right|last|on|center|heat|"
    r"line|weight|beat|ass)\b"
    r"|\b(?:phone|battery|laptop|car|computer|plants?|tv|headphones|charger|remote|"
    r"conversation|party|wifi|internet|engine|iphone|console|mouse|keyboard|flashlight|"
    r"printer|tablet|fish|goldfish|hamster|pc|camera|watch|lightbulb|bulb|vibe|joke|trend|"
    r"meme|game|chat|group chat|thread|server) (?:\w+ )?(?:died|is dead|was dead|just died|"
    r"is dying|'?s dead|finally died|dies)\b"
    r"|\b(?:rather|prefer to|'?d) (?:be )?(?:dead|die) than [^.!?]{0,40}(?:haha|lol|lmao|xd|"
    r"rofl|😂|🤣)"
    r"|\b(?:kill|murder|strangle) (?:me|him|her|them|you|my \w+)\b[^.!?]{0,40}(?:lol|lmao|haha|"
    r"jk|xd|😂|🤣|💀|😅|🙃)"
    # The same joke threats in Spanish, French and German ("je vais tuer ma soeur mdr").
    r"|\b(?:tuer|buter|etrangler|trucider|matar|mato|ahorcar|estrangular|umbringen|"
    r"bring (?:ihn|sie|dich) um|erwurgen)\b[^.!?\n]{0,60}(?:jaja\w*|jeje\w*|xd|mdr|ptdr|lol|"
    r"haha\w*|😂|🤣|💀|😅|🙃)"
    # Playful hyperbole about pets and games: "gonna strangle my cat", "slaughter them at chess".
    r"|\b(?:kill|murder|strangle|throttle)(?:ing)? (?:my|the|this|that|our) (?:cat|cats|dog|dogs|"
    r"puppy|kitten|parrot|hamster|rabbit|bunny)\b"
    r"|\b(?:slaughter|murder|kill|destroy|crush|annihilate|wreck|obliterate|demolish|beat|"
    r"smash)(?:ing|ed|s)? [^.!?\n]{0,40}(?=\b(?:at|in) (?:monopoly|chess|scrabble|uno|poker|"
    r"cards|board games?|mario ?kart|fifa|fortnite|trivia|pictionary|catan|cluedo|"
    r"the game|games|ping ?pong|darts|bowling|mini ?golf|smash bros|quiz night)\b)"
    r"|\b(?:monopoly|chess|scrabble|uno|poker|board games?|mario ?kart|fifa|catan|cluedo|"
    r"trivia|quiz night)\b[^\n]{0,80}?\b(?P<fig>(?:always |usually |keep |keeps )?(?:beat|"
    r"beats|beating|destroy|destroys|crush|crushes|thrash|thrashes) (?:me|us)\b)"
    r"|\bi'?l+ (?:literally )?(?:kill|murder) (?:him|her|them|you|my \w+) if (?:he|she|they|"
    r"you|my \w+) "
    r"(?:\w+ ){0,2}(?:eats?|reads?|touch\w*|spoils?|borrow\w*|is late|forgets?|takes? my|uses? my|"
    r"steals? my|drinks? my|finish\w*|tells? (?:anyone|mom|dad)|changes?)"
    r"|\bif (?:he|she|they|you|my \w+) (?:\w+ ){0,3}(?:eats?|reads?|touch\w*|spoils?|"
    r"borrow\w*|is late|"
    r"forgets?|takes?|uses?|steals?|drinks?|finish\w*|changes?) [^.!?]{0,40}i'?l+ (?:literally )?"
    r"(?:kill|murder) (?:him|her|them|you)\b"
    r"|\bcould (?:sleep|nap) (?:for )?(?:forever|a week|for days)\b"
    r"|\bdrop[- ]?dead\b|\bover my dead body\b|\b(?:die|dye|dyed|dying) (?:my|her|his|"
    r"the) (?:hair|clothes|shirt|jeans|fabric)\b"
    r"|\bshoot (?:me |you |him |her )?(?:an? |the )?(?:email|e-mail|text|message|dm|photo|"
    r"photos|video|pic|shot|hoops|breeze|film|scene|goal|ball|for the stars|my shot|"
    r"your shot|a wedding|portraits)\b"
    r"|\b(?:murder|kill|destroy) (?:a|that|this|some) (?:pizza|burger|beer|sandwich|coffee|"
    r"nap|steak|taco)\b|\bkill for (?:a|some)\b"
    r"|\b(?:bored|scared|worried|freezing|frozen|worked|working|loved?|tickled|"
    r"beaten) (?:myself |me )?to death\b|\blaugh(?:ed|ing)? (?:myself )?to death\b"
    r"|\bkiller (?:app|workout|deal|views|outfit|song|track|idea|headache|cramps)\b|"
    r"\bkillers? (?:game|movie|show)\b"
    r"|\b(?:suspense|wait|waiting|heat|commute|traffic|homework|deadline|exam|exams|job|work|"
    r"boss|kids|cold|pain|migraine|back|feet|knee|legs) (?:\w+ )?(?:is|are|was|'?s|"
    r"will be) (?:literally |really |absolutely |actually )?(?:killing|murdering) me\b"
    r"|\b(?:i'?m|im|i am) (?:so |literally )?(?:dead|dying|deceased)\b(?= ?(?:lol|lmao|haha|"
    r"xd|rofl|💀|😂|omg))|\blmao+ (?:i'?m )?dead\b"
    r"|\bcut\w* (?:class|classes|ties|corners|carbs|sugar|back|down|onions|vegetables|"
    r"veggies|my hair|the cord|costs|the line|it close|loose|in line|out)\b"
    r"|\boverdos\w* on (?:netflix|sugar|coffee|caffeine|chocolate|candy|tv|anime|memes|"
    r"youtube|tiktok|series|shows|work|sun|screen time)\b"
    r"|\bhang(?:ing)? (?:out|on|in there|up|a picture|the picture|pictures|the laundry|with|"
    r"around)\b|\bblow(?:s|ing)? my mind\b"
    r"|\bme muero de (?:hambre|risa|sueno|ganas|frio|calor|aburrimiento|verguenza|sed)\b|"
    r"\bmuert[oa]s? de (?:cansancio|risa|hambre|sueno|miedo|frio)\b|\bmatar el tiempo\b"
    r"|\bmourir de (?:rire|faim|froid|chaud|envie|honte|ennui)\b|\bmort(?:e|s)? de (?:rire|"
    r"fatigue|faim|peur|froid)\b|\bje meurs (?:de|d'?)\w+\b|\btuer le temps\b|\b(?:ca|ce \w+|"
    r"cette \w+) me tue\b"
    r"|\b(?:sterbe|sterben) (?:fast )?vor (?:hunger|lachen|langeweile|durst|hitze|neugier)\b|"
    r"\btodmude\b|\bzu tode (?:gelangweilt|erschrocken)\b|\bbringt mich (?:noch )?um\b"
    # es/fr/de hyperbole: "matar a disgustos", "me quiero morir de vergüenza", insects,
    # and "if he eats my cake again I'll kill him".
    r"|\bmatar(?:me|te|la|lo|nos)? (?:a|de) (?:disgustos|sustos|un susto|un disgusto|risa)\b"
    r"|\b(?:la|lo|me|te|nos) (?:vas|va|vamos|van) a matar (?:a|de) (?:disgustos|sustos|un susto|"
    r"un disgusto|risa)\b"
    r"|\b(?:me )?(?:quiero|quise|queria) morir(?:me)? de (?:la )?(?:verguenza|risa|pena|"
    r"cringe|envidia)\b"
    r"|\b(?:matar|mato|tuer|buter|tue|bute|umbringen|erschlagen|toten)\b [^.!?\n]{0,20}"
    r"\b(?:mosquitos?|moscas?|avispas?|cucarachas?|aranas?|moustiques?|mouches?|guepes?|"
    r"araignees?|cafards?|mucken?|fliegen?|wespen?|spinnen?|kakerlaken?)\b"
    r"|\b(?:ce|cette|ese|esa|este|esta|diese[rsn]?|der|die|das) (?:moustique|mouche|guepe|"
    r"araignee|cafard|mosquito|mosca|avispa|cucaracha|arana|mucke|fliege|wespe|spinne|"
    r"kakerlake)\b[^.!?\n]{0,40}"
    r"|\b(?:wenn|falls) [^.!?\n]{0,50}\b(?:kuchen|essen|pizza|schokolade|pommes|chips|snacks?|"
    r"ladegerat|serie|pullover|klamotten|shampoo|joghurt|nutella|bier|spiel)\b[^.!?\n]{0,30}"
    r"\b(?:bring|bringe|mach|mache) ich (?:ihn|sie|dich|euch) (?:um|kalt)\b"
    r"|\bsi [^.!?\n]{0,50}\b(?:pizza|comida|chocolate|postre|cargador|serie|ropa|helado|"
    r"gateau|dessert|chargeur|chocolat|glace|frites)\b[^.!?\n]{0,30}\b(?:lo mato|la mato|"
    r"je le tue|je la tue|je le bute|je la bute)\b"
)

_NEGATION = compile_pattern(
    r"\b(?:not|never|no|don'?t|dont|didn'?t|didnt|doesn'?t|won'?t|wont|wouldn'?t|wouldnt|"
    r"isn'?t|aren'?t|ain'?t|nor|nunca|jamais|nie|nicht|kein|sin|sans|ohne)\b|n't\b"
)
_NEGATION_EXCEPTIONS = compile_pattern(
    r"\b(?:don'?t|dont|do not|didn'?t) (?:know|care|think i can|see why|understand)|"
    r"\bnot sure|\bnot going to lie|\bnot gonna lie|\bcan'?t (?:stop|help|resist|wait|shake|"
    r"get|take|bear|go|control)|\bcannot (?:stop|help|resist|control)|\bno (?:way|one|reason|"
    r"point|hope|matter)|\bnever (?:stop|stopped|get|gets)|\b(?:won'?t|wont) (?:stop|leave|"
    r"go away)|\bdon'?t (?:want to keep|have the energy)"
)
_WINDOW = 400
"""How far back a clause or sentence is looked for; longer ones are cut there."""
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n]|,|\bbut\b|\bbecause\b|\bthough\b|\balthough\b|\bpero\b|\bmais\b|\baber\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?;\n]+")
_WORD = re.compile(r"[a-z']+")


def _words(text: str) -> frozenset[str]:
    """A word set in canonical (squeezed) spelling."""
    return frozenset(squeeze_word(w) for w in text.split())


_SELF = _words(
    "i i'm im me my mine myself i've ive i'd i'l yo me mi je j moi ich mich mir mein meine"
)
_OTHER = _words(
    "he she they him her his hers them their he's she's they're theyre friend friends brother "
    "sister mom mum mother dad father son daughter kid kids child children partner husband wife "
    "boyfriend girlfriend bf gf roomate roommate cousin aunt uncle grandma grandpa someone so"
    "mebody "
    "people person student students patient patients client clients coworker colleague classmate "
    "teen teens teenager teenagers neighbor neighbour character characters man woman guy girl boy "
    "you your u ur anyone everyone men women victims victim veterans soldiers celebrities "
    "flatmate flatmates housemate housemates teammate "
    # Spanish, French, German ("el", "sie" as object and "ihr" are left out: too ambiguous).
    "amigo amiga amigos amigas hermano hermana madre padre mama papa hijo hija hijos hijas "
    "novio novia pareja esposo esposa marido companero companera primo prima tio tia vecino "
    "vecina alguien ella "
    "ami amie amis amies copain copine frere soeur mere pere fils fille mari collegue voisin "
    "voisine cousin cousine quelqu'un quelqu'une elle "
    "freund freundin freunde freundinnen bruder schwester mutter vater sohn tochter kollege "
    "kollegin nachbar nachbarin mitbewohner mitbewohnerin jemand er kumpel "
    "abuela abuelo pote potes coloc colocataire qu'il qu'elle oma opa"
)
_TOPIC = _words(
    "essay article paper book movie film documentary research class lecture statistics stats rates "
    "rate prevention awareness podcast course training report project presentation song lyric"
    "s poem "
    "story novel show episode hotline volunteer study history definition meaning game scene season "
    "chapter thesis assignment homework campaign psychology policy law debate news"
)
_DETERMINERS = _words("my his her our their your a the whose")
_OBJECT_PRONOUNS = _words("him them us her")
_PREPOSITIONS = _words("to for with at about of from by on in into without like than")
_SPEECH = compile_pattern(
    r"\b(?:he|she|they|friend|brother|sister|mom|dad|son|daughter|partner|husband|wife|"
    r"boyfriend|girlfriend|someone|somebody|roommate|flatmate|housemate|coworker|colleague|"
    r"classmate|teammate|student|cousin|"
    r"kid)\b[^.!?]{0,40}\b(?:said|says|told|tells|texted|wrote|writes|posted|keeps saying|"
    r"kept saying|messaged|mentioned|admitted|confessed|screamed|threatens|threatened to)\b"
    r"|\b(?:amig[oa]s?|herman[oa]|madre|padre|hij[oa]|novi[oa]|pareja|companer[oa]|ella|"
    r"ami|amie|copain|copine|frere|soeur|mere|pere|fils|fille|collegue|elle|pote|coloc|"
    r"abuela|abuelo|grand-mere|grand-pere|oma|opa|"
    r"freund|freundin|bruder|schwester|mutter|vater|sohn|tochter|kollege|kollegin|er)\b"
    r"[^.!?]{0,40}\b(?:dice|dijo|me dijo|me conto|escribio|me escribio|habla de|hablo de|"
    r"comenta|publico|a dit|m'?a dit|m'?a ecrit|parle de|a parle de|"
    r"sagt|sagte|hat gesagt|schreibt|schrieb|redet von|spricht von|meint)\b"
)
_QUOTED = re.compile(r"(?<![a-z])[\"'\u201c\u2018]([^\"\u201d\n]{3,}?)[\"'\u201d\u2019](?![a-z])")
_SPEECH_VERB = compile_pattern(
    r"\b(?:said|says|told|tells|texted|wrote|writes|sings|sang|goes|line|quote|lyrics?)\b"
)
_PAST = compile_pattern(
    r"\bused to\b|\b(?:years|decades) ago\b|\b(?:\d+|a few|few|several|many|two|three|four|"
    r"five|ten) (?:years|year) (?:ago|back)\b|\bas a (?:kid|child|teen|teenager|young)|"
    r"\bwhen i was (?:younger|little|a kid|a child|a teen|a teenager|in (?:high )?school|"
    r"in college|at uni|\d+|growing up)|\bin the past\b|\bback then\b|\bback in\b|"
    r"\blong time ago\b|\bat my lowest\b|\bin (?:high school|college|my teens|my twenties)\b|"
    r"\bteenage years\b|\bgrowing up\b|\bpreviously\b|\bonce upon\b|\b(?:19|20)\d\d\b"
    r"|\b(?:\d+|one|a|two|three|four|five|six|ten) (?:days?|weeks?|months?|years?) "
    r"(?:clean|free|sober)\b|\bclean (?:from|of) (?:cutting|self ?harm|sh)\b|\banniversary of\b"
    r"|\b(?:a|one|last) year ago\b|\blast year\b|\b(?:\d+|one|two|three|four|five|six|ten) "
    r"years since\b|\bat (?:age )?\d{1,2},? i\b|\b(?:old|past) (?:self ?harm|cutting|scars)\b"
    r"|\b(?:days?|weeks?|months?|years?) without (?:self ?harm|cutting|sh|hurting myself)\b"
    # Spanish, French, German: "hace tres años", "il y a deux ans", "vor vier Jahren".
    r"|\bhace (?:\d+|un|dos|tres|cuatro|cinco|seis|diez|varios|muchos|unos) anos\b(?! que)"
    r"|\bcuando (?:era|tenia) (?:nin[oa]|joven|adolescente|pequen[oa]|\d+)|\bde "
    r"(?:adolescente|joven)\b|\ben el pasado\b|\ben la adolescencia\b"
    r"|\bil y a (?:\d+|un|deux|trois|quatre|cinq|six|dix|quelques|plusieurs) (?:ans|annees)"
    r"\b(?! que| qu')|\bquand j'?etais (?:petite?|jeune|ado|adolescente?)\b"
    r"|\ba l'?adolescence\b|\bpar le passe\b"
    r"|\bvor (?:\d+|einem|einigen|ein paar|zwei|drei|vier|funf|sechs|zehn|vielen|mehreren) "
    r"jahren\b|\bals ich (?:\w+ )?(?:jung|klein|ein kind|kind|teenager|jugendliche[r]?|\d+) "
    r"war\b|\bfruher\b|\bdamals\b"
)
_RECOVERED = compile_pattern(
    r"\b(?:now|today|these days|nowadays) (?:i'?m|i am|i feel|things are|life is|i have|"
    r"i'?ve)\b|\bdoing (?:much |a lot |so |way )?better\b|\brecover(?:ed|y|ing)\b|"
    r"\bclean (?:for|since)\b|\b\d+ (?:days|weeks|months|years) clean\b|"
    r"\bhaven'?t (?:\w+ ){0,3}(?:in|for|since) (?:years|months|a long time|ages|\d+)|"
    r"\bproud of\b|"
    r"\btherapy (?:helped|saved|really)|\bglad (?:i'?m still here|i didn'?t|i survived|"
    r"to be alive|i stayed)|\bsurvived\b|\bsurvivor\b|\bgot (?:help|through it|better)\b|"
    r"\bbetter place\b|\bgrateful\b|\bthankful\b|\bi'?m (?:okay|ok|fine|good|happy|safe|"
    r"stable) now\b|\bhealed\b|\bmoved on\b|\bnot anymore\b|\bno longer\b|"
    r"\bthose days are (?:over|behind)|\bi'?m safe\b|\b(?:changed|saved) my life\b"
    r"|\bgot out of (?:that|the|an?|my) (?:relationship|marriage|house|situation)\b"
    r"|\b(?:hoy|ahora) (?:estoy|me siento|me encuentro) (?:\w+ )?(?:mejor|bien|feliz)\b"
    r"|\b(?:estoy|me siento) (?:mucho |muchisimo |bastante )?mejor\b|\blo supere\b"
    r"|\bsali adelante\b|\bvoy a terapia\b"
    r"|\bje vais (?:beaucoup |bien |tellement |vraiment )?mieux\b|\bca va (?:beaucoup |"
    r"bien )?mieux\b|\bje m'?en suis sortie?\b|\baujourd'?hui (?:je vais bien|ca va|je suis "
    r"heureu)|\bguerie?\b"
    r"|\b(?:heute|jetzt|inzwischen|mittlerweile) geht es mir (?:\w+ )?(?:gut|besser)\b"
    r"|\bmir geht es (?:jetzt |heute |inzwischen |mittlerweile )(?:\w+ )?(?:gut|besser)\b"
    r"|\bich bin (?:jetzt |inzwischen )?stabil\b|\buberwunden\b|\bmache eine therapie\b"
)
_RELAPSE = compile_pattern(
    r"\bagain\b|\blately\b|\brecently\b|\bcoming back|\bcame back|\bback again|"
    r"\bstarted again|\brelaps|\btonight\b|\bright now\b|\bthis (?:week|morning|evening)\b|"
    r"\byesterday\b|\blast night\b|\bstill (?:want|think|have (?:the )?urges|feel like|cut|"
    r"do it|does|do|hits|beats|hurts)|\bthe urges? (?:are|is|have|has) (?:back|returned|"
    r"getting|stronger)\b|\bcan'?t stop\b"
    r"|\botra vez\b|\bde nuevo\b|\b(?:volvi|he vuelto|vuelvo) a\b|\bultimamente\b|"
    r"\banoche\b|\besta noche\b|\bahora mismo\b"
    r"|\bencore\b|\ba nouveau\b|\bde nouveau\b|\brecemment\b|\bces derniers (?:jours|"
    r"temps)\b|\bcette nuit\b|\bhier soir\b|\bce soir\b"
    r"|\bwieder\b(?! (?:gut|besser|stabil|glucklich|froh))|\bgestern\b|\bheute nacht\b|"
    r"\bin letzter zeit\b|\bgerade (?:eben|jetzt)\b"
)


def mask_figurative(text: str) -> str:
    """Blank out figurative uses ("killing it", "my phone died") so no rule sees them.

    Where a pattern names a `fig` group, only that part is blanked (the game
    named earlier in "at monopoly ... they always beat me" stays readable).
    """
    return _FIGURATIVE.sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    whole = match.group()
    if match.group("fig") is None:
        return " " * len(whole)
    left, right = match.start("fig") - match.start(), match.end("fig") - match.start()
    return whole[:left] + " " * (right - left) + whole[right:]


def figurative_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where figurative uses lie in canonical text."""
    return tuple(m.span("fig") if m.group("fig") else m.span() for m in _FIGURATIVE.finditer(text))


_SAFE_INTENT = compile_pattern(
    r"\b(?:to make sure|make sure) (?:i'?m|we'?re|i am|everyone is|everyone'?s|the kids are|"
    r"my kids are) (?:being |staying |kept |all )?safe\b|\bfor safety reasons\b|"
    r"\bsafety (?:precautions|tips)\b|\bchild ?proof\w*|\bbaby ?proof\w*|"
    r"\bshould never be mixed\b|\b(?:never|not) (?:to )?mix (?:them|these|those)\b"
)
_FOND_FAREWELL = compile_pattern(
    r"\b(?:funeral|memorial|wake|service|celebration of (?:his|her|their) life)\b"
    r"(?=[^\n]*\b(?:laugh\w*|smil\w*|celebrat\w*|would have (?:wanted|loved)|"
    r"lovely|beautiful send ?off|fond memories|happy memories)\b)"
)


_EXERTION = compile_pattern(
    r"\b(?:gym|workout|work out|bench\w*|push ?ups|lifting|leg day|chest day|training|"
    r"entrenamiento|gimnasio|entrainement|muscu|bankdrucken|fitness|muskelkater|agujetas|"
    r"courbatures|cough\w*|toser|tos|tousse|toux|husten)\b"
)


def semantic_quiet(
    text: str,
    spans: tuple[tuple[int, int], ...],
    start: int,
    end: int,
    *,
    medical: bool = False,
) -> bool:
    """Whether the rules have already read the semantic stage's window as harmless.

    So when the window lies within one sentence that holds a figurative use
    ("she's going to murder me haha"), when the message asks how to stay safe or
    tells fondly of a funeral, and, for a `medical` window, when its sentence
    puts the pain down to exercise or a cough. `text` is canonical; the window
    is in its coordinates.
    """
    if _SAFE_INTENT.search(text) or _FOND_FAREWELL.search(text):
        return True
    if medical and _EXERTION.search(sentence_at(text, start, end)):
        return True
    sentence = sentence_at(text, start, end)
    left = text.rfind(sentence, 0, end) if sentence else -1
    if left < 0 or left > start:
        return False
    right = left + len(sentence)
    return end <= right + 1 and any(a < right and b > left for a, b in spans)


def clause_prefix(text: str, start: int) -> str:
    """The text of the clause that contains `start`, up to `start`."""
    head = text[max(0, start - _WINDOW) : start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(head)]
    return head[breaks[-1] :] if breaks else head


def sentence_at(text: str, start: int, end: int) -> str:
    """The whole sentence containing the span."""
    left = max(
        (m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - _WINDOW), start)),
        default=max(0, start - _WINDOW),
    )
    right = _SENTENCE_BREAK.search(text, end)
    return text[left : right.start() if right else len(text)]


def is_negated(prefix: str, fragment: str = "") -> bool:
    """Whether a negation in the last few words of the clause cancels what follows.

    A negation before "and I ..." / "y quiero ..." belongs to the earlier statement
    ("my mum doesn't get me and I want to die"): words up to such a joint are dropped.
    """
    words = _WORD.findall(prefix)[-5:]
    for index in range(len(words) - 1, -1, -1):
        if words[index] in _JOINTS:
            following = words[index + 1 : index + 2]
            if (following and _speaks_as_self(following[0])) or (
                not following and fragment and starts_with_self(fragment)
            ):
                words = words[index + 1 :]
            break
    window = " ".join(words)
    return bool(_NEGATION.search(window)) and not _NEGATION_EXCEPTIONS.search(window)


_JOINTS = frozenset({"and", "y", "e", "et", "und", "so"})


def _speaks_as_self(word: str) -> bool:
    return word in _SELF or word.startswith("j'") or word in _FIRST_VERBS


def subject_of(prefix: str, sentence: str) -> str | None:
    """Whose experience the clause reports: "self", "other", "topic" or None when unsaid.

    Scans back from the match to the nearest person or topic word; a third party
    reported as speaking ("my friend said ...") makes the whole sentence theirs.
    """
    if _SPEECH.search(prefix) or _SPEECH.search(sentence[: max(len(sentence) - len(prefix), 0)]):
        return "other"
    words = _WORD.findall(prefix)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in _SELF or word.startswith("j'") or _spanish_he(words, index):
            return "self"
        if word in _OTHER and not _is_object(words, index) and not _squeezed_soon(words, index):
            return "other"
        if word in _TOPIC:
            return "topic"
    return None


def _spanish_he(words: list[str], index: int) -> bool:
    """Whether "he" is the Spanish "I have" before a participle ("he dejado", "he escrito")."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return words[index] == "he" and following.endswith(("ado", "ido", "to", "cho", "sto"))


def _squeezed_soon(words: list[str], index: int) -> bool:
    """Whether "son" is really "soon" squeezed: a son comes after "my", "her", "my teenage"."""
    return words[index] == "son" and not _DETERMINERS.intersection(words[max(0, index - 2) : index])


def _is_object(words: list[str], index: int) -> bool:
    """Whether the person word at `index` is an object ("to my kids", "him"), not a subject."""
    if words[index] in _OBJECT_PRONOUNS:
        return True
    if index + 1 < len(words) and words[index + 1] in ("who", "that"):
        return False
    before = words[max(0, index - 2) : index]
    return bool(before) and (
        before[-1] in _PREPOSITIONS or (len(before) == 2 and before[0] in _PREPOSITIONS)
    )


def starts_with_self(fragment: str) -> bool:
    """Whether a matched fragment opens with a first-person subject ("i'll kill him").

    Spanish drops the pronoun ("quiero morirme", "no quiero vivir"): a first-person
    verb among the first two words, or a reflexive "-me" infinitive, says it instead.
    """
    words = _WORD.findall(fragment[:24])
    if not words:
        return False
    return (
        words[0] in _SELF
        or words[0].startswith("j'")
        or words[0].endswith(_REFLEXIVE_ME)
        or not _FIRST_VERBS.isdisjoint(words[:2])
    )


_FIRST_VERBS = _words(
    "quiero quisiera queria voy pienso necesito tengo estoy deseo planeo puedo siento "
    "veux voudrais vais"
)
_REFLEXIVE_ME = ("arme", "erme", "irme")


def told_as_past(message: str, sentence: str, *, strict: bool = False, before: str = "") -> bool:
    """Whether danger is told as over: past framing, and nothing says it is back.

    With `strict` (emergencies such as an overdose), past framing alone is not
    enough: the message must also say the person recovered. `before` is the
    sentence up to the match: "back then I had friends, now I want to die" turns
    to the present after the past cue, so the danger is not past.
    """
    relapse, recovered = _message_time(message)
    if relapse or _turns_to_present(before):
        return False
    return recovered if strict else recovered or bool(_PAST.search(sentence))


_NOW = compile_pattern(
    r"\b(?:now|right now|today|these days|nowadays|ahora|ahorita|hoy|maintenant|"
    r"aujourd'?hui|desormais|jetzt|heute|nun|mittlerweile|inzwischen)\b"
)


def _turns_to_present(before: str) -> bool:
    """Whether a "now" follows the last past cue in the text before a match."""
    now = [m.start() for m in _NOW.finditer(before)]
    if not now:
        return False
    past = [m.start() for m in _PAST.finditer(before)]
    return not past or now[-1] > past[-1]


def sentence_before(text: str, start: int) -> str:
    """The part of the sentence containing `start` that comes before it."""
    left = max(
        (m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - _WINDOW), start)),
        default=max(0, start - _WINDOW),
    )
    return text[left:start]


@lru_cache(maxsize=64)
def _message_time(message: str) -> tuple[bool, bool]:
    """Whether the message says danger is back, and whether it tells of recovery from the past."""
    return bool(_RELAPSE.search(_MILESTONE.sub(" ", message))), bool(
        _PAST.search(message) and _RECOVERED.search(message)
    )


_MILESTONE = compile_pattern(
    r"\b(?:\d+|one|a|two|three|four|five|six|ten) (?:days?|weeks?|months?|years?) "
    r"(?:clean|free|sober)(?: (?:from|of) [\w-]+(?: [\w-]+)?)?(?: (?:this week|today|"
    r"this month|tonight))?"
)
"""A recovery milestone: its date ("two years clean this week") does not mean relapse."""


@lru_cache(maxsize=64)
def _quotes(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _QUOTED.finditer(text))


def is_quoted(text: str, start: int, sentence: str) -> bool:
    """Whether the match sits inside quotation marks in a sentence about a song, book or speaker."""
    for left, right, quoted in _quotes(text):
        if left < start < right:
            outside = sentence.replace(quoted, " ")
            return bool(_SPEECH_VERB.search(outside)) or any(
                w in _TOPIC for w in _WORD.findall(outside)
            )
    return False


def first_person(sentence: str) -> bool:
    """Whether the sentence speaks about the speaker (pronoun, or an implied "I")."""
    words = _WORD.findall(sentence)
    if any(w in _SELF for w in words):
        return True
    return bool(words) and words[0] in _IMPLIED_I


_IMPLIED_I = _words(
    "feeling feel felt been so very really getting having kinda pretty more super extremely "
    "constantly always still just too thinking having"
)
