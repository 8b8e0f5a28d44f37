"""Measure the risk assessor on a labelled JSON Lines set.

Each line: `{"text", "history"?, "level", "categories", "lang", "kind"}`. The
report gives risk recall, the false-alarm rate (non-risk messages assessed as
risk), per-category precision and recall, and per-kind accuracy, so that a
regression points at the kind of message that broke.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from warmline.errors import DataFormatError
from warmline.safety._risk import assess_risk
from warmline.safety._types import RiskCategory
from warmline.types import RiskLevel

__all__ = [
    "CategoryScore",
    "EvalReport",
    "LabelledCase",
    "evaluate_risk",
    "format_report",
    "read_cases",
]


class LabelledCase(BaseModel):
    """One message with its expected assessment."""

    text: str
    history: list[str] = Field(default_factory=list)
    level: RiskLevel
    categories: list[RiskCategory] = Field(default_factory=list)
    lang: str = "en"
    kind: str = "explicit"


class CategoryScore(BaseModel):
    """Precision and recall of one risk category."""

    category: str
    support: int
    precision: float
    recall: float


class EvalReport(BaseModel):
    """The assessor's results on a labelled set."""

    cases: int
    risk_cases: int
    risk_recall: float
    false_alarm_rate: float
    categories: list[CategoryScore]
    kinds: dict[str, float]
    """Share of cases of each kind whose risk/non-risk decision was right."""
    failures: list[str]


def read_cases(path: Path | str) -> list[LabelledCase]:
    """Read a labelled set.

    Raises:
        DataFormatError: a line is not a valid case.
    """
    cases = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(LabelledCase.model_validate(json.loads(line)))
            except ValueError as error:
                raise DataFormatError(
                    f"not a labelled case: {error}", path=path, line=number
                ) from None
    return cases


def evaluate_risk(cases: list[LabelledCase]) -> EvalReport:
    """Assess every case and score the decisions."""
    predictions = [assess_risk(case.text, case.history) for case in cases]
    risky = [p.is_risk for p in predictions]
    truth = [c.level is RiskLevel.RISK for c in cases]
    positives = sum(truth)
    negatives = len(cases) - positives
    kinds: dict[str, list[bool]] = {}
    failures = []
    for case, predicted, expected, result in zip(cases, risky, truth, predictions, strict=True):
        kinds.setdefault(case.kind, []).append(predicted == expected)
        if predicted != expected:
            failures.append(
                f"[{case.kind}] expected {case.level.value}, got {result.level.value}: "
                f"{case.text[:100]}"
            )
    return EvalReport(
        cases=len(cases),
        risk_cases=positives,
        risk_recall=_ratio(sum(p and t for p, t in zip(risky, truth, strict=True)), positives),
        false_alarm_rate=_ratio(
            sum(p and not t for p, t in zip(risky, truth, strict=True)), negatives, empty=0.0
        ),
        categories=[_category_score(c, cases, predictions) for c in RiskCategory],
        kinds={kind: sum(ok) / len(ok) for kind, ok in sorted(kinds.items())},
        failures=failures,
    )


def _category_score(category: RiskCategory, cases, predictions) -> CategoryScore:
    expected = [category in case.categories for case in cases]
    found = [category in p.categories for p in predictions]
    hits = sum(e and f for e, f in zip(expected, found, strict=True))
    return CategoryScore(
        category=category.value,
        support=sum(expected),
        precision=_ratio(hits, sum(found)),
        recall=_ratio(hits, sum(expected)),
    )


def _ratio(part: int, whole: int, empty: float = 1.0) -> float:
    return part / whole if whole else empty


def format_report(report: EvalReport, title: str = "") -> str:
    """A plain-text table of the report, for the terminal and for reports."""
    lines = [f"{title} ({report.cases} cases, {report.risk_cases} risk)".strip()]
    lines.append(f"risk recall      {report.risk_recall:.3f}")
    lines.append(f"false-alarm rate {report.false_alarm_rate:.3f}")
    lines.append(f"{'category':<20}{'support':>8}{'precision':>11}{'recall':>8}")
    for score in report.categories:
        lines.append(
            f"{score.category:<20}{score.support:>8}{score.precision:>11.3f}{score.recall:>8.3f}"
        )
    lines.append(f"{'kind':<24}{'accuracy':>9}")
    lines.extend(f"{kind:<24}{accuracy:>9.3f}" for kind, accuracy in report.kinds.items())
    return "\n".join(lines)
