"""Desktop entry point (``loket``): open a branch database and show the counter window.

``loket --demo`` opens (and on first start creates) the demo branch in the per-user
data folder; ``--data-dir`` names another branch folder; ``--screenshot PATH`` saves
the window as a PNG right after it is shown and exits.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_data_path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.bootstrap import Branch, open_branch
from app.models.database import database_path
from app.services.demo import create_demo_branch
from app.services.errors import DomainError
from app.ui.error_text import error_text
from app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translator
from app.ui.main_window import MainWindow

APP_NAME = "Loket"
SCREENSHOT_DELAY_MS = 200


def default_data_dir(demo: bool) -> Path:
    """``…/Loket/demo`` or ``…/Loket/branch`` in the user's data folder (as ``loket-admin``)."""
    return user_data_path(APP_NAME, appauthor=False) / ("demo" if demo else "branch")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loket", description="Loket counter application")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo branch, creating it on first start")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="branch data folder (default: the per-user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help=f"language of the window (default: {DEFAULT_LANGUAGE})")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="save the window as PNG once shown, then exit")
    return parser.parse_args(argv)


def open_or_create(data_dir: Path, demo: bool) -> Branch:
    """Open the branch in ``data_dir``; in demo mode create the demo branch first if absent."""
    if demo and not database_path(data_dir).exists():
        _tell(f"Creating the demo branch in {data_dir} …")
        create_demo_branch(data_dir)
    return open_branch(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    translator = install_translator(app, args.lang)
    try:
        return _run(app, args)
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def _run(app: QApplication, args: argparse.Namespace) -> int:
    data_dir = (args.data_dir or default_data_dir(args.demo)).expanduser()
    try:
        branch = open_or_create(data_dir, args.demo)
    except DomainError as error:
        _tell(f"loket: {error.message}")
        if args.screenshot is None:
            QMessageBox.critical(None, APP_NAME, error_text(error))
        return 2
    try:
        window = MainWindow(branch)
        window.show()
        if args.screenshot is None:
            return app.exec()
        return _screenshot(window, args.screenshot)
    finally:
        branch.close()


def _screenshot(window: MainWindow, path: Path) -> int:
    """Let the window lay itself out, save it as PNG and close it; 0 if the file was written."""
    saved: list[bool] = []
    loop = QEventLoop()

    def grab() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        saved.append(window.grab().save(str(path), "PNG"))
        loop.quit()

    QTimer.singleShot(SCREENSHOT_DELAY_MS, grab)
    loop.exec()
    window.close()
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
