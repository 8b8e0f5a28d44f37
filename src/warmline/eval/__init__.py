"""Evaluation of emotional-support systems, shaped like inspect_ai.

Datasets give `Sample`s (ESConv turns) and `RoleCard`s (ESC-Eval seekers);
solvers are the systems under test (`WarmlineSolver`, `LLMSolver`); scorers
are the reference metrics, the simulated seeker's intensity and the `Judge`;
reducers give means with bootstrap intervals; the `run_*` tasks compose them
with a resumable runner and write JSONL, a summary JSON and an HTML report.
"""

from warmline.eval._compare import run_compare
from warmline.eval._config import RunConfig
from warmline.eval._dataset import RoleCard, Sample, esconv_samples, read_cards
from warmline.eval._interactive import run_judge, run_simulate
from warmline.eval._judge import DIMENSIONS, Judge, Judgement, bias_check
from warmline.eval._metrics import (
    bleu,
    distinct,
    reference_metrics,
    rouge_l,
    strategy_scores,
    tokenize,
)
from warmline.eval._pool import BackendPool, SharedBackend
from warmline.eval._reference import run_esconv
from warmline.eval._runner import ResultLog, run_items
from warmline.eval._scale import ScaleAnswer, expected_score, parse_score, read_scale
from warmline.eval._seeker import SeekerState, SimulatedSeeker
from warmline.eval._solvers import LLMSolver, Reply, Solver, WarmlineSolver, make_solver
from warmline.eval._stats import Estimate, bootstrap_mean, paired_difference

__all__ = [
    "DIMENSIONS",
    "BackendPool",
    "Estimate",
    "Judge",
    "Judgement",
    "LLMSolver",
    "Reply",
    "ResultLog",
    "RoleCard",
    "RunConfig",
    "Sample",
    "ScaleAnswer",
    "SeekerState",
    "SharedBackend",
    "SimulatedSeeker",
    "Solver",
    "WarmlineSolver",
    "bias_check",
    "bleu",
    "bootstrap_mean",
    "distinct",
    "esconv_samples",
    "expected_score",
    "make_solver",
    "paired_difference",
    "parse_score",
    "read_cards",
    "read_scale",
    "reference_metrics",
    "rouge_l",
    "run_compare",
    "run_esconv",
    "run_items",
    "run_judge",
    "run_simulate",
    "strategy_scores",
    "tokenize",
]
