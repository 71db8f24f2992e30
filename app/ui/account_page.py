"""The account screen of one customer (status, arrears, plan, payments, actions)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.context import UiContext


class AccountPage(QWidget):
    """Shows one customer's account. ``back_requested`` returns to search; ``changed``
    fires after a transaction (the main window then puts focus back in search)."""

    back_requested = Signal()
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.connection_no = ""
        self._title = QLabel()
        self._title.setObjectName("accountTitle")
        QVBoxLayout(self).addWidget(self._title)

    def show_customer(self, connection_no: str) -> None:
        self.connection_no = connection_no
        self._title.setText(connection_no)
