"""An LLM as its own strategy planner, to measure its preference bias beside the trained one.

The model is shown the conversation and the eight strategies and asked to name
one. Its reply is constrained after the fact: the first strategy name it
mentions wins; a reply naming none falls back to the most common ESConv
strategy and is counted, so parse failures are visible in evaluations.
"""

from __future__ import annotations

import re

from warmline.backends import ChatMessage, GenerateConfig, Generator
from warmline.planning._planner import PlanningContext
from warmline.types import Speaker, Strategy, StrategyChoice, Utterance

__all__ = ["LLMPlanner", "parse_strategy"]

FALLBACK = Strategy.QUESTION
"""ESConv's most frequent supporter strategy, used when a reply names none."""
_HISTORY_UTTERANCES = 12

_SYSTEM = (
    "You plan the next turn of an emotional support conversation. Choose the one support "
    "strategy the supporter should use next. Answer with the strategy name only, exactly as "
    "written in the list."
)

# Every way a strategy may be named in a reply, longest first so that
# "Reflection of feelings" matches before "feelings"-free shorter aliases.
_NAMES: list[tuple[str, Strategy]] = sorted(
    [(s.value.lower(), s) for s in Strategy]
    + [
        ("questions", Strategy.QUESTION),
        ("restatement", Strategy.RESTATEMENT),
        ("paraphrasing", Strategy.RESTATEMENT),
        ("reflection", Strategy.REFLECTION),
        ("self disclosure", Strategy.SELF_DISCLOSURE),
        ("affirmation", Strategy.AFFIRMATION),
        ("reassurance", Strategy.AFFIRMATION),
        ("suggestions", Strategy.SUGGESTIONS),
        ("suggestion", Strategy.SUGGESTIONS),
        ("other", Strategy.OTHERS),
    ],
    key=lambda item: -len(item[0]),
)
_PATTERN = re.compile("|".join(rf"\b{re.escape(name)}\b" for name, _ in _NAMES))
_BY_NAME = dict(_NAMES)


PLANNING_CONFIG = GenerateConfig(max_tokens=16, temperature=0.0, seed=0)
"""A strategy name is a few tokens; greedy decoding makes runs repeatable."""


def parse_strategy(reply: str) -> Strategy | None:
    """The first strategy a reply names (case- and punctuation-tolerant), or None."""
    match = _PATTERN.search(" ".join(re.sub(r"[^a-z]+", " ", reply.lower()).split()))
    return _BY_NAME[match.group(0)] if match else None


class LLMPlanner:
    """Asks a generator (`warmline.backends`) to choose the strategy."""

    name = "llm"

    def __init__(self, generator: Generator, config: GenerateConfig = PLANNING_CONFIG) -> None:
        self._generator = generator
        self._config = config
        self.parse_failures = 0
        """Replies that named no strategy and fell back to `FALLBACK`."""

    async def plan(self, context: PlanningContext) -> StrategyChoice:
        """Prompt the model and read its choice; a reply naming none falls back."""
        completion = await self._generator.complete(self._messages(context), self._config)
        strategy = parse_strategy(completion.text)
        if strategy is None:
            self.parse_failures += 1
            return StrategyChoice(
                strategy=FALLBACK,
                probabilities={s: float(s is FALLBACK) for s in Strategy},
                rationale=f"the model named no strategy ({completion.text[:60]!r}); fell back",
            )
        return StrategyChoice(
            strategy=strategy,
            probabilities={s: float(s is strategy) for s in Strategy},
            rationale=f"chosen by the language model: {strategy.value}",
        )

    def _messages(self, context: PlanningContext) -> list[ChatMessage]:
        return [
            ChatMessage(role="system", content=_SYSTEM),
            ChatMessage(role="user", content=build_prompt(context)),
        ]


def build_prompt(context: PlanningContext) -> str:
    """The user prompt: strategies with their meanings, the situation and the recent dialogue."""
    options = "\n".join(f"- {s.value}: {s.description}" for s in Strategy)
    lines = [f"Strategies:\n{options}", f"Current stage: {context.stage.value}"]
    if context.situation:
        lines.append(f"Seeker's situation: {context.situation}")
    lines.append("Conversation so far:\n" + _transcript(context.history[-_HISTORY_UTTERANCES:]))
    lines.append("Which strategy should the supporter use next? Answer with its name only.")
    return "\n\n".join(lines)


def _transcript(history: list[Utterance]) -> str:
    if not history:
        return "(no messages yet)"
    return "\n".join(
        f"{'Seeker' if u.speaker is Speaker.SEEKER else 'Supporter'}"
        f"{f' [{u.strategy.value}]' if u.strategy else ''}: {u.text}"
        for u in history
    )
