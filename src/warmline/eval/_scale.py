"""Ask a model for a number on a small scale, by log-probabilities when it has them.

FEEL (Zhang et al. 2024) scores with the probability-weighted expectation over
the scale instead of the sampled digit, which is smoother and less noisy. When
the backend returns token log-probabilities we read the alternatives at the
first digit the model generates (or, if it generates none, at its first token),
keep the scale's digits, renormalise and take the expectation. Otherwise we
parse the last scale digit in the reply. A reply with neither is an explicit
unscored answer with the reason, never a guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from warmline.backends import ChatMessage, Completion, GenerateConfig, Generator
from warmline.errors import BackendError

__all__ = ["ScaleAnswer", "expected_score", "parse_score", "read_scale", "score_completion"]


class ScaleAnswer(BaseModel):
    """A number read from a model, and how it was read."""

    value: float | None
    method: Literal["logprob", "parsed", "unscored"]
    distribution: dict[str, float] = Field(default_factory=dict)
    """Renormalised probability of each scale point (log-prob method only)."""
    reply: str = ""
    reason: str = ""
    """Why the answer is unscored."""


def expected_score(top: dict[str, float], scale: Sequence[int]) -> tuple[float, dict[str, float]]:
    """Expectation over the scale from one token's top log-probs; raises ValueError if none."""
    mass = {str(point): 0.0 for point in scale}
    for token, logprob in top.items():
        key = token.strip()
        if key in mass:
            mass[key] += math.exp(logprob)
    total = sum(mass.values())
    if total <= 0:
        raise ValueError("no scale digit among the top log-probabilities")
    distribution = {point: p / total for point, p in mass.items()}
    return sum(int(point) * p for point, p in distribution.items()), distribution


def parse_score(text: str, scale: Sequence[int]) -> int | None:
    """The last scale digit standing alone in `text`, or None."""
    digits = "".join(str(point) for point in scale)
    matches = re.findall(rf"(?<!\d)([{digits}])(?!\d)", text)
    return int(matches[-1]) if matches else None


def score_completion(completion: Completion, scale: Sequence[int]) -> ScaleAnswer:
    """Read a scale answer from a completion: log-probs first, then the text."""
    points = {str(point) for point in scale}
    candidates = [item for item in completion.logprobs if item.token.strip() in points]
    candidates += completion.logprobs[:1]  # else the first token's alternatives, as FEEL reads
    for item in candidates:
        try:
            value, distribution = expected_score({item.token: item.logprob, **item.top}, scale)
        except ValueError:
            continue
        return ScaleAnswer(
            value=value, method="logprob", distribution=distribution, reply=completion.text
        )
    parsed = parse_score(completion.text, scale)
    if parsed is not None:
        return ScaleAnswer(value=float(parsed), method="parsed", reply=completion.text)
    return ScaleAnswer(
        value=None,
        method="unscored",
        reply=completion.text,
        reason=f"no digit {min(scale)}-{max(scale)} in the reply",
    )


async def read_scale(
    generator: Generator,
    messages: list[ChatMessage],
    scale: Sequence[int],
    *,
    max_tokens: int = 4,
    timeout: float = 600.0,
) -> ScaleAnswer:
    """Ask for one scale point greedily; backend failures become unscored answers."""
    config = GenerateConfig(
        max_tokens=max_tokens,
        temperature=0.0,
        top_logprobs=10 if generator.backend.supports_logprobs else 0,
        timeout=timeout,
    )
    try:
        completion = await generator.complete(messages, config)
    except BackendError as error:
        return ScaleAnswer(value=None, method="unscored", reason=f"backend failed: {error}")
    return score_completion(completion, scale)
