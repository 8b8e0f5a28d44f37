"""Helpers shared by the API tests: sign-up, sessions, and reading event streams."""

from __future__ import annotations

import json
import socket
from typing import Any

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


def sign_up(client: TestClient, name: str) -> dict[str, str]:
    """Create a user; returns bearer headers for it."""
    response = client.post("/v1/users", json={"name": name, "password": PASSWORD})
    assert response.status_code == 201, response.text
    client.cookies.clear()
    return {"Authorization": f"Bearer {response.json()['token']}"}


def new_session(client: TestClient, headers: dict[str, str]) -> str:
    """Start a session; returns its id."""
    response = client.post("/v1/sessions", json={}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def sse_events(body: str) -> list[tuple[str, Any]]:
    """Parse a Server-Sent Events body into (event, data) pairs."""
    events = []
    for block in body.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith(":")]
        name = next((line[6:].strip() for line in lines if line.startswith("event:")), None)
        data = [line[5:].strip() for line in lines if line.startswith("data:")]
        if name and data:
            events.append((name, json.loads("\n".join(data))))
    return events


def free_port() -> int:
    """A loopback port nobody is listening on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
