"""What a run is configured with, and the bookkeeping every task shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warmline.backends import Generator, LLMBackend, Usage
from warmline.data import data_dir, read_esconv
from warmline.types import Speaker

__all__ = ["RunConfig", "esconv_strategy_counts", "usage_delta", "usage_summary"]


@dataclass
class RunConfig:
    """Models, output folder and harness settings for one evaluation run.

    Models are specs (`embedded`, `smollm2`, `openai:NAME`, …) or backend
    objects; the seeker and the judge default to the system's model and share
    its loaded instance.
    """

    out: Path
    model: str | LLMBackend = "embedded"
    seeker_model: str | LLMBackend | None = None
    judge_model: str | LLMBackend | None = None
    seed: int = 0
    concurrency: int = 1
    backend_options: dict[str, Any] = field(default_factory=dict)
    usd_per_mtok_in: float = 0.0
    usd_per_mtok_out: float = 0.0
    timeout: float = 600.0
    threads: int | None = 1
    """CPU threads for in-process models (None: all cores; 1 is fastest on a busy machine)."""
    """Seconds to wait for a model's first and each next token (CPU runs can be slow)."""

    def describe(self, spec: str | LLMBackend | None) -> str:
        """A model spec as text, for summaries."""
        spec = spec if spec is not None else self.model
        return spec if isinstance(spec, str) else spec.model_id


def usage_delta(generator: Generator, before: Usage) -> dict[str, int]:
    """Tokens a generator spent since `before` was taken."""
    now = generator.usage
    return {
        "prompt_tokens": now.prompt_tokens - before.prompt_tokens,
        "completion_tokens": now.completion_tokens - before.completion_tokens,
    }


def usage_summary(records: list[dict[str, Any]], config: RunConfig) -> dict[str, Any]:
    """Token totals per role over all records (resumed runs included) and their cost."""
    totals: dict[str, Counter[str]] = {}
    for record in records:
        for role, usage in record.get("usage", {}).items():
            totals.setdefault(role, Counter()).update(usage)
    prompt = sum(t["prompt_tokens"] for t in totals.values())
    completion = sum(t["completion_tokens"] for t in totals.values())
    cost = (prompt * config.usd_per_mtok_in + completion * config.usd_per_mtok_out) / 1e6
    return {
        "by_role": {role: dict(t) for role, t in totals.items()},
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "cost_usd": round(cost, 6),
    }


def esconv_strategy_counts(path: Path | None = None) -> Counter[str]:
    """Strategy counts of ESConv's gold supporter turns (valid split), empty without data."""
    path = path or data_dir() / "esconv" / "valid.jsonl"
    if not path.exists():
        return Counter()
    return Counter(
        u.strategy.value
        for dialogue in read_esconv(path)
        for u in dialogue.utterances
        if u.speaker is Speaker.SUPPORTER and u.strategy is not None
    )
