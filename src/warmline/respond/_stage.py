"""The respond stage: generate the reply, streaming it, with a kind fallback on failure."""

from __future__ import annotations

import logging

from warmline.backends import GenerateConfig, Generator
from warmline.errors import BackendError
from warmline.respond._clean import clean_reply, is_usable
from warmline.respond._fallback import fallback_reply
from warmline.respond._prompt import build_messages
from warmline.turn import TurnState

__all__ = ["RespondStage"]

logger = logging.getLogger(__name__)


class RespondStage:
    """Writes the supporter's reply with the model, conditioned on the plan."""

    def __init__(self, generator: Generator, config: GenerateConfig | None = None) -> None:
        self.generator = generator
        self.config = config or GenerateConfig(max_tokens=160, temperature=0.7)

    async def __call__(self, state: TurnState) -> TurnState:
        """Stream the reply to `state.emit`; fall back to a safe reply if the model fails."""
        parts: list[str] = []
        try:
            async for chunk in self.generator.stream(build_messages(state), self.config):
                if chunk.text:
                    parts.append(chunk.text)
                    await state.emit(chunk.text)
            reply = clean_reply("".join(parts))
            if not is_usable(reply):
                raise BackendError("returned text that is not a usable reply", backend="respond")
        except BackendError as error:
            logger.error("reply generation failed, using the fallback: %s", error)
            reply = fallback_reply(state.conversation.stage)
            state.status = "fallback"
            await state.emit(("\n\n" if parts else "") + reply)
        state.reply = reply
        return state
