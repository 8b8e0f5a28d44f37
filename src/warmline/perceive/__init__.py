"""Perceive: what the seeker feels, how strongly, why, and who they are."""

from warmline.perceive._cause import classify_problem, extract_cause, summarize, update_problem
from warmline.perceive._evaluate import SystemScores, evaluate_emotion
from warmline.perceive._lexicon import perceive_message
from warmline.perceive._persona import PersonaFact, PersonaKind, extract_persona
from warmline.perceive._recognizer import (
    DEFAULT_ARTIFACT,
    EmotionReading,
    EmotionRecognizer,
    default_recognizer,
    update_emotion,
)
from warmline.perceive._stage import PerceiveStage, perceive

__all__ = [
    "DEFAULT_ARTIFACT",
    "EmotionReading",
    "EmotionRecognizer",
    "PerceiveStage",
    "PersonaFact",
    "PersonaKind",
    "SystemScores",
    "classify_problem",
    "default_recognizer",
    "evaluate_emotion",
    "extract_cause",
    "extract_persona",
    "perceive",
    "perceive_message",
    "summarize",
    "update_emotion",
    "update_problem",
]
