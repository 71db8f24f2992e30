"""No traceback reaches the cashier: unexpected errors are logged and shown politely.

``setup_logging(data_dir)`` writes the log to ``<data_dir>/logs/loket.log`` (rotated);
``install_excepthook(log_file)`` routes every uncaught exception, including those
raised in Qt slots, to ``show_unexpected``, which logs the traceback and tells the
cashier in plain words where the details went (errors of stray threads are logged).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.errors import DomainError
from app.services.logs import configure_logging, log_file
from app.services.logs import stop_logging as stop_file_logging
from app.ui.error_text import error_text

log = logging.getLogger("loket")
_state: dict[str, Path | None] = {"file": None}


def log_path(data_dir: Path) -> Path:
    """``<data_dir>/logs/loket.log``."""
    return log_file(data_dir / "logs")


def setup_logging(data_dir: Path) -> Path:
    """Log INFO and above (Loket's, the libraries' and Qt's messages) to the rotating file
    of ``data_dir`` (see :mod:`app.services.logs`); returns its path. Calling it again
    (another branch folder) replaces the previous file."""
    path = configure_logging(data_dir / "logs")
    _state["file"] = path
    return path


def stop_logging() -> None:
    """Close the log file (at exit, or before switching to another one)."""
    stop_file_logging()
    _state["file"] = None


def current_log_file() -> Path | None:
    return _state["file"]


def unexpected_text(path: Path | None) -> str:
    """The cashier's sentence for an unexpected error, naming the log file."""
    if path is None:
        return QCoreApplication.translate(
            "Errors", "Something unexpected went wrong. You can carry on working; "
                      "if it happens again, tell your supervisor.")
    return QCoreApplication.translate(
        "Errors", "Something unexpected went wrong. You can carry on working; "
                  "if it happens again, tell your supervisor. The details were written "
                  "to the log file:\n{path}").format(path=path)


def show_unexpected(parent: QWidget | None, exc: BaseException,
                    log_file: Path | None = None) -> QMessageBox | None:
    """Log ``exc`` with its traceback and show a friendly message (never the traceback).

    A DomainError is not unexpected: its own sentence is shown instead. While one
    message is on screen, further errors are only logged. Returns the message box.
    """
    if isinstance(exc, DomainError):
        text = error_text(exc)
        log.info("refused: %s", exc.message)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        text = unexpected_text(log_file or current_log_file())
    if QApplication.instance() is None:
        return None
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.objectName() == "unexpectedError" \
                and box.isVisible():
            return box
    box = QMessageBox(QMessageBox.Icon.Warning, "Loket", text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("unexpectedError")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def install_excepthook(log_file: Path | None = None) -> Callable[[], None]:
    """Send uncaught exceptions to ``show_unexpected``; returns a function restoring the
    previous hooks.

    ``log_file`` (from ``setup_logging``) is named in the message; by default the
    current log file is.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        try:
            show_unexpected(QApplication.activeWindow(), exc, log_file)
        except Exception:  # the last line of defence must not fail loudly
            log.exception("could not show an unexpected error")

    previous_thread_hook = threading.excepthook
    sys.excepthook = hook
    threading.excepthook = _log_thread_error

    def restore() -> None:
        sys.excepthook = previous
        threading.excepthook = previous_thread_hook

    return restore


def _log_thread_error(args: threading.ExceptHookArgs) -> None:
    """A worker thread's uncaught error: logged (the UI hears of task errors itself)."""
    if args.exc_value is not None:
        log.error("unexpected error in thread %s", getattr(args.thread, "name", "?"),
                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
