"""F7 with no receipt selected: which receipt to reprint?

The customer's receipts, newest first; the newest that is not voided is offered first.
A voided receipt can still be copied (the copy is marked BATAL), but the list and a
note under it say so before Enter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.ledger.account_views import PaymentLine
from app.services.money import format_rupiah
from app.ui.account import labels
from app.ui.i18n import format_date
from app.ui.kit.widgets import DIALOG_STYLE, MESSAGE_STYLE, confirm_buttons


class ReprintDialog(QDialog):
    """Pick one of ``payments``; ``chosen(receipt_no)`` fires on Enter."""

    chosen = Signal(str)

    def __init__(self, payments: Sequence[PaymentLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprintDialog")
        self.setWindowTitle(self.tr("Reprint a receipt"))
        self.setStyleSheet(DIALOG_STYLE)
        self._lines = list(payments)
        self.receipts = QListWidget(self)
        self.receipts.setObjectName("reprintReceipts")
        for line in self._lines:
            item = QListWidgetItem(self.line_text(line))
            item.setData(Qt.ItemDataRole.UserRole, line.receipt_no)
            self.receipts.addItem(item)
        self.note = QLabel(self)
        self.note.setObjectName("reprintVoidedNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MESSAGE_STYLE["warning"])
        buttons, self.confirm, _cancel = confirm_buttons(
            self, "reprint", self.tr("Reprint (Enter)"), self.tr("Cancel (Esc)"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which receipt should be printed again?"), self))
        layout.addWidget(self.receipts, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.receipts.currentRowChanged.connect(self._row_changed)
        self.receipts.itemActivated.connect(lambda _item: self.accept())
        first = next((i for i, line in enumerate(self._lines) if not line.voided), 0)
        self.receipts.setCurrentRow(first)
        self._row_changed(first)
        self.receipts.setFocus()
        width = max((self.receipts.fontMetrics().horizontalAdvance(self.line_text(line))
                     for line in self._lines), default=300)
        self.setMinimumWidth(min(width + 80, 900))

    def line_text(self, line: PaymentLine) -> str:
        text = " · ".join((line.receipt_no, labels.payment_kind_text(line.kind),
                           format_rupiah(line.amount), format_date(line.paid_at.date())))
        voided = self.tr("VOIDED")
        return f"{text} · {voided}" if line.voided else text

    def selected_line(self) -> PaymentLine | None:
        row = self.receipts.currentRow()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def _row_changed(self, _row: int) -> None:
        line = self.selected_line()
        voided = line is not None and line.voided
        self.note.setText(self.tr("Receipt {no} was voided; its copy is marked BATAL.").format(
            no=line.receipt_no) if line is not None and voided else "")
        self.note.setVisible(voided)
        self.confirm.setEnabled(line is not None)

    def accept(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        self.chosen.emit(line.receipt_no)
        super().accept()
