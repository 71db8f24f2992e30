"""A window, a dialog or a runner deleted while its background tasks still run: nothing
crashes, nothing is called back on a deleted screen, and nothing a task held is deleted
in the pool's thread."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import traceback
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from app.ui.tasks import Cancel, TaskRunner, in_ui_thread

ROOT = Path(__file__).resolve().parents[2]


def settle(runner: TaskRunner) -> None:
    """Tasks finished, their reports delivered, ``deleteLater`` done."""
    assert runner.wait(5000)
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def close(screen: QObject) -> None:
    """As the window does with a closed dialog: deleted at the next turn of the loop."""
    screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Page(QObject):
    """Stands for a page or dialog that started work and shows what comes back."""

    def __init__(self, seen: list[object]) -> None:
        super().__init__()
        self.seen = seen

    def show(self, result: object) -> None:
        self.seen.append(result)

    def show_error(self, error: BaseException) -> None:
        self.seen.append(error)


@pytest.mark.slow
def test_runners_and_screens_deleted_while_their_tasks_report_neither_crash_nor_hear_back(
        ) -> None:
    """A thousand runners deleted, each while its 50 tasks are reporting, and a hundred
    progress screens deleted while their work reports progress to them (before, a few
    hundred of either crashed the process in QtCore's signal code)."""
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-m", "tests.support.task_storm"],
                          capture_output=True, text=True, timeout=240, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == {"late_callbacks": 0, "calls_on_deleted": 0,
                                       "escaped": []}


@pytest.mark.parametrize("callback", ["method", "lambda"])
def test_a_page_closed_while_its_task_runs_is_not_called_back(qtbot: QtBot,
                                                               callback: str) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    seen: list[object] = []
    page = Page(seen)

    def work(_cancel: Cancel) -> str:
        gate.wait(5)
        in_ui_thread(page.show, "progress")
        return "result"

    on_done: Callable[[str], None] = page.show if callback == "method" else (
        lambda result: page.show(result))
    runner.run(work, on_done, page.show_error)
    close(page)
    gate.set()
    settle(runner)
    assert seen == []  # neither the progress nor the result reached the closed page


def test_a_live_page_still_hears_its_progress_and_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[object] = []
    page = Page(seen)

    def work(_cancel: Cancel) -> str:
        for step in range(3):
            in_ui_thread(page.show, step)
        return "result"

    runner.run(work, page.show, page.show_error)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == [0, 1, 2, "result"]  # in the order the work said them


def test_what_a_task_held_is_let_go_of_on_the_ui_thread(qtbot: QtBot) -> None:
    """A dialog whose method ran in the background, and that the window let go of while
    it ran, is deleted on the UI thread: a Qt object deleted in the pool's thread is
    deleted in the wrong thread (before, every such dialog was)."""
    runner = TaskRunner()
    ui = threading.get_ident()
    freed_on_ui: list[bool] = []
    refs: list[weakref.ref[object]] = []

    def watch(thing: object) -> None:
        refs.append(weakref.ref(thing, lambda _ref: freed_on_ui.append(
            threading.get_ident() == ui)))

    class Result:
        pass

    class Dialog(QObject):
        def work(self, _cancel: Cancel) -> Result:
            result = Result()
            watch(result)
            return result

    for _ in range(20):
        dialog, page = Dialog(), Page([])
        watch(dialog)
        watch(page)
        runner.run(dialog.work, page.show, page.show_error)
        del dialog, page  # the window lets go of them; only the task holds them now
    settle(runner)
    qtbot.waitUntil(lambda: len(freed_on_ui) == 60, timeout=5000)
    assert all(freed_on_ui)


def test_a_failing_task_deletes_what_it_made_in_its_own_thread(qtbot: QtBot) -> None:
    """A print job's PDF document, say, is a Qt object of the pool's thread: the error
    that stopped the job must not carry it over to be deleted on the UI thread."""
    runner = TaskRunner()
    made_in: list[int] = []
    freed_in: list[int] = []
    refs: list[weakref.ref[QObject]] = []

    def work(_cancel: Cancel) -> None:
        document = QObject()
        made_in.append(threading.get_ident())
        refs.append(weakref.ref(document, lambda _ref: freed_in.append(threading.get_ident())))
        raise OSError("the printer went away")

    errors: list[BaseException] = []
    runner.run(work, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    settle(runner)
    assert freed_in == made_in
    assert isinstance(errors[0], OSError)
    where = traceback.extract_tb(errors[0].__traceback__)
    assert where[-1].name == "work"  # the error still says where it happened
