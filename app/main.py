"""Desktop entry point (``loket``): open a branch database and start the counter session.

``loket --demo`` opens (and on first start creates) the demo branch in the per-user
data folder; ``--data-dir`` names another branch folder (by default the one the counter
settings name, else the per-user data folder). A branch folder without a database starts
the first-run wizard (set up this counter, or try the demo branch). The session starts
with the log-in dialog. For screenshots and documentation (``app.ui.demo_aids``):
``--screenshot PATH`` saves the first window as a PNG and exits (the log-in dialog, or
with ``--as USER:PASSWORD`` the main window, signed in directly; ``--search TEXT`` types
a search first; ``--first-run`` the wizard of an empty folder).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.errors import DomainError
from app.services.settings import (
    CounterSettings,
    LoadedSettings,
    load_settings,
    locations,
    machine_settings_file,
    user_settings_file,
)
from app.ui import demo_aids
from app.ui.context import UiContext
from app.ui.ending import finish_and_close
from app.ui.error_text import error_text
from app.ui.errors_dialog import install_excepthook, setup_logging, stop_logging
from app.ui.i18n import LANGUAGES, install_translator
from app.ui.main_thread_gc import MainThreadGarbageCollector
from app.ui.paint_threads import paint_on_the_ui_thread
from app.ui.qt_logging import install_qt_message_handler
from app.ui.session.flow import AppShell
from app.ui.smoke import SMOKE_OPTION
from app.ui.style import apply_style

# Only what the log-in window needs is imported here; the first-run wizard, the demo
# maker, the smoke test's services and the backups are imported where they are used, and
# the main window's modules on a background thread once the log-in window is shown.

APP_NAME = "Loket"
log = logging.getLogger("loket")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loket", description="Loket counter application")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo branch, creating it on first start")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="branch data folder (default: the counter settings' folder, "
                             "else the per-user data folder)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of the window for every user (default: each user's "
                             "choice in Settings, else the counter settings' language)")
    parser.add_argument("--first-run", action="store_true",
                        help="show the first-run wizard, also with --screenshot (the branch "
                             "folder must hold no database)")
    demo_aids.add_options(parser)
    parser.add_argument(SMOKE_OPTION, type=Path, metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.first_run and (args.demo or args.sign_in_as):
        parser.error("--first-run sets up a new branch; leave out --demo and --as")
    return args


def branch_folder(args: argparse.Namespace, settings: CounterSettings) -> Path:
    """``--data-dir``, else the settings' branch folder; the demo always has its own."""
    if args.data_dir is not None:
        return Path(args.data_dir).expanduser()
    if args.demo:  # never the folder the settings give the real branch
        return locations(demo=True).data_dir
    return locations(settings).data_dir


def broken_settings_files(loaded: LoadedSettings) -> list[Path]:
    """Settings files that exist but could not be used at all."""
    return [path for path in (machine_settings_file(), user_settings_file())
            if path.exists() and path not in loaded.files]


def create_demo_branch(data_dir: Path, **options: Any) -> object:
    """``app.services.demo.branch.create_demo_branch``, imported only when a demo is made."""
    from app.services.demo.branch import create_demo_branch as create

    return create(data_dir, **options)


def __getattr__(name: str) -> Any:
    """``FirstRunWizard``: its module (with the demo maker and the PDFs) loads on first use."""
    if name == "FirstRunWizard":
        from app.ui.first_run.wizard import FirstRunWizard

        return FirstRunWizard
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_or_create(data_dir: Path, demo: bool) -> BranchDatabase:
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
    paint_on_the_ui_thread()  # before Qt makes its GUI thread pool
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    loaded = load_settings()
    language = _Language(app)
    language.use(args.lang or loaded.settings.language)
    collector = MainThreadGarbageCollector(app)  # never collect Qt objects in a worker
    try:
        if args.smoke_test is not None:
            from app.ui.smoke import run_smoke_test

            return run_smoke_test(app, args.smoke_test)
        return _run(app, args, language, loaded)
    finally:
        collector.stop()
        collector.deleteLater()
        language.use("en")  # removes the translator; English is the source language
        app.setStyleSheet("")


