"""English risk and concern rules (see `_rules` for the shorthands)."""

from __future__ import annotations

from warmline.safety._rules import Rule, concern, rule
from warmline.safety._rules_suicide import SUICIDE_EN
from warmline.safety._types import ConcernReason as C
from warmline.safety._types import RiskCategory as R

__all__ = ["ACCIDENT", "RULES_EN"]

ACCIDENT = (
    r"(?! (?:\w+ ){0,4}(?:shaving|cooking|on the stove|on the oven|by accident|accidentally|"
    r"chopping|slicing|ironing|on (?:some |a |the )?(?:glass|paper|knife|fence|nail)|at the gym|"
    r"playing|when i fell|falling|skiing|running|lifting|working out|at work|doing (?:yoga|"
    r"sports)|in the kitchen|with the (?:stove|iron|kettle)))"
)

_SELF_HARM = [
    rule(
        R.SELF_HARM,
        1.0,
        "cut-self",
        (
            r"\b(?:cut|cutting|cuts|burn|burning|burned|burnt|scratch|scratching|hit|hitting|"
            r"punch|punching|bite|biting|carve|carving|hurt|hurting|harm|harming|injure|injuring|"
            r"starve|starving|mutilat\w*|bang|banging|slam\w*) (?:on )?(?:myself|"
            r"my ?self)\b(?! (?:up|out|off|from|in half))"
        )
        + ACCIDENT,
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "cut-body",
        (
            r"\b(?:cut\w*|carv\w*|burn\w*|slic\w*|scratch\w*|scrap\w*) (?:into )?my (?:arms?|"
            r"wrists?|legs?|thighs?|skin|stomach|hips?|body)\b"
        )
        + ACCIDENT
        + (
            r"|\b(?:hit|punch|hurt|harm)(?:ing)? (?:myself|my (?:head|face|body)) (?:until|till|"
            r"'?til|against)|\buntil (?:it|i|my \w+) (?:bleeds?|bled|bruises?|hurts)\b"
        ),
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "self-harm-word",
        r"\bself[- ]?(?:harm|harming|harmed|injur\w*|mutilat\w*|hurt)\b",
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "self-harm-act",
        (
            r"\b(?:self[- ]?harm\w*|cutting|sh) (?:again|urges?|scars|relapse|tonight|last night|"
            r"today)\b|\b(?:cutting|hurting myself|self[- ]?harm\w*|burning myself) (?:is|was|"
            r"are) (?:the only|my only|what|how i)\b|\bcuts (?:\w+ ){0,2}i (?:made|"
            r"gave) myself\b|\bmy (?:arms?|wrists?|legs?|thighs?|skin|stomach) (?:are|"
            r"is) (?:covered in|full of) (?:cuts|scratches|burns|scars)|\brelaps(?:e|ed|"
            r"ing) (?:on|with|into) (?:sh|cutting|self[- ]?harm)|\b(?:urges?|urge|need|want|"
            r"wanting|wanna) to (?:cut|bleed|hurt <me>|feel (?:physical )?pain)\b|\b(?:been|"
            r"started|start|keep|kept|am|was) cutting (?:again|myself|lately|every|at night)"
        ),
    ),
    rule(
        R.SELF_HARM,
        1.0,
        "blades",
        (
            r"\b(?:razor|blade|blades|knife|scissors|lighter) [^.!?]{0,30}\b(?:on|to|into|"
            r"against|across) my (?:arms?|wrists?|skin|legs?|thighs?)\b|\bhid(?:e|ing)? (?:my |"
            r"the )?(?:razors?|blades?) (?:in|under)\b|\bfresh (?:cuts|wounds) on my\b|"
            r"\bcovering (?:up )?(?:my )?(?:cuts|scars) (?:with|so)"
        ),
    ),
    rule(
        R.SELF_HARM,
        0.5,
        "deserve-pain",
        (
            r"\b<i> (?:\w+ )?deserve (?:the |this |to feel )?(?:pain|to hurt|to suffer|"
            r"to be punished|punishment)\b"
        ),
        reason=C.WORTHLESSNESS,
    ),
]

