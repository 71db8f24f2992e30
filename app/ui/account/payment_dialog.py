"""The payment dialog: amount, method (cash / bank transfer / QRIS), money received, change.

Used for the down payment of an enrolment and for instalments. The caller hands in
``submit(tender) -> PaymentReceipt`` (the service call); it runs in the background and
the dialog closes with ``paid`` when it succeeds. Refusals are shown next to the field
they concern and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DomainError, ErrorCode
from app.services.ledger.payments import MAX_REFERENCE_LENGTH, PaymentReceipt, Tender
from app.services.money import format_rupiah
from app.ui.account import labels
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.kit.money_edit import MoneyEdit
from app.ui.kit.widgets import (
    DIALOG_STYLE,
    MessageLine,
    confirm_buttons,
    problem_label,
    with_problem,
)
from app.ui.service_dialog import ServiceDialog

AMOUNT_CODES = {ErrorCode.AMOUNT_MALFORMED, ErrorCode.AMOUNT_NOT_POSITIVE,
                ErrorCode.AMOUNT_TOO_LARGE, ErrorCode.AMOUNT_BELOW_DUE,
                ErrorCode.AMOUNT_ABOVE_BALANCE, ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED}
Submit = Callable[[Tender], PaymentReceipt]
LARGEST_AMOUNT = 999_999_999_999
"""The widest figure the change line must show whole (Rp 999.999.999.999)."""
CHANGE_STYLE = """
QLabel#payChange[short="true"] { color: #b3261e; }
"""


class PaymentDialog(ServiceDialog):
    """Takes one payment; ``facts`` are (caption, value) lines shown above the fields."""

    paid = Signal(object)  # PaymentReceipt

    def __init__(self, ctx: UiContext, *, title: str, heading: str,
                 facts: Sequence[tuple[str, str]], due: int, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._submit = submit
        self.receipt: PaymentReceipt | None = None
        self.setObjectName("paymentDialog")
        self.setWindowTitle(title)
        self.setStyleSheet(DIALOG_STYLE + CHANGE_STYLE)
        self.setMinimumWidth(460)
        self._build(heading, facts)
        self.amount.set_amount(due)
        self._method_changed()
        self.tendered.setFocus()

    # --- building -------------------------------------------------------------------
    def _build(self, heading: str, facts: Sequence[tuple[str, str]]) -> None:
        top = QLabel(heading, self)
        top.setObjectName("payHeading")
        top.setStyleSheet("QLabel { font-size: 15px; font-weight: 600; }")
        form = QFormLayout()
        for caption, value in facts:
            shown = QLabel(value, self)
            shown.setStyleSheet("QLabel { font-weight: 600; }")
            form.addRow(caption, shown)
        self.amount = MoneyEdit(self)
        self.amount.setObjectName("payAmount")
        self.amount_problem = problem_label("payAmountProblem", self)
        self.method = QComboBox(self)
        self.method.setObjectName("payMethod")
        for method in labels.METHODS:
            self.method.addItem(labels.method_text(method), method)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("payReference")
        self.reference.setMaxLength(MAX_REFERENCE_LENGTH)
        self.reference.setPlaceholderText(self.tr("Transfer or QRIS reference"))
        self.reference.setMinimumWidth(self.reference.fontMetrics().horizontalAdvance(
            self.reference.placeholderText()) + 24)
        self.reference_problem = problem_label("payReferenceProblem", self)
        self.tendered = MoneyEdit(self, received=True)
        self.tendered.setObjectName("payTendered")
        self.tendered.setPlaceholderText(self.tr("exact amount"))
        self.tendered_problem = problem_label("payTenderedProblem", self)
        self.change = self._change_line()
        for caption, field, problem in (
                (self.tr("&Amount to pay"), self.amount, self.amount_problem),
                (self.tr("&Method"), self.method, None),
                (self.tr("&Reference"), self.reference, self.reference_problem),
                (self.tr("Money &received"), self.tendered, self.tendered_problem)):
            label = QLabel(caption, self)
            label.setBuddy(field)
            form.addRow(label, with_problem(field, problem) if problem else field)
        self.message = MessageLine(self)
        self.message.setObjectName("payMessage")
        buttons, self.confirm, cancel = confirm_buttons(
            self, "pay", self.tr("Pay (Enter)"), self.tr("Cancel (Esc)"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows for refusals
        layout.addWidget(top)
        layout.addLayout(form)
        layout.addWidget(self.change)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for first, second in ((self.amount, self.method), (self.method, self.reference),
                              (self.reference, self.tendered), (self.tendered, self.confirm),
                              (self.confirm, cancel)):
            QWidget.setTabOrder(first, second)
        self.amount.amountChanged.connect(self._update_change)
        self.tendered.amountChanged.connect(self._update_change)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.reference.textChanged.connect(lambda _text: self.reference_problem.clear())

    def _change_line(self) -> QLabel:
        """The change (or the shortfall) in large type, on a line of its own that is wide
        enough for the largest amount in this language."""
        change = QLabel(self)
        change.setObjectName("payChange")
        change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        change.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = QFont(change.font())
        font.setPixelSize(24)
        font.setBold(True)
        change.setFont(font)
        texts = (self.change_text(LARGEST_AMOUNT, LARGEST_AMOUNT + LARGEST_AMOUNT),
                 self.change_text(LARGEST_AMOUNT + LARGEST_AMOUNT, LARGEST_AMOUNT))
        metrics = change.fontMetrics()
        change.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in texts) + 8)
        change.setMinimumHeight(metrics.height() + 8)
        return change

    def change_text(self, amount: int, tendered: int) -> str:
        """"Change: Rp …" when ``tendered`` covers ``amount``, else "Short by: Rp …"."""
        if tendered >= amount:
            return self.tr("Change: {amount}").format(amount=format_rupiah(tendered - amount))
        return self.tr("Short by: {amount}").format(amount=format_rupiah(amount - tendered))

    # --- live feedback --------------------------------------------------------------
    def method_code(self) -> str:
        return str(self.method.currentData())

    def is_cash(self) -> bool:
        return self.method_code() == "cash"

    def _method_changed(self, _index: int = 0) -> None:
        cash = self.is_cash()
        self.tendered.setEnabled(cash)
        self.reference.setEnabled(not cash)
        self.reference_problem.clear()
        if not cash:
            self.tendered_problem.clear()
        self._update_change()

    def tendered_amount(self) -> int | None:
        """Money received: what was typed, or the exact amount when left empty."""
        if not self.tendered.text().strip():
            return self.amount.amount()
        return self.tendered.amount()

    def _update_change(self, _amount: Any = None) -> None:
        self.amount_problem.setText(self.amount.problem())
        self.tendered_problem.setText(self.tendered.problem() if self.is_cash() else "")
        amount, tendered = self.amount.amount(), self.tendered_amount()
        if not self.is_cash() or amount is None or tendered is None:
            self.change.setText("")
            return
        self.change.setProperty("short", tendered < amount)
        self.change.style().unpolish(self.change)
        self.change.style().polish(self.change)
        self.change.setText(self.change_text(amount, tendered))

    # --- confirming -----------------------------------------------------------------
    def tender(self) -> Tender | None:
        """The tender typed in, or None after showing why it is refused."""
        self.message.clear_message()
        amount = self.amount.amount()
        if amount is None:
            self.amount_problem.setText(self.amount.problem() or self.tr("Type the amount."))
            self.amount.setFocus()
            return None
        if not self.is_cash():
            reference = self.reference.text().strip()
            if not reference:
                self.reference_problem.setText(error_text(
                    DomainError(ErrorCode.REFERENCE_REQUIRED)))
                self.reference.setFocus()
                return None
            return Tender(amount, amount, self.method_code(), reference)
        tendered = self.tendered_amount()
        if tendered is None:
            self.tendered.setFocus()
            return None
        if tendered < amount:
            self.tendered_problem.setText(error_text(DomainError(
                ErrorCode.TENDERED_BELOW_AMOUNT, tendered=format_rupiah(tendered),
                amount=format_rupiah(amount))))
            self.tendered.setFocus()
            return None
        return Tender(amount, tendered, "cash", "")

    def accept(self) -> None:
        if self.busy:
            return
        tender = self.tender()
        if tender is None:
            return
        submit = self._submit
        self.run_service(lambda: submit(tender))

    def busy_text(self) -> str:
        return self.tr("Saving the payment…")

    def succeeded(self, receipt: PaymentReceipt) -> None:
        self.receipt = receipt
        self.paid.emit(receipt)

    def refused(self, error: DomainError, text: str) -> None:
        if error.code in AMOUNT_CODES:
            self.amount_problem.setText(text)
            self.amount.setFocus()
            self.amount.selectAll()
        elif error.code in (ErrorCode.TENDERED_BELOW_AMOUNT, ErrorCode.TENDERED_TOO_LARGE):
            self.tendered_problem.setText(text)
            self.tendered.setFocus()
        elif error.code == ErrorCode.REFERENCE_REQUIRED:
            self.reference_problem.setText(text)
            self.reference.setFocus()
        else:
            self.message.show_message(text, "error")
