"""The flow of a counter session: log-in → (open a shift) → the main window → log-out.

``AppShell.start()`` shows the log-in dialog; a successful log-in puts the actor into
the ``UiContext``, applies the user's language (unless the whole run has one fixed)
and opens the main window, which then offers to open a shift. Logging out closes the
window and shows the log-in dialog again; closing the window or quitting the log-in
ends the session (``finished``). A restore confirmed in the window (``restore_from``)
logs everyone out, restores and reopens the branch, says how it went and shows the
log-in again (``app.ui.backup.restore_flow``).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from app.services.branch_info import branch_overview
from app.services.context import Actor
from app.ui.context import UiContext
from app.ui.session.login_dialog import LoginDialog
from app.ui.settings.preferences_dialog import UserSettings
from app.ui.style import ready_brushes

if TYPE_CHECKING:  # loaded after the log-in window is shown (``load_main_window_modules``)
    from app.ui.backup.restore_flow import RestoreOutcome, RestoreRun
    from app.ui.main_window import MainWindow

LanguageSetter = Callable[[str], None]
TASK_WAIT_MS = 30_000  # background work (a search, a report) ends before a restore
PRELOAD_AFTER_MS = 500  # the log-in window is painted first; the password takes longer
_preloading: list[threading.Thread] = []
log = logging.getLogger(__name__)


def load_main_window_modules() -> None:
    """Import the main window's modules (the account page, documents, PDFs, reports,
    sync …) on a background thread, once: the log-in window does not need them and
    comes up sooner; by the time the cashier has typed the password they are loaded.
    An import the UI thread needs earlier simply waits for this one."""
    if _preloading:
        return
    thread = threading.Thread(target=_import_main_window, name="loket-preload", daemon=True)
    _preloading.append(thread)
    thread.start()


def _import_main_window() -> None:
    for module in ("app.ui.main_window", "app.ui.backup.restore_flow"):
        importlib.import_module(module)
    ready_brushes()


class AppShell(QObject):
    """Owns the log-in dialog and the main window of one branch; one of them is shown."""

    finished = Signal()
    window_shown = Signal(object)  # MainWindow

    def __init__(self, ctx: UiContext, *, set_language: LanguageSetter | None = None,
                 offer_shift: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = UserSettings(ctx.data_dir)
        self.base_lang = ctx.lang
        self.offer_shift = offer_shift
        self._set_language = set_language
        self.overview = branch_overview(ctx.branch.reading())
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.restoring: RestoreRun | None = None
        self.message: QMessageBox | None = None

    def start(self) -> LoginDialog:
        """Show the log-in dialog (in the run's base language)."""
        self._use_language(self.base_lang)
        dialog = LoginDialog(self.ctx.branch, self.overview)
        dialog.signed_in.connect(self.enter)
        dialog.rejected.connect(self._login_cancelled)
        self.login = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        QTimer.singleShot(PRELOAD_AFTER_MS, self, load_main_window_modules)
        return dialog

    def enter(self, actor: Actor) -> MainWindow:
        """Open the main window for ``actor`` (after the log-in dialog or ``--as``)."""
        if self.login is not None:
            self.login.hide()
            self.login.deleteLater()
            self.login = None
        self.ctx.actor = actor
        self._use_language(self.settings.language(actor.username) or self.base_lang)
        from app.ui.main_window import MainWindow

        window = MainWindow(self.ctx, self.settings)
        window.logout_requested.connect(self.log_out)
        window.closing.connect(self._window_closing)
        window.backups.restore_confirmed.connect(
            lambda path: QTimer.singleShot(0, self, lambda: self.restore_from(path)))
        self.window = window
        window.show_fitted()
        window.activateWindow()
        if self.offer_shift:
            QTimer.singleShot(0, window, window.check_shift)
        self._prepare_search()
        window.account.prepare()
        ready_brushes()  # costs nothing when the log-in's preloading made one already
        self.window_shown.emit(window)
        return window

    def _prepare_search(self) -> None:
        """Ready the search in the background while the cashier opens the shift, so the
        first customer's scan is as quick as the next one's (a failure shows at that
        first search instead)."""
        from app.services.search.customers import prepare_search

        branch = self.ctx.branch
        self.ctx.tasks.run(lambda _cancel: prepare_search(branch.reading()),
                           lambda _customers: None,
                           lambda error: log.warning("preparing the search failed: %s", error))

    def log_out(self) -> LoginDialog:
        """Close the window, forget the actor and ask for a log-in again."""
        self._close_window()
        return self.start()

    def _close_window(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.closing.disconnect(self._window_closing)
            window.close()
            window.deleteLater()
        self.ctx.actor = None

    def restore_from(self, backup: Path) -> RestoreRun:
        """Log everyone out, let background work end, close the branch and restore
        ``backup``; then say how it went and ask for a log-in again."""
        from app.ui.backup.restore_flow import RestoreRun

        self._close_window()
        branch = self.ctx.branch

        def prepare() -> None:
            self.ctx.tasks.wait(TASK_WAIT_MS)
            branch.close()

        run = RestoreRun(self.ctx.tasks, self.ctx.data_dir, backup, branch.clock, self)
        run.finished.connect(self._restored)
        self.restoring = run
        run.start(prepare)
        return run

    def _restored(self, outcome: RestoreOutcome) -> None:
        """Work on the reopened branch and show the outcome; then the log-in (or the end,
        when the database cannot be opened at all)."""
        self.restoring = None
        if outcome.branch is not None:
            self.ctx.replace_branch(outcome.branch)
            self.overview = branch_overview(self.ctx.branch.reading())
        from app.ui.backup.restore_flow import outcome_box

        box = outcome_box(outcome)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopened = outcome.branch is not None
        box.finished.connect(lambda _result: self.start() if reopened else self.finished.emit())
        self.message = box
        box.open()

    def _window_closing(self) -> None:
        self.window = None
        self.ctx.actor = None
        self.finished.emit()

    def _login_cancelled(self) -> None:
        if self.window is None:
            self.finished.emit()

    def _use_language(self, lang: str) -> None:
        if self._set_language is not None and lang != self.ctx.lang:
            self._set_language(lang)
        if self._set_language is not None:
            self.ctx.lang = lang