_OTHERS = [
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "kill-other",
        (
            r"<i> <gap>(?:want|wanna|wana|going|gonna|gona|will|plan\w*|need|ready|about|decided|"
            r"urge|urges|fantasi[sz]e|thinking|think|thoughts) (?:to |about |of )?(?:kill|"
            r"killing|murder|murdering|stab|stabbing|shoot|shooting|strangle|strangling|poison|"
            r"poisoning|hurt|hurting|harm|harming|beat|beating|attack|attacking|smother|"
            r"smothering) (?:up )?(?:him|her|them|you|someone|somebody|people|everyone|everybody|"
            r"my (?!self|own)\w+|(?:the|this|that|a) (?:guy|man|woman|girl|boy|kid|person|"
            r"teacher|boss|cop|"
            r"officer|neighbou?r|driver|dude|idiot|bastard|bitch|asshole|baby|child|people|guys|"
            r"kids|girls|boys|men|women|bullies|students|teachers|cops|family|world)\b|"
            r"\w+'?s? (?:family|"
            r"kids))\b(?! (?:at|in) (?:chess|checkers|tennis|a game|the game|cards|fortnite|"
            r"call of duty|minecraft|the competition|an argument|racing))"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "weapon-plan",
        (
            r"\b(?:bring|take|bringing|taking) (?:a |my |the )?(?:[\w']+ )?(?:gun|knife|weapon|"
            r"rifle|bomb) (?:to|into) (?:school|work|class|the office|church|the party|his|her|"
            r"their)\b|\bshoot up (?:the |my )?(?:school|office|place|mall|church)\b|"
            r"\bmake (?:them|him|her|everyone) (?:all )?pay\b(?! for)|\b(?:bought|got|have|"
            r"loaded) (?:a |the |my )?(?:gun|knife|rifle) (?:\w+ ){0,3}(?:for (?:him|her|them)|"
            r"to (?:use on|kill|hurt|get) (?:him|her|them))|\bthoughts (?:of|about) (?:hurting|"
            r"killing|harming|smothering|drowning) (?:my |the )?(?:baby|child|kids?|son|daughter|"
            r"wife|husband|partner|mom|dad|someone|people)"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        1.0,
        "scared-hurt-other",
        (
            r"\b(?:scared|afraid|terrified|worried) (?:that )?(?:i'?ll|i will|i might|"
            r"i'?m going to|of what i'?ll do to) (?:\w+ )?(?:hurt|kill|harm|snap and hurt|"
            r"lose it and hurt|do something to) (?:my |the |him|her|them|someone|somebody)"
        ),
    ),
    rule(
        R.HARM_TO_OTHERS,
        0.4,
        "could-kill",
        (
            r"\b<i> (?:could|can|'?d|would) (?:just |literally |honestly )?(?:kill|strangle|"
            r"murder) (?:him|her|them|my \w+)\b"
        ),
        reason=C.ANGER,
    ),
]

_ABUSE_AGENT = (
    r"(?:he|she|they|him|her|husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|father|mom|"
    r"mother|stepdad|stepfather|stepmom|stepmother|step-dad|step-mom|uncle|aunt|brother|sister|"
    r"cousin|grandpa|grandfather|grandma|grandmother|teacher|coach|boss|roommate|fiance|fiancee|"
    r"parents|guardian|pastor|priest|kids|classmates|someone|somebody|man|men|guy|guys|people|"
    r"bully|bullies|kids at school|boys|girls)"
)
_ABUSE = [
    rule(
        R.ABUSE,
        1.0,
        "agent-hits-me",
        _ABUSE_AGENT
        + (
            # "he hasn't hurt me", "she never hit me": the negation sits inside the match.
            r"(?! (?:\w+ )?(?:hasn'?t|has not|never|didn'?t|did not|doesn'?t|does not|"
            r"won'?t|wouldn'?t|isn'?t|is not|haven'?t|have not)\b)"
            r" <gap5>(?:hits?|hitting|beats?|beating|beat|punch\w*|kick\w*|slap\w*|chok\w*|"
            r"strangl\w*|shov\w*|push\w* me|hurts|hurt|burn(?:s|ed|t|ing)?|"
            r"throws? (?:things|stuff)? ?at|"
            r"threw (?:\w+ )?at|rap\w*|molest\w*|assault\w*|abus\w*|grop\w*|"
            r"touch\w* me (?:inappropriately|down there|where|at night|when)|touches me|"
            r"lock\w* me (?:in|up|out)|tie\w* me up|threaten\w* (?:to (?:kill|hurt|hit) )?(?:me|"
            r"my)|drag\w* me(?! (?:into|to|along to) (?:drink\w*|partie?s?|bars?|clubs?|the pub|"
            r"shopping|church|it|this|that))|strangle\w*)"
            r"(?: (?:me|my|us|up)\b|(?<=me)|(?<=in)|(?<=up)|"
            r"(?<=out))(?!\w* (?:at|in) (?:chess|"
            r"checkers|tennis|a game|cards|video games|mario|fortnite|arm wrestling|racing))"
        ),
    ),
    rule(
        R.ABUSE,
        1.0,
        "i-was-abused",
        (
            r"<i> (?:(?:just|recently|also|really|have|had|kept|keep|always|once|again|"
            r"literally) )?(?:was|been|being|got|get|am) (?:\w+ )?(?:raped|sexually assaulted|"
            r"assaulted|molested|abused|beaten|beaten up|attacked|strangled|choked|trafficked|"
            r"groped|drugged and|hit by (?:my|him|her)|hurt by (?:my|him|her))\b|"
            r"\bforc\w* me (?:to have sex|into sex|to do (?:sexual )?things|to touch)|"
            r"\bmade me (?:have sex|do sexual|touch (?:him|her))\b"
        ),
    ),
    rule(
        R.ABUSE,
        1.0,
        "fear-home",
        (
            r"\b(?:scared|afraid|terrified|frightened) (?:to go|of going|to be|"
            r"of being) (?:back )?(?:home|alone with (?:him|her|my \w+))\b|\b(?:scared|afraid|"
            r"terrified) (?:of )?(?:what )?(?:he|she|my \w+)(?:'?ll| will| might|"
            r" is going to) (?:do|hurt|kill|hit|find (?:me|us|out where))\b|"
            r"\b(?:he|she|they|my \w+|and) (?:said|says|"
            r"threatened|swore) (?:\w+ )?(?:he'?ll|she'?ll|they'?ll|he'?d|she'?d|they'?d|"
            r"(?:he|she|they) (?:would|will)|to) (?:kill|hurt) me\b|"
            r"\bthreaten\w* to kill me\b|\bwon'?t let me (?:leave|go out|see my|have my (?:phone|"
            r"money)|eat)\b.{0,80}\b(?:hit|hurt|scared|afraid|bruises)|"
            r"\bhiding (?:the )?bruises\b|\bhiding from (?:him|her|my \w+)\b|\bbruises (?:he|she|"
            r"they) (?:gave|left)"
        ),
    ),
    rule(
        R.ABUSE,
        0.5,
        "control",
        (
            r"\b(?:he|she|my \w+) (?:controls|checks|takes|"
            r"won'?t let me have) (?:all )?(?:my )?(?:money|phone|messages)\b|\b(?:he|she|"
            r"my \w+) (?:isolates|won'?t let me see) (?:me|my friends|my family)\b|\b(?:he|she|"
            r"my \w+) (?:screams|yells) at me (?:every|all)\b|\bwalking on eggshells\b"
        ),
        reason=C.WARNING_SIGN,
    ),
]

_MEDICAL = [
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "overdose-taken",
        (
            r"<i> (?:\w+ ){0,3}(?:took|taken|swallowed|ate|downed|popped|just took) (?:like |"
            r"about |around |over |maybe |almost )?(?:[1-9]\d+(?! ?(?:mg|ml|mcg|milligrams|"
            r"minutes|mins|hours|days|years|weeks)\b)|a (?:bunch|lot|handful|fistful|"
            r"whole bottle|whole pack|whole box|box|bottle)|all|all of|too many|way too many|"
            r"twenty|thirty|forty|fifty|dozens|ten|fifteen|handfuls) (?:of )?(?:my |the |her |"
            r"his |these )?(?:[\w']+ ){0,2}(?:pills|tablets|meds|medication|medications|capsules|"
            r"sleeping pills|painkillers|tylenol|paracetamol|ibuprofen|xanax|insulin|"
            r"antidepressants|oxy\w*|percocet|advil|aspirin|benadryl)\b"
        ),
        timeless=True,
        personal=False,
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "overdosed",
        (
            r"\b(?:i|i'?m|im|i'?ve|ive|i think i'?m|i think i|"
            r"just) (?:[\w']+ )?(?:overdos\w*|od'?d|od'?ed|od'?ing)\b|\b(?:drank|"
            r"swallowed|drinking|ingested) (?:some |a bottle of |the )?(?:bleach|antifreeze|"
            r"poison|drain cleaner|rat poison|pesticide|weed killer)\b|"
            r"\bmix(?:ed)? (?:\w+ ){0,3}(?:pills|xanax|benzos|sleeping pills) (?:with|"
            r"and) (?:alcohol|vodka|wine|beer|booze)"
        ),
        timeless=True,
        personal=False,
    ),
    rule(
        R.MEDICAL_EMERGENCY,
        1.0,
        "acute-symptom",
        (
            r"\b(?:can'?t|cannot|hard to|struggling to) breathe?\b.{0,60}\b(?:chest|lips|throat|"
            r"swelling|pills|took)\b|\bchest (?:pain|hurts|is tight|pressure)\b.{0,60}\b(?:arm|"
            r"jaw|can'?t breathe|sweating|numb)|\b(?:bleeding|blood) (?:\w+ ){0,2}(?:won'?t stop|"
            r"wont stop|everywhere|a lot|so much|heavily|through)|\bcut (?:too|really|so) deep\b|"
            r"\b(?:isn'?t|is not|not|stopped) breathing\b|\b(?:won'?t|wont|can'?t) wake (?:him|"
            r"her|them) up\b|\b(?:won'?t|wont|isn'?t|is not|can'?t) (?:wake up|waking up|"
            r"responding)\b(?! to (?:my |any |the |our )?(?:texts|messages|calls|emails|dms))"
            r"|\b(?:unconscious|unresponsive|passed out and (?:won'?t|isn'?t|"
            r"can'?t))\b|\bfeel(?:ing)? (?:really )?(?:dizzy|drowsy|sick) (?:after|"
            r"from) (?:taking|the) (?:\w+ ){0,2}(?:pills|tablets|meds)"
        ),
        timeless=True,
        personal=False,
    ),
]

