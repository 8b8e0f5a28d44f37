"""The vocabulary of risk assessment and the crisis protocol: categories, evidence, elements."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from warmline.types import RiskLevel

__all__ = ["ConcernReason", "Evidence", "ProtocolElement", "RiskAssessment", "RiskCategory"]


class RiskCategory(StrEnum):
    """Kinds of danger that call for the crisis protocol."""

    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    HARM_TO_OTHERS = "harm_to_others"
    ABUSE = "abuse"
    MEDICAL_EMERGENCY = "medical_emergency"


class ProtocolElement(StrEnum):
    """The parts of a compassionate-completion reply, in the order they appear."""

    ACKNOWLEDGE = "acknowledge"
    LIMITS = "limits"
    SAFETY_CHECK = "safety_check"
    RESOURCES = "resources"
    PRESENCE = "presence"


class ConcernReason(StrEnum):
    """Why a message is worth watching although it shows no sign of danger."""

    HOPELESSNESS = "hopelessness"
    WORTHLESSNESS = "worthlessness"
    ISOLATION = "isolation"
    OVERWHELM = "overwhelm"
    GRIEF = "grief"
    ANGER = "anger"
    PAST_RISK = "past_risk"
    """Danger told as past or recovered from."""
    THIRD_PARTY = "third_party"
    """Someone else may be at risk; the seeker is asking how to help."""
    WARNING_SIGN = "warning_sign"
    """A weak sign of danger that is not enough on its own."""


class Evidence(BaseModel):
    """The words that triggered a finding, as a span of the message they were in."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    label: str
    """The category or concern reason this span supports."""
    turn: int = 0
    """0 for the assessed message, -1 for the seeker's previous message, and so on."""


class RiskAssessment(BaseModel):
    """How much danger one seeker message signals, in the context of the conversation."""

    level: RiskLevel
    categories: list[RiskCategory] = Field(default_factory=list)
    """Risk categories found; empty unless `level` is `risk`."""
    concerns: list[ConcernReason] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    score: float = Field(ge=0.0, le=1.0)
    """Strength of the strongest signal: 1.0 is certain danger, 0.0 nothing found."""

    @property
    def is_risk(self) -> bool:
        """Whether the crisis protocol applies."""
        return self.level is RiskLevel.RISK
