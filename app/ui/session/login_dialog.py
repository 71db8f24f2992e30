"""Log-in: user name and password; wrong passwords say so, repeated failures lock the user."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import BranchDatabase
from app.services.branch_info import BranchOverview
from app.services.context import Actor
from app.services.errors import DomainError
from app.services.users import log_in
from app.ui.error_text import error_text


class LoginDialog(QDialog):
    """Enter submits; on success ``actor`` is set and ``signed_in(actor)`` fires."""

    signed_in = Signal(object)  # Actor

    def __init__(self, branch: BranchDatabase, overview: BranchOverview | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.branch = branch
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Loket — sign in"))
        self._build(overview)

    def _build(self, overview: BranchOverview | None) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        title = QLabel(self.tr("Sign in to the counter"), objectName="loginTitle")
        title.setProperty("role", "heading")
        layout.addWidget(title)
        if overview is not None:
            where = QLabel(f"{overview.utility_name}\n{overview.branch_name} — "
                           f"{overview.counter_name}", objectName="loginWhere")
            layout.addWidget(where)
        self.user = QLineEdit(objectName="loginUser")
        self.user.setMaxLength(40)
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("&User name:"), buddy=self.user), self.user)
        form.addRow(QLabel(self.tr("&Password:"), buddy=self.password), self.password)
        layout.addLayout(form)
        self.message = QLabel(objectName="loginMessage", wordWrap=True)
        self.message.setProperty("role", "error")
        self.message.setMinimumWidth(340)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.submit_button = buttons.addButton(self.tr("Sign in"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("loginButton")
        self.submit_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("quitButton")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.user.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check the credentials; say why when they are refused."""
        username, password = self.user.text().strip(), self.password.text()
        if not username:
            self._refuse(self.tr("Type your user name."), self.user)
            return
        if not password:
            self._refuse(self.tr("Type your password."), self.password)
            return
        try:
            actor = log_in(self.branch.writing(), username, password)
        except DomainError as error:
            self.password.clear()
            self._refuse(error_text(error), self.password)
            return
        self.actor = actor
        self.message.clear()
        self.password.clear()
        self.signed_in.emit(actor)
        self.accept()

    def _refuse(self, text: str, focus: QLineEdit) -> None:
        self.message.setText(text)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
