"""Dialogs whose confirm button runs one service call off the UI thread.

Payment, void, change request, release of payments after a restore: each checks its
fields, then :meth:`ServiceDialog.run_service` runs the call in the background. While
it runs the dialog is busy — confirm disabled, Esc and Cancel ignored (a payment on
its way cannot be walked away from). On success :meth:`succeeded` gets the result and
the dialog closes; a refusal is shown by :meth:`refused` (on the message line, or by a
subclass next to the field it is about); anything unexpected is logged and told
politely, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QWidget

from app.services.errors import DomainError, ErrorCode
from app.ui.context import UiContext
from app.ui.kit.widgets import MessageLine, error_message, report_unexpected

CREDENTIAL_CODES = {ErrorCode.BAD_CREDENTIALS, ErrorCode.USER_LOCKED, ErrorCode.NOT_AUTHORISED}
"""Refusals of a supervisor's (or admin's) user name and password."""


class ServiceDialog(QDialog):
    """Subclasses set ``confirm`` and ``message`` and implement :meth:`busy_text`."""

    confirm: QPushButton
    message: MessageLine

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False

    def busy_text(self) -> str:
        """What the message line says while the call runs ("Saving…")."""
        raise NotImplementedError

    def succeeded(self, result: Any) -> None:
        """Keep the result and tell whoever listens; the dialog closes afterwards."""

    def refused(self, error: DomainError, text: str) -> None:
        """Show a refusal; by default on the message line."""
        self.message.show_message(text, "error")

    def retype_password(self, error: DomainError, password: QLineEdit) -> None:
        """After a refusal of the credentials: the password cleared, ready to type again."""
        if error.code in CREDENTIAL_CODES:
            password.clear()
            password.setFocus()

    def run_service(self, work: Callable[[], Any]) -> None:
        """Run ``work`` in the background; the dialog is busy until it ends."""
        self._set_busy(True)
        self.ctx.tasks.run(lambda _cancel: work(), self._done, self._failed)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.confirm.setEnabled(not busy)
        if busy:
            self.message.show_message(self.busy_text(), "info")

    def _done(self, result: Any) -> None:
        self._set_busy(False)
        self.succeeded(result)
        QDialog.accept(self)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.clear_message()
        text = error_message(error)
        if text is None:
            report_unexpected(self, error)
            return
        assert isinstance(error, DomainError)
        self.refused(error, text)
        self.adjustSize()  # room for the line that says what is wrong
