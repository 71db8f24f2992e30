"""Running slow work (search at scale, printing, reports, sync) off the UI thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on Qt's thread pool and calls
back on the UI thread. A task gets a ``Cancel`` token it may poll; results of tasks
that were superseded (e.g. an older search while the cashier keeps typing) are dropped.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class Cancel:
    """A flag the UI sets and the work polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Reports(QObject):
    """The one object every task of a runner reports through, from the pool's thread."""

    reported = Signal(int, object, bool)  # task number, result or error, succeeded


class TaskRunner(QObject):
    """Starts background tasks and hands each one's outcome to its callbacks on the UI
    thread.

    Every task reports through one object that lives as long as the runner. A pool
    thread is still inside Qt's signal code for a moment after its report is posted; an
    object per task, deleted once its report arrived, could be freed in that moment,
    and the pool thread then read freed memory (a crash in QtCore's signal activation,
    seen under heavy load). Nothing of a finished task stays behind either: its
    callbacks are held only in :attr:`_waiting` until its report arrives, so a dialog
    or page that started a task is freed with it.
    """

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._reports = _Reports(self)
        self._reports.reported.connect(self._deliver)
        self._waiting: dict[int, tuple[Cancel, Callable[[Any], None],
                                       Callable[[BaseException], None]]] = {}
        self._numbers = itertools.count(1)

    def run(self, fn: Callable[[Cancel], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> Cancel:
        cancel = Cancel()
        number = next(self._numbers)
        self._waiting[number] = (cancel, on_done, on_error)
        reported = self._reports.reported

        def work() -> None:
            try:
                outcome, succeeded = fn(cancel), True
            except BaseException as error:  # handed to the UI thread, which decides
                outcome, succeeded = error, False
            try:
                reported.emit(number, outcome, succeeded)
            except RuntimeError:  # the runner was deleted meanwhile: nobody to tell
                log.debug("task %d finished after its runner was deleted", number)

        self._pool.start(work)  # the pool lets go of ``work`` once it has run
        return cancel

    def _deliver(self, number: int, outcome: Any, succeeded: bool) -> None:
        cancel, on_done, on_error = self._waiting.pop(number)
        if cancel.cancelled:
            return
        if succeeded:
            on_done(outcome)
        else:
            on_error(outcome)

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for running tasks (tests and shutdown)."""
        return self._pool.waitForDone(msecs)
