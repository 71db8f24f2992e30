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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Cancel], Any], cancel: Cancel) -> None:
        super().__init__()
        self.fn, self.cancel, self.signals = fn, cancel, _Signals()

    def run(self) -> None:
        try:
            result = self.fn(self.cancel)
        except BaseException as error:  # handed to the UI thread, which decides
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Starts background tasks and keeps their signal objects alive until they finish."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[_Task] = set()

    def run(self, fn: Callable[[Cancel], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> Cancel:
        cancel = Cancel()
        task = _Task(fn, cancel)
        task.setAutoDelete(False)
        self._running.add(task)

        def finished(result: Any) -> None:
            self._running.discard(task)
            if not cancel.cancelled:
                on_done(result)

        def failed(error: BaseException) -> None:
            self._running.discard(task)
            if not cancel.cancelled:
                on_error(error)

        task.signals.done.connect(finished)
        task.signals.failed.connect(failed)
        self._pool.start(task)
        return cancel

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for running tasks (tests and shutdown)."""
        return self._pool.waitForDone(msecs)
