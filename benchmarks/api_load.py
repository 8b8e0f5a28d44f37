"""Load test of `warmline serve`: N concurrent users each send M streamed messages.

Starts the server as a second process on loopback with the fake model (a fixed
delay per word, so generation time is known), drives it with a bounded asyncio
client (each person's messages over their own h11 connection), then checks
through each user's export that every message was stored. Each user waits a
think time (mean --think seconds, uniform 0.5x-1.5x) before each message, as a
person reading and typing does; `--think 0` sends back to back and measures
saturation throughput instead.

Added latency (what the service costs beyond generation) is reported four ways,
from the `timing` object of each `done` event:
`added_ms` = client-measured time of a message (send to `done`) minus
`generation_ms`; `server_added_ms` = the server's request-to-done time
(`server_ms`) minus `generation_ms` (leaves out the client's own scheduling);
`http_layer_ms` = `server_ms` minus `turn_ms`, the HTTP layer alone (auth,
ownership check, validation, streaming), without the turn pipeline's own work;
`pipeline_ms` = `turn_ms` minus `generation_ms`, that work (two durable
commits, perception, risk assessment, planning, recall). `healthz_floor_ms` samples
GET /healthz during the run (every --probe-every seconds): what the machine itself
costs any request.

    PYTHONPATH=src python benchmarks/api_load.py --users 50 --messages 10
    PYTHONPATH=src python benchmarks/api_load.py --think 15 --workers 2   # serve --workers 2
    PYTHONPATH=src python benchmarks/api_load.py --database-url postgresql://...

Exits 1 when there were errors, lost messages, or p95 added latency > --max-p95-ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import h11
import httpx

from warmline.config import Settings

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # only ever loopback
PASSWORD = "load test password"


@dataclass
class Results:
    """What the run measured."""

    total_ms: list[float] = field(default_factory=list)
    added_ms: list[float] = field(default_factory=list)
    server_added_ms: list[float] = field(default_factory=list)
    http_ms: list[float] = field(default_factory=list)
    pipeline_ms: list[float] = field(default_factory=list)
    floor_ms: list[float] = field(default_factory=list)
    """Latency of GET /healthz sampled during the run: what this machine costs any request."""
    first_token_ms: list[float] = field(default_factory=list)
    steps_ms: dict[str, list[float]] = field(default_factory=dict)
    """Each step of the turn (`timing.steps_ms`: begin, the stages, deferred, finish)."""
    errors: list[str] = field(default_factory=list)
    sent: dict[str, list[str]] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(
    port: int, home: Path, delay: float, database_url: str | None, workers: int
) -> subprocess.Popen:
    """`warmline serve --model fake` with limits out of the way."""
    env = os.environ | {
        "PYTHONPATH": str(ROOT / "src"),
        "WARMLINE_HOME": str(home),
        # the usual model cache, so the sentence encoder is not rebuilt in every fresh home
        "WARMLINE_MODEL_CACHE": str(Settings.from_env().model_cache),
        "WARMLINE_FAKE_DELAY": str(delay),
        "WARMLINE_RATE_LIMIT_USER": "1000000",
        "WARMLINE_RATE_LIMIT_IP": "1000000",
    }
    if database_url:
        env["WARMLINE_DATABASE_URL"] = database_url
    command = "from warmline._cli.main import main; main()"
    args = ["serve", "--model", "fake", "--host", HOST, "--port", str(port)]
    args += ["--workers", str(workers)]
    return subprocess.Popen([sys.executable, "-c", command, *args], env=env)


async def wait_ready(base: str) -> None:
    """Poll /readyz for up to a minute."""
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"{base}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not become ready")


async def sign_up(client: httpx.AsyncClient, base: str, name: str, gate: asyncio.Semaphore) -> str:
    """A new user's bearer token (sign-ups are paced: argon2 is deliberately costly)."""
    async with gate:
        response = await client.post(f"{base}/v1/users", json={"name": name, "password": PASSWORD})
    response.raise_for_status()
    return response.json()["token"]


