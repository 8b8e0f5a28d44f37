"""Respond: write the supporter's reply from the plan, or a kind fallback."""

from warmline.respond._fallback import fallback_reply
from warmline.respond._prompt import SYSTEM_PROMPT, build_messages, supporter_note
from warmline.respond._stage import RespondStage

__all__ = ["SYSTEM_PROMPT", "RespondStage", "build_messages", "fallback_reply", "supporter_note"]
