"""Running slow work (search at scale, printing, reports, sync) off the UI thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on Qt's thread pool and calls
back on the UI thread. A task gets a ``Cancel`` token it may poll; results of tasks
that were superseded (e.g. an older search while the cashier keeps typing) are dropped.
"""

from __future__ import annotations

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


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class TaskRunner(QObject):
    """Starts background tasks; each task's signal object belongs to the runner until the
    task has reported, then it is deleted with its connections.

    Nothing of a finished task stays behind: its signal object's connections were the
    only link from Qt to the callbacks (and, through them, to the dialog or page that
    started the task), and Python's collector cannot see a reference held by Qt. A
    task object that its own callbacks referred to made such a cycle and kept every
    search, account load and print job of the day in memory.
    """

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()

    def run(self, fn: Callable[[Cancel], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> Cancel:
        cancel = Cancel()
        signals = _Signals(self)  # the runner keeps it until the task has reported

        def finished(result: Any) -> None:
            signals.deleteLater()
            if not cancel.cancelled:
                on_done(result)

        def failed(error: BaseException) -> None:
            signals.deleteLater()
            if not cancel.cancelled:
                on_error(error)

        def work() -> None:
            try:
                result = fn(cancel)
            except BaseException as error:  # handed to the UI thread, which decides
                signals.failed.emit(error)
            else:
                signals.done.emit(result)

        signals.done.connect(finished)
        signals.failed.connect(failed)
        self._pool.start(work)  # the pool lets go of ``work`` once it has run
        return cancel

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for running tasks (tests and shutdown)."""
        return self._pool.waitForDone(msecs)
