"""What `warmline serve` sets up in each serving process, checked in this process."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from warmline._api import ApiSettings
from warmline._cli.serve import GIL_SWITCH_SECONDS, _ServeOptions, _service


@pytest.fixture
def restored_switch_interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("restored_switch_interval")
def test_a_serving_process_hands_the_gil_back_quickly(tmp_path: Path) -> None:
    sys.setswitchinterval(0.005)
    options = _ServeOptions(
        model="fake", planner="rules", database_url=f"sqlite:///{tmp_path / 'serve.db'}"
    )
    service = _service(options, ApiSettings())
    try:
        assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_SECONDS)
        assert GIL_SWITCH_SECONDS < 0.005  # shorter than Python's default, or it changes nothing
    finally:
        asyncio.run(service.state.runtime.aclose())
