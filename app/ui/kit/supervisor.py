"""A supervisor's user name and password, typed into a dialog to approve what it does.

Voiding a receipt and allowing payments after a restore both ask for them: two rows of
the dialog's form, one check that both were typed, the password hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget


class SupervisorCredentials(QObject):
    """The ``supervisor`` and ``password`` fields of ``dialog`` (object names start with
    ``prefix``: ``voidSupervisor``, ``voidPassword``)."""

    def __init__(self, prefix: str, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.supervisor = QLineEdit(dialog)
        self.supervisor.setObjectName(f"{prefix}Supervisor")
        self.password = QLineEdit(dialog)
        self.password.setObjectName(f"{prefix}Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

    def add_rows(self, form: QFormLayout) -> None:
        """The two rows, their captions with Alt shortcuts to the fields."""
        for caption, field in ((self.tr("S&upervisor"), self.supervisor),
                               (self.tr("Supervisor's pass&word"), self.password)):
            label = QLabel(caption, self.dialog)
            label.setBuddy(field)
            form.addRow(label, field)

    def missing(self) -> str | None:
        """What to tell the cashier when a field is empty (focusing it), else None."""
        if self.supervisor.text().strip() and self.password.text():
            return None
        (self.supervisor if not self.supervisor.text().strip() else self.password).setFocus()
        return self.tr("A supervisor must type their user name and password.")

    def username(self) -> str:
        return self.supervisor.text()

    def secret(self) -> str:
        return self.password.text()
