"""Lookahead (MultiESC, CSO): prefer strategies predicted to improve the seeker's next feedback.

A gradient-boosted regressor learns, from ESConv's seeker ratings, the rating
the seeker gives next after a supporter turn, from the same history facts as
the planner plus the strategy used. At planning time the planner's top
strategies are re-ranked by their log-probability plus a weighted predicted
rating.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor

from warmline.planning._features import STRATEGIES, context_facts
from warmline.planning._planner import PlanningContext
from warmline.types import Dialogue, Speaker, Strategy

__all__ = ["RatingModel", "rating_examples", "rerank"]


def rating_examples(
    dialogues: Iterable[Dialogue],
) -> Iterator[tuple[PlanningContext, Strategy, int]]:
    """Each annotated supporter turn with the seeker's next rating after it, where one follows."""
    for dialogue in dialogues:
        turns = dialogue.utterances
        for i, utterance in enumerate(turns):
            if i == 0 or utterance.speaker is not Speaker.SUPPORTER or utterance.strategy is None:
                continue
            rating = next(
                (u.rating for u in turns[i + 1 :] if u.speaker is Speaker.SEEKER and u.rating),
                None,
            )
            if rating is not None:
                context = PlanningContext(history=turns[:i], situation=dialogue.situation)
                yield context, utterance.strategy, rating


class RatingModel:
    """Predicts the seeker's next 1-5 rating for every candidate strategy."""

    def __init__(self, seed: int = 0) -> None:
        self._model = HistGradientBoostingRegressor(
            max_iter=200, learning_rate=0.05, categorical_features=[0], random_state=seed
        )

    def fit(
        self,
        contexts: Sequence[PlanningContext],
        strategies: Sequence[Strategy],
        ratings: Sequence[int],
    ) -> RatingModel:
        """Learn from (context, strategy used, next rating) triples."""
        facts = np.stack([context_facts(c) for c in contexts])
        codes = np.array([STRATEGIES.index(s) for s in strategies])
        self._model.fit(np.column_stack([codes, facts]), np.asarray(ratings, dtype=float))
        return self

    def predict(self, contexts: Sequence[PlanningContext]) -> np.ndarray:
        """Expected next rating, one row per context and one column per strategy."""
        facts = np.stack([context_facts(c) for c in contexts])
        rows = np.repeat(facts, len(STRATEGIES), axis=0)
        codes = np.tile(np.arange(len(STRATEGIES)), len(contexts))
        predicted = self._model.predict(np.column_stack([codes, rows]))
        return predicted.reshape(len(contexts), len(STRATEGIES))


def rerank(log_probs: np.ndarray, ratings: np.ndarray, top_k: int, weight: float) -> np.ndarray:
    """Index of the chosen strategy per row: best log-prob + weight x rating among the top k."""
    scores = log_probs + weight * ratings
    excluded = np.argsort(-log_probs, axis=1)[:, top_k:]
    np.put_along_axis(scores, excluded, -np.inf, axis=1)
    return scores.argmax(axis=1)
