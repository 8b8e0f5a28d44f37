"""The planner's validation-free features and linear member equal scikit-learn's own path."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from warmline.data import read_esconv
from warmline.planning import PlanningContext, evaluation_examples
from warmline.planning._artifact import DEFAULT_ARTIFACT, load_artifact
from warmline.planning._features import ContextFeaturizer, _slots
from warmline.planning._model import StrategyModel
from warmline.types import Dialogue, Speaker, Utterance


def sklearn_rows(
    featurizer: ContextFeaturizer, contexts: list[PlanningContext]
) -> sparse.csr_matrix:
    """The feature rows as the fitted vectorizers and `scipy.sparse.hstack` make them."""
    slots = [_slots(c.history) for c in contexts]
    blocks = [
        v.transform([getattr(s, name) for s in slots])
        for name, v in featurizer._vectorizers.items()
    ]
    blocks.append(sparse.csr_matrix(np.stack([s.dense for s in slots]).astype(np.float32)))
    return sparse.hstack(blocks, format="csr")


def assert_same_rows(fast: sparse.csr_matrix, reference: sparse.csr_matrix) -> None:
    assert fast.shape == reference.shape and fast.dtype == reference.dtype == np.float32
    np.testing.assert_array_equal(fast.indptr, reference.indptr)
    np.testing.assert_array_equal(fast.indices, reference.indices)
    np.testing.assert_allclose(fast.data, reference.data, rtol=1e-6)


def odd_contexts(dialogue: Dialogue) -> list[PlanningContext]:
    """Empty history, unicode, unseen words, an empty message and the tiny dialogue's prefixes."""
    odd = [
        Utterance(speaker=Speaker.SEEKER, text="Ünïcödé — je suis très triste 😢 日本語"),
        Utterance(speaker=Speaker.SEEKER, text="zzqx blorf wibblequank"),
        Utterance(speaker=Speaker.SEEKER, text=""),
    ]
    prefixes = [dialogue.utterances[:i] for i in range(1, len(dialogue.utterances) + 1)]
    return [PlanningContext(history=h) for h in [[], odd, odd[1:2], odd[2:], *prefixes]]


@pytest.fixture(scope="module")
def shipped() -> tuple[ContextFeaturizer, StrategyModel]:
    payload = load_artifact(DEFAULT_ARTIFACT)
    return payload["featurizer"], payload["classifier"]


def test_shipped_features_and_linear_member_match_scikit_learn(shipped, dialogue):
    featurizer, model = shipped
    contexts = odd_contexts(dialogue)
    rows = featurizer.transform(contexts)
    assert_same_rows(rows, sklearn_rows(featurizer, contexts))
    for context in contexts:  # one at a time, as each turn asks
        assert_same_rows(featurizer.transform([context]), sklearn_rows(featurizer, [context]))
    linear, _ = model.member_log_proba(rows)
    np.testing.assert_allclose(linear, model.linear.predict_log_proba(rows), rtol=1e-6)


def test_shipped_model_matches_on_valid_contexts(shipped, shared_data: Path):
    featurizer, model = shipped
    valid = read_esconv(shared_data / "esconv" / "valid.jsonl")
    contexts = [c for c, _ in evaluation_examples(valid, 300)]
    rows = featurizer.transform(contexts)
    assert_same_rows(rows, sklearn_rows(featurizer, contexts))
    linear, _ = model.member_log_proba(rows)
    np.testing.assert_allclose(linear, model.linear.predict_log_proba(rows), rtol=1e-6)


def test_refitting_rebuilds_the_fast_path_and_pickles_leave_it_out(dialogue):
    contexts = [c for c, _ in evaluation_examples([dialogue, dialogue])]
    reworded = [
        PlanningContext(
            history=[u.model_copy(update={"text": f"{u.text} honestly"}) for u in c.history]
        )
        for c in contexts
    ]
    labels = np.arange(len(contexts)) % 3
    featurizer = ContextFeaturizer().fit(contexts)
    model = StrategyModel(n_facts=featurizer.n_facts)
    model.trees.max_iter = 5
    model.fit(featurizer.transform(contexts), labels)
    model.member_log_proba(featurizer.transform(contexts))  # builds the fast path

    featurizer.fit(reworded)
    rows = featurizer.transform(reworded)
    assert_same_rows(rows, sklearn_rows(featurizer, reworded))
    model.fit(rows, labels[::-1])
    linear, _ = model.member_log_proba(rows)
    np.testing.assert_allclose(linear, model.linear.predict_log_proba(rows), rtol=1e-6)

    for fitted in (featurizer, model):
        restored = pickle.loads(pickle.dumps(fitted))
        assert not {"_fast_vectorizers", "_fast_linear"} & set(restored.__dict__)
    assert_same_rows(pickle.loads(pickle.dumps(featurizer)).transform(reworded), rows)
