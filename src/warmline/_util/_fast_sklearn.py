"""Fitted scikit-learn text vectorizers and linear models, applied without per-call checks.

For one message, scikit-learn spends far longer validating its input (array
checks, dataframe detection, parameter validation) than computing: a TF-IDF
transform of a sentence costs ~0.7 ms, of which counting n-grams is 0.03 ms.
The classes here read a fitted estimator's public attributes once and then
repeat only its arithmetic, in the same order, so results equal scikit-learn's.
A configuration they do not reproduce is refused when they are built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.utils import murmurhash3_32
from sklearn.utils.sparsefuncs_fast import (
    inplace_csr_row_normalize_l1,
    inplace_csr_row_normalize_l2,
)
from sklearn.utils.validation import check_is_fitted

__all__ = [
    "FastHashingVectorizer",
    "FastLogisticRegression",
    "FastRidge",
    "FastTfidfVectorizer",
    "hstack_csr",
]

_ROW_NORMALIZERS = {"l1": inplace_csr_row_normalize_l1, "l2": inplace_csr_row_normalize_l2}
"""scikit-learn's own in-place row scalings, the ones `normalize` calls for a CSR matrix."""


class FastTfidfVectorizer:
    """`TfidfVectorizer.transform` of a fitted vectorizer: same analyzer, counts and weighting."""

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        check_is_fitted(vectorizer, "vocabulary_")
        self._analyze = vectorizer.build_analyzer()
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_
        self._n_features = len(self._vocabulary)
        self._dtype = _float_dtype(vectorizer)
        self._binary = vectorizer.binary
        self._sublinear_tf = vectorizer.sublinear_tf
        self._idf = vectorizer.idf_ if vectorizer.use_idf else None
        self._normalize = _ROW_NORMALIZERS[vectorizer.norm] if vectorizer.norm else None

    def transform(self, documents: Iterable[str]) -> sparse.csr_matrix:
        """The TF-IDF rows of the documents, equal to the vectorizer's own `transform`."""
        _refuse_single_string(documents)
        columns: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for document in documents:
            found: dict[int, int] = {}
            for term in self._analyze(document):
                column = self._vocabulary.get(term)
                if column is not None:
                    found[column] = found.get(column, 0) + 1
            for column in sorted(found):
                columns.append(column)
                counts.append(found[column])
            indptr.append(len(columns))
        data = np.asarray(counts, dtype=self._dtype)
        indices = np.asarray(columns, dtype=np.int32)
        if self._binary:
            data.fill(1)
        if self._sublinear_tf:
            np.log(data, out=data)
            data += 1.0
        if self._idf is not None:
            data *= self._idf[indices]
        return _csr(data, indices, indptr, self._n_features, self._normalize)


class FastHashingVectorizer:
    """`HashingVectorizer.transform`: the same analyzer and murmurhash3 buckets, counted once.

    Only `alternate_sign=False` is reproduced: signed buckets may cancel to
    stored zeros, which this class does not model.
    """

    def __init__(self, vectorizer: HashingVectorizer) -> None:
        if vectorizer.alternate_sign:
            raise ValueError("HashingVectorizer(alternate_sign=True) is not reproduced")
        self._analyze = vectorizer.build_analyzer()
        self._n_features = vectorizer.n_features
        self._dtype = _float_dtype(vectorizer)
        self._binary = vectorizer.binary
        self._normalize = _ROW_NORMALIZERS[vectorizer.norm] if vectorizer.norm else None

    def transform(self, documents: Iterable[str]) -> sparse.csr_matrix:
        """The hashed n-gram counts of the documents, equal to the vectorizer's own `transform`.

        All documents are counted together (one key per row and bucket), so the
        many short windows of a long message cost one numpy pass, not one each.
        """
        _refuse_single_string(documents)
        terms = [self._analyze(document) for document in documents]
        if not terms:
            raise ValueError("Cannot vectorize empty sequence.")
        lengths = [len(t) for t in terms]
        hashes = np.fromiter(
            (murmurhash3_32(term) for document in terms for term in document),
            np.int64,
            sum(lengths),
        )
        # abs() of a signed 32-bit hash, modulo the width: scikit-learn's bucket.
        rows = np.repeat(np.arange(len(terms), dtype=np.int64), lengths)
        keys, count = np.unique(
            rows * self._n_features + np.abs(hashes) % self._n_features, return_counts=True
        )
        row_of_key = keys // self._n_features
        indptr = np.searchsorted(row_of_key, np.arange(len(terms) + 1))
        data = count.astype(self._dtype)
        indices = (keys % self._n_features).astype(np.int32)
        if self._binary:
            data.fill(1)
        return _csr(data, indices, indptr, self._n_features, self._normalize)


