"""Desktop entry point (``loket``): open a branch database and start the counter session.

``loket --demo`` opens (and on first start creates) the demo branch in the per-user
data folder; ``--data-dir`` names another branch folder. The session starts with the
log-in dialog. For screenshots and documentation: ``--screenshot PATH`` saves the
first window as a PNG and exits (the log-in dialog, or with ``--as USER:PASSWORD`` the
main window, signed in directly; ``--search TEXT`` types a search first).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.bootstrap import Branch, default_data_dir, open_branch
from app.models.database import database_path
from app.services.backups import daily_backup_if_due
from app.services.context import Actor
from app.services.demo import create_demo_branch
from app.services.errors import DomainError
from app.services.users import log_in
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.errors_dialog import install_excepthook, setup_logging, stop_logging
from app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translator
from app.ui.main_window import MainWindow
from app.ui.qt_logging import install_qt_message_handler
from app.ui.session import AppShell
from app.ui.smoke import SMOKE_OPTION, run_smoke_test
from app.ui.style import apply_style

APP_NAME = "Loket"
SCREENSHOT_DELAY_MS = 200
SEARCH_WAIT_MS = 10_000
log = logging.getLogger("loket")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loket", description="Loket counter application")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo branch, creating it on first start")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="branch data folder (default: the per-user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=f"language of the window for every user (default: each user's "
                             f"choice in Settings, else {DEFAULT_LANGUAGE})")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="save the first window as PNG once shown, then exit")
    parser.add_argument("--as", dest="sign_in_as", metavar="USER:PASSWORD",
                        help="demo and screenshot aid: sign in directly, skipping the "
                             "log-in dialog")
    parser.add_argument("--search", metavar="TEXT",
                        help="with --as: type TEXT into the customer search (screenshots)")
    parser.add_argument(SMOKE_OPTION, type=Path, metavar="DIR", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def open_or_create(data_dir: Path, demo: bool) -> Branch:
    """Open the branch in ``data_dir``; in demo mode create the demo branch first if absent."""
    if demo and not database_path(data_dir).exists():
        _tell(f"Creating the demo branch in {data_dir} …")
        create_demo_branch(data_dir)
    return open_branch(data_dir)


class _Language:
    """Swaps the application's translator (a user's language applies at log-in)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.translator: QTranslator | None = None

    def use(self, lang: str) -> None:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
        self.translator = install_translator(self.app, lang)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    language = _Language(app)
    language.use(args.lang or DEFAULT_LANGUAGE)
    try:
        if args.smoke_test is not None:
            return run_smoke_test(app, args.smoke_test)
        return _run(app, args, language)
    finally:
        language.use("en")  # removes the translator; English is the source language
        app.setStyleSheet("")


def _run(app: QApplication, args: argparse.Namespace, language: _Language) -> int:
    data_dir = (args.data_dir or default_data_dir(args.demo)).expanduser()
    try:
        branch = open_or_create(data_dir, args.demo)
    except DomainError as error:
        _tell(f"loket: {error.message}")
        if args.screenshot is None:
            QMessageBox.critical(None, APP_NAME, error_text(error))
        return 2
    log_file = setup_logging(data_dir)
    install_qt_message_handler()
    restore_hooks = install_excepthook(log_file)
    log.info("Loket started on %s", data_dir)
    ctx = UiContext(branch, lang=args.lang or DEFAULT_LANGUAGE)
    if args.screenshot is None:
        ctx.tasks.run(lambda _cancel: daily_backup_if_due(database_path(data_dir)),
                      on_done=lambda _made: None,
                      on_error=lambda error: log.error("daily backup failed: %s", error))
    try:
        return _session(app, args, ctx, language)
    finally:
        ctx.tasks.wait()
        restore_hooks()
        log.info("Loket stopped")
        stop_logging()
        branch.close()


def _session(app: QApplication, args: argparse.Namespace, ctx: UiContext,
             language: _Language) -> int:
    apply_style(app)
    shell = AppShell(ctx, set_language=None if args.lang else language.use,
                     offer_shift=args.screenshot is None)
    if args.sign_in_as is None:
        shown: QWidget = shell.start()
    else:
        actor = _sign_in(ctx, args.sign_in_as)
        if actor is None:
            return 2
        window = shell.enter(actor)
        if args.search:
            _type_search(window, args.search)
        shown = window
    if args.screenshot is not None:
        code = _screenshot(shown, args.screenshot)
        shown.close()
        return code
    app.setQuitOnLastWindowClosed(False)
    shell.finished.connect(app.quit)
    return app.exec()


def _sign_in(ctx: UiContext, credentials: str) -> Actor | None:
    username, _sep, password = credentials.partition(":")
    try:
        return log_in(ctx.branch.writing(), username, password)
    except DomainError as error:
        _tell(f"loket: {error_text(error)}")
        return None


def _type_search(window: MainWindow, text: str) -> None:
    """Type ``text`` into the search field and wait until its results are shown."""
    loop = QEventLoop()
    window.search.results_shown.connect(lambda _query: loop.quit())
    QTimer.singleShot(SEARCH_WAIT_MS, loop.quit)
    window.search.field.setText(text)
    loop.exec()


def _screenshot(widget: QWidget, path: Path) -> int:
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


if __name__ == "__main__":
    sys.exit(main())
