import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from warmline._cli.main import app
from warmline.storage import ConversationStore
from warmline.types import Stage, Strategy

runner = CliRunner()


def chat(*args: str, input: str | bytes) -> list[dict]:
    result = runner.invoke(app, ["chat", "--model", "fake", "--json", *args], input=input)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_json_mode_answers_each_line_with_the_turn_contract() -> None:
    turns = chat(input="hi\nI lost my job today and I feel worthless\n")
    assert len(turns) == 2
    for turn in turns:
        assert turn["reply"].strip()
        assert Stage(turn["stage"]) and Strategy(turn["strategy"])
        assert {"emotion", "reasoning", "session"} <= turn.keys()
    assert turns[0]["session"] == turns[1]["session"]


def test_bad_lines_get_a_clear_message_and_the_session_goes_on() -> None:
    result = runner.invoke(
        app,
        ["chat", "--model", "fake", "--json"],
        input=b"hello\n\n   \n\xff\xfe broken\n" + b"y" * 1_000_000 + b"\nstill here\n",
    )
    assert result.exit_code == 0
    turns = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(turns) == 2
    assert "empty" in result.stderr and "UTF-8" in result.stderr and "1,000,000" in result.stderr


def test_session_resumes_by_id() -> None:
    first = chat(input="hi\n")[0]["session"]
    again = chat("--session", first, input="me again\n")
    assert again[0]["session"] == first


def test_unknown_session_and_model_are_one_line_errors() -> None:
    result = runner.invoke(app, ["chat", "--model", "fake", "--session", "nope"], input="hi\n")
    assert result.exit_code == 1 and "no session nope" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["chat", "--model", "gpt-17"], input="hi\n")
    assert result.exit_code == 1 and "unknown model 'gpt-17'" in result.stderr


_SLOW_CHAT = """
from warmline.backends import FakeBackend, register_backend
replies = ["I hear you, go on.", "word " * 400]
register_backend("slow")(lambda argument=None, **options: FakeBackend(replies, delay=0.05))
from warmline._cli.main import main
main()
"""


def test_sigkill_during_generation_loses_no_sent_message(isolated_home: Path) -> None:
    """Kill the process mid-reply; on restart every message sent before the kill is there."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_CHAT, "chat", "--model", "slow", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=os.environ.copy(),
    )
    assert process.stdin is not None
    process.stdin.write(b"my dog is sick\nand I can't sleep\n")
    process.stdin.flush()
    store = ConversationStore(f"sqlite:///{isolated_home / 'warmline.db'}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with store.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT role FROM messages ORDER BY id").all()
        if [r[0] for r in rows] == ["seeker", "supporter", "seeker"]:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    session = store.list_sessions(store.ensure_user("local").id)[0].id
    resumed = runner.invoke(app, ["chat", "--model", "fake", "--session", session], input="")
    assert resumed.exit_code == 0
    assert "my dog is sick" in resumed.stdout and "and I can't sleep" in resumed.stdout
    assert [m.role for m in store.messages(session, store.ensure_user("local").id)] == [
        "seeker",
        "supporter",
        "seeker",
    ]