class FastLogisticRegression:
    """Probabilities of a fitted multiclass (softmax) `LogisticRegression`."""

    def __init__(self, model: LogisticRegression) -> None:
        check_is_fitted(model, "coef_")
        if len(model.classes_) <= 2:
            raise ValueError(
                "FastLogisticRegression reproduces multiclass (softmax) models only; "
                f"this one has {len(model.classes_)} classes"
            )
        self.classes_ = model.classes_
        self._coef_t = model.coef_.T
        self._intercept = model.intercept_

    def predict_proba(self, x: sparse.csr_matrix | np.ndarray) -> np.ndarray:
        """Class probabilities in `classes_` order, as the model's `predict_proba`."""
        scores = x @ self._coef_t + self._intercept
        scores -= scores.max(axis=1).reshape(-1, 1)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1).reshape(-1, 1)
        return scores

    def predict_log_proba(self, x: sparse.csr_matrix | np.ndarray) -> np.ndarray:
        """Log-probabilities as the model's `predict_log_proba` (the log of the probabilities)."""
        return np.log(self.predict_proba(x))


class FastRidge:
    """Predictions of a fitted `Ridge` regressor (one target or several)."""

    def __init__(self, model: Ridge) -> None:
        check_is_fitted(model, "coef_")
        self._coef_t = model.coef_.T
        self._intercept = model.intercept_

    def predict(self, x: sparse.csr_matrix | np.ndarray) -> np.ndarray:
        """The model's `predict`: `x @ coef_.T + intercept_`."""
        return x @ self._coef_t + self._intercept


def hstack_csr(blocks: Sequence[sparse.csr_matrix | np.ndarray]) -> sparse.csr_matrix:
    """Blocks side by side, as `scipy.sparse.hstack(blocks, format="csr")` gives them.

    CSR blocks keep their stored entries and dense blocks give their non-zeros;
    columns end up sorted within each row. scipy's general version spends
    ~0.2 ms checking and converting, more than a turn's vectorizers now cost.
    """
    rows, columns, values = [], [], []
    offset = 0
    for block in blocks:
        if sparse.issparse(block):
            lengths = np.diff(block.indptr)
            rows.append(np.repeat(np.arange(block.shape[0]), lengths))
            columns.append(block.indices + offset)
            values.append(block.data)
        else:
            row, column = np.nonzero(block)
            rows.append(row)
            columns.append(column + offset)
            values.append(block[row, column])
        offset += block.shape[1]
    n_rows = blocks[0].shape[0]
    row = np.concatenate(rows)
    order = np.argsort(row, kind="stable")  # blocks stay left to right within a row
    indptr = np.zeros(n_rows + 1, dtype=np.int32)
    np.cumsum(np.bincount(row, minlength=n_rows), out=indptr[1:])
    indices = np.concatenate(columns)[order].astype(np.int32)
    return sparse.csr_matrix(
        (np.concatenate(values)[order], indices, indptr), shape=(n_rows, offset)
    )


def _refuse_single_string(documents: Iterable[str]) -> None:
    """A lone string would be read as one document per character, as scikit-learn refuses."""
    if isinstance(documents, str):
        raise ValueError("Iterable over raw text documents expected, string object received.")


def _float_dtype(vectorizer: TfidfVectorizer | HashingVectorizer) -> np.dtype:
    """The vectorizer's output dtype; scikit-learn would convert any other to float64."""
    dtype = np.dtype(vectorizer.dtype)
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"{type(vectorizer).__name__}(dtype={dtype}) is not reproduced")
    return dtype


def _csr(
    data: np.ndarray,
    indices: np.ndarray,
    indptr: list[int] | np.ndarray,
    n_features: int,
    normalize: Callable[[sparse.csr_matrix], None] | None,
) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(
        (data, indices, np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, n_features)
    )
    if normalize is not None:
        normalize(matrix)
    return matrix
