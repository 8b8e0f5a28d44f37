"""The web chat in a real headless Chromium: sign up, stream, switch, crisis card, isolation.

Needs Debian's chromium at /usr/bin/chromium (no browser downloads); skips
cleanly without it. Screenshots go to $WARMLINE_SCREENSHOTS (default /tmp).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
import uvicorn
from api_helpers import PASSWORD, free_port

from warmline._api import ApiSettings, create_app
from warmline._factory import open_runtime
from warmline.backends import FakeBackend
from warmline.storage import ConversationStore
from warmline.turn import TurnState

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]
SHOTS = Path(os.environ.get("WARMLINE_SCREENSHOTS", "/tmp"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


async def _risk_stage(state: TurnState) -> TurnState:
    """Stands in for the safety stage: flags an explicit crisis phrase as risk."""
    if "end it all" in state.message:
        state.risk = SimpleNamespace(level="risk")
    return state


@pytest.fixture
def base_url(store: ConversationStore) -> Iterator[str]:
    """The service on a loopback port, replying slowly enough to watch it stream."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the browser test runs once, on SQLite")
    runtime = open_runtime(FakeBackend(delay=0.1), database_url=store.url)
    runtime.supporter.stages.insert(1, _risk_stage)
    app = create_app(runtime, ApiSettings(user_rate_per_minute=10_000, ip_rate_per_minute=10_000))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(30)
    runtime.store.close()


@pytest.fixture
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


_WATCH_STREAM = """() => {
  window.partialLengths = [];
  new MutationObserver(() => {
    const busy = document.querySelector('.message.supporter[aria-busy="true"] p');
    const n = busy ? busy.textContent.length : 0;
    if (n && !window.partialLengths.includes(n)) window.partialLengths.push(n);
  }).observe(document.getElementById('messages'),
             { subtree: true, childList: true, characterData: true });
}"""
"""Records each length the reply had while it was still being written."""


def _sign_up(page, base_url: str, name: str) -> None:
    page.goto(base_url)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_label("Your message").wait_for()


def _send(page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.keyboard.press("Enter")


def _wait_reply_done(page, count: int) -> None:
    page.wait_for_function(
        """n => document.querySelectorAll('.message.supporter').length === n
              && !document.querySelector('[aria-busy="true"]')""",
        arg=count,
        timeout=20_000,
    )


def test_chat_in_chromium(browser, base_url: str) -> None:
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    page = desktop.new_page()
    _sign_up(page, base_url, "alice")

    page.evaluate(_WATCH_STREAM)
    _send(page, "Hi, I would like to talk about my exams next week")
    reply = page.locator(".message.supporter p").last
    _wait_reply_done(page, 1)
    assert len(reply.inner_text().split()) > 5
    partial = page.evaluate("window.partialLengths")
    # word by word: a calm session streams tokens (once distress shows, the guard releases
    # whole sentences instead, which tests/safety covers)
    assert len(partial) >= 3, partial

    page.get_by_role("button", name="Analysis").click()
    panel = page.get_by_role("complementary", name="Turn analysis")
    assert "Strategy" in panel.inner_text() and "Turn 1" in panel.inner_text()
    _send(page, "and I can't sleep because of it")
    _wait_reply_done(page, 2)
    assert page.locator("#intensity-chart circle").count() == 2
    page.screenshot(path=str(SHOTS / "warmline-desktop.png"))

    first_session = page.locator(".session[aria-current='true']").get_attribute("data-id")
    page.get_by_role("button", name="New conversation").click()
    page.wait_for_function("() => document.querySelectorAll('.message').length === 0")
    _send(page, "a different topic: my friend moved away")
    _wait_reply_done(page, 1)
    page.locator(f".session[data-id='{first_session}']").click()
    page.wait_for_function("() => document.querySelectorAll('.message.seeker').length === 2")
    assert "exams" in page.locator(".messages").inner_text()

    _send(page, "honestly I just want to end it all")
    _wait_reply_done(page, 3)
    crisis = page.get_by_role("region", name="You don't have to face this alone")
    assert crisis.is_visible() and "988" in crisis.inner_text()
    _send(page, "thank you for listening")
    _wait_reply_done(page, 4)
    assert crisis.is_visible()  # the resources stay on screen
    page.screenshot(path=str(SHOTS / "warmline-crisis.png"))

    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme="dark", is_mobile=True
    )
    mobile = phone.new_page()
    mobile.goto(base_url)
    mobile.get_by_label("Name").fill("alice")
    mobile.get_by_label("Password").fill(PASSWORD)
    mobile.get_by_role("button", name="Sign in").click()
    mobile.get_by_label("Your message").wait_for()
    mobile.wait_for_function("() => document.querySelectorAll('.message').length > 0")
    mobile.screenshot(path=str(SHOTS / "warmline-mobile-dark.png"))
    mobile.get_by_role("button", name="Conversations").click()
    mobile.wait_for_timeout(300)
    mobile.screenshot(path=str(SHOTS / "warmline-mobile-sessions.png"))
    mobile.get_by_role("button", name="Conversations").click()
    mobile.get_by_role("button", name="Analysis").click()
    mobile.wait_for_timeout(300)
    mobile.screenshot(path=str(SHOTS / "warmline-mobile-analysis.png"))

    other = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    bob = other.new_page()
    _sign_up(bob, base_url, "bob")
    bob.wait_for_function("() => document.querySelectorAll('.session').length === 1")
    assert bob.locator("#empty").is_visible()
    assert "exams" not in bob.content()
    assert bob.request.get(f"{base_url}/v1/sessions/{first_session}").status == 404
    assert bob.request.get(f"{base_url}/v1/sessions/{first_session}/messages").status == 404
    export = bob.request.get(f"{base_url}/v1/users/me/export").json()
    assert "exams" not in str(export)
    bob.screenshot(path=str(SHOTS / "warmline-second-user-dark.png"))
    for context in (desktop, phone, other):
        context.close()
