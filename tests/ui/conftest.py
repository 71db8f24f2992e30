"""Fixtures the window's tests share."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.context import UiContext
from tests.support import ui_account_helpers as h

TASKS_END_MS = 60_000


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """A test's background tasks end before pytest-qt closes and deletes its widgets, so
    what they report reaches the test that started them, not the next one; a task still
    running after a minute fails the test."""
    ended = QThreadPool.globalInstance().waitForDone(TASKS_END_MS)
    result = yield
    if not ended:
        pytest.fail(f"{item.nodeid}: background tasks still running {TASKS_END_MS} ms after "
                    "the test")
    return result


@pytest.fixture
def ctx(branch: BranchDatabase, cashier: Actor) -> Iterator[UiContext]:
    """A window context for the cashier; its background tasks end before the branch
    closes. A test file may define its own."""
    yield from h.ui_context(branch, cashier)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The window in English, the locale put back afterwards. A test file that asserts the
    English words says so once: ``pytestmark = pytest.mark.usefixtures("english")``; the
    others run in the language the application has."""
    yield from h.english(qapp)
