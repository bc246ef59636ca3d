"""Browser tests: Debian's Chromium driven by Playwright against live_server.

No browser is downloaded: Playwright launches /usr/bin/chromium. Screenshots go
to test-artifacts/ (kept by CI as the run's artifacts).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SHINCHOKU_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh does)"
        )
    # live_server runs in a thread of this process, and Playwright's sync API
    # runs an event loop here: Django must allow sync ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="ja-JP", viewport={"width": 1280, "height": 900}
    )
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


@pytest.fixture
def artifact_path():
    """artifact_path('name.png') → test-artifacts/name.png (directory created)."""

    def make(name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        return ARTIFACTS / name

    return make


@pytest.fixture
def staff_page(page, live_server, admin_user):
    """The page, signed in as a system administrator through the sign-in form."""
    page.goto(live_server.url + "/staff/")
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", "password")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/")
    return page
