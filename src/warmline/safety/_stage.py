"""Turn stages: assess risk before planning, and guard the reply after generation.

`SafetyStage` runs after perceive: it assesses the message in context, keeps the
session's highest risk level, and on `risk` answers with the crisis protocol
and completes the turn. Once the session shows concern or risk it routes
streaming through `GuardedEmit`, which releases the reply sentence by sentence
only while each sentence passes the guard (before that, chunks stream as they
arrive and a failing reply is followed by its replacement). `GuardStage` runs
after respond: it checks the whole reply, regenerates once or replaces it on failure,
records the event, and in careful
mode (risk seen earlier in the session) adds a resource reminder.
"""

from __future__ import annotations

import logging
import re

import anyio

from warmline.backends import ChatMessage, GenerateConfig, Generator
from warmline.errors import BackendError
from warmline.respond import build_messages
from warmline.safety._guard import GuardContext, check_reply, guard_event, safe_reply
from warmline.safety._language import detect_language
from warmline.safety._protocol import careful_reminder, crisis_reply
from warmline.safety._resources import resources_for
from warmline.safety._risk import assess_risk
from warmline.safety._semantic import prepare_semantic_risk
from warmline.safety._types import RiskAssessment
from warmline.turn import Emit, TurnState
from warmline.types import RiskLevel

__all__ = ["CAREFUL_NOTE", "GuardStage", "GuardedEmit", "SafetyStage"]

logger = logging.getLogger(__name__)

CAREFUL_NOTE = (
    "Caution: earlier in this session the person said something that suggested they may be in "
    "danger. Be especially gentle, ask how they are doing now, never mention methods or means, "
    "and do not diagnose."
)
_ORDER = {RiskLevel.NONE: 0, RiskLevel.CONCERN: 1, RiskLevel.RISK: 2}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


class GuardedEmit:
    """Passes a reply on to `emit` sentence by sentence, stopping at the first unsafe one."""

    def __init__(self, emit: Emit) -> None:
        self.emit = emit
        self.buffer = ""
        self.emitted = False
        self.blocked = False

    async def __call__(self, text: str) -> None:
        """Take a chunk; release every complete sentence that passes the guard."""
        self.buffer += text
        *complete, self.buffer = _SENTENCE_END.split(self.buffer)
        for sentence in complete:
            await self._release(sentence + " ")

    async def flush(self) -> None:
        """Release what is left once the whole reply has passed the guard."""
        if self.buffer:
            await self._release(self.buffer)
            self.buffer = ""

    async def _release(self, sentence: str) -> None:
        if self.blocked or not sentence.strip():
            return
        verdict = check_reply(sentence)
        if not verdict.ok and not all(v.kind == "abrupt_refusal" for v in verdict.violations):
            self.blocked = True
            return
        self.emitted = True
        await self.emit(sentence)


class SafetyStage:
    """Assesses risk; answers with the crisis protocol when the person may be in danger."""

    def __init__(self, country: str | None = None) -> None:
        self.country = country

    async def prepare(self, message: str) -> None:
        """Embed the message for the semantic stage while the turn is being set up."""
        await anyio.to_thread.run_sync(prepare_semantic_risk, message)

    async def __call__(self, state: TurnState) -> TurnState:
        """Assess the new message in context and set the turn's course."""
        # In a worker thread: the sentence encoder releases the GIL, so other
        # conversations on this event loop keep moving while it runs.
        assessment = await anyio.to_thread.run_sync(assess_risk, state.message, state.history)
        state.risk = assessment
        if _ORDER[assessment.level] > _ORDER[state.conversation.risk_level]:
            state.conversation.risk_level = assessment.level
        if assessment.level is not RiskLevel.NONE:
            state.events.append(_risk_event(assessment))
        if state.conversation.risk_level is RiskLevel.RISK:
            state.resources = resources_for(self.country).model_dump()
        # The stored language already reflects earlier messages; only a clear new one changes it.
        language = detect_language(state.message) or state.conversation.language
        state.conversation.language = language
        if assessment.is_risk:
            reply = crisis_reply(
                assessment, country=self.country, seed=state.message, language=language
            )
            state.reply = reply.text
            state.complete = True
            categories = ", ".join(c.value.replace("_", " ") for c in assessment.categories)
            state.reasoning.append(
                f"Safety: the message shows signs of danger ({categories}), so the crisis "
                "protocol answers instead of the usual strategy."
            )
            await state.emit(reply.text)
            return state
        if state.conversation.risk_level is RiskLevel.RISK:
            state.prompt_notes.append(CAREFUL_NOTE)
            state.reasoning.append(
                "Safety: risk was seen earlier in this session, so the reply stays careful."
            )
        if state.conversation.risk_level is not RiskLevel.NONE:
            state.emit = GuardedEmit(state.emit)
        return state


class GuardStage:
    """Checks the generated reply; regenerates once, then falls back to a safe reply."""

    def __init__(
        self, generator: Generator, country: str | None = None, config: GenerateConfig | None = None
    ) -> None:
        self.generator = generator
        self.country = country
        self.config = config or GenerateConfig(max_tokens=160, temperature=0.7)

    async def __call__(self, state: TurnState) -> TurnState:
        """Make sure what the seeker reads passes the guard."""
        guarded = state.emit if isinstance(state.emit, GuardedEmit) else None
        emit = guarded.emit if guarded else state.emit
        state.emit = emit
        context = GuardContext(
            risk_level=state.conversation.risk_level,
            country=self.country,
            language=state.conversation.language,
        )
        verdict = check_reply(state.reply, context)
        action = None
        if verdict.ok and not (guarded and guarded.blocked):
            if guarded:
                await guarded.flush()
        else:
            original = state.reply
            state.reply, action = await self._replacement(state, verdict, context)
            state.events.append(guard_event(verdict, original, action))
            state.reasoning.append(
                f"Safety: the draft reply failed the output guard and was {action}."
            )
            await emit(("\n\n" if guarded and guarded.emitted else "") + state.reply)
        # `safe_reply` already carries the reminder; model replies get it here.
        if state.conversation.risk_level is RiskLevel.RISK and action != "replaced":
            reminder = careful_reminder(self.country, language=state.conversation.language)
            state.reply = f"{state.reply}\n\n{reminder}"
            await emit(f"\n\n{reminder}")
        return state

    async def _replacement(
        self, state: TurnState, verdict, context: GuardContext
    ) -> tuple[str, str]:
        kinds = ", ".join(sorted({v.kind.value.replace("_", " ") for v in verdict.violations}))
        note = ChatMessage(
            role="system",
            content=(
                f"Your draft was not acceptable ({kinds}). Write a new short, warm reply: "
                "no methods or means of harm, no diagnosis, do not claim to be human or a "
                "therapist, no romance, and do not refuse; stay with the person and ask how "
                "they are."
            ),
        )
        try:
            completion = await self.generator.complete([*build_messages(state), note], self.config)
            if check_reply(completion.text, context).ok and completion.text.strip():
                return completion.text.strip(), "regenerated"
        except BackendError as error:
            logger.warning("regenerating a guarded reply failed: %s", error)
        return safe_reply(context), "replaced"


def _risk_event(assessment: RiskAssessment) -> dict:
    return {
        "kind": "risk",
        "level": assessment.level.value,
        "categories": [c.value for c in assessment.categories],
        "concerns": [c.value for c in assessment.concerns],
        "evidence": [e.model_dump(mode="json") for e in assessment.evidence],
        "score": assessment.score,
    }
