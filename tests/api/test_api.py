"""The HTTP API end to end with the fake model, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import logging

import pytest
from api_helpers import PASSWORD, new_session, sign_up, sse_events
from fastapi.testclient import TestClient

from warmline._api import ApiSettings, create_app
from warmline._api._routes_messages import _events
from warmline._factory import open_runtime
from warmline.backends import FakeBackend
from warmline.storage import ConversationStore


def test_sign_up_sign_in_and_cookie_session(client: TestClient) -> None:
    response = client.post("/v1/users", json={"name": "robin", "password": PASSWORD})
    assert response.status_code == 201
    cookie = response.headers["set-cookie"]
    assert "warmline_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert client.get("/v1/users/me").json()["name"] == "robin"  # via the cookie
    assert client.post("/v1/auth/logout", json={}).status_code == 204
    assert client.get("/v1/users/me").status_code == 401

    wrong = client.post("/v1/auth/login", json={"name": "robin", "password": "not it at all"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    ok = client.post("/v1/auth/login", json={"name": "robin", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {ok.json()['token']}"}
    client.cookies.clear()
    assert client.get("/v1/users/me", headers=bearer).json()["name"] == "robin"
    taken = client.post("/v1/users", json={"name": "robin", "password": PASSWORD})
    assert taken.status_code == 409


def test_passwords_are_argon2_and_tokens_hashed(
    client: TestClient, store: ConversationStore
) -> None:
    response = client.post("/v1/users", json={"name": "sam", "password": PASSWORD})
    found = store.find_user("sam")
    assert found is not None and found[1].startswith("$argon2id$")
    token = response.json()["token"]
    from sqlalchemy import select

    from warmline.storage import AuthToken

    with store.db() as db:
        hashes = list(db.scalars(select(AuthToken.token_hash)))
    assert token not in hashes and len(hashes) == 1 and len(hashes[0]) == 64


def test_session_lifecycle(client: TestClient) -> None:
    headers = sign_up(client, "kai")
    first = new_session(client, headers)
    second = client.post("/v1/sessions", json={"title": "exams"}, headers=headers).json()["id"]
    listed = client.get("/v1/sessions", headers=headers).json()
    assert {s["id"] for s in listed} == {first, second}
    renamed = client.patch(f"/v1/sessions/{first}", json={"title": "work"}, headers=headers)
    assert renamed.json()["title"] == "work"
    assert client.delete(f"/v1/sessions/{second}", headers=headers).status_code == 204
    assert client.get(f"/v1/sessions/{second}", headers=headers).status_code == 404
    assert [s["id"] for s in client.get("/v1/sessions", headers=headers).json()] == [first]


def test_send_message_returns_reply_with_analysis(client: TestClient) -> None:
    headers = sign_up(client, "lee")
    session = new_session(client, headers)
    response = client.post(
        f"/v1/sessions/{session}/messages",
        json={"text": "I feel anxious about my exams"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    turn = response.json()
    assert turn["reply"] and turn["session"] == session
    for key in ("emotion", "intensity", "stage", "strategy", "risk_level", "reasoning"):
        assert key in turn
    assert turn["top_strategies"] and 0 <= turn["top_strategies"][0]["probability"] <= 1
    assert response.headers["server-timing"].startswith("gen;dur=")
    timing = turn["timing"]
    assert 0 <= timing["generation_ms"] <= timing["turn_ms"] <= timing["server_ms"]
    steps = timing["steps_ms"]
    assert list(steps)[0] == "begin" and list(steps)[-2:] == ["deferred", "finish"]
    assert timing["generation_ms"] <= steps["respond"] <= timing["turn_ms"]
    detail = client.get(f"/v1/sessions/{session}", headers=headers).json()
    assert [m["role"] for m in detail["messages"]] == ["seeker", "supporter"]
    assert detail["messages"][1]["analysis"]["strategy"] == turn["strategy"]


def test_stream_sends_tokens_then_the_turn(
    store: ConversationStore, api_settings: ApiSettings
) -> None:
    # A word every 10 ms, as a model produces them: each goes out as it comes.
    runtime = open_runtime(FakeBackend(delay=0.01), database_url=store.url)
    with TestClient(create_app(runtime, api_settings)) as client:
        headers = sign_up(client, "max")
        session = new_session(client, headers)
        with client.stream(
            "POST",
            f"/v1/sessions/{session}/messages/stream",
            json={"text": "I had a fight with my sister"},
            headers=headers,
        ) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            events = sse_events(response.read().decode())
    runtime.store.close()
    tokens = [data for name, data in events if name == "token"]
    assert len(tokens) > 3
    name, turn = events[-1]
    assert name == "done" and "".join(tokens) == turn["reply"]
    assert turn["reply_message_id"] > turn["seeker_message_id"]


def test_stream_refuses_bad_input_before_streaming(client: TestClient) -> None:
    headers = sign_up(client, "ned")
    session = new_session(client, headers)
    url = f"/v1/sessions/{session}/messages/stream"
    empty = client.post(url, json={"text": "   "}, headers=headers)
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "invalid_input"
    long = client.post(url, json={"text": "a" * 4500}, headers=headers)
    assert long.status_code == 400 and "4,000" in long.json()["error"]["message"]
    assert client.get(f"/v1/sessions/{session}/messages", headers=headers).json() == []


@pytest.mark.parametrize(
    ("content", "content_type", "status", "code"),
    [
        (b"\xff\xfe\x00garbage", "application/json", 400, "invalid_encoding"),
        (b'{"text": ', "application/json", 422, "invalid_request"),
        (b'{"text": "hi"}', "text/plain", 415, "unsupported_media_type"),
        (b'{"text": "' + b"a" * 70_000 + b'"}', "application/json", 413, "payload_too_large"),
        (b'{"txt": "hi"}', "application/json", 422, "invalid_request"),
        (b'{"text": 5}', "application/json", 422, "invalid_request"),
    ],
)
def test_bad_bodies_get_clear_4xx(
    client: TestClient, content: bytes, content_type: str, status: int, code: str
) -> None:
    headers = sign_up(client, "olive")
    session = new_session(client, headers)
    response = client.post(
        f"/v1/sessions/{session}/messages",
        content=content,
        headers=headers | {"Content-Type": content_type},
    )
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert error["request_id"] == response.headers["x-request-id"]


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    mine = client.get("/v1/users/me", headers={"X-Request-ID": "trace-123"})
    assert mine.headers["x-request-id"] == "trace-123"
    assert mine.json()["error"]["request_id"] == "trace-123"
    made = client.get("/v1/users/me", headers={"X-Request-ID": "bad id with spaces"})
    assert made.headers["x-request-id"] != "bad id with spaces"


def test_user_export_and_deletion(client: TestClient, store: ConversationStore) -> None:
    headers = sign_up(client, "pia")
    session = new_session(client, headers)
    client.post(f"/v1/sessions/{session}/messages", json={"text": "hello there"}, headers=headers)
    exported = client.get("/v1/users/me/export", headers=headers).json()
    assert exported["user"]["name"] == "pia"
    assert [m["text"] for m in exported["sessions"][0]["messages"]][0] == "hello there"
    assert client.delete("/v1/users/me", headers=headers).status_code == 204
    assert client.get("/v1/users/me", headers=headers).status_code == 401
    assert store.find_user("pia") is None
    assert store.list_sessions(exported["user"]["id"]) == []


def test_rate_limits_per_user_and_ip(store: ConversationStore) -> None:
    runtime = open_runtime(FakeBackend(), database_url=store.url)
    app = create_app(runtime, ApiSettings(user_rate_per_minute=3, ip_rate_per_minute=1000))
    with TestClient(app) as client:
        headers = sign_up(client, "quinn")
        codes = [client.get("/v1/sessions", headers=headers).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[-1] == 429
        limited = client.get("/v1/sessions", headers=headers)
        assert limited.json()["error"]["code"] == "rate_limited"
        assert int(limited.headers["retry-after"]) >= 1
    app = create_app(runtime, ApiSettings(user_rate_per_minute=1000, ip_rate_per_minute=2))
    with TestClient(app) as client:
        codes = [client.get("/v1/users/me").status_code for _ in range(3)]
        assert codes == [401, 401, 429]
    runtime.store.close()


def test_cors_is_closed_by_default(client: TestClient) -> None:
    response = client.options(
        "/v1/sessions",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in response.headers
    simple = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_health_readiness_metrics_and_docs(client: TestClient, app) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    headers = sign_up(client, "rae")
    session = new_session(client, headers)
    client.post(f"/v1/sessions/{session}/messages", json={"text": "hi"}, headers=headers)
    metrics = client.get("/metrics").text
    for name in (
        "warmline_http_request_duration_seconds_bucket",
        "warmline_generation_duration_seconds_count 1.0",
        'warmline_generated_tokens_total{kind="completion"}',
        "warmline_risk_events_total",
        'warmline_turn_step_duration_seconds_count{step="plan"} 1.0',
        'warmline_turn_step_duration_seconds_count{step="finish"} 1.0',
    ):
        assert name in metrics
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/v1/sessions/{session_id}/messages/stream" in paths
    app.state.turns.draining = True
    assert client.get("/readyz").status_code == 503
    refused = client.post(f"/v1/sessions/{session}/messages", json={"text": "hi"}, headers=headers)
    assert refused.status_code == 503


def test_no_message_text_in_info_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    headers = sign_up(client, "sol")
    session = new_session(client, headers)
    secret = "my very private worry about zanzibar"
    client.post(f"/v1/sessions/{session}/messages", json={"text": secret}, headers=headers)
    with client.stream(
        "POST", f"/v1/sessions/{session}/messages/stream", json={"text": secret}, headers=headers
    ) as response:
        response.read()
    assert any("turn session=" in r.getMessage() for r in caplog.records)
    assert not any(
        "zanzibar" in r.getMessage() for r in caplog.records if r.levelno >= logging.INFO
    )


def test_web_page_is_served_with_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>warmline</title>" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("app.js", "style.css"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_tokens_queued_behind_a_busy_loop_go_out_as_one_event() -> None:
    async def scenario() -> list[str]:
        queue: asyncio.Queue = asyncio.Queue()
        for token in ["I'm ", "here ", "with you."]:
            queue.put_nowait(("token", token))
        ended = asyncio.get_running_loop().create_future()
        ended.cancel()
        queue.put_nowait(("end", ended))
        return [chunk async for chunk in _events(queue, "req-1", 0.0)]

    chunks = asyncio.run(scenario())
    events = sse_events("".join(chunks[1:]))
    assert events[0] == ("token", "I'm here with you.")
    assert [name for name, _ in events] == ["token", "error"]
