"""Baselines the emotion recognizer is compared with: a lexicon and a zero-shot LLM.

The lexicon baseline is VADER (Hutto & Gilbert 2014) for polarity and
intensity plus warmline's emotion word list for the category, since VADER has
no emotion categories. The LLM baseline asks a chat model to name the emotion
in one word, with no examples.
"""

from __future__ import annotations

import re
from typing import Any

from warmline.backends import ChatMessage, GenerateConfig, Generator
from warmline.errors import ConfigurationError
from warmline.perceive._lexicon import perceive_message
from warmline.perceive._recognizer import EmotionReading
from warmline.types import Emotion, SeekerState

__all__ = ["LLM_PROMPT", "llm_emotion", "vader_readings"]

_FALLBACK = Emotion.ANXIETY
"""The most frequent ESConv emotion, for negative messages naming no emotion word."""
LLM_PROMPT = (
    "Which emotion does the person who wrote the message below feel most? Answer with exactly "
    "one word from this list: anxiety, depression, sadness, anger, fear, shame, disgust, "
    "nervousness, neutral, positive.\n\nMessage: {message}\n\nEmotion:"
)


def vader_readings(messages: list[str]) -> list[EmotionReading]:
    """VADER polarity decides calm vs distress and intensity; keywords pick the emotion.

    Raises:
        ConfigurationError: vaderSentiment is not installed.
    """
    analyzer = _vader()
    readings = []
    for message in messages:
        compound = analyzer.polarity_scores(message)["compound"]
        if compound >= 0.05:
            emotion = Emotion.POSITIVE
        elif compound > -0.05:
            emotion = Emotion.NEUTRAL
        else:
            guess = perceive_message(message, SeekerState()).emotion
            emotion = _FALLBACK if guess in (Emotion.NEUTRAL, Emotion.POSITIVE) else guess
        readings.append(EmotionReading({emotion: 1.0}, 1.0 + 4.0 * max(0.0, -compound)))
    return readings


async def llm_emotion(generator: Generator, message: str) -> Emotion:
    """The emotion a chat model names for one message, zero-shot (neutral if unparseable)."""
    prompt = [ChatMessage(role="user", content=LLM_PROMPT.format(message=message))]
    config = GenerateConfig(max_tokens=6, temperature=0.0, seed=0)
    completion = await generator.complete(prompt, config)
    match = re.search("|".join(e.value for e in Emotion), completion.text.lower())
    return Emotion(match.group(0)) if match else Emotion.NEUTRAL


def _vader() -> Any:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        raise ConfigurationError(
            "the VADER baseline needs vaderSentiment: pip install vadersentiment==3.3.2"
        ) from None
    return SentimentIntensityAnalyzer()
