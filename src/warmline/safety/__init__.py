"""Safety: risk assessment, the crisis protocol, the output guard and over-refusal checks.

Wiring (see `warmline.supporter.default_stages`): `SafetyStage` runs after
perceive and before plan; `GuardStage` runs after respond. Both are also usable
as plain functions: `assess_risk`, `crisis_reply`, `check_reply`, `safe_reply`.
"""

from warmline.safety._evaluate import (
    EvalReport,
    LabelledCase,
    evaluate_risk,
    format_report,
    read_cases,
)
from warmline.safety._guard import (
    GuardContext,
    GuardVerdict,
    Violation,
    ViolationKind,
    check_reply,
    guard_event,
    safe_reply,
)
from warmline.safety._language import detect_language, guess_language
from warmline.safety._normalize import normalize
from warmline.safety._protocol import (
    CrisisReply,
    ProtocolElement,
    careful_reminder,
    crisis_reply,
    missing_elements,
    resource_text,
)
from warmline.safety._refusal import (
    ClassifierAgreement,
    OverRefusalReport,
    check_refusal_classifier,
    is_refusal,
    measure_overrefusal,
    read_xstest_prompts,
)
from warmline.safety._resources import (
    CrisisLine,
    CrisisResources,
    load_resource_table,
    resources_for,
)
from warmline.safety._risk import assess_risk
from warmline.safety._semantic import SemanticHit, SemanticModel, semantic_risk
from warmline.safety._stage import CAREFUL_NOTE, GuardedEmit, GuardStage, SafetyStage
from warmline.safety._types import ConcernReason, Evidence, RiskAssessment, RiskCategory

__all__ = [
    "CAREFUL_NOTE",
    "ClassifierAgreement",
    "ConcernReason",
    "CrisisLine",
    "CrisisReply",
    "CrisisResources",
    "EvalReport",
    "Evidence",
    "GuardContext",
    "GuardStage",
    "GuardVerdict",
    "GuardedEmit",
    "LabelledCase",
    "OverRefusalReport",
    "ProtocolElement",
    "RiskAssessment",
    "RiskCategory",
    "SafetyStage",
    "SemanticHit",
    "SemanticModel",
    "Violation",
    "ViolationKind",
    "assess_risk",
    "careful_reminder",
    "check_refusal_classifier",
    "check_reply",
    "crisis_reply",
    "detect_language",
    "evaluate_risk",
    "format_report",
    "guard_event",
    "guess_language",
    "is_refusal",
    "load_resource_table",
    "measure_overrefusal",
    "missing_elements",
    "normalize",
    "read_cases",
    "read_xstest_prompts",
    "resource_text",
    "resources_for",
    "safe_reply",
    "semantic_risk",
]
