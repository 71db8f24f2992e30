"""Helpers for the counter-window shell tests: contexts, waiting for searches, finding dialogs."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.search.page import SearchPage
from app.ui.session.shift_dialogs import CloseShiftDialog

WAIT_MS = 5000


def make_context(branch: BranchDatabase, actor: Actor | None = None) -> UiContext:
    return UiContext(branch, actor=actor, lang="en")


def context_fixture(branch: BranchDatabase) -> Iterator[UiContext]:
    """A signed-out context (English) whose background tasks end with the test."""
    context = make_context(branch)
    yield context
    context.tasks.wait()


def close_shift_dialog(qtbot: QtBot, ctx: UiContext) -> CloseShiftDialog:
    """The counter window with its close-shift dialog open."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = window.close_shift_dialog()
    assert isinstance(dialog, CloseShiftDialog)
    return dialog


def search_for(qtbot: QtBot, page: SearchPage, text: str) -> None:
    """Type ``text`` into an empty search field and wait until its results are on screen."""
    page.field.clear()
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS,
                          check_params_cb=lambda shown: shown == text):
        qtbot.keyClicks(page.field, text)


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


def submit(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type ``text`` into ``field`` and press Enter."""
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def visible_texts(root: QWidget) -> list[str]:
    """The texts of every visible label under ``root``."""
    return [label.text() for label in root.findChildren(QLabel) if label.isVisible()]


def top_level(cls: type[QWidget], name: str) -> QWidget | None:
    """The visible top-level widget of type ``cls`` named ``name``, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, cls) and widget.objectName() == name and widget.isVisible():
            return widget
    return None
