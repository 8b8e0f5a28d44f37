"""Shared fixtures: every test gets its own WARMLINE_HOME and database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from warmline.config import Settings
from warmline.data import data_dir
from warmline.storage import ConversationStore


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point all warmline state at a temporary folder, keeping the shared model cache."""
    home = tmp_path / "home"
    monkeypatch.setenv("WARMLINE_HOME", str(home))
    monkeypatch.delenv("WARMLINE_DATABASE_URL", raising=False)
    monkeypatch.setenv("WARMLINE_MODEL_CACHE", str(model_cache()))
    return home


def model_cache() -> Path:
    """Assembled model files are kept across tests (they are large and verified)."""
    return Path(os.environ.get("WARMLINE_TEST_MODEL_CACHE", Path.home() / ".cache" / "warmline"))


def database_urls() -> list[str]:
    """SQLite always; PostgreSQL too when WARMLINE_TEST_POSTGRES_URL names a server."""
    urls = ["sqlite"]
    if os.environ.get("WARMLINE_TEST_POSTGRES_URL"):
        urls.append("postgresql")
    return urls


@pytest.fixture(params=database_urls())
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ConversationStore]:
    """A fresh conversation store on each supported database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = _fresh_postgres_database(os.environ["WARMLINE_TEST_POSTGRES_URL"])
    store = ConversationStore(url)
    yield store
    store.close()


def _fresh_postgres_database(server_url: str) -> str:
    """Create an empty database on the test server, so tests never see each other's rows."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"warmline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        make_url(server_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(server_url).set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False)


@pytest.fixture
def settings(isolated_home: Path) -> Settings:
    """Settings resolved inside the isolated home."""
    return Settings.from_env()


@pytest.fixture
def shared_data() -> Path:
    """The research data folder; tests that need it skip cleanly when it is absent."""
    path = data_dir()
    if not (path / "esconv" / "train.jsonl").exists():
        pytest.skip(f"research data not found at {path} (set WARMLINE_DATA)")
    return path
