"""The validation-free replicas give exactly what the fitted scikit-learn objects give."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge

from warmline._util._fast_sklearn import (
    FastHashingVectorizer,
    FastLogisticRegression,
    FastRidge,
    FastTfidfVectorizer,
    hstack_csr,
)

CORPUS = [
    "I lost my job last week and I can't sleep",
    "my exam is tomorrow and I'm so anxious about the exam",
    "thanks, that really helped me a lot",
    "I feel so sad and alone since my dog died",
    "my boss shouts at me and I feel angry",
    "I can't sleep because I'm worried about my job",
    "Me siento muy triste, perdí mi trabajo",
    "thanks so much, I feel a lot better now",
]
LABELS = ["job", "exam", "thanks", "grief", "job", "job", "grief", "thanks"]
PROBES = [
    "",
    "   ",
    "I lost my job and I feel so sad",
    "Ünïcödé café naïve, ÜBER straße — 日本語 😀",
    "zzqx blorf entirely unseen vocabulary",
    "sad sad sad sad sad",
    "I LOST MY JOB, My Job!",
    "a",
    "thanks thanks; exam? exam! job job job",
]


def assert_same_csr(fast: sparse.csr_matrix, reference: sparse.spmatrix) -> None:
    """Same shape, dtype and stored entries, values equal to a few units in the last place."""
    reference = sparse.csr_matrix(reference)
    assert isinstance(fast, sparse.csr_matrix)
    assert fast.shape == reference.shape and fast.dtype == reference.dtype
    np.testing.assert_array_equal(fast.indptr, reference.indptr)
    np.testing.assert_array_equal(fast.indices, reference.indices)
    np.testing.assert_allclose(fast.data, reference.data, rtol=4 * np.finfo(fast.dtype).eps)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"ngram_range": (1, 2), "sublinear_tf": True, "dtype": np.float32},
        {"binary": True, "norm": "l1"},
        {"use_idf": False, "norm": None},
        {"sublinear_tf": True, "smooth_idf": False, "lowercase": False},
        {"analyzer": "char_wb", "ngram_range": (2, 4), "sublinear_tf": True},
        {"min_df": 2, "ngram_range": (1, 2)},
        {"strip_accents": "unicode", "stop_words": "english"},
    ],
)
def test_tfidf_rows_match_scikit_learn(options: dict) -> None:
    vectorizer = TfidfVectorizer(**options).fit(CORPUS)
    fast = FastTfidfVectorizer(vectorizer)
    assert_same_csr(fast.transform(PROBES), vectorizer.transform(PROBES))
    assert_same_csr(fast.transform(PROBES[2:3]), vectorizer.transform(PROBES[2:3]))
    assert_same_csr(fast.transform(iter(CORPUS)), vectorizer.transform(CORPUS))


@pytest.mark.parametrize(
    "options",
    [
        {"analyzer": "word", "ngram_range": (1, 2), "norm": "l2"},
        {"analyzer": "char_wb", "ngram_range": (2, 5), "norm": "l2"},
        {"analyzer": "char", "ngram_range": (1, 3), "norm": "l1", "dtype": np.float32},
        {"norm": None, "binary": True},
        {"n_features": 16},  # more n-grams than buckets: collisions must add up
    ],
)
def test_hashed_rows_match_scikit_learn(options: dict) -> None:
    vectorizer = HashingVectorizer(alternate_sign=False, **options)
    fast = FastHashingVectorizer(vectorizer)
    assert_same_csr(fast.transform(PROBES), vectorizer.transform(PROBES))
    assert_same_csr(fast.transform(CORPUS[:1]), vectorizer.transform(CORPUS[:1]))
    with_empty = ["", *PROBES, "", *CORPUS]  # rows without n-grams, counted in one batch
    assert_same_csr(fast.transform(with_empty), vectorizer.transform(with_empty))


def test_linear_models_match_scikit_learn_on_sparse_and_dense_rows() -> None:
    vectorizer = TfidfVectorizer().fit(CORPUS)
    x, probes = vectorizer.transform(CORPUS), vectorizer.transform(PROBES)
    classifier = LogisticRegression(C=10.0, max_iter=1000).fit(x, LABELS)
    fast_classifier = FastLogisticRegression(classifier)
    assert list(fast_classifier.classes_) == list(classifier.classes_)
    single_target = Ridge(alpha=0.5).fit(x, np.arange(len(CORPUS)))
    two_targets = Ridge(alpha=0.5).fit(x, np.c_[np.arange(len(CORPUS)), np.ones(len(CORPUS))])
    for rows in (probes, probes.toarray(), probes.astype(np.float32), x[:1]):
        np.testing.assert_allclose(
            fast_classifier.predict_proba(rows), classifier.predict_proba(rows), rtol=1e-12
        )
        np.testing.assert_allclose(
            fast_classifier.predict_log_proba(rows),
            classifier.predict_log_proba(rows),
            rtol=1e-12,
        )
        for regressor in (single_target, two_targets):
            prediction = FastRidge(regressor).predict(rows)
            assert prediction.shape == regressor.predict(rows).shape
            np.testing.assert_allclose(prediction, regressor.predict(rows), rtol=1e-12)


def test_hstack_csr_matches_scipy_with_empty_rows_and_dense_zeros() -> None:
    rng = np.random.default_rng(0)
    left = sparse.random(6, 5, density=0.3, format="csr", random_state=1, dtype=np.float32)
    left.data[0] = 0.0  # a stored zero stays stored, as in scipy
    empty = sparse.csr_matrix((6, 3), dtype=np.float32)
    dense = rng.normal(size=(6, 4)).astype(np.float32)
    dense[dense < 0] = 0.0
    dense[2] = 0.0
    right = sparse.random(6, 7, density=0.2, format="csr", random_state=2, dtype=np.float32)
    blocks = [left, empty, dense, right]
    stacked = hstack_csr(blocks)
    reference = sparse.hstack([sparse.csr_matrix(b) for b in blocks], format="csr")
    assert_same_csr(stacked, reference)
    np.testing.assert_array_equal(stacked.data, reference.data)


def test_configurations_it_does_not_reproduce_are_refused_when_built() -> None:
    with pytest.raises(ValueError, match="alternate_sign=True"):
        FastHashingVectorizer(HashingVectorizer())
    with pytest.raises(ValueError, match="dtype"):
        FastHashingVectorizer(HashingVectorizer(alternate_sign=False, dtype=np.int64))
    with pytest.raises(ValueError, match="multiclass"):
        binary = LogisticRegression().fit(TfidfVectorizer().fit_transform(CORPUS), [0, 1] * 4)
        FastLogisticRegression(binary)
    with pytest.raises(NotFittedError):
        FastTfidfVectorizer(TfidfVectorizer())
    with pytest.raises(NotFittedError):
        FastLogisticRegression(LogisticRegression())
    with pytest.raises(NotFittedError):
        FastRidge(Ridge())


def test_a_lone_string_is_refused_as_scikit_learn_refuses_it() -> None:
    fast = FastTfidfVectorizer(TfidfVectorizer().fit(CORPUS))
    with pytest.raises(ValueError, match="string object received"):
        fast.transform("I lost my job")
    with pytest.raises(ValueError, match="string object received"):
        FastHashingVectorizer(HashingVectorizer(alternate_sign=False)).transform("I lost my job")
