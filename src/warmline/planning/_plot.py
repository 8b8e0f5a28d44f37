"""Draw strategy metrics: the confusion matrix and predicted-vs-gold strategy shares."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from warmline.planning._metrics import StrategyMetrics

__all__ = ["plot_strategy_metrics"]

_SHORT = {
    "Question": "Qu",
    "Restatement or Paraphrasing": "Re",
    "Reflection of feelings": "RoF",
    "Self-disclosure": "SD",
    "Affirmation and Reassurance": "AaR",
    "Providing Suggestions": "PS",
    "Information": "In",
    "Others": "Oth",
}


def plot_strategy_metrics(metrics: StrategyMetrics, path: Path | str, title: str = "") -> Path:
    """Save a two-panel PNG: row-normalised confusion matrix, and strategy distributions."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    confusion = np.array(metrics.confusion, dtype=float)
    names = [_SHORT[s.value] for s in metrics.labels]
    rows = confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    figure, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
    image = left.imshow(rows, cmap="Blues", vmin=0, vmax=1)
    for (g, p), count in np.ndenumerate(confusion):
        left.text(
            p,
            g,
            int(count),
            ha="center",
            va="center",
            fontsize=7,
            color="white" if rows[g, p] > 0.5 else "black",
        )
    left.set(
        xticks=range(len(names)),
        yticks=range(len(names)),
        xticklabels=names,
        yticklabels=names,
        xlabel="predicted",
        ylabel="gold",
        title="Confusion (row share)",
    )
    figure.colorbar(image, ax=left, fraction=0.046)
    x = np.arange(len(names))
    total = max(confusion.sum(), 1)
    right.bar(x - 0.2, confusion.sum(axis=1) / total, 0.4, label="gold")
    right.bar(x + 0.2, confusion.sum(axis=0) / total, 0.4, label="predicted")
    right.set(xticks=x, xticklabels=names, ylabel="share of turns", title="Strategy distribution")
    right.legend()
    figure.suptitle(
        f"{title} n={metrics.n} acc={metrics.accuracy:.1f} macro-F1={metrics.macro_f1:.1f} "
        f"weighted-F1={metrics.weighted_f1:.1f} B={metrics.bias:.3f}".strip()
    )
    figure.tight_layout()
    path = Path(path)
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path
