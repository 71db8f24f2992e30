"""A finished background task lets go of its work and its callbacks, so whatever they
hold (a closed dialog, a page's rows, a search's results) can be freed: a counter that
runs thousands of searches a day must not keep every one of them."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from app.ui.tasks import Cancel, TaskRunner


class Screen:
    """Stands for a dialog or page that started the work and shows its result."""

    def __init__(self) -> None:
        self.shown: list[object] = []
        self.rows = list(range(1000))  # what such a screen holds on to

    def show(self, result: object) -> None:
        self.shown.append(result)

    def show_error(self, error: BaseException) -> None:
        self.shown.append(error)


def settle(runner: TaskRunner) -> None:
    """The tasks' results delivered and what was given to ``deleteLater`` deleted, as the
    window's event loop does between keystrokes."""
    assert runner.wait(5000)
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def fails(_cancel: Cancel) -> int:
    raise ValueError("no")


@pytest.mark.parametrize("outcome", ["done", "failed", "cancelled"])
def test_screens_are_freed_once_their_tasks_have_finished(qtbot: QtBot, outcome: str) -> None:
    runner = TaskRunner()
    freed: list[weakref.ref[Screen]] = []
    for number in range(50):
        screen = Screen()
        work = fails if outcome == "failed" else (lambda _cancel, n=number: n)
        cancel = runner.run(work, screen.show, screen.show_error)
        if outcome == "cancelled":
            cancel.cancel()
        freed.append(weakref.ref(screen))
        del screen
    qtbot.waitUntil(lambda: runner.wait(0), timeout=5000)
    settle(runner)
    assert [ref for ref in freed if ref() is not None] == []


def test_results_still_reach_the_screen_that_asked(qtbot: QtBot) -> None:
    runner = TaskRunner()
    screen = Screen()
    for number in range(20):
        runner.run(lambda _cancel, n=number: n, screen.show, screen.show_error)
    qtbot.waitUntil(lambda: len(screen.shown) == 20, timeout=5000)
    settle(runner)
    assert sorted(screen.shown) == list(range(20))  # type: ignore[type-var]


def test_tasks_leave_no_object_behind_in_their_runner(qtbot: QtBot) -> None:
    """Tasks report through one object made once for the process (app.ui.tasks), not
    through objects of their own that would pile up in, or be deleted from, the runner."""
    runner = TaskRunner()
    screen = Screen()
    for number in range(30):
        runner.run(lambda _cancel, n=number: n, screen.show, screen.show_error)
    runner.run(fails, screen.show, screen.show_error)
    qtbot.waitUntil(lambda: len(screen.shown) == 31, timeout=5000)
    settle(runner)
    assert runner.findChildren(QObject) == []
