"""Small widgets every wing shares: badges, tables, message lines, dialog buttons, and
the one place that turns an exception into something the cashier can read."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
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
from app.ui.kit.columns import ColumnSizer, SeparateHeaders, SizedColumns
from app.ui.screen_fit import grow_later
from app.ui.style import MESSAGE_LOOKS, Look, set_badge, set_look

MIN_ROWS = 3
"""A table always shows this many rows whole (the rest scroll)."""


def named[W: QObject](thing: W, name: str) -> W:
    """``thing`` with its object name (how tests and the fit walk find it), returned.

    The one construction style of the counter window: positional arguments to the Qt
    constructor, then setters, which the type stubs know (property keywords such as
    ``objectName=`` they do not)."""
    thing.setObjectName(name)
    return thing


def caption(text: str, field: QWidget, parent: QWidget | None = None) -> QLabel:
    """A field's caption whose ``&`` mnemonic puts the focus in ``field``."""
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label


def wrapped(label: QLabel) -> QLabel:
    """``label`` wrapping its text onto more lines, returned."""
    label.setWordWrap(True)
    return label


class StatusBadge(QLabel):
    """A coloured capsule with a short state word (SEGEL, AKTIF, LUNAS …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_state(self, text: str, colours: tuple[str, str] | None) -> None:
        self.setText(text)
        set_badge(self, colours)
        self.show()


def copyable[L: QLabel](label: L) -> L:
    """``label`` with "Copy" on its right-click menu, which puts its whole text on the
    clipboard. Lighter than a label whose text can be selected: that one keeps a text
    document, laid out again at every new text (a few milliseconds a customer on the
    account page)."""
    copy = QAction(QCoreApplication.translate("Kit", "Copy"), label)
    copy.setObjectName("copyText")
    copy.triggered.connect(lambda _checked=False: QGuiApplication.clipboard().setText(
        label.text()))
    label.addAction(copy)
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return label


class MessageLine(QLabel):
    """A line that says what just happened (info) or what went wrong (error); "Copy" on
    its right-click menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        copyable(self)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setText(text)
        set_look(self, MESSAGE_LOOKS.get(kind, Look.MESSAGE_INFO))
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
        set_look(self, Look.PROBLEM)
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
    if isinstance(model, SeparateHeaders):  # same columns; measured once, not every reset
        table.horizontalHeader().setModel(model.header_model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    sizer = ColumnSizer(table, model) if isinstance(model, SizedColumns) else None
    if sizer is not None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(lambda: sizer.fit())
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    if sizer is not None:
        sizer.fit()
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
