"""More English rules: slang, inflected method phrases and acute symptoms.

Kept apart from the core tables so each file stays readable; same shorthands
as `_rules` (`<i>` first person, `<gap>` a few words without a negation).
"""

from __future__ import annotations

from warmline.safety._rules import Rule, rule
from warmline.safety._rules_en import ACCIDENT as _ACCIDENT
from warmline.safety._types import RiskCategory as R

__all__ = ["RULES_EXTRA"]

_SUICIDE = (
    rule(
        R.SUICIDE,
        1.0,
        "slang-rope",
        r"\b(?:gonna|going to|wanna|want to|might|should|about to|finna) rope\b|\broping myself\b"
        r"|\bcheck(?:ing)? out (?:for good|permanently|of (?:life|this world))\b"
        r"|\bpermanent (?:solution|way out|exit)\b|\b(?:unaliv\w*|kil\w*) (?:my|me) ?self\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "point-me-alive",
        r"\b(?:no|not any|isn'?t any|isn'?t a|don'?t see (?:a|any|the)) (?:\w+ )?(?:point|reason) "
        r"(?:in |for )?(?:me|my) (?:being alive|living|existing|staying alive|to (?:live|"
        r"stay|exist))\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "drive-crash",
        r"\b(?:driv\w*|crash\w*|steer\w*|swerv\w*) (?:my car |the car )?(?:into|off) (?:a |the )?"
        r"(?:wall|tree|bridge|cliff|river|oncoming|truck|lake|barrier)",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "only-way-out",
        r"\b(?:suicide|death|dying|ending (?:it|my life)) (?:is|seems|feels|looks) (?:like )?"
        r"(?:the|my) (?:only |best |last )?(?:answer|option|way out|solution|choice|escape)\b"
        r"|\b(?:the|my) only (?:way out|option|escape|solution) (?:is|would be) "
        r"(?:suicide|death|to die|dying|to end (?:it|my life))\b",
        personal=False,
    ),
    rule(
        R.SUICIDE,
        0.6,
        "said-goodbyes",
        r"\b(?:said|saying|say) (?:my )?(?:last |final )?goodbyes?\b(?! (?:to (?:the|"
        r"my) (?:team|class|coworkers|colleagues)|at the (?:party|airport|station)))"
        r"|\b(?:picturing|imagining|fantasi\w* about|daydream\w* about) (?:my own|my) "
        r"(?:death|funeral|suicide|dying)\b",
    ),
    rule(
        R.SUICIDE,
        0.5,
        "means-access",
        r"\b(?:i'?ve |i )?(?:just )?(?:got|bought|have|found|tied|ordered|picked up) "
        r"(?:a |the |some |my )?(?:rope|noose|gun|razor blades|helium)(?: now| ready| already)?\b",
    ),
)

_SELF_HARM = (
    rule(
        R.SELF_HARM,
        1.0,
        "head-banging",
        r"\b(?:bang\w*|slam\w*|hit\w*|punch\w*|smash\w*|scratch\w*|pinch\w*|claw\w*) "
        r"(?:my (?:head|face|arms?|legs?|skin|body|fists?)) (?:\w+ ){0,3}?"
        r"(?:until|till|'?til|so hard|against (?:the |a )?(?:wall|floor|desk|door))",
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "cut-again",
        r"<i> (?:\w+ )?(?:cut|burned|burnt|scratched) (?:deeper|too deep|deep|again)\b"
        r"|\b(?:barcode|cat scratches|beans|styro)\b[^.!?]{0,30}\b(?:arms?|wrists?|thighs?|"
        r"legs?|cuts|skin)\b"
        r"|\b(?:arms?|wrists?|thighs?|legs?|skin) (?:\w+ ){0,3}(?:like )?a barcode\b"
        r"|\bwent (?:to|down to) (?:styro|beans|fat)\b"
        r"|\bbroke my (?:\d+[- ]day |\w+ )?(?:clean |sh )?streak\b",
    ),
)

_OTHERS = (
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "slang-others",
        r"<i> <gap>(?:gonna|going to|will|wanna|want to) (?:murk|merk|smoke|end|off|waste|stab up) "
        r"(?:him|her|them|that \w+|my (?!life|own|self|existence)\w+)\b(?! (?:at|in) )",
    ),
)

_MEDICAL = (
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "symptoms",
        r"\b(?:having|had|think i'?m having|i think (?:i'?m|it'?s)|might be having) "
        r"(?:a )?(?:heart attack|stroke|seizure|anaphylactic|allergic reaction)\b(?! of )"
        r"|\b(?:face|mouth|smile) (?:is |has )?(?:drooping|droopy|numb on one side)\b"
        r"|\b(?:throat|tongue) (?:is )?(?:closing|swelling)\b",
        personal=False,
        timeless=True,
    ),
)

