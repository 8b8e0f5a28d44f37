"""More English rules: slang, inflected method phrases and acute symptoms.

Kept apart from the core tables so each file stays readable; same shorthands
as `_rules` (`<i>` first person, `<gap>` a few words without a negation).
"""

from __future__ import annotations

from warmline.safety._rules import Rule, rule
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
        r"(?:him|her|them|that \w+|my \w+)\b(?! (?:at|in) )",
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

RULES_EXTRA: tuple[Rule, ...] = (*_SUICIDE, *_SELF_HARM, *_OTHERS, *_MEDICAL)
