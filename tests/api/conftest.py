"""Fixtures for the HTTP service: an app on each database, and signed-in clients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from warmline._api import ApiSettings, create_app
from warmline._factory import open_runtime
from warmline.backends import FakeBackend
from warmline.storage import ConversationStore


@pytest.fixture
def api_settings() -> ApiSettings:
    """Generous limits, so only the rate-limit tests meet them."""
    return ApiSettings(user_rate_per_minute=10_000, ip_rate_per_minute=10_000)


@pytest.fixture
def app(store: ConversationStore, api_settings: ApiSettings) -> Iterator[FastAPI]:
    """The service with the fake model, on the parametrised store's database."""
    runtime = open_runtime(FakeBackend(), database_url=store.url)
    yield create_app(runtime, api_settings)
    runtime.store.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An anonymous client (cookies persist across its requests)."""
    with TestClient(app) as test_client:
        yield test_client
