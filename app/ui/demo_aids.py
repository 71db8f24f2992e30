"""Demo and screenshot aids of ``loket``: ``--as``, ``--search`` and ``--screenshot``.

``--screenshot PATH`` saves the first window as a PNG and exits; ``--as USER:PASSWORD``
signs in directly, skipping the log-in dialog; ``--search TEXT`` (with ``--as``) types a
search first. They serve documentation and demos, never the counter's daily work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from app.services.context import Actor
from app.services.errors import DomainError
from app.services.users import log_in
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.main_window import MainWindow
from app.ui.session.flow import AppShell

SCREENSHOT_DELAY_MS = 200
SEARCH_WAIT_MS = 10_000


def add_options(parser: argparse.ArgumentParser) -> None:
    """``--screenshot``, ``--as`` and ``--search`` on ``loket``'s command line."""
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="save the first window as PNG once shown, then exit")
    parser.add_argument("--as", dest="sign_in_as", metavar="USER:PASSWORD",
                        help="demo and screenshot aid: sign in directly, skipping the "
                             "log-in dialog")
    parser.add_argument("--search", metavar="TEXT",
                        help="with --as: type TEXT into the customer search (screenshots)")


def signed_in_window(shell: AppShell, ctx: UiContext, credentials: str,
                     search: str | None) -> MainWindow | None:
    """``--as``: the main window of the user signed in directly (``--search`` typed into
    it); None when the log-in is refused (the reason is printed)."""
    actor = sign_in(ctx, credentials)
    if actor is None:
        return None
    window = shell.enter(actor)
    if search:
        type_search(window, search)
    return window


def sign_in(ctx: UiContext, credentials: str) -> Actor | None:
    username, _sep, password = credentials.partition(":")
    try:
        return log_in(ctx.branch.writing(), username, password)
    except DomainError as error:
        _tell(f"loket: {error_text(error)}")
        return None


def type_search(window: MainWindow, text: str) -> None:
    """Type ``text`` into the search field and wait until its results are shown."""
    loop = QEventLoop()
    window.search.results_shown.connect(lambda _query: loop.quit())
    QTimer.singleShot(SEARCH_WAIT_MS, loop.quit)
    window.search.field.setText(text)
    loop.exec()


def screenshot(widget: QWidget, path: Path) -> int:
    """Let the widget lay itself out and save it as PNG; 0 if the file was written."""
    saved: list[bool] = []
    loop = QEventLoop()

    def grab() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        saved.append(widget.grab().save(str(path), "PNG"))
        loop.quit()

    QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    loop.exec()
    if saved != [True]:
        _tell(f"loket: could not save the screenshot to {path}")
        return 1
    return 0


def _tell(message: str) -> None:
    """Print to the console if there is one (a windowed start on Windows has none)."""
    if sys.stderr is not None:
        print(message, file=sys.stderr)
