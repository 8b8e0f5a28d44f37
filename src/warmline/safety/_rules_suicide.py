"""English suicide rules: intent, plans, means-seeking, euphemisms and warning signs."""

from __future__ import annotations

from warmline.safety._rules import Rule, rule
from warmline.safety._types import ConcernReason as C
from warmline.safety._types import RiskCategory as R

__all__ = ["SUICIDE_EN"]

SUICIDE_EN: tuple[Rule, ...] = (
    rule(
        R.SUICIDE,
        1.0,
        "kill-self",
        (
            r"\b(?:kill|killing|killed|kills|unaliv\w*|murder|end|delete|hang|hanging|shoot|"
            r"shooting|drown|drowning|poison|poisoning|stab|gas|suffocate) ?(?:myself|"
            r"my ?self)\b(?! (?:in the foot|up|out|with laughter|laughing|at the gym|with work))|"
            r"\b(?:to|wanna|gonna|should|could|might|will|just) off (?:myself|my ?self)\b|"
            r"\b(?:want|wish|wishing|hope|hoping|pray|praying) (?:someone|somebody|god|something|"
            r"a car|a truck|a bus|the cancer) (?:would|to|could|will) (?:just )?(?:kill|hit) me\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "kms",
        (
            r"(?<!\d )(?<![\d.,])\b(?:kms|kys|ctb|sewerslide|sewer slide|self[- ]?delete|"
            r"unaliv\w*)\b(?! (?:away|from|per|an hour|a day|long|of))"
        ),
    ),
    rule(R.SUICIDE, 1.0, "suicidal-self", r"\b(?:suicidal|suicide|suicidality)\b", reason=None),
    rule(
        R.SUICIDE,
        1.0,
        "want-die",
        (
            r"\b(?:want\w*|wanna|wana|wish\w*|ready|prefer|deserve|'?d like|need|should|hope|"
            r"hoping|pray\w*) (?:to )?(?:i (?:could|would|might) )?(?:just |simply |"
            r"really )?(?:die|liv no more|be dead|not be alive|stop (?:being alive|living|"
            r"breathing)|stop existing|not exist|disappear forever|sleep forever|not wake up|"
            r"never wake up|overdose|od)\b|\b(?:hope|hoping|pray\w*|"
            r"wish\w*) (?:that )?i (?:just )?(?:die|get hit by|don'?t make it)\b|\b(?:going to|"
            r"gonna|about to|plan\w* to) (?:overdose|od|end it all|take all (?:my|the|"
            r"of my) (?:pills|meds|tablets))\b|\bwish\w* (?:that )?(?:my life|my existence|"
            r"it all|everything|i) (?:would|could|will) (?:end|stop|be over|just end)\b|"
            r"\b(?:a )?danger to myself\b|\b(?:can'?t|cannot|"
            r"don'?t trust myself to) (?:keep myself|stay) safe\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "wish-dead",
        (
            r"\bwish (?:i|i'?d|i had) (?:was|were|could be|had) (?:dead|died|never been born|"
            r"never existed|not born|gone forever)|\bwish (?:i|i'?d) (?:could|"
            r"would) (?:just )?(?:die|disappear forever|not wake up|stop existing)|\bwish (?:i|"
            r"i'?d|i had) (?:had )?never (?:been born|existed)|\b(?:sleep|go to sleep|"
            r"fall asleep) and (?:never|not) wake(?: up)?\b|\b(?:never|"
            r"not) (?:to )?wake up again\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "wish-not-wake",
        (
            r"\b(?:hope|wish|pray)(?:ing)? (?:that )?(?:i|i'?ll|i won'?t) (?:don'?t |never |"
            r"won'?t |not )?(?:wake up|wake)(?! early| late)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "better-dead",
        (
            r"\bbetter off (?:dead|without me|if i (?:was|were|wasn'?t|weren'?t|died|was gone|"
            r"wasn'?t here|disappeared))|\b(?:world|everyone|everybody|family|they|kids|you|he|"
            r"she|parents|friends|life|things|everything) (?:would|will|"
            r"'?d) (?:all )?be (?:better|happier|fine|ok|okay|easier|simpler|"
            r"lighter) (?:off )?(?:for (?:everyone|them|all) )?(?:without me|if i (?:just |"
            r"simply )?(?:was|were|died|disappeared|wasn'?t|weren'?t|was gone|wasn'?t here|"
            r"wasn'?t alive|weren'?t alive|wasn'?t around))"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "no-live",
        (
            r"\b(?:don'?t|dont|do not|no longer|not) (?:really )?(?:want|wanna|wish|"
            r"see the point|see a reason|have (?:a|any) reason) (?:to )?(?:live|liv|be alive|"
            r"exist|be here|keep living|go on living|wake up)(?:\b|$)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "no-reason-live",
        (
            r"\bno (?:reason|point|purpose|will) (?:left )?(?:for me )?(?:to|in|for) (?:live|"
            r"living|be alive|being alive|exist|existing|keep going|keep living|go on|carry on|"
            r"stay alive|staying alive)\b|\b(?:life|living) (?:is(?:n'?t| not)|isnt) worth (?:it|"
            r"living)|\bnot worth living\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "point-living",
        (
            r"\b(?:no|not|don'?t|can'?t|cannot|any) (?:\w+ ){0,3}(?:point|reason|purpose|"
            r"sense) (?:\w+ ){0,2}(?:of|in|to|for) (?:living|live|liv|being alive|existing|"
            r"staying alive|going on|waking up)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "tired-living",
        (
            r"\b(?:tired|sick|done|finished) (?:of|with) (?:living|being alive|life|existing|"
            r"this life|my life|it all)\b(?! (?:in|at) )"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "end-it",
        (
            r"\b(?:end|ending|ended) (?:it all|my life|my own life|everything (?:for good|"
            r"tonight|now|today)|things (?:for good|tonight|permanently)|it (?:tonight|for good|"
            r"today|now|soon)|my suffering|my existence|the pain for good)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "take-life",
        (
            r"\b(?:tak(?:e|ing)|end(?:ing)?) my (?:own )?(?:life|lyfe|lif)\b|\btake my own life|"
            r"\b(?:jump|jumping|throw myself) (?:off|from|in front of|into) (?:a |the |"
            r"my )?(?:bridge|building|roof|train|cliff|balcony|window|tracks|car|traffic|truck)|"
            r"\bstep in front of (?:a |the )?(?:train|bus|truck|car)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "method-self",
        (
            r"\b(?:slit|slitting|cut|cutting|slice|slicing|open|opening) my (?:wrists?|throat)\b|"
            r"\bblow my (?:brains|head) out|\b(?:bullet|gun) (?:in|to) my (?:head|mouth)|"
            r"\bput a gun to my|\bcrash my car (?:on purpose|into)|\bdrive (?:my car )?(?:into|"
            r"off) (?:a |the )?(?:tree|wall|cliff|bridge|river)|\b(?:noose|rope) (?:is |"
            r"around my|for myself|ready|tied)|\btied a noose|\bovers?dose on purpose|"
            r"\bswallow (?:all|every one of) (?:my|the|these|those) (?:pills|tablets|meds)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "means-seeking",
        (
            r"\b(?:lethal|fatal|deadly) (?:dose|amount|quantity)\b|\bhow (?:many|"
            r"much) (?:[\w']+ ){0,4}(?:would|will|does it|do i|to|until|before|can|could|is|"
            r"are)(?: it)?(?: take)?(?: to)? (?:kill|die|be fatal|be lethal|end it|stop (?:my|"
            r"a) heart|overdose)|\b(?:painless|easiest|quickest|fastest|surest|best|"
            r"quietest) (?:way|ways|method|methods) (?:to|of) (?:die|dying|kill myself|"
            r"kill yourself|kill oneself|end it|end my life|commit suicide|suicide)|"
            r"\bhow to (?:tie a noose|kill myself|commit suicide|end my life|hang myself|"
            r"overdose)|\b(?:which|what) (?:bridge|building|height|pills?|"
            r"drugs?) (?:\w+ ){0,5}(?:high enough|would kill|to die|kill (?:me|you|a person|"
            r"someone))"
        ),
        personal=False,
        timeless=True,
    ),
    rule(
        R.SUICIDE,
        1.0,
        "not-around",
        (
            r"\b(?:won'?t|will not|wont|not going to|am not going to) (?:be )?(?:here|around|"
            r"alive|a problem|a burden|bother(?:ing)? (?:you|anyone|anybody)) (?:much longer|"
            r"for (?:much )?longer|by|tomorrow|next (?:week|month)|for long|anymore after|"
            r"after tonight|any ?more|soon)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "goodbye-note",
        (
            r"\b(?:wrote|written|writing|write|left|leave) (?:a |my )?(?:suicide |goodbye |"
            r"farewell )(?:note|letter|letters|notes|message)\b|\bby the time (?:you|anyone|"
            r"someone|somebody|they) (?:read|reads|see|sees|find|finds) this\b|"
            r"\bthis is (?:my )?(?:final )?goodbye\b|\bgoodbye (?:forever|everyone|world|"
            r"cruel world|for good)\b|\b(?:my )?(?:last|final) (?:message|goodbye|words|post|"
            r"night|day) (?:ever|alive|on earth|before i (?:go|die|end))|\bsee (?:you|"
            r"y'?all) on the other side\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "stockpile",
        (
            r"\b(?:stockpil\w*|sav(?:ed|ing) up|hoard\w*|collect\w*|bought|got|"
            r"have) (?:\w+ ){0,3}(?:pills|tablets|meds|rope|a gun|"
            r"razor blades?) (?:\w+ ){0,4}(?:to (?:end|die|kill|do it|take them all)|for (?:when|"
            r"the end|tonight|it)|just in case|in case i)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "attempt",
        (
            r"<i> (?:\w+ ){0,2}(?:attempt(?:ed|ing)?|tried|try|trying|"
            r"going to try) (?:to )?(?:suicide|kill <me>|end (?:it|my life)|take my life|"
            r"overdose)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "cant-go-on-die",
        (
            r"\b(?:rather|prefer to) (?:be )?(?:dead|die)\b|\bmight as well (?:be dead|die|"
            r"end it)\b|\b(?:want\w*|wanna|need|wish\w*) (?:it all|everything|my life|life|"
            r"my existence) to (?:end|stop|be over)\b|\b(?:want\w*|wanna|need) (?:this|the pain|"
            r"it) to (?:end|stop|be over) (?:forever|for good|permanently)\b|\b(?:want|"
            r"wanna) to (?:go to sleep|sleep) and (?:never|not) wake"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "join-dead",
        (
            r"\b(?:want|wanna|going|ready) to (?:join|be with) (?:him|her|them|"
            r"my \w+) (?:again )?(?:in heaven|on the other side|up there|wherever (?:he|she|"
            r"they) (?:is|are))"
        ),
    ),
    rule(
        R.SUICIDE,
        0.6,
        "possessions",
        (
            r"\b(?:giv\w*|gave) away (?:all |most |most of |some of |the rest of |"
            r"everything )?(?:my|of my)?\b|\b(?:giv\w*|gave|hand\w*) (?:out )?(?:all |most of |"
            r"some of )?my (?:[\w']+ ){1,6}?(?:away|(?:out |away )?to (?:my|friends|people|"
            r"everyone|family|whoever|others))\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.6,
        "wont-need",
        (
            r"\b(?:won'?t|will not|wont|not going to|don'?t) need (?:it|them|this|that|these|"
            r"those|my \w+|anything|any of (?:it|this|them|that)) (?:anymore|any more|"
            r"where i'?m going|after (?:this|tonight|today)|much longer)\b|"
            r"\bwhere i'?m going\b(?! (?:on|for) (?:holiday|vacation|trip))|\bafter i'?m gone\b|"
            r"\bwhen i'?m (?:gone|dead|not here)\b|\btake care of (?:my \w+|them|him|"
            r"her) (?:for me )?(?:when|after|once) i'?m (?:gone|not here|dead)"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "farewell-love",
        (
            r"\btell (?:my \w+|them|her|him|everyone|my family) (?:that )?i (?:love|loved|"
            r"am sorry|'?m sorry)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.6,
        "last-message",
        (
            r"\bthis (?:is|will be|'?ll be) (?:my |the )?(?:last|final) (?:message|post|text|"
            r"time (?:you'?ll hear from me|you hear from me|i (?:talk|write))|conversation|"
            r"thing i)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "final-contact",
        (
            r"\byou(?:'?ll| will) (?:never|not) (?:hear from|see|talk to) me again\b|\b(?:last|"
            r"final) (?:message|text|words?|post|letter) (?:i'?ll|i will|"
            r"i'?m going to) (?:ever )?(?:send|write|say|post)(?: to)? (?:anyone|you|anybody|"
            r"ever)\b"
        ),
        personal=False,
    ),
    rule(
        R.SUICIDE,
        0.6,
        "goodbye-weak",
        (
            r"\b(?:wanted|want|need|had) to say goodbye\b|"
            r"\bthank you for everything,? (?:goodbye|bye|i love)\b|\b(?:made|making|wrote|"
            r"writing) (?:my |a )?(?:will|final arrangements)\b|\bi love you all\b|"
            r"\bplease (?:forgive me|don'?t blame (?:me|yourself|yourselves|anyone))\b|"
            r"\bit(?:'?s| is|'?ll| will) not (?:be )?(?:your|anyone'?s) fault\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.5,
        "apology",
        (
            r"\bi'?m sorry for everything\b|\bsorry for (?:being|all the) (?:a burden|trouble|"
            r"pain i caused)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.6,
        "burden",
        r"\b<i>(?: am| feel like)? (?:\w+ )?(?:a |such a |just a )?burden\b",
    ),
    rule(
        R.SUICIDE,
        0.6,
        "not-missed",
        (
            r"\b(?:nobody|no one|noone|no-one) (?:would|will|is going to|"
            r"'?d) (?:even )?(?:miss me|notice (?:if|when) i'?m gone|notice if i (?:disappeared|"
            r"was gone)|care if i (?:was gone|disappeared))"
        ),
    ),
    rule(
        R.SUICIDE,
        1.0,
        "if-i-died",
        (
            r"\b(?:nobody|no one|noone|no-one|who) (?:would|will|'?d) (?:even )?(?:care|notice|"
            r"miss me|cry|come to my funeral) (?:if|when|once) i (?:died|was dead|were dead|"
            r"killed myself|die)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.5,
        "letters",
        (
            r"\b(?:wrote|writing|written|write) (?:\w+ ){0,2}letters? (?:to|for) (?:my|everyone|"
            r"each|all)\b"
        ),
    ),
    rule(
        R.SUICIDE,
        0.5,
        "affairs",
        r"\b(?:sorting out|put|putting|getting) (?:my )?affairs in order\b",
    ),
    rule(
        R.SUICIDE,
        0.5,
        "finality",
        (
            r"\b(?:any ?more|any longer) after (?:tonight|today)\b|\b(?:it'?s|its|"
            r"it is) (?:almost )?(?:time|over) (?:for me )?(?:to go|for good)\b|\b(?:tonight|"
            r"today|soon) (?:is|will be) the (?:night|day|end)\b|\bthe (?:pills|rope|gun|blade|"
            r"bottle) (?:is|are) (?:right )?(?:here|ready|next to me|in front of me|on my desk)"
        ),
        personal=False,
    ),
    rule(
        R.SUICIDE,
        0.5,
        "decided",
        r"\bi'?ve made (?:up my mind|my decision|peace with (?:it|dying|my decision))",
    ),
    rule(
        R.SUICIDE,
        0.5,
        "at-peace",
        r"\b(?:at peace|calm) (?:now )?(?:with|about) (?:my |the |this )?(?:decision|choice|it)\b",
    ),
    rule(
        R.SUICIDE,
        0.4,
        "cant-go-on",
        (
            r"\bcan'?t (?:go on|keep going|do this|take (?:it|this)|live like this|carry on|cope|"
            r"handle (?:it|this|life)) (?:any ?more|any longer|much longer)\b|\b(?:want|wanna|"
            r"wish i could) (?:to )?(?:disappear|vanish|stop existing|not be here)\b|"
            r"\bwhat'?s the point (?:of|in) (?:anything|living|trying|life|going on)|"
            r"\bno way out\b|\b(?:don'?t|can'?t|cannot) see (?:a|any) way out\b|\b(?:might|could|"
            r"should|will) (?:just )?(?:disappear|vanish)\b|\b(?:not|never) (?:be|being) (?:here|"
            r"around) (?:any ?more|much longer)\b"
        ),
        reason=C.HOPELESSNESS,
    ),
    rule(
        R.SUICIDE,
        0.4,
        "means-presence",
        (
            r"\b(?:standing|sitting) (?:on|at) (?:the |a )?(?:edge|ledge|bridge|roof|railing)\b|"
            r"\b(?:holding|have|got|staring at|looking at) (?:a |the |my )?(?:\w+ )?(?:pills|"
            r"rope|gun|blade|razor|knife|bottle of pills) (?:in my hand|right here|right now|"
            r"next to me|in front of me|on my (?:desk|bed|lap))"
        ),
    ),
    rule(
        R.SUICIDE,
        0.35,
        "hopeless",
        (
            r"\b(?:hopeless|no hope|nothing (?:will ever|is ever going to) (?:change|get better)|"
            r"never going to get better|nothing matters|everything is pointless|"
            r"life is pointless|i give up on (?:everything|life)|empty inside|numb inside|"
            r"what'?s the point)\b"
        ),
        reason=C.HOPELESSNESS,
    ),
)
