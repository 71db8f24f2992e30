"""Runners and screens deleted while their background tasks are reporting, many times
over: the process ``tests/ui/test_tasks_deleted.py`` runs, so that a crash fails that
test instead of taking the test run's worker down.

Run as ``python -m tests.support.task_storm`` from the project folder. It prints one
line of JSON: how many callbacks of deleted runners ran, how many progress calls
reached a deleted screen, and how many exceptions escaped into the event loop — all
three must be 0, and the process must end normally.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool

from app.ui.tasks import Cancel, TaskRunner, in_ui_thread

RUNNERS = 1000  # runners deleted while their tasks report (a few hundred crashed before)
TASKS = 50  # tasks per runner, reporting at the moment it goes
SCREENS = 100  # progress screens deleted while their work reports progress to them
POOL_THREADS = 8


class Screen(QObject):
    """A progress dialog's stand-in: notes whether it still existed when called."""

    def __init__(self, calls: list[bool]) -> None:
        super().__init__()
        self.calls = calls

    def show_progress(self, _done: int) -> None:
        self.calls.append(shiboken6.isValid(self))


def deleted_runners(pool: QThreadPool) -> int:
    """Delete each runner as its tasks report; the number of their callbacks that ran."""
    late: list[object] = []

    def number(n: int) -> Callable[[Cancel], int]:
        return lambda _cancel: n

    for round_ in range(RUNNERS):
        runner = TaskRunner(pool=pool)
        for n in range(TASKS):
            runner.run(number(n), late.append, late.append)
        time.sleep(0.0005 * (round_ % 5))  # some tasks done, some reporting, some to come
        del runner  # its last reference: the runner is deleted here
        QCoreApplication.processEvents()
    pool.waitForDone()
    QCoreApplication.processEvents()
    return len(late)


def deleted_screens() -> int:
    """Delete each screen while its work keeps reporting progress to it (a window closed
    during a backup); the number of calls that reached a deleted screen."""
    calls: list[bool] = []
    for _ in range(SCREENS):
        screen = Screen(calls)
        stop = threading.Event()

        def copy(screen: Screen = screen, stop: threading.Event = stop) -> None:
            done = 0
            while not stop.is_set():
                in_ui_thread(screen.show_progress, done)
                done += 1

        worker = threading.Thread(target=copy)
        worker.start()
        time.sleep(0.002)
        QCoreApplication.processEvents()
        screen.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        stop.set()
        worker.join()
        QCoreApplication.processEvents()
    return calls.count(False)


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    escaped: list[str] = []

    def note(kind: type[BaseException], error: BaseException,
             _trace: TracebackType | None) -> None:
        escaped.append(f"{kind.__name__}: {error}")

    sys.excepthook = note
    pool = QThreadPool()
    pool.setMaxThreadCount(POOL_THREADS)
    result = {"late_callbacks": deleted_runners(pool), "calls_on_deleted": deleted_screens(),
              "escaped": escaped}
    print(json.dumps(result), flush=True)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
