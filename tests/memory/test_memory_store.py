import pytest
from sqlalchemy import func, select

from warmline.errors import NotFoundError
from warmline.memory import Encoder, MemoryPolicy, MemoryStore, PersonaStore
from warmline.perceive import extract_persona
from warmline.storage import ConversationStore, MemoryRow, PersonaFactRow
from warmline.types import Emotion


def user_with_session(store: ConversationStore, name: str) -> tuple[str, str]:
    user = store.ensure_user(name)
    return user.id, store.create_session(user.id).id


def test_recall_ranks_by_meaning_and_reports_the_source_session(
    store: ConversationStore, memory: MemoryStore
) -> None:
    ana, session = user_with_session(store, "ana")
    memory.add(ana, "my exams are next week", session_id=session, emotion=Emotion.ANXIETY)
    dog = memory.add(ana, "my dog Biscuit is sick", session_id=session, emotion=Emotion.SADNESS)
    [first, *_] = memory.retrieve(ana, "I took Biscuit to the vet", emotion=Emotion.SADNESS)
    assert first.id == dog.id and first.session_id == session
    assert first.as_json()["session"] == session and first.score > 0


def test_memories_never_cross_users(
    store: ConversationStore, memory: MemoryStore, persona: PersonaStore
) -> None:
    ana, _ = user_with_session(store, "ana")
    ben, _ = user_with_session(store, "ben")
    secret = memory.add(ana, "my dog Biscuit is sick")
    memory.add(ben, "my cat is fine")
    assert all(m.id != secret.id for m in memory.retrieve(ben, "my dog Biscuit is sick", k=10))
    assert [m.text for m in memory.list(ben)] == ["my cat is fine"]
    with pytest.raises(NotFoundError):
        memory.delete(ben, secret.id)
    fact = persona.add(ana, extract_persona("call me Ana")[0])
    with pytest.raises(NotFoundError):
        persona.edit(ben, fact.id, "Ben")
    with pytest.raises(NotFoundError):
        persona.delete(ben, fact.id)
    assert persona.list(ben) == [] and memory.count(ana) == 1


def test_deleting_a_user_deletes_their_memories_and_facts(
    store: ConversationStore, memory: MemoryStore, persona: PersonaStore
) -> None:
    ana, session = user_with_session(store, "ana")
    memory.add(ana, "my sister Maya helps me", session_id=session)
    persona.add(ana, extract_persona("my sister Maya")[0])
    store.delete_user(ana)
    with store.db() as db:
        assert db.scalar(select(func.count()).select_from(MemoryRow)) == 0
        assert db.scalar(select(func.count()).select_from(PersonaFactRow)) == 0
    assert memory.retrieve(ana, "Maya") == []


def test_forgetting_keeps_the_budget_and_the_strongest(
    store: ConversationStore, words: Encoder
) -> None:
    ana, _ = user_with_session(store, "ana")
    memory = MemoryStore(store, words, MemoryPolicy(budget=5))
    vivid = memory.add(ana, "the night of the accident", arousal=1.0, salient=True)
    for i in range(12):
        memory.add(ana, f"small talk {i}", arousal=0.0)
        assert memory.count(ana) <= 5
    assert vivid.id in {m.id for m in memory.list(ana)}
    assert memory.forget(ana, budget=2) == 3 and memory.count(ana) == 2


def test_recall_reinforces_and_a_memory_deleted_elsewhere_is_never_shown(
    store: ConversationStore, memory: MemoryStore, words: Encoder
) -> None:
    ana, _ = user_with_session(store, "ana")
    kept = memory.add(ana, "my dog Biscuit is sick")
    gone = memory.add(ana, "my dog Biscuit ate my homework")
    assert len(memory.retrieve(ana, "Biscuit dog", k=5)) == 2
    memory.flush()
    assert {m.access_count for m in memory.list(ana)} == {1}
    MemoryStore(store, words).delete(ana, gone.id)  # another process, say
    assert [m.id for m in memory.retrieve(ana, "Biscuit dog", k=5)] == [kept.id]


def test_a_memory_added_or_cleared_elsewhere_is_seen_by_a_warm_cache(
    store: ConversationStore, memory: MemoryStore, words: Encoder
) -> None:
    ana, _ = user_with_session(store, "ana")
    memory.add(ana, "my exams are next week")
    assert [m.text for m in memory.retrieve(ana, "exams", k=5)] == ["my exams are next week"]
    elsewhere = MemoryStore(store, words)  # another process, say
    biscuit = elsewhere.add(ana, "my dog Biscuit is sick")
    assert [m.id for m in memory.retrieve(ana, "Biscuit dog", k=1)] == [biscuit.id]
    elsewhere.clear(ana)
    assert memory.retrieve(ana, "Biscuit dog", k=5) == []
    kept = memory.add(ana, "my dog Biscuit is better")
    assert [m.id for m in memory.retrieve(ana, "Biscuit dog", k=5)] == [kept.id]


def test_persona_facts_are_deduplicated_editable_and_deletable(
    store: ConversationStore, persona: PersonaStore
) -> None:
    ana, _ = user_with_session(store, "ana")
    for message in ("my dog Biscuit", "My dog Biscuit again", "call me Ana"):
        for fact in extract_persona(message, 1):
            persona.add(ana, fact)
    facts = persona.list(ana)
    assert sorted(f.text for f in facts) == ["has a dog named Biscuit", "wants to be called Ana"]
    name = next(f for f in facts if f.subject == "name")
    assert persona.edit(ana, name.id, "Annie").text == "wants to be called Annie"
    persona.delete(ana, name.id)
    assert [f.text for f in persona.list(ana)] == ["has a dog named Biscuit"]
    assert persona.clear(ana) == 1
