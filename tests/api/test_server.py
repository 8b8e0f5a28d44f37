"""`warmline serve` as a real process: killed mid-stream it loses nothing accepted,
and stopped politely it finishes the replies in flight."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_helpers import PASSWORD, free_port

import warmline._api

pytestmark = pytest.mark.slow
SRC = Path(warmline._api.__file__).resolve().parents[2]


class Server:
    """A `warmline serve --model fake` subprocess on a loopback port."""

    def __init__(self, home: Path, delay: float, workers: int = 1) -> None:
        self.home = home
        self.delay = delay
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        env = os.environ | {
            "PYTHONPATH": str(SRC),
            "WARMLINE_HOME": str(self.home),
            "WARMLINE_FAKE_DELAY": str(self.delay),
            "WARMLINE_DRAIN_SECONDS": "20",
        }
        command = "from warmline._cli.main import main; main()"
        args = [
            "serve",
            "--model",
            "fake",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        self.process = subprocess.Popen(
            [sys.executable, "-c", command, *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError("the server did not become ready in 90 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def _signed_in(url: str, *, new: bool) -> dict[str, str]:
    path = "/v1/users" if new else "/v1/auth/login"
    response = httpx.post(f"{url}{path}", json={"name": "kim", "password": PASSWORD}, timeout=30)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['token']}"}


def _open_stream(client: httpx.Client, url: str, session: str) -> Iterator[str]:
    """Open a stream and yield its lines (the caller stops reading when it likes)."""
    with client.stream(
        "POST", f"{url}/v1/sessions/{session}/messages/stream", json={"text": "I lost my job"}
    ) as response:
        assert response.status_code == 200
        yield from response.iter_lines()


def test_kill_mid_stream_loses_no_accepted_message(tmp_path: Path, servers: list[Server]) -> None:
    server = Server(tmp_path / "home", delay=0.5).start()
    servers.append(server)
    headers = _signed_in(server.url, new=True)
    session = httpx.post(f"{server.url}/v1/sessions", json={}, headers=headers).json()["id"]

    client = httpx.Client(headers=headers, timeout=httpx.Timeout(5.0))
    lines = _open_stream(client, server.url, session)
    assert next(lines) == ": stream open"  # accepted: the message is stored before the stream
    assert server.process is not None
    server.process.send_signal(signal.SIGKILL)
    started = time.monotonic()
    with pytest.raises(httpx.HTTPError):  # a clear transport error, not a hang
        for line in lines:
            assert not line.startswith("event: done")
    assert time.monotonic() - started < 5
    client.close()

    restarted = Server(tmp_path / "home", delay=0.0)
    restarted.port, restarted.url = server.port, server.url
    servers.append(restarted.start())
    headers = _signed_in(restarted.url, new=False)
    messages = httpx.get(f"{restarted.url}/v1/sessions/{session}/messages", headers=headers).json()
    assert messages[0]["role"] == "seeker" and messages[0]["text"] == "I lost my job"


def test_sigterm_finishes_the_reply_in_flight(tmp_path: Path, servers: list[Server]) -> None:
    server = Server(tmp_path / "home", delay=0.2).start()
    servers.append(server)
    headers = _signed_in(server.url, new=True)
    session = httpx.post(f"{server.url}/v1/sessions", json={}, headers=headers).json()["id"]

    client = httpx.Client(headers=headers, timeout=httpx.Timeout(10.0))
    lines = _open_stream(client, server.url, session)
    assert next(lines) == ": stream open"  # accepted: the message is stored before the stream
    assert server.process is not None
    server.process.send_signal(signal.SIGTERM)
    rest = list(lines)
    client.close()
    assert "event: done" in rest
    assert server.process.wait(30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal

    restarted = Server(tmp_path / "home", delay=0.0)
    servers.append(restarted.start())
    headers = _signed_in(restarted.url, new=False)
    messages = httpx.get(f"{restarted.url}/v1/sessions/{session}/messages", headers=headers).json()
    assert [m["role"] for m in messages] == ["seeker", "supporter"]


def test_workers_share_the_port_the_database_and_the_metrics(
    tmp_path: Path, servers: list[Server]
) -> None:
    server = Server(tmp_path / "home", delay=0.2, workers=2).start()
    servers.append(server)
    headers = _signed_in(server.url, new=True)
    session = httpx.post(f"{server.url}/v1/sessions", json={}, headers=headers).json()["id"]
    sent = [f"message {n}: work has been hard this month" for n in range(6)]
    for text in sent:  # a new connection each time, so the kernel spreads them over the workers
        reply = httpx.post(
            f"{server.url}/v1/sessions/{session}/messages",
            json={"text": text},
            headers=headers | {"Connection": "close"},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
    messages = httpx.get(f"{server.url}/v1/sessions/{session}/messages", headers=headers).json()
    assert [m["text"] for m in messages if m["role"] == "seeker"] == sent
    assert [m["role"] for m in messages].count("supporter") == len(sent)
    for _ in range(4):  # whichever worker answers, it reports the turns of both
        metrics = httpx.get(f"{server.url}/metrics", headers={"Connection": "close"}).text
        assert 'warmline_turns_total{status="complete"} 6.0' in metrics

    client = httpx.Client(headers=headers, timeout=httpx.Timeout(10.0))
    lines = _open_stream(client, server.url, session)
    assert next(lines) == ": stream open"
    assert server.process is not None
    server.process.send_signal(signal.SIGTERM)  # to the parent, which stops every worker
    assert "event: done" in list(lines)
    client.close()
    assert server.process.wait(30) == 0
