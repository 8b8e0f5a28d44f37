"""The trained strategy planner: a classifier over the dialogue so far, consulted every turn.

It predicts a probability for each of the eight strategies from TF-IDF views of
the newest messages plus the strategy history, position, replayed stage and
seeker ratings (see `_features`). Per-strategy prior offsets, selected on
ESConv valid, counter the classifier's pull towards frequent strategies (the
preference bias of Kang et al. 2024). With `lookahead=True` the top strategies
are re-ranked by the seeker rating they are predicted to lead to.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController

from warmline.planning._artifact import DEFAULT_ARTIFACT, load_artifact
from warmline.planning._features import STRATEGIES
from warmline.planning._lookahead import rerank
from warmline.planning._planner import PlanningContext
from warmline.types import StrategyChoice

__all__ = ["TrainedPlanner"]


class TrainedPlanner:
    """Chooses the strategy the trained model finds most probable (optionally with lookahead)."""

    name = "trained"

    def __init__(self, artifact: Path | str = DEFAULT_ARTIFACT, *, lookahead: bool = False) -> None:
        """Load the artifact, verifying its checksum.

        Raises:
            ConfigurationError: the artifact is missing or fails its checksum.
        """
        payload = load_artifact(Path(artifact))
        self._featurizer = payload["featurizer"]
        self._classifier = payload["classifier"]
        self._offsets = np.asarray(payload["offsets"])
        self._rater = payload["rater"]
        self._lookahead_k: int = payload["lookahead_k"]
        self._lookahead_weight: float = payload["lookahead_weight"]
        self.lookahead = lookahead
        self._threads = ThreadpoolController()
        self.report: dict[str, Any] = payload["report"]
        """Training figures stored with the artifact (valid metrics, timings)."""

    def log_probabilities(
        self, contexts: Sequence[PlanningContext], *, corrected: bool = True
    ) -> np.ndarray:
        """Log-probabilities, one row per context in `Strategy` order (prior-corrected)."""
        # One OpenMP thread: per-turn batches are tiny, and on a busy machine a thread
        # team waiting at barriers turns milliseconds into seconds.
        with self._threads.limit(limits=1, user_api="openmp"):
            scores = self._classifier.predict_log_proba(self._featurizer.transform(contexts))
        if corrected:
            scores = scores + self._offsets
        return scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)

    def choose(self, contexts: Sequence[PlanningContext]) -> np.ndarray:
        """Index of the chosen strategy per context (re-ranked when lookahead is on)."""
        return self._choose(contexts, self.log_probabilities(contexts))

    def _choose(self, contexts: Sequence[PlanningContext], log_probs: np.ndarray) -> np.ndarray:
        if not self.lookahead:
            return log_probs.argmax(axis=1)
        with self._threads.limit(limits=1, user_api="openmp"):
            ratings = self._rater.predict(contexts)
        return rerank(log_probs, ratings, self._lookahead_k, self._lookahead_weight)

    def choice(self, context: PlanningContext) -> StrategyChoice:
        """The strategy for one context with every strategy's probability (synchronous)."""
        log_probs = self.log_probabilities([context])
        strategy = STRATEGIES[self._choose([context], log_probs)[0]]
        probabilities = {s: float(p) for s, p in zip(STRATEGIES, np.exp(log_probs[0]), strict=True)}
        top = max(probabilities, key=probabilities.__getitem__)
        why = f"trained planner: {strategy.value} at p={probabilities[strategy]:.2f}"
        if strategy is not top:
            why += f", preferred over {top.value} for the seeker rating it is predicted to bring"
        return StrategyChoice(strategy=strategy, probabilities=probabilities, rationale=why)

    async def plan(self, context: PlanningContext) -> StrategyChoice:
        """Predict the next strategy; fast and synchronous inside (a few milliseconds)."""
        return self.choice(context)
