import numpy as np

from warmline.memory import MemoryPolicy, arousal, congruence, importance, strength
from warmline.memory._policy import EMOTION_CODES
from warmline.types import Emotion, SeekerState


def test_congruence_prefers_the_same_mood_then_any_distress() -> None:
    codes = np.array([EMOTION_CODES[e] for e in ("sadness", "anxiety", "positive")] + [-1])
    assert congruence(Emotion.SADNESS, codes).tolist() == [1.0, 0.5, 0.0, 0.0]
    assert congruence(None, codes).tolist() == [0.0, 0.0, 0.0, 0.0]


def test_strength_decays_with_time_and_grows_with_recall() -> None:
    policy = MemoryPolicy(half_life_days=10)
    day = 86400.0
    fresh, old, recalled = strength(
        np.array([0.8, 0.8, 0.8]),
        np.array([100 * day, 90 * day, 90 * day]),
        np.array([0, 0, 5]),
        100 * day,
        policy,
    )
    assert np.isclose(old, fresh / 2) and recalled > old


def test_arousal_and_importance() -> None:
    assert arousal(SeekerState(emotion=Emotion.FEAR, intensity=5.0)) == 1.0
    assert arousal(SeekerState(emotion=Emotion.POSITIVE, intensity=5.0)) == 0.0
    assert importance(1.0, True) == 1.0 and importance(0.0, False) == 0.2