def _run(app: QApplication, args: argparse.Namespace, language: _Language,
         loaded: LoadedSettings) -> int:
    data_dir, demo = branch_folder(args, loaded.settings), args.demo
    if args.first_run or (not demo and args.screenshot is None
                          and not database_path(data_dir).exists()):
        chosen = _first_run(app, args, loaded.settings, data_dir)
        if isinstance(chosen, int):
            return chosen
        data_dir, demo = chosen
    try:
        branch = open_or_create(data_dir, demo)
    except DomainError as error:
        _tell(f"loket: {error.message}")
        from app.ui.backup.restore_flow import offer_restore, restorable
        if args.screenshot is not None or not restorable(error):
            if args.screenshot is None:
                QMessageBox.critical(None, APP_NAME, error_text(error))
            return 2
        restored = offer_restore(error, data_dir)  # None: the user quit, or it failed
        if restored is None:
            return 2
        branch = restored
    log_file = setup_logging(data_dir)
    install_qt_message_handler()
    restore_hooks = install_excepthook(log_file)
    log.info("Loket started on %s", data_dir)
    notes = _settings_problems(loaded, log_file, show=args.screenshot is None)
    ctx = UiContext(branch, lang=args.lang or loaded.settings.language)
    if args.screenshot is None:
        ctx.tasks.run(lambda _cancel: _daily_backup(data_dir),
                      on_done=lambda _made: None,
                      on_error=lambda error: log.error("daily backup failed: %s", error))
    try:
        return _session(app, args, ctx, language)
    finally:
        notes.clear()
        finish_and_close(branch, ctx.tasks)  # a write under way is finished, not cut off
        restore_hooks()
        log.info("Loket stopped")
        stop_logging()


def _daily_backup(data_dir: Path) -> object:
    """Today's backup if none was made yet (a background task: imported there too)."""
    from app.services.backup.copies import daily_backup_if_due

    return daily_backup_if_due(database_path(data_dir))


def _first_run(app: QApplication, args: argparse.Namespace, settings: CounterSettings,
               data_dir: Path) -> int | tuple[Path, bool]:
    """The first-run wizard; the branch folder to open (and whether it is the demo's),
    or the exit code when there is none (cancelled, refused, or a screenshot taken)."""
    if database_path(data_dir).exists():
        _tell(f"loket: {data_dir} already holds a branch database; the first-run wizard "
              "needs a folder without one")
        return 2
    apply_style(app)
    wizard = sys.modules[__name__].FirstRunWizard(data_dir, locations(demo=True).data_dir, settings)
    if args.screenshot is not None:
        wizard.show()
        code = demo_aids.screenshot(wizard, args.screenshot)
        wizard.close()
        return code
    log_file = setup_logging(data_dir)
    restore_hooks = install_excepthook(log_file)
    log.info("First-run wizard on %s", data_dir)
    try:
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
    finally:
        wizard.wait()
        restore_hooks()
        stop_logging()
    if not accepted or wizard.branch_dir is None:
        return 0
    return wizard.branch_dir, wizard.demo


def _settings_problems(loaded: LoadedSettings, log_file: Path, *,
                       show: bool) -> list[QMessageBox]:
    """Log the settings' warnings; a broken file is also told in a non-blocking message
    (shown once the first window is up). Returns the list that will hold the message."""
    for warning in loaded.warnings:
        log.warning("settings: %s", warning)
    notes: list[QMessageBox] = []
    broken = broken_settings_files(loaded)
    if broken and show:
        from app.ui.first_run.wizard import settings_problem_box

        QTimer.singleShot(0, lambda: notes.append(settings_problem_box(broken, log_file)))
    return notes


def _session(app: QApplication, args: argparse.Namespace, ctx: UiContext,
             language: _Language) -> int:
    apply_style(app)
    shell = AppShell(ctx, set_language=None if args.lang else language.use,
                     offer_shift=args.screenshot is None)
    if args.sign_in_as is None:
        shown: QWidget = shell.start()
    else:
        window = demo_aids.signed_in_window(shell, ctx, args.sign_in_as, args.search)
        if window is None:
            return 2
        shown = window
    if args.screenshot is not None:
        code = demo_aids.screenshot(shown, args.screenshot)
        shown.close()
        return code
    app.setQuitOnLastWindowClosed(False)
    shell.finished.connect(app.quit)
    return app.exec()


def _tell(message: str) -> None:
    """Print to the console if there is one (a windowed start on Windows has none)."""
    if sys.stderr is not None:
        print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
