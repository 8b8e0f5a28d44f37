import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from warmline.planning._forest import CompiledForest


def test_compiled_forest_matches_scikit_learn_exactly() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 6))
    x[rng.random(x.shape) < 0.05] = np.nan  # missing values take the learned side
    y = (np.nan_to_num(x[:, 0]) > 0).astype(int) + 2 * (np.nan_to_num(x[:, 1]) > 0.5)
    model = HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, random_state=0)
    model.fit(x, y)
    probe = rng.normal(size=(50, 6))
    probe[0, 2] = np.nan
    np.testing.assert_allclose(
        CompiledForest(model).predict_proba(probe), model.predict_proba(probe), atol=1e-12
    )
