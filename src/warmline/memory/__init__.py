"""Long-term memory: what the seeker shared in earlier sessions, and who they are."""

from warmline.memory._encoder import DIMENSIONS, Encoder, MiniLMEncoder, default_encoder
from warmline.memory._facts import PersonaStore, StoredFact
from warmline.memory._policy import MemoryPolicy, arousal, congruence, importance, strength
from warmline.memory._stage import RememberStage, worth_remembering
from warmline.memory._store import MemoryRecord, MemoryStore, RetrievedMemory

__all__ = [
    "DIMENSIONS",
    "Encoder",
    "MemoryPolicy",
    "MemoryRecord",
    "MemoryStore",
    "MiniLMEncoder",
    "PersonaStore",
    "RememberStage",
    "RetrievedMemory",
    "StoredFact",
    "arousal",
    "congruence",
    "default_encoder",
    "importance",
    "strength",
    "worth_remembering",
]
