"""Registering this counter with head office: its address and a one-time code.

The token head office returns goes straight to the OS credential store (through the
sync token store); the database keeps only the address. Registration runs in the
background so a slow link never freezes the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.sync import Registration, register_device, registration
from app.ui.context import UiContext
from app.ui.errors_dialog import show_unexpected
from app.ui.kit.widgets import DIALOG_STYLE, MessageLine, error_message
from app.ui.sync.dialogs import SyncServices


class RegisterDialog(QDialog):
    """Head-office URL + one-time code → ``register_device``; ``registered`` on success."""

    registered = Signal(object)  # Registration

    def __init__(self, ctx: UiContext, services: SyncServices,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.services = ctx, services
        self.busy = False
        self.result_: Registration | None = None
        self.setObjectName("registerDialog")
        self.setWindowTitle(self.tr("Register this counter with head office"))
        self.setStyleSheet(DIALOG_STYLE)
        known = registration(ctx.branch.reading())
        self.url = QLineEdit(known.url if known else "", objectName="registerUrl")
        self.url.setPlaceholderText("https://pusat.example:8443")
        self.code = QLineEdit(objectName="registerCode")
        self.code.setPlaceholderText(self.tr("One-time code from head office"))
        self.ca_file = QLineEdit(known.ca_file if known else "", objectName="registerCaFile")
        self.ca_file.setPlaceholderText(self.tr("Optional: CA certificate file"))
        self.message = MessageLine(self)
        self.message.setObjectName("registerMessage")
        if known is not None:
            self.message.show_message(self.tr(
                "This counter is registered with {url}. A new code registers it again."
            ).format(url=known.url), "info")
        form = QFormLayout()
        form.addRow(self.tr("Head-office address:"), self.url)
        form.addRow(self.tr("One-time code:"), self.code)
        form.addRow(self.tr("CA file:"), self.ca_file)
        buttons = QDialogButtonBox()
        self.ok = QPushButton(self.tr("Register"), objectName="registerOk")
        self.ok.setDefault(True)
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton(self.tr("Cancel"), objectName="registerCancel"),
                          QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        (self.code if known else self.url).setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check the fields, then register in the background."""
        if self.busy:
            return
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url:
            self.message.show_message(self.tr("Type head office's address."), "error")
            self.url.setFocus()
            return
        if not code:
            self.message.show_message(self.tr("Type the one-time code."), "error")
            self.code.setFocus()
            return
        ca_text = self.ca_file.text().strip()
        ca = Path(ca_text) if ca_text else None
        self.busy = True
        self.ok.setEnabled(False)
        self.message.show_message(self.tr("Registering…"), "info")
        services, branch = self.services, self.ctx.branch

        def work(_cancel: Any) -> Registration:
            link = services.register_link(url, ca)
            return register_device(branch.writing(), link, url, code,
                                   store=services.token_store, ca_file=ca)

        self.ctx.tasks.run(work, self._done, self._failed)

    def _done(self, result: Registration) -> None:
        self.busy, self.result_ = False, result
        self.ok.setEnabled(True)
        self.registered.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        text = error_message(error)
        if text is None:
            show_unexpected(self, error)
            text = self.tr("Registration failed unexpectedly. Try again.")
        self.message.show_message(text, "error")
        self.code.selectAll()
        self.code.setFocus()
