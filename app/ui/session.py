"""The flow of a counter session: log-in → (open a shift) → the main window → log-out.

``AppShell.start()`` shows the log-in dialog; a successful log-in puts the actor into
the ``UiContext``, applies the user's language (unless the whole run has one fixed)
and opens the main window, which then offers to open a shift. Logging out closes the
window and shows the log-in dialog again; closing the window or quitting the log-in
ends the session (``finished``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.branch_info import branch_overview
from app.services.context import Actor
from app.ui.context import UiContext
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import UserSettings

LanguageSetter = Callable[[str], None]


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
        return dialog

    def enter(self, actor: Actor) -> MainWindow:
        """Open the main window for ``actor`` (after the log-in dialog or ``--as``)."""
        if self.login is not None:
            self.login.hide()
            self.login.deleteLater()
            self.login = None
        self.ctx.actor = actor
        self._use_language(self.settings.language(actor.username) or self.base_lang)
        window = MainWindow(self.ctx, self.settings)
        window.logout_requested.connect(self.log_out)
        window.closing.connect(self._window_closing)
        self.window = window
        window.show_fitted()
        window.activateWindow()
        if self.offer_shift:
            QTimer.singleShot(0, window, window.check_shift)
        self.window_shown.emit(window)
        return window

    def log_out(self) -> LoginDialog:
        """Close the window, forget the actor and ask for a log-in again."""
        window, self.window = self.window, None
        if window is not None:
            window.closing.disconnect(self._window_closing)
            window.close()
            window.deleteLater()
        self.ctx.actor = None
        return self.start()

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
