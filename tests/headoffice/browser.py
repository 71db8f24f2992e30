"""Debian's Chromium driven by Playwright for Python (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
OFFICE_SCREEN = {"width": 1366, "height": 768}


@contextmanager
def chromium() -> Iterator[Browser]:
    """The system's Chromium (``apt-get install chromium``). Without it the browser tests
    are skipped on a developer's machine, but fail under CI, which installs it
    (``.ci/run``): a missing install step must not pass as green."""
    executable = shutil.which("chromium")
    if executable is None:
        missing = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page: Page, base_url: str, username: str, password: str) -> None:
    """Open the console and sign in through its form."""
    page.goto(f"{base_url}/console/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/console/")
