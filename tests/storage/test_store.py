import pytest
from sqlalchemy import inspect, update

from warmline.errors import NotFoundError, StorageError
from warmline.storage import ConversationStore
from warmline.storage._schema import SessionRow
from warmline.types import ConversationState, Stage


def test_a_turn_stores_messages_in_order_with_its_state_and_events(
    store: ConversationStore,
) -> None:
    user = store.ensure_user("ana")
    session = store.create_session(user.id)
    store.add_message(session.id, "seeker", "hi")
    loaded, history, seeker = store.begin_turn(session.id, user.id, "I feel low")
    assert loaded.id == session.id and [m.text for m in history] == ["hi"]
    reply = store.finish_turn(
        session.id,
        "I'm here with you.",
        state=ConversationState(stage=Stage.ACTION, stage_turns=2),
        analysis={"strategy": "Question"},
        status="complete",
        message_id=seeker.id,
        events=[{"kind": "risk", "level": "concern"}],
    )
    messages = store.messages(session.id, user.id)
    assert [m.text for m in messages] == ["hi", "I feel low", "I'm here with you."]
    assert messages[-1].id == reply.id and messages[-1].analysis == {"strategy": "Question"}
    assert store.get_session(session.id, user.id).state.stage is Stage.ACTION
    [event] = store.safety_events(session.id, user.id)
    assert event["kind"] == "risk" and event["message_id"] == seeker.id
    assert event["detail"] == {"kind": "risk", "level": "concern"}


def test_a_turn_cannot_begin_in_someone_elses_session(store: ConversationStore) -> None:
    ana, ben = store.ensure_user("ana"), store.ensure_user("ben")
    session = store.create_session(ana.id)
    with pytest.raises(NotFoundError):
        store.begin_turn(session.id, ben.id, "hello")
    assert store.messages(session.id, ana.id) == []


def test_state_saved_before_a_field_existed_still_loads(store: ConversationStore) -> None:
    user = store.ensure_user("ana")
    session = store.create_session(user.id)
    old = ConversationState(stage=Stage.ACTION).model_dump(mode="json")
    del old["language"]
    with store.engine.begin() as connection:
        connection.execute(update(SessionRow).where(SessionRow.id == session.id).values(state=old))
    state = store.get_session(session.id, user.id).state
    assert state.stage is Stage.ACTION and state.language == "en"


def test_ensure_user_is_idempotent(store: ConversationStore) -> None:
    assert store.ensure_user("ana").id == store.ensure_user("ana").id


def test_duplicate_sign_up_is_a_clear_error(store: ConversationStore) -> None:
    store.create_user("ana", "hash")
    with pytest.raises(StorageError, match="already taken"):
        store.create_user("ana", "hash")


def test_another_users_session_is_not_found(store: ConversationStore) -> None:
    ana, ben = store.ensure_user("ana"), store.ensure_user("ben")
    session = store.create_session(ana.id)
    with pytest.raises(NotFoundError):
        store.get_session(session.id, ben.id)
    with pytest.raises(NotFoundError):
        store.messages(session.id, ben.id)
    with pytest.raises(NotFoundError):
        store.delete_session(session.id, ben.id)
    assert store.list_sessions(ben.id) == []


def test_deleting_a_user_deletes_everything_they_own(store: ConversationStore) -> None:
    ana, ben = store.ensure_user("ana"), store.ensure_user("ben")
    session = store.create_session(ana.id)
    store.add_message(session.id, "seeker", "private")
    kept = store.create_session(ben.id)
    store.delete_user(ana.id)
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT count(*) FROM messages").scalar()
    assert rows == 0
    assert store.get_session(kept.id, ben.id).id == kept.id


def test_export_contains_sessions_and_messages(store: ConversationStore) -> None:
    user = store.ensure_user("ana")
    session = store.create_session(user.id, title="first")
    _, _, seeker = store.begin_turn(session.id, user.id, "hello")
    store.finish_turn(
        session.id,
        "I'm listening.",
        state=ConversationState(),
        analysis={},
        status="complete",
        message_id=seeker.id,
        events=[{"kind": "risk", "level": "concern"}],
    )
    exported = store.export_user(user.id)
    assert exported["user"]["name"] == "ana"
    assert exported["sessions"][0]["messages"][0]["text"] == "hello"
    assert exported["sessions"][0]["safety_events"][0]["detail"] == {
        "kind": "risk",
        "level": "concern",
    }
    other = store.ensure_user("ben")
    with pytest.raises(NotFoundError):
        store.safety_events(session.id, other.id)


def test_migrations_create_every_table_and_are_rerunnable(store: ConversationStore) -> None:
    ConversationStore(store.url)  # a second open re-runs the (no-op) upgrade
    tables = set(inspect(store.engine).get_table_names())
    expected = {"users", "sessions", "messages", "memories", "persona_facts", "safety_events"}
    assert expected <= tables


def test_an_unusable_database_url_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "file").write_text("x")
    with pytest.raises(StorageError, match="cannot open the database"):
        ConversationStore(f"sqlite:///{tmp_path / 'file' / 'db.sqlite'}")
