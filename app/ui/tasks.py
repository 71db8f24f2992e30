"""Running slow work (search at scale, printing, reports, sync) off the UI thread.

``TaskRunner.run(fn, on_done, on_error)`` runs ``fn`` on Qt's thread pool and calls
back on the UI thread. A task gets a ``Cancel`` token it may poll; results of tasks
that were superseded (e.g. an older search while the cashier keeps typing) are dropped.
``in_ui_thread(fn, *args)`` hands a call from a task to the UI thread (its progress).

Two rules keep the pool's threads away from Qt objects the UI thread deletes:

* Every report goes through one object that is made once and never deleted
  (:class:`_Mailbox`). A pool thread is inside Qt's signal code while it reports, and
  for a moment after its report is posted; an object the window deletes meanwhile — a
  runner, a progress dialog, a sync dialog, all deleted as the window or the dialog
  closes — would be read freed (a crash in QtCore). Whether the runner and the screen
  that asked still exist is only asked on the UI thread, when the report arrives: a
  callback whose object was deleted meanwhile (a closed dialog's method, or a lambda
  holding a deleted widget) is not called, nor are those of a deleted runner.
* What a task was given and what it produced — its function, its callbacks, its result
  or error — is let go of on the UI thread: it is kept with the task's letter, which the
  pool thread does not hold once it reports. Otherwise the pool thread could drop the
  last reference to a dialog whose method it ran and so delete a Qt object in the
  wrong thread. The other way round, what the work made for itself goes in the pool
  thread, a failed task's too: the error's traceback keeps its lines, not its frames'
  objects (a print job's PDF document).
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, SignalInstance

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


def _deleted_owner(callback: Callable[..., object]) -> bool:
    """Whether a Qt object ``callback`` belongs to was deleted: a method's object, or a
    QObject its closure holds (``lambda result: self._show(result)`` of a closed page)."""
    held: list[object] = [getattr(callback, "__self__", None)]
    function = getattr(callback, "__func__", callback)
    for cell in getattr(function, "__closure__", None) or ():
        try:
            held.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            continue
    return any(isinstance(item, QObject) and not shiboken6.isValid(item) for item in held)


class _Task:
    """One task's letter: what it runs, whom it tells, and then its outcome."""

    def __init__(self, runner: weakref.ref[TaskRunner], cancel: Cancel,
                 fn: Callable[[Cancel], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
        self.runner, self.cancel, self.fn = runner, cancel, fn
        self.on_done, self.on_error = on_done, on_error
        self.outcome: Any = None
        self.succeeded = False

    def run(self) -> None:
        """In the pool thread."""
        try:
            self.outcome, self.succeeded = self.fn(self.cancel), True
        except BaseException as error:  # handed to the UI thread, which decides
            if error.__traceback__ is not None:  # the work's frames let go of their locals
                traceback.clear_frames(error.__traceback__.tb_next)  # here: Qt objects among them
            self.outcome, self.succeeded = error, False

    def deliver(self) -> None:
        """On the UI thread."""
        runner, outcome = self.runner(), self.outcome
        callback = self.on_done if self.succeeded else self.on_error
        self.outcome = None  # an error's traceback holds run()'s frame, which holds this letter
        if runner is None or not shiboken6.isValid(runner) or runner.stopped:
            log.debug("a task finished after its runner was deleted or stopped")
        elif not self.cancel.cancelled and not _deleted_owner(callback):
            callback(outcome)


class _Call:
    """A call a task hands to the UI thread (:func:`in_ui_thread`)."""

    def __init__(self, fn: Callable[..., None], args: tuple[object, ...]) -> None:
        self.fn, self.args = fn, args

    def deliver(self) -> None:
        if not _deleted_owner(self.fn):
            self.fn(*self.args)


class _Mailbox(QObject):
    """Carries letters from the pool's threads to the UI thread: made once, never
    deleted, so no thread is ever inside its signal code as it goes."""

    posted = Signal(int)  # the letter's number

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._deliver)  # queued: letters are posted from other threads

    def _deliver(self, number: int) -> None:
        _letters.pop(number).deliver()


_letters: dict[int, _Task | _Call] = {}  # posted, not yet delivered; by number
_numbers = itertools.count(1)
_mailbox: list[tuple[_Mailbox, SignalInstance]] = []  # the mailbox and its signal, once made
_mailbox_lock = threading.Lock()


def _posted() -> SignalInstance:
    """The mailbox's ``posted`` signal. The mailbox is made on first use and lives in the
    application's thread (the UI thread)."""
    if not _mailbox:
        with _mailbox_lock:
            if not _mailbox:
                box = _Mailbox()
                app = QCoreApplication.instance()
                if app is not None and box.thread() is not app.thread():
                    box.moveToThread(app.thread())
                _mailbox.append((box, box.posted))
    return _mailbox[0][1]


def _work(number: int) -> None:
    """In the pool thread: run the task, keep the outcome in its letter, post it."""
    cast(_Task, _letters[number]).run()  # no reference to the letter outlives this line
    _posted().emit(number)


def in_ui_thread(fn: Callable[..., None], *args: object) -> None:
    """Call ``fn(*args)`` on the UI thread soon; called by a task in the pool's thread
    (its progress). Not called when ``fn``'s object was deleted meanwhile (the dialog
    showing the progress closed)."""
    number = next(_numbers)
    _letters[number] = _Call(fn, args)
    _posted().emit(number)


class TaskRunner(QObject):
    """Starts background tasks and hands each one's outcome to its callbacks on the UI
    thread (see the module's docstring for what a deleted runner or screen means).

    Nothing of a finished task stays behind: its letter, with its function, callbacks
    and outcome, is dropped once delivered, so a dialog or page that started a task is
    freed with it.
    """

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._me = weakref.ref(self)
        self.stopped = False
        _posted()  # the mailbox is made on the UI thread, before any task can post

    def run(self, fn: Callable[[Cancel], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> Cancel:
        cancel = Cancel()
        number = next(_numbers)
        _letters[number] = _Task(self._me, cancel, fn, on_done, on_error)
        self._pool.start(lambda: _work(number))  # the pool thread holds only the number
        return cancel

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for running tasks (tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        """The program is ending: outcomes that arrive from now on are told to no one."""
        self.stopped = True
