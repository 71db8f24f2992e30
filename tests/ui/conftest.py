"""Fixtures the window's tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.context import UiContext
from tests.support import ui_account_helpers as h


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