class Connection:
    """One simulated person's HTTP/1.1 connection for their messages: h11 over asyncio streams.

    The timed requests skip httpx on purpose. Client and server share this
    machine's two cores, and httpx's layers spend about 10 ms of CPU on each
    streamed reply (this, about 5) while the server's turns wait for the CPU:
    the client would be timing itself. h11 is the HTTP/1.1 parser uvicorn uses.
    A connection the server closed while the person was thinking (uvicorn keeps
    idle ones 5 s) is replaced before the next message.
    """

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._http = h11.Connection(h11.CLIENT)

    async def events(self, path: str, payload: dict[str, str]) -> AsyncIterator[tuple[str, str]]:
        """POST `payload` as JSON; yield the Server-Sent Events of the reply as (event, data).

        Raises:
            ConnectionError: the reply was not 200 OK.
        """
        body = json.dumps(payload).encode()
        headers = [
            ("host", f"{HOST}:{self.port}"),
            ("authorization", f"Bearer {self.token}"),
            ("content-type", "application/json"),
            ("content-length", str(len(body))),
        ]
        request = h11.Request(method="POST", target=path, headers=headers)
        for retry in (True, False):
            reused = await self._ready()
            self._writer.write(
                self._http.send(request)
                + self._http.send(h11.Data(data=body))
                + self._http.send(h11.EndOfMessage())
            )
            try:
                response = await self._next()
                break
            except (h11.RemoteProtocolError, ConnectionError):
                # Closed as idle the moment the request left: never read, so safe to resend.
                self.close()
                if not (retry and reused):
                    raise
        text = ""
        while not isinstance(event := await self._next(), h11.EndOfMessage):
            text += bytes(event.data).decode()
            if response.status_code == 200:
                *blocks, text = text.split("\n\n")
                for block in blocks:
                    yield _sse(block)
        self._http.start_next_cycle()
        if response.status_code != 200:
            raise ConnectionError(f"HTTP {response.status_code}: {text[:200]}")

    def close(self) -> None:
        """Hang up."""
        if self._writer is not None:
            self._writer.close()

    async def _ready(self) -> bool:
        """A connection ready for a request: the open one if the server kept it (True), else new.

        One left mid-reply (an error, a timeout) is never IDLE, so it is replaced too.
        """
        alive = self._reader is not None and not self._reader.at_eof()
        if alive and self._http.our_state is h11.IDLE:
            return True
        self.close()
        self._reader, self._writer = await asyncio.open_connection(HOST, self.port)
        self._http = h11.Connection(h11.CLIENT)
        return False

    async def _next(self) -> h11.Event:
        while (event := self._http.next_event()) is h11.NEED_DATA:
            self._http.receive_data(await self._reader.read(65536))
        return event


def _sse(block: str) -> tuple[str, str]:
    """One Server-Sent Event's name and data (comments, such as keep-alives, have neither)."""
    event = data = ""
    for line in block.split("\n"):
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
    return event, data


async def one_message(connection: Connection, session: str, text: str, results: Results) -> None:
    """Send one message over SSE and time it, until its `done` event."""
    started = time.perf_counter()
    first = total = turn = None
    failure = "no done event"
    path = f"/v1/sessions/{session}/messages/stream"
    async for event, data in connection.events(path, {"text": text}):
        if event == "token" and first is None:
            first = time.perf_counter()
        elif event == "done":
            total = (time.perf_counter() - started) * 1000
            turn = json.loads(data)
        elif event == "error":
            failure = data
    if turn is None:
        results.errors.append(f"stream ended without its reply: {failure[:200]}")
        return
    results.total_ms.append(total)
    timing = turn["timing"]
    results.added_ms.append(total - timing["generation_ms"])
    results.server_added_ms.append(timing["server_ms"] - timing["generation_ms"])
    results.http_ms.append(timing["server_ms"] - timing["turn_ms"])
    results.pipeline_ms.append(timing["turn_ms"] - timing["generation_ms"])
    for step, ms in timing["steps_ms"].items():
        results.steps_ms.setdefault(step, []).append(ms)
    if first is not None:
        results.first_token_ms.append((first - started) * 1000)


async def user(
    port: int, index: int, args: argparse.Namespace, gate: asyncio.Semaphore, results: Results
) -> None:
    """One simulated person: sign up, open a session, then read, think and send, in turn."""
    name = f"load{index:03d}"
    base = f"http://{HOST}:{port}"
    async with httpx.AsyncClient(timeout=httpx.Timeout(60.0)) as client:
        try:
            token = await sign_up(client, base, name, gate)
            client.headers["Authorization"] = f"Bearer {token}"
            session = (await client.post(f"{base}/v1/sessions", json={})).json()["id"]
        except httpx.HTTPError as error:
            results.errors.append(f"{name} setup: {error!r}")
            return
    results.sent[token] = []
    connection = Connection(port, token)
    await ready.wait()
    pace = random.Random(index)
    try:
        for n in range(args.messages):
            await asyncio.sleep(args.think * pace.uniform(0.5, 1.5))
            text = f"message {n} from {name}: I have been feeling stressed about work lately"
            results.sent[token].append(text)
            try:
                await asyncio.wait_for(one_message(connection, session, text, results), 60)
            except (OSError, TimeoutError, h11.ProtocolError) as error:
                results.errors.append(f"{name} message {n}: {error!r}")
    finally:
        connection.close()


async def count_lost(base: str, results: Results) -> int:
    """Messages sent but missing (seeker text or its reply) from each user's export."""
    lost = 0
    async with httpx.AsyncClient(timeout=60) as client:
        for token, texts in results.sent.items():
            export = (
                await client.get(
                    f"{base}/v1/users/me/export", headers={"Authorization": f"Bearer {token}"}
                )
            ).json()
            stored = [m for s in export["sessions"] for m in s["messages"]]
            seeker = [m["text"] for m in stored if m["role"] == "seeker"]
            replies = [m for m in stored if m["role"] == "supporter"]
            lost += sum(text not in seeker for text in texts)
            lost += max(0, len(texts) - len(replies))
    return lost


