"""Shared fixtures for real-browser tests: one Streamlit server, Debian's Chromium via Playwright.

Outside CI the tests skip with a clear reason when Chromium or Playwright is missing; in
CI (``CI=true``) a missing browser is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.camera import FAKE_CAMERA
from tests.browser.helpers import LOAD_TIMEOUT_MS
from tests.servers import streamlit_app

CHROMIUM = os.environ.get("CONVSCOPE_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")



def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason} (install with: apt-get install chromium; pip install playwright)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Start ``streamlit run app/main.py`` on a free loopback port for the whole session."""
    with streamlit_app() as (url, _proc):
        yield url


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright driver for the session (the sync API allows one at a time)."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as pw:
        yield pw


def _chromium(pw, *args: str):
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--disable-gpu", "--disable-quic", *args])


@pytest.fixture(scope="session")
def browser(playwright_driver):
    browser = _chromium(playwright_driver)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def camera_browser(playwright_driver):
    """Chromium with a fake camera (a moving test pattern) that opens without asking."""
    browser = _chromium(playwright_driver, *FAKE_CAMERA)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    yield page
    context.close()