_MORE_SUICIDE = (
    rule(
        R.SUICIDE,
        1.0,
        "end-everything",
        r"\bend(?:ing)? (?:it all|everything|my life|things)\b(?! (?:with|between|for (?:the|"
        r"this|my) \w+))"
        r"|\b(?:want\w*|wanna|wish\w*|hope|hoping|ready|going|gonna|"
        r"need) (?:to )?(?:i could |i'?d |i would )?(?:just )?(?:fall asleep|"
        r"go to sleep|sleep|rest) forever\b|\beternal (?:sleep|rest)\b"
        r"|\bwant (?:out of|to leave) (?:this |my )?(?:life|world|existence)\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "jump",
        r"<i> (?:am |'m )?(?:going to|gonna|about to|ready to|want to|wanna|will|'?l) jump"
        r"(?=\s*(?:off\b|now\b|tonight\b|today\b|[.!]|$))"
        r"|\b(?:bridges?|roofs?|rooftops?|buildings?|cliffs?|ledges?|balcon\w*|heights?) "
        r"(?:\w+ ){0,3}(?:to jump|i could jump|jump from|high enough to (?:jump|die|kill|end))\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "hit-by",
        r"\b(?:hope|hoping|wish|wishing|pray\w*|want) (?:that )?(?:a |the )?(?:car|truck|bus|"
        r"train|someone|"
        r"somebody) (?:would |will |to |could )?(?:just )?(?:hit|hits|kill|kills|run\w* over|"
        r"crash\w* "
        r"into) me\b|\b(?:want|wish|hope)\w* (?:to )?(?:get|be) (?:hit|run over|"
        r"killed) by (?:a |the )?"
        r"(?:car|bus|truck|train)\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "not-wake",
        r"\b(?:fine|ok|okay|happy|glad|relieved|better) if i (?:didn'?t|don'?t|never|"
        r"did not) wake up\b"
        r"|\bif i (?:didn'?t|don'?t|never) wake up(?: tomorrow)?,? (?:i'?d|that'?d|it'?d|"
        r"it would) be "
        r"(?:fine|ok|okay|good|nice|a relief|better)\b",
    ),
    rule(
        R.SUICIDE,
        0.6,
        "gone-soon",
        r"\b(?:i'?ll|i will|i'?m going to|i'?m gonna) be gone (?:soon|by|tomorrow|forever|"
        r"for good)\b"
        r"|\b(?:world|everyone|nobody|no one) (?:doesn'?t|does not|don'?t|"
        r"won'?t) (?:even )?need me\b",
    ),
    rule(
        R.SUICIDE,
        0.5,
        "nobody-cares-gone",
        r"\b(?:nobody|no one|noone) (?:will|would|is going to) (?:even )?(?:care|notice|miss me)\b",
    ),
)

_MORE_HARM = (
    rule(
        R.SELF_HARM,
        1.0,
        "hurt-self-inflected",
        r"\b(?:cut|scratch|punch|hit|burn|bit|carv|bang|slam|pinch|bruis|stabb?|hurt|harm|"
        r"injur|starv)\w* "
        r"(?:myself|my ?self)\b(?! (?:up|out|off|from))"
        + _ACCIDENT
        + r"|\b(?:mak\w*|made) myself (?:bleed|bruise)\b",
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "threat",
        r"\bi'?l+ (?:\w+ )?(?:kill|murder|stab|shoot|strangle) (?:him|her|them|that \w+|my \w+)\b"
        r"|\b(?:have|got|bought) (?:a |my |the )?(?:gun|knife|weapon|"
        r"rifle)\b[^.!?]{0,60}\b(?:know where "
        r"(?:he|she|they) (?:lives?|works?|is)|waiting for (?:him|her|them)|for (?:him|her|them))",
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "bleeding-overdose",
        r"\b(?:can'?t|cannot|won'?t) stop (?:the )?bleeding\b|"
        r"\bchest pains?\b[^.!?]{0,60}\b(?:arm|jaw|numb|"
        r"breathe|sweat)|\btook (?:too much|way too much|an overdose of|extra|double|triple) "
        r"(?:of )?(?:my )?[\w' ]{0,30}(?:on purpose|to die|deliberately|intentionally|"
        r"insulin|medication|"
        r"meds|pills)\b|\b(?:is|are|'s|'re) (?:\w+ )?(?:overdosing|od'?ing|having a seizure|"
        r"bleeding out)\b"
        r"|\b(?:took|taken|swallowed|popped) (?:\w+ ){0,3}(?:sleeping pills|pills|xanax|"
        r"benzos|opioids|"
        r"painkillers|oxy\w*)\b[^.!?]{0,40}\b(?:vodka|alcohol|drinking|drunk|wine|beer|whiske?y)\b"
        r"|\b(?:drank|drinking|drunk) [^.!?]{0,40}\b(?:took|taken|swallowed|popped) (?:\w+ ){0,3}"
        r"(?:sleeping pills|pills|xanax|benzos|painkillers)\b",
        personal=False,
        timeless=True,
    ),
)

