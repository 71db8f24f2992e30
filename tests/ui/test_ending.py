"""Closing Loket while a background task still works: a write under way is finished
before the branch closes (and the cashier is told, when it takes a moment); a read is
not waited for."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from app.bootstrap import BranchDatabase
from app.models import Setting
from app.models.database import database_path
from app.ui.ending import finish_and_close
from app.ui.tasks import Cancel, TaskRunner

LONG = 10.0  # seconds a blocked task waits at most, so a failing test still ends


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait(int(LONG * 2000))


def stored(branch: BranchDatabase, key: str) -> str | None:
    """The setting as another program reading the file sees it."""
    with closing(sqlite3.connect(database_path(branch.data_dir))) as db:
        row = db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def visible_windows() -> list[str]:
    return [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_a_write_under_way_is_finished_before_the_branch_closes_and_the_cashier_told(
        branch: BranchDatabase, tasks: TaskRunner) -> None:
    """A payment still being written when the 5 s for tasks are up was cut off by the
    close and the end of the program: the cashier's last payment was lost."""
    writing, seen = threading.Event(), threading.Event()
    shown: list[list[str]] = []

    def pay(_cancel: Cancel) -> None:
        with branch.writing() as uow:
            uow.session.add(Setting(key="last-payment", value="Rp 2.400.000"))
            uow.session.flush()
            writing.set()
            seen.wait(LONG)  # the payment takes longer than the wait for tasks
            uow.commit()

    def look() -> None:
        shown.append(visible_windows())
        seen.set()

    told: list[object] = []
    tasks.run(pay, told.append, told.append)
    assert writing.wait(LONG)
    QTimer.singleShot(1000, look)  # the loop turns while the write is waited for
    finish_and_close(branch, tasks, task_wait_ms=100)

    assert stored(branch, "last-payment") == "Rp 2.400.000"
    assert shown and "finishingNote" in shown[0]
    assert "finishingNote" not in visible_windows()
    assert tasks.wait(int(LONG * 1000))
    QCoreApplication.processEvents()
    assert told == []  # the window is gone: its outcome is told to no one


def test_a_read_under_way_is_not_waited_for(branch: BranchDatabase, tasks: TaskRunner,
                                            qapp: QApplication) -> None:
    reading, may_end = threading.Event(), threading.Event()

    def report(_cancel: Cancel) -> None:
        with branch.reading() as uow:
            uow.session.get(Setting, "counter")
            reading.set()
            may_end.wait(LONG)

    tasks.run(report, lambda _result: None, lambda _error: None)
    assert reading.wait(LONG)
    try:
        finish_and_close(branch, tasks, task_wait_ms=100)
        assert not may_end.is_set()  # closed while the read still went on
    finally:
        may_end.set()
