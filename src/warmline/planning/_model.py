"""The strategy classifier: a linear model over text and facts, blended with boosted trees.

Logistic regression reads the TF-IDF text views and the facts; gradient-boosted
trees read only the facts, where interactions matter (what follows a strategy
depends on whether the supporter is still talking, on the stage, on the last
rating). Their log-probabilities are averaged.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from warmline._util._fast_sklearn import FastLogisticRegression
from warmline.planning._forest import CompiledForest

__all__ = ["StrategyModel"]

_DERIVED = ("_compiled", "_fast_linear")
"""Attributes rebuilt from the fitted members on first use: dropped on refit, never pickled."""


class StrategyModel:
    """Blends a linear model (weight `linear_weight`) with trees on the trailing fact columns."""

    def __init__(self, n_facts: int, linear_weight: float = 0.6, seed: int = 0) -> None:
        self.n_facts = n_facts
        self.linear_weight = linear_weight
        self.linear = LogisticRegression(C=1.0, class_weight="balanced", max_iter=300, tol=1e-3)
        self.trees = HistGradientBoostingClassifier(
            max_iter=100,
            learning_rate=0.1,
            max_leaf_nodes=15,
            class_weight="balanced",
            early_stopping=False,
            random_state=seed,
        )

    def fit(self, x: sparse.csr_matrix, y: np.ndarray) -> StrategyModel:
        """Fit both members on the same rows."""
        self.linear.fit(x, y)
        self.trees.fit(self._facts(x), y)
        for name in _DERIVED:
            self.__dict__.pop(name, None)
        return self

    def member_log_proba(self, x: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        """Each member's log-probabilities (linear, trees), for choosing the blend."""
        trees = np.log(np.clip(self._forest().predict_proba(self._facts(x)), 1e-9, None))
        return self._linear().predict_log_proba(x), trees

    def predict_log_proba(self, x: sparse.csr_matrix) -> np.ndarray:
        """Blended, renormalised log-probabilities in class order 0..7."""
        linear, trees = self.member_log_proba(x)
        blend = self.linear_weight * linear + (1 - self.linear_weight) * trees
        return blend - np.logaddexp.reduce(blend, axis=1, keepdims=True)

    def _forest(self) -> CompiledForest:
        """The fitted trees compiled for fast prediction (built once, never pickled)."""
        forest = self.__dict__.get("_compiled")
        if forest is None:
            forest = self.__dict__["_compiled"] = CompiledForest(self.trees)
        return forest

    def _linear(self) -> FastLogisticRegression:
        """The fitted linear member minus scikit-learn's per-call checks (built once)."""
        linear = self.__dict__.get("_fast_linear")
        if linear is None:
            linear = self.__dict__["_fast_linear"] = FastLogisticRegression(self.linear)
        return linear

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in _DERIVED}

    def _facts(self, x: sparse.csr_matrix) -> np.ndarray:
        return x[:, x.shape[1] - self.n_facts :].toarray()