async def probe_floor(base: str, results: Results, stop: asyncio.Event, every: float) -> None:
    """Time a trivial request every `every` seconds while the load runs."""
    async with httpx.AsyncClient(timeout=30) as client:
        while not stop.is_set():
            started = time.perf_counter()
            await client.get(f"{base}/healthz")
            results.floor_ms.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(every)


ready = asyncio.Event()


async def run(args: argparse.Namespace) -> dict[str, object]:
    """Start the server, drive the load, check storage, stop the server."""
    port = _free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory() as home:
        server = start_server(port, Path(home), args.delay, args.database_url, args.workers)
        try:
            await wait_ready(base)
            results = Results()
            gate = asyncio.Semaphore(4)
            tasks = [
                asyncio.create_task(user(port, i, args, gate, results)) for i in range(args.users)
            ]
            while len(results.sent) + len(results.errors) < args.users:
                await asyncio.sleep(0.05)
            ready.set()  # everyone is signed in: start the messages together
            started, cpu = time.perf_counter(), cpu_seconds(server.pid)
            client_cpu = time.process_time()  # this process alone: the server is its child
            stop = asyncio.Event()
            probe = asyncio.create_task(probe_floor(base, results, stop, args.probe_every))
            await asyncio.gather(*tasks)
            elapsed, cpu = time.perf_counter() - started, cpu_seconds(server.pid) - cpu
            client_cpu = time.process_time() - client_cpu
            stop.set()
            await probe
            lost = await count_lost(base, results)
        finally:
            server.terminate()
            server.wait(60)
    per_message = 1000 / max(1, len(results.total_ms))
    return summarise(args, results, lost, elapsed) | {
        "server_cpu_ms_per_message": round(cpu * per_message, 1),
        "client_cpu_ms_per_message": round(client_cpu * per_message, 1),
    }


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time so far of a process and its children, live or ended (Linux)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], q: float) -> float:
    if len(values) < 2:  # a short run may take a single floor sample, or none
        return round(values[0], 1) if values else float("nan")
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)


def summarise(args: argparse.Namespace, results: Results, lost: int, elapsed: float) -> dict:
    """The figures, as one JSON-ready dict."""
    expected = args.users * args.messages
    return {
        "users": args.users,
        "messages_per_user": args.messages,
        "workers": args.workers,
        "word_delay_s": args.delay,
        "think_s": args.think,
        "database": "postgresql" if args.database_url else "sqlite",
        "completed": len(results.total_ms),
        "expected": expected,
        "errors": len(results.errors),
        "lost_messages": lost,
        "wall_s": round(elapsed, 2),
        "messages_per_s": round(len(results.total_ms) / elapsed, 1),
        "total_ms": {"p50": _pct(results.total_ms, 50), "p95": _pct(results.total_ms, 95)},
        "first_token_ms": {
            "p50": _pct(results.first_token_ms, 50),
            "p95": _pct(results.first_token_ms, 95),
        },
        "added_ms": {
            "p50": _pct(results.added_ms, 50),
            "p95": _pct(results.added_ms, 95),
            "p99": _pct(results.added_ms, 99),
        },
        "server_added_ms": {
            "p50": _pct(results.server_added_ms, 50),
            "p95": _pct(results.server_added_ms, 95),
        },
        "http_layer_ms": {"p50": _pct(results.http_ms, 50), "p95": _pct(results.http_ms, 95)},
        "pipeline_ms": {
            "p50": _pct(results.pipeline_ms, 50),
            "p95": _pct(results.pipeline_ms, 95),
        },
        "steps_ms": {
            step: {"p50": _pct(values, 50), "p95": _pct(values, 95)}
            for step, values in results.steps_ms.items()
        },
        "healthz_floor_ms": {"p50": _pct(results.floor_ms, 50), "p95": _pct(results.floor_ms, 95)},
        "load_average": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
        "first_errors": results.errors[:5],
    }


def main() -> None:
    """Parse options, run, print the summary, exit 1 on failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1, help="`warmline serve --workers`")
    parser.add_argument("--delay", type=float, default=0.01, help="fake model seconds per word")
    parser.add_argument(
        "--think", type=float, default=2.0, help="mean seconds a user waits before each message"
    )
    parser.add_argument("--database-url", help="default: a temporary SQLite database")
    parser.add_argument(
        "--probe-every",
        type=float,
        default=1.0,
        help="seconds between /healthz floor samples (the probe is load too: keep it light)",
    )
    parser.add_argument("--max-p95-ms", type=float, default=50.0)
    parser.add_argument("--out", type=Path, help="also write the summary here as JSON")
    args = parser.parse_args()
    summary = asyncio.run(run(args))
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2) + "\n")
    ok = (
        summary["errors"] == 0
        and summary["lost_messages"] == 0
        and summary["completed"] == summary["expected"]
        and summary["added_ms"]["p95"] <= args.max_p95_ms
    )
    print("PASS" if ok else "FAIL", file=sys.stderr)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
