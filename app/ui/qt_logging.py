"""Qt's own messages (warnings about fonts, plugins, printers …) into Loket's log.

Without this they go to stderr, which a windowed Windows program does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("loket.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def qt_message_to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """One Qt message as a log record (its category, and source file when Qt names it)."""
    category = context.category or "qt"
    where = f" ({context.file}:{context.line})" if context.file else ""
    log.log(_LEVELS.get(kind, logging.WARNING), "[%s] %s%s", category, message, where)


def install_qt_message_handler() -> MessageHandler | None:
    """Route Qt's messages to the ``loket.qt`` logger; returns the previous handler."""
    previous: MessageHandler | None = qInstallMessageHandler(qt_message_to_log)
    return previous