_PROBE3 = (
    rule(
        R.ABUSE,
        1.0,
        "night-visits",
        (
            r"\b(?:afraid|scared|terrified)\b[^.!?]{0,60}\b(?:comes|came|sneaks|creeps|"
            r"gets) into my (?:room|bed)\b"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "use-it-on",
        r"\buse (?:it|the knife|the gun|that|them) on (?:him|her|them|my \w+)\b"
        r"|\burges? to (?:push|hurt|kill|stab|shake|drown|hit|smother|choke|strangle) (?:my|"
        r"him|her|them|"
        r"someone|somebody|the baby)\b",
    ),
    rule(
        R.SUICIDE,
        1.0,
        "take-all-at-once",
        r"\b(?:thinking (?:about|of)|going to|gonna|want to|wanna|plan\w* to|might|"
        r"could just|about to)"
        r" (?:take|taking|swallow\w*) (?:all|every one of|the whole (?:bottle|box|"
        r"pack) of) (?:of )?"
        r"(?:my |the |these )?(?:[\w']+ )?(?:pills|meds|medication|antidepressants|tablets|"
        r"painkillers)\b"
        r"|\b(?:don'?t|can'?t|cannot) see myself (?:being )?(?:alive|here|around|living) "
        r"(?:next|in|by|much|for)\b"
        r"|\b(?:right|perfect|best) (?:moment|time|day|night) to (?:end it|die|kill myself|"
        r"end my life)\b",
    ),
    rule(
        R.SUICIDE,
        0.5,
        "wont-be-around",
        r"\b(?:won'?t|will not|wont) be (?:around|here)\b",
    ),
)

_MORE_SIGNS = (
    rule(
        R.SUICIDE,
        1.0,
        "enough-of-life",
        r"\b(?:had|have|i'?ve had) enough of (?:this |my )?(?:life|living|being alive|existing)\b"
        r"|\bfeel\w* like dying\b|\b(?:drink|drinking|starve|starving|smoke|"
        r"smoking)\w* myself to death\b"
        r"|\bhow (?:many|much) (?:of )?(?:my |the |these )?(?:[\w']+ )?(?:pills|tablets|meds|"
        r"medication)"
        r"[^.!?]{0,30}\b(?:would|will|it'?d|does it) (?:it )?take\b",
    ),
    rule(
        R.SUICIDE,
        0.6,
        "too-late",
        r"\b(?:until|by the time|before) (?:it'?s|it is|it'?ll be) too late\b"
        r"|\b(?:plan|going|decided|ready) (?:is )?to do it\b[^.!?]{0,60}\b(?:when|"
        r"while) (?:everyone|"
        r"everybody|nobody|no one|my \w+) (?:is|are|'s) (?:out|asleep|gone|away|at work)\b",
    ),
    rule(
        R.SUICIDE,
        0.5,
        "hidden",
        r"\b(?:nobody|no one) (?:will|would|is going to|can) (?:ever )?find me\b",
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "make-suffer",
        r"\bmake (?:him|her|them|that \w+|my \w+) (?:all )?(?:suffer|bleed|hurt)\b"
        r"|\b(?:want|wish|hope)\w* (?:to see )?(?:them|him|her|everyone|everybody|"
        r"my \w+) (?:all )?dead\b",
    ),
)

_HELD_OUT = (
    # Fear of hurting one's own baby or child, as the es/fr/de rules have it.
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "harm-child-fear-en",
        r"\b(?:scared|afraid|terrified|worried|frightened) (?:that )?(?:i'?m going to|i'?ll|"
        r"i might|i could|i will|of) (?:shake|shaking|hurt\w*|hit\w*|smother\w*|drown\w*|"
        r"suffocat\w*|throw\w*) (?:the|my|our) (?:baby|newborn|son|daughter|kid|child|toddler|"
        r"infant)\b",
    ),
    # Sexual coercion in the present tense ("makes me have sex when I say no").
    rule(
        R.ABUSE,
        1.0,
        "coerced-sex",
        r"\b(?:makes?|forces?|pressures?|pushes) me (?:to )?(?:have sex|do sexual|sleep with "
        r"(?:him|her|them)|do (?:stuff|things) (?:i don'?t want|sexually))\b",
    ),
)

