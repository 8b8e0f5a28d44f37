"""Domain types shared by every stage of a turn.

Everything else in warmline imports its vocabulary from here: the eight ESConv
support strategies, the three Helping Skills stages, utterances and dialogues,
the seeker's state, and the per-turn analysis that is shown to the user.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ConversationState",
    "Dialogue",
    "Emotion",
    "RiskLevel",
    "SeekerState",
    "Speaker",
    "Stage",
    "Strategy",
    "StrategyChoice",
    "TurnAnalysis",
    "Utterance",
]


class Strategy(StrEnum):
    """The eight support strategies of ESConv (Liu et al. 2021), spelled as in the data."""

    QUESTION = "Question"
    RESTATEMENT = "Restatement or Paraphrasing"
    REFLECTION = "Reflection of feelings"
    SELF_DISCLOSURE = "Self-disclosure"
    AFFIRMATION = "Affirmation and Reassurance"
    SUGGESTIONS = "Providing Suggestions"
    INFORMATION = "Information"
    OTHERS = "Others"

    @classmethod
    def parse(cls, label: str) -> Strategy:
        """Read a strategy label in any of the spellings found in ESConv releases.

        Raises:
            ValueError: the label names no known strategy.
        """
        key = re.sub(r"[^a-z]", "", label.lower())
        try:
            return _STRATEGY_ALIASES[key]
        except KeyError:
            known = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown strategy {label!r}; expected one of: {known}") from None

    @property
    def description(self) -> str:
        """What a supporter does with this strategy (Helping Skills), for prompts and help."""
        return _STRATEGY_DESCRIPTIONS[self]


_STRATEGY_ALIASES: dict[str, Strategy] = {
    re.sub(r"[^a-z]", "", s.value.lower()): s for s in Strategy
} | {
    "questions": Strategy.QUESTION,
    "other": Strategy.OTHERS,
    "restatement": Strategy.RESTATEMENT,
    "paraphrasing": Strategy.RESTATEMENT,
    "reflection": Strategy.REFLECTION,
    "selfdisclosure": Strategy.SELF_DISCLOSURE,
    "approvalandreassurance": Strategy.AFFIRMATION,
    "affirmation": Strategy.AFFIRMATION,
    "directguidance": Strategy.SUGGESTIONS,
    "suggestions": Strategy.SUGGESTIONS,
    "providingsuggestion": Strategy.SUGGESTIONS,
}

_STRATEGY_DESCRIPTIONS: dict[Strategy, str] = {
    Strategy.QUESTION: (
        "Ask one open question that helps the person describe their problem or feelings more fully."
    ),
    Strategy.RESTATEMENT: (
        "Restate what the person said more concisely, so they feel heard and can see it clearly."
    ),
    Strategy.REFLECTION: (
        "Name the feelings the person seems to have, tentatively and warmly, without judging."
    ),
    Strategy.SELF_DISCLOSURE: (
        "Share briefly that others (or you, in a general way) have felt something similar, "
        "to show empathy; keep the focus on the person."
    ),
    Strategy.AFFIRMATION: (
        "Affirm the person's strengths, effort and worth, and offer honest reassurance."
    ),
    Strategy.SUGGESTIONS: (
        "Offer one or two small, concrete ideas for what the person could try, "
        "without telling them what to do."
    ),
    Strategy.INFORMATION: (
        "Give useful, accurate information (facts, resources, how things usually work), plainly."
    ),
    Strategy.OTHERS: (
        "Exchange pleasantries or answer naturally when no other strategy fits, warmly, briefly."
    ),
}


class Stage(StrEnum):
    """The Helping Skills stages a supportive conversation moves through."""

    EXPLORATION = "exploration"
    COMFORTING = "comforting"
    ACTION = "action"


class Speaker(StrEnum):
    """Who said an utterance."""

    SEEKER = "seeker"
    SUPPORTER = "supporter"


class Emotion(StrEnum):
    """ESConv's emotion types, plus neutral and positive for messages without distress."""

    ANXIETY = "anxiety"
    DEPRESSION = "depression"
    SADNESS = "sadness"
    ANGER = "anger"
    FEAR = "fear"
    SHAME = "shame"
    DISGUST = "disgust"
    NERVOUSNESS = "nervousness"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class RiskLevel(StrEnum):
    """How much danger a seeker message signals (see `warmline.safety`)."""

    NONE = "none"
    CONCERN = "concern"
    RISK = "risk"


class Utterance(BaseModel):
    """One message in a dialogue."""

    model_config = ConfigDict(frozen=True)

    speaker: Speaker
    text: str
    strategy: Strategy | None = None
    """The supporter's strategy, when annotated or chosen."""
    rating: int | None = None
    """The seeker's 1-5 feedback on how the conversation is going, when given."""


class Dialogue(BaseModel):
    """A whole support conversation with ESConv's dialogue-level annotations."""

    id: str
    utterances: list[Utterance]
    emotion_type: str | None = None
    problem_type: str | None = None
    situation: str | None = None
    init_intensity: int | None = None
    final_intensity: int | None = None
    empathy: int | None = None
    relevance: int | None = None


class SeekerState(BaseModel):
    """What the supporter believes about the seeker right now."""

    emotion: Emotion = Emotion.NEUTRAL
    intensity: float = Field(default=1.0, ge=1.0, le=5.0)
    """Negative-emotion intensity on ESConv's 1-5 scale."""
    cause: str | None = None
    """A short phrase naming what the distress seems to be about."""
    turns: int = 0
    """How many seeker messages have been perceived so far."""
    emotion_scores: dict[Emotion, float] = Field(default_factory=dict)
    """Running, recency-decayed evidence for each emotion (argmax = the session's emotion)."""
    problem_type: str | None = None
    """The problem category (ESConv's, e.g. 'job crisis'), once the seeker has named one."""
    causes: list[str] = Field(default_factory=list)
    """Distinct cause phrases in the seeker's words, oldest first (a few at most)."""
    problem_summary: str | None = None
    """One line on what the session is about, kept up to date by the perceive stage."""


class StrategyChoice(BaseModel):
    """A planner's decision for the next supporter turn."""

    strategy: Strategy
    probabilities: dict[Strategy, float] = Field(default_factory=dict)
    """Every strategy's probability, when the planner has them."""
    rationale: str = ""

    def top(self, k: int = 3) -> list[tuple[Strategy, float]]:
        """The k most probable strategies, best first."""
        return sorted(self.probabilities.items(), key=lambda item: item[1], reverse=True)[:k]


class TurnAnalysis(BaseModel):
    """The visible reasoning behind one supporter reply (ESCoT-style)."""

    emotion: Emotion
    intensity: float
    cause: str | None
    stage: Stage
    strategy: Strategy
    strategy_probabilities: dict[Strategy, float] = Field(default_factory=dict)
    risk_level: RiskLevel = RiskLevel.NONE
    reasoning: str
    """One or two sentences: what the seeker feels, why, and why this strategy now."""


class ConversationState(BaseModel):
    """What persists between turns of one session besides the messages themselves."""

    seeker: SeekerState = Field(default_factory=SeekerState)
    stage: Stage = Stage.EXPLORATION
    stage_turns: int = 0
    """Seeker turns spent in the current stage."""
    risk_level: RiskLevel = RiskLevel.NONE
    """The highest risk seen in this session; once raised, later turns stay careful."""
    language: str = "en"
    """The seeker's language (en, es, fr, de) for crisis text, from their latest clear message."""