_CONCERNS = [
    concern(
        C.HOPELESSNESS,
        "giving-up",
        (
            r"\b(?:give up|giving up|gave up|can'?t cope|cannot cope|can'?t take it|"
            r"falling apart|at my limit|at the end of my rope|breaking point|drowning|trapped|"
            r"stuck forever)\b"
        ),
    ),
    concern(
        C.WORTHLESSNESS,
        "worthless",
        (
            r"\b(?:worthless|useless|a failure|pathetic|i hate myself|hate who i am|"
            r"disgusted with myself|not good enough|everyone hates me|i ruin everything)\b"
        ),
    ),
    concern(
        C.ISOLATION,
        "alone",
        (
            r"\b(?:so alone|all alone|completely alone|feel(?:ing)? (?:\w+ )?alone|lonely|"
            r"no one cares|nobody cares|no friends|no one to talk to|nobody to talk to|"
            r"nobody understands|invisible)\b"
        ),
    ),
    concern(
        C.OVERWHELM,
        "overwhelm",
        (
            r"\b(?:depressed|depression|anxious|anxiety|panic attacks?|can'?t stop crying|"
            r"crying all|overwhelmed|exhausted|burn(?:ed|t)? out|can'?t sleep|insomnia|stressed|"
            r"miserable|so sad|heartbroken|scared|terrified|numb|empty|breakdown|suffering|"
            r"in pain|hurting so much)\b"
        ),
    ),
    concern(
        C.GRIEF,
        "grief",
        (
            r"\b(?:passed away|passed on|died|funeral|lost my (?:mom|mother|dad|father|husband|"
            r"wife|son|daughter|baby|brother|sister|best friend|friend|grandma|grandpa|partner|"
            r"dog|cat|pet)|grieving|grief|mourning|miscarriage|anniversary of (?:his|her|"
            r"their) death)\b"
        ),
    ),
    concern(
        C.THIRD_PARTY,
        "someone-else",
        (
            r"\b(?:kill\w*|hurt\w*|harm\w*|cut\w*|end\w*|unaliv\w*|tak\w*) (?:himself|herself|"
            r"themselves|themself|his (?:own )?life|her (?:own )?life|their (?:own )?life)\b|"
            r"\b(?:self[- ]?harms|overdosed|attempted suicide)\b"
        ),
    ),
    concern(
        C.ANGER,
        "rage",
        (
            r"\b(?:so angry|furious|rage|raging|i hate (?:him|her|them)|want to scream|"
            r"want to punch (?:a|the) wall)\b"
        ),
    ),
]

RULES_EN: tuple[Rule, ...] = (*SUICIDE_EN, *_SELF_HARM, *_OTHERS, *_ABUSE, *_MEDICAL, *_CONCERNS)
