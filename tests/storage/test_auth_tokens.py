"""Sign-in tokens in the store: only hashes, expiry honoured, cascade on user deletion."""

from __future__ import annotations

from datetime import timedelta

from warmline.storage import ConversationStore, utcnow


def test_token_round_trip_and_expiry(store: ConversationStore) -> None:
    user = store.create_user("ana", "hash")
    store.add_token("a" * 64, user.id, utcnow() + timedelta(hours=1))
    store.add_token("b" * 64, user.id, utcnow() - timedelta(seconds=1))
    found = store.user_for_token("a" * 64)
    assert found is not None and found.id == user.id
    assert store.user_for_token("b" * 64) is None
    assert store.user_for_token("c" * 64) is None
    store.delete_token("a" * 64)
    assert store.user_for_token("a" * 64) is None


def test_tokens_go_with_their_user(store: ConversationStore) -> None:
    user = store.create_user("ben", "hash")
    store.add_token("d" * 64, user.id, utcnow() + timedelta(hours=1))
    store.delete_user(user.id)
    assert store.user_for_token("d" * 64) is None
