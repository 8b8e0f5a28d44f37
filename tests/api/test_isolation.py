"""One user can never see or change another's data: others' ids answer 404, not 403."""

from __future__ import annotations

from api_helpers import new_session, sign_up
from fastapi.testclient import TestClient


def test_second_user_gets_404_on_first_users_session(client: TestClient) -> None:
    alice = sign_up(client, "alice")
    bob = sign_up(client, "bob")
    session = new_session(client, alice)
    sent = client.post(
        f"/v1/sessions/{session}/messages", json={"text": "alice's secret"}, headers=alice
    )
    assert sent.status_code == 200

    attempts = [
        client.get(f"/v1/sessions/{session}", headers=bob),
        client.get(f"/v1/sessions/{session}/messages", headers=bob),
        client.patch(f"/v1/sessions/{session}", json={"title": "mine"}, headers=bob),
        client.delete(f"/v1/sessions/{session}", headers=bob),
        client.post(f"/v1/sessions/{session}/messages", json={"text": "hi"}, headers=bob),
        client.post(f"/v1/sessions/{session}/messages/stream", json={"text": "hi"}, headers=bob),
    ]
    for response in attempts:
        assert response.status_code == 404, (response.request.url, response.text)
        assert response.json()["error"] == {
            "code": "not_found",
            "message": "not found",
            "request_id": response.headers["x-request-id"],
        }
    missing = client.get("/v1/sessions/0123456789abcdef0123456789abcdef", headers=bob)
    assert missing.json()["error"]["message"] == "not found"  # indistinguishable

    assert client.get("/v1/sessions", headers=bob).json() == []
    exported = client.get("/v1/users/me/export", headers=bob).json()
    assert exported["sessions"] == [] and "alice's secret" not in str(exported)

    detail = client.get(f"/v1/sessions/{session}", headers=alice).json()
    assert detail["title"] is None and len(detail["messages"]) == 2


def test_deleting_a_user_leaves_others_alone(client: TestClient) -> None:
    alice = sign_up(client, "alice")
    bob = sign_up(client, "bob")
    kept = new_session(client, alice)
    new_session(client, bob)
    assert client.delete("/v1/users/me", headers=bob).status_code == 204
    assert [s["id"] for s in client.get("/v1/sessions", headers=alice).json()] == [kept]


def test_without_credentials_everything_is_401(client: TestClient) -> None:
    for method, path in [
        ("GET", "/v1/sessions"),
        ("GET", "/v1/users/me/export"),
        ("DELETE", "/v1/users/me"),
    ]:
        response = client.request(method, path)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    bogus = client.get("/v1/sessions", headers={"Authorization": "Bearer not-a-token"})
    assert bogus.status_code == 401
