"""Ordinary support conversations must not set off the crisis protocol.

ESConv's valid split is 2,956 seeker messages of everyday distress (breakups,
jobs, loneliness), a few of them genuinely at risk. Before the semantic stage
trained on ordinary messages it flagged 8.8 % of them, short replies and
goodbyes included; a supporter that did that would answer one message in
eleven with crisis lines.
"""

from pathlib import Path

import pytest

from warmline.data import read_esconv
from warmline.safety import assess_risk
from warmline.types import RiskLevel, Speaker


def test_at_most_one_percent_of_esconv_seeker_messages_are_flagged(shared_data: Path) -> None:
    flagged = total = 0
    for dialogue in read_esconv(shared_data / "esconv" / "valid.jsonl"):
        history: list[str] = []
        for utterance in dialogue.utterances:
            if utterance.speaker is not Speaker.SEEKER:
                continue
            total += 1
            flagged += assess_risk(utterance.text, history).level is RiskLevel.RISK
            history.append(utterance.text)
    assert total > 2000
    assert flagged / total <= 0.01, f"{flagged} of {total} flagged"


@pytest.mark.parametrize(
    "message",
    [
        # everyday closings
        "I appreciate it. Thanks again. I'll see you soon.",
        "yeah I know right",
        "ok I'm off now, bye :)",
        "alright, I think I'm good for today. thanks for listening to me vent.",
        "I'll keep taking care of myself and make sure to take the time I need to heal.",
        # abuse words in ordinary sentences
        "He hasn't hurt me physically, he just ignores me.",
        "my friends keep dragging me into drinking every weekend",
        "I have a problem with drinking and I'm so scared my boss will find out",
    ],
)
def test_ordinary_sentences_are_not_risk(message: str) -> None:
    assert assess_risk(message).level is not RiskLevel.RISK


@pytest.mark.parametrize(
    "message",
    [
        "he hits me when he's drunk",
        "he has hit me before and I'm scared",
        "my husband dragged me by my hair",
        "I'm scared he will find me",
        "he never hits me but he threatens to kill me",
    ],
)
def test_abuse_is_still_risk_when_the_sentence_says_it(message: str) -> None:
    assert assess_risk(message).level is RiskLevel.RISK
