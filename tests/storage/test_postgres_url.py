"""A plain `postgresql://user:password@…` URL (as deployments write it) opens the store."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.engine import make_url

from warmline.storage import ConversationStore


@pytest.mark.postgres
def test_plain_postgresql_url_keeps_its_password(store: ConversationStore) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("runs on the PostgreSQL store only")
    url = make_url(store.url).set(drivername="postgresql")
    plain = ConversationStore(url.render_as_string(hide_password=False))
    try:
        assert plain.create_user("pat").name == "pat"
    finally:
        plain.close()
    assert os.environ["WARMLINE_TEST_POSTGRES_URL"]