# Preparations and threats that are common in what people write but name no act:
# counted pills that are "enough", a rope made ready, an address and a knife, a
# threat against a school. Weaker signs add up to risk only together.
_PREPARATIONS = (
    rule(
        R.SUICIDE,
        0.6,
        "enough-pills",
        (
            r"\b(?:enough|sufficient) (?:\w+ )?(?:pills|tablets|meds|sleeping pills|painkillers)\b"
            r"|\b(?:pills|tablets|meds)\b[^.!?\n]{0,30}\b(?:are|is|'s|be) (?:more than )?enough\b"
            r"|\b(?:suficientes (?:pastillas|pildoras)|(?:pastillas|pildoras)\b[^.!?\n]{0,40}"
            r"\bsuficientes)\b|\bassez de (?:cachets|comprimes|medicaments|somniferes)\b"
            r"|\bgenug (?:tabletten|pillen|schlaftabletten)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.5,
        "counted-pills",
        (
            r"\bcount(?:ed|ing) (?:\w+ ){0,2}(?:pills|tablets|meds)\b"
            r"|\bcontado (?:\w+ ){0,2}(?:pastillas|pildoras)\b"
            r"|\bcompte (?:\w+ ){0,2}(?:cachets|comprimes|medicaments)\b"
            r"|\b(?:tabletten|pillen) (?:\w+ )?gezahlt\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "rope-ready",
        (
            r"\b(?:the|a|my) (?:rope|noose) (?:is |'?s )?(?:ready|hidden|tied|prepared|all set)\b"
            r"|\b(?:tengo )?la (?:cuerda|soga) (?:ya )?(?:esta )?(?:guardada|lista|preparada|"
            r"escondida|atada)\b"
            r"|\bla corde (?:est )?(?:prete|cachee|deja attachee|preparee)\b"
            r"|\bdas seil (?:liegt|ist|hangt) (?:schon|bereit|versteckt)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "de-implied-i",
        (
            r"\b(?:will|mochte|werde) mich (?:\w+ ){0,2}(?:umbringen|toten|erhangen|erschiessen|"
            r"aufhangen)\b"
        ),
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "harm-again",
        r"\b(?:relapsed|i relapsed)\W+(?:and )?(?:cut|burn(?:ed|t)|hurt myself)"
        r"|\b(?:cut|burn(?:ed|t)|carv(?:ed)?|hurt) myself again\b"
        r"|(?:^|[.!?]\s*|\bi |\bi'?ve |\bjust |\band )(?:cut|burn(?:ed|t)) again\b",
    ),
    rule(
        R.HARM_TO_OTHERS,
        0.6,
        "their-address",
        (
            r"\b(?:got|have|found|know) (?:his|her|their) (?:home )?address\b"
            r"|\bgo(?:ing|in)? over (?:there|to (?:his|her|their) (?:place|house)) tonight\b"
        ),
        personal=False,
    ),
    rule(
        R.HARM_TO_OTHERS, 0.5, "weapon-emoji", r"[\U0001f52a\U0001f52b\U0001f5e1]", personal=False
    ),
    rule(
        R.HARM_TO_OTHERS,
        0.6,
        "weapon-to-school",
        (
            r"\b(?:bring|bringing|taking|take) (?:something|a gun|a knife|a weapon|"
            r"my (?:dad|father|stepdad)'?s gun) (?:to|into) (?:school|class|campus|work)\b"
            r"|\b(?:made|making|wrote|writing|have) (?:a |my )?list (?:of|with) (?:names|people)\b"
        ),
        personal=False,
    ),
    rule(
        R.HARM_TO_OTHERS,
        0.5,
        "they-will-see",
        (
            r"\b(?:they|you|everyone|everybody|all of them)(?:'ll| will| are going to| gonna) "
            r"(?:all )?(?:see|regret it|pay|be sorry)\b"
        ),
        personal=False,
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "low-sugar",
        (
            r"\b(?:blood )?sugar (?:is |at |reads |reading |level (?:is )?)?(?:only |just )?"
            r"(?:[2-4]\d|[1-2][.,]\d)\b(?! ?(?:grams|g\b|%|percent|years|minutes|mg\b))"
        ),
        personal=False,
        timeless=True,
    ),
)

RULES_EXTRA: tuple[Rule, ...] = (
    *_PROBE3,
    *_HELD_OUT,
    *_MORE_SIGNS,
    *_SUICIDE,
    *_MORE_SUICIDE,
    *_SELF_HARM,
    *_MORE_HARM,
    *_OTHERS,
    *_MEDICAL,
    *_PREPARATIONS,
)
