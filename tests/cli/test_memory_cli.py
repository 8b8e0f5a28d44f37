import json

from typer.testing import CliRunner

from warmline._cli.main import app

runner = CliRunner()


def chat(user: str, text: str) -> list[dict]:
    result = runner.invoke(
        app,
        ["chat", "--model", "fake", "--json", "--user", user],
        input=text,
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def memory(*args: str) -> str:
    result = runner.invoke(app, ["memory", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout + result.stderr


def test_a_second_session_recalls_biscuit_for_ana_and_nothing_of_hers_for_ben() -> None:
    first = chat(
        "ana",
        "hi\nMy dog Biscuit is sick and my sister Maya is helping me look after him.\n"
        "I've also been stressed about my exams for weeks\n",
    )
    assert {p["text"] for p in first[-1]["persona"]} >= {
        "has a dog named Biscuit",
        "has a sister named Maya",
    }
    [again] = chat("ana", "I took Biscuit to the vet today\n")
    assert again["session"] != first[0]["session"]
    top = again["memories"][0]
    assert "Biscuit" in top["text"] and top["session"] == first[0]["session"]
    assert top["score"] > 0 and {"text", "session", "score"} <= top.keys()
    [ben] = chat("ben", "I took Biscuit to the vet today\n")
    assert ben["memories"] == [] and ben["persona"] == []


def test_memory_list_export_edit_and_forget() -> None:
    chat("ana", "My dog Biscuit is sick and my sister Maya is helping me.\n")
    assert "Biscuit" in memory("list", "--user", "ana")
    exported = json.loads(memory("export", "--user", "ana"))
    assert exported["user"] == "ana" and len(exported["memories"]) == 1
    sister = next(f for f in exported["persona"] if f["subject"] == "sister")
    assert "embedding" not in exported["memories"][0]
    assert "Maia" in memory(
        "persona", "--user", "ana", "--id", str(sister["id"]), "--value", "Maia"
    )
    assert "forgot memory" in memory(
        "forget", "--user", "ana", "--id", str(exported["memories"][0]["id"])
    )
    assert "forgot 0 memories and 2 facts" in memory("forget", "--user", "ana", "--all")
    assert json.loads(memory("export", "--user", "ana"))["persona"] == []


def test_memory_commands_explain_mistakes_in_one_line() -> None:
    result = runner.invoke(app, ["memory", "list", "--user", "nobody"])
    assert result.exit_code == 1 and "no user 'nobody'" in result.stderr
    chat("ana", "hello\n")
    result = runner.invoke(app, ["memory", "forget", "--user", "ana"])
    assert result.exit_code == 1 and "exactly one of" in result.stderr
    result = runner.invoke(app, ["memory", "forget", "--user", "ana", "--id", "999"])
    assert result.exit_code == 1 and "no memory 999" in result.stderr
