"""Small widgets every wing shares: badges, tables, message lines, dialog buttons, and
the one place that turns an exception into something the cashier can read."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DomainError
from app.ui.error_text import error_text
from app.ui.errors_dialog import show_unexpected
from app.ui.screen_fit import grow_later

BADGE_STYLE = ("QLabel {{ color: {fg}; background: {bg}; border-radius: 4px;"
               " padding: 3px 10px; font-weight: 700; letter-spacing: 1px; }}")
MESSAGE_STYLE = {
    "info": "QLabel { color: #14532d; background: #dcfce7; border: 1px solid #86efac;"
            " border-radius: 4px; padding: 6px 10px; }",
    "error": "QLabel { color: #7f1d1d; background: #fee2e2; border: 1px solid #fca5a5;"
             " border-radius: 4px; padding: 6px 10px; }",
    "warning": "QLabel { color: #7c2d12; background: #ffedd5; border: 1px solid #fdba74;"
               " border-radius: 4px; padding: 6px 10px; }",
}
MIN_ROWS = 3
"""A table always shows this many rows whole (the rest scroll)."""
PROBLEM_STYLE = "QLabel { color: #b3261e; }"
DIALOG_STYLE = """
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QTableView:focus, QPushButton:focus {
    border: 2px solid #2563eb; border-radius: 3px; }
QLineEdit[invalid="true"] { border: 2px solid #b3261e; border-radius: 3px; }
"""


class StatusBadge(QLabel):
    """A coloured capsule with a short state word (SEGEL, AKTIF, LUNAS …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_state(self, text: str, colours: tuple[str, str] | None) -> None:
        fg, bg = colours or ("#ffffff", "#6b7280")
        self.setText(text)
        style = BADGE_STYLE.format(fg=fg, bg=bg)
        if style != self.styleSheet():  # re-styling costs about 10 ms: only on a change
            self.setStyleSheet(style)
        self.show()


class MessageLine(QLabel):
    """A line that says what just happened (info) or what went wrong (error)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(MESSAGE_STYLE.get(kind, MESSAGE_STYLE["info"]))
        self.setVisible(bool(text))
        if text:
            grow_later(self)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()


class ProblemLabel(QLabel):
    """A red line under a field that says why its value is refused (hidden when empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(PROBLEM_STYLE)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))
        if text:
            grow_later(self)

    def clear(self) -> None:
        self.setText("")


def problem_label(name: str, parent: QWidget | None = None) -> ProblemLabel:
    label = ProblemLabel(parent)
    label.setObjectName(name)
    return label


def with_problem(field: QWidget, problem: QLabel) -> QWidget:
    """``field`` with its problem line right under it, as one form cell."""
    cell = QWidget(field.parentWidget())
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(problem)
    return cell


def make_table(model: QAbstractItemModel, name: str, parent: QWidget | None = None
               ) -> QTableView:
    """A read-only, row-selecting table that Tab leaves (arrow keys move inside)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    table.setMinimumHeight(header.sizeHint().height() + MIN_ROWS * 24
                           + 2 * table.frameWidth() + 2)
    return table


def error_message(error: BaseException) -> str | None:
    """The cashier's sentence for a domain error; None for anything unexpected."""
    return error_text(error) if isinstance(error, DomainError) else None


def report_unexpected(parent: QWidget | None, error: BaseException) -> None:
    """Log an unexpected error and tell the cashier in plain words (never a traceback)."""
    show_unexpected(parent, error)


def confirm_buttons(dialog: QDialog, name: str, confirm_text: str,
                    cancel_text: str) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The dialogs' button row: ``<name>Confirm`` (default, Enter) and ``<name>Cancel`` (Esc)."""
    buttons = QDialogButtonBox(dialog)
    confirm = QPushButton(confirm_text, dialog)
    confirm.setObjectName(f"{name}Confirm")
    confirm.setDefault(True)
    cancel = QPushButton(cancel_text, dialog)
    cancel.setObjectName(f"{name}Cancel")
    cancel.setAutoDefault(False)
    buttons.addButton(confirm, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, confirm, cancel
