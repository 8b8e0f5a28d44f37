"""Turn ESConv dialogues into labelled seeker messages for the emotion recognizer.

ESConv labels emotion once per dialogue, so labelling every seeker message with
it is noisy: greetings and thanks carry no distress. Those get `neutral` and
`positive` from surface patterns; the few off-list labels map to their nearest
ESConv type. Intensity targets run linearly from the seeker's `init_intensity`
at their first message to `final_intensity` at their last, so a regressor
learns both the starting level and the direction of travel.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from warmline.types import Dialogue, Emotion, Speaker

__all__ = ["LabelledMessage", "dialogue_label", "message_label", "seeker_examples"]

_RARE_LABELS = {"guilt": Emotion.SHAME, "jealousy": Emotion.ANGER, "pain": Emotion.SADNESS}
_GREETING = re.compile(
    r"^\W*(hi+|hello+|hey+|good (morning|afternoon|evening)|how are you|i'?m (fine|good|ok(ay)?)"
    r"|yes|yeah|no|ok(ay)?|sure|hmm+|i see|right)\b[\w\s,'.!?]{0,25}$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"\b(thanks?|thank you|appreciate|that helps|helped|feel (a lot |much |so much )?better"
    r"|good idea|great idea|bye|goodbye|take care|have a (nice|good|great))\b",
    re.IGNORECASE,
)
_DISTRESS = re.compile(
    r"\b(sad|depress\w*|anxi\w*|worr\w*|scar\w*|afraid|angry|mad|upset|lonely|hurt|stress\w*"
    r"|hate|struggl\w*|ashamed|guilty|nervous|cry\w*|lost|can'?t|never|don'?t|not)\b",
    re.IGNORECASE,
)


class LabelledMessage(NamedTuple):
    """One seeker message with its training targets."""

    text: str
    emotion: Emotion
    intensity: float
    dialogue_id: str
    position: int
    """Index among the dialogue's seeker messages, from 0."""


def dialogue_label(dialogue: Dialogue) -> Emotion | None:
    """The dialogue's ESConv emotion as an `Emotion`, mapping rare labels; None if unknown."""
    label = dialogue.emotion_type
    if label is None:
        return None
    if label in _RARE_LABELS:
        return _RARE_LABELS[label]
    try:
        return Emotion(label)
    except ValueError:
        return None


def message_label(text: str, dialogue_emotion: Emotion) -> Emotion:
    """A message's label: greetings are neutral, thanks positive, the rest the dialogue's."""
    if _DISTRESS.search(text) is None:
        if _THANKS.search(text):
            return Emotion.POSITIVE
        if _GREETING.match(text.strip()):
            return Emotion.NEUTRAL
    return dialogue_emotion


def seeker_examples(dialogues: list[Dialogue]) -> list[LabelledMessage]:
    """Every seeker message of dialogues that carry an emotion and both intensities."""
    examples: list[LabelledMessage] = []
    for dialogue in dialogues:
        emotion = dialogue_label(dialogue)
        if emotion is None or dialogue.init_intensity is None or dialogue.final_intensity is None:
            continue
        texts = [u.text for u in dialogue.utterances if u.speaker is Speaker.SEEKER and u.text]
        last = max(len(texts) - 1, 1)
        for position, text in enumerate(texts):
            share = position / last
            target = (1 - share) * dialogue.init_intensity + share * dialogue.final_intensity
            examples.append(
                LabelledMessage(text, message_label(text, emotion), target, dialogue.id, position)
            )
    return examples
