"""Voiding a receipt: the receipt, a reason and a supervisor's credentials in one dialog.

Wrong credentials are refused with the service's words and the dialog stays open with
the password cleared. Voiding a down payment says beforehand what else it undoes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DomainError, ErrorCode
from app.services.ledger.account_views import PaymentLine
from app.services.ledger.voids import VoidRequest, VoidResult, void_payment
from app.services.money import format_rupiah
from app.ui.account import labels
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.i18n import format_date
from app.ui.kit.supervisor import SupervisorCredentials
from app.ui.kit.widgets import (
    DIALOG_STYLE,
    MessageLine,
    confirm_buttons,
    problem_label,
    with_problem,
)
from app.ui.service_dialog import ServiceDialog


def voidable(payments: Sequence[PaymentLine]) -> list[PaymentLine]:
    """Receipts not voided yet, newest first (as the history lists them)."""
    return [p for p in payments if not p.voided]


class VoidDialog(ServiceDialog):
    """Voids one of ``payments`` (``selected`` receipt first, else the latest not voided)."""

    voided = Signal(object)  # VoidResult

    def __init__(self, ctx: UiContext, payments: Sequence[PaymentLine],
                 selected: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result_: VoidResult | None = None
        self.setObjectName("voidDialog")
        self.setWindowTitle(self.tr("Void a payment"))
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumWidth(640)
        self._lines = voidable(payments)
        self._build()
        index = next((i for i, p in enumerate(self._lines) if p.receipt_no == selected), 0)
        self.receipt.setCurrentIndex(index)
        self._receipt_changed()
        self.reason.setFocus()

    def _build(self) -> None:
        self.receipt = QComboBox(self)
        self.receipt.setObjectName("voidReceipt")
        for line in self._lines:
            self.receipt.addItem(" · ".join((
                line.receipt_no, labels.payment_kind_text(line.kind),
                format_rupiah(line.amount), format_date(line.paid_at.date()))), line.receipt_no)
        self.warning = QLabel(self)
        self.warning.setObjectName("voidWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { color: #7c2d12; background: #ffedd5; "
                                   "border: 1px solid #fdba74; border-radius: 4px; "
                                   "padding: 6px 10px; }")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("voidReason")
        self.reason.setPlaceholderText(self.tr("e.g. wrong amount typed"))
        self.reason_problem = problem_label("voidReasonProblem", self)
        self.credentials = SupervisorCredentials("void", self)
        self.supervisor, self.password = self.credentials.supervisor, self.credentials.password
        form = QFormLayout()
        reason = with_problem(self.reason, self.reason_problem)
        for caption, cell, buddy in (
                (self.tr("Recei&pt"), self.receipt, self.receipt),
                (self.tr("Rea&son"), reason, self.reason)):
            label = QLabel(caption, self)
            label.setBuddy(buddy)
            form.addRow(label, cell)
        self.credentials.add_rows(form)
        self.message = MessageLine(self)
        self.message.setObjectName("voidMessage")
        buttons, self.confirm, close = confirm_buttons(
            self, "void", self.tr("Void the receipt (Enter)"), self.tr("Close (Esc)"))
        self.confirm.setEnabled(bool(self._lines))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for first, second in ((self.receipt, self.reason), (self.reason, self.supervisor),
                              (self.supervisor, self.password), (self.password, self.confirm),
                              (self.confirm, close)):
            QWidget.setTabOrder(first, second)
        self.receipt.currentIndexChanged.connect(self._receipt_changed)
        self.reason.textChanged.connect(lambda _text: self.reason_problem.clear())

    def selected_line(self) -> PaymentLine | None:
        index = self.receipt.currentIndex()
        return self._lines[index] if 0 <= index < len(self._lines) else None

    def _receipt_changed(self, _index: int = 0) -> None:
        line = self.selected_line()
        if line is None:
            self.warning.setText(self.tr("There is no receipt left to void."))
        elif line.kind == "down_payment":
            self.warning.setText(self.tr(
                "This is a down payment: voiding it cancels the enrolment. The penalties "
                "come back, the unseal work order is cancelled, or a re-seal order is issued "
                "if the seal was already opened."))
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(self.warning.text()))

    def request(self) -> VoidRequest | None:
        """What was typed, or None after saying what is missing."""
        self.message.clear_message()
        line = self.selected_line()
        if line is None:
            return None
        if not self.reason.text().strip():
            self.reason_problem.setText(error_text(DomainError(ErrorCode.REASON_REQUIRED)))
            self.reason.setFocus()
            return None
        missing = self.credentials.missing()
        if missing:
            self.message.show_message(missing, "error")
            return None
        return VoidRequest(line.receipt_no, self.reason.text(), self.supervisor.text(),
                           self.password.text())

    def accept(self) -> None:
        if self.busy:
            return
        request = self.request()
        if request is None:
            return
        ctx, actor = self.ctx, self.ctx.signed_in()
        self.run_service(lambda: void_payment(ctx.branch.writing(), actor, request))

    def busy_text(self) -> str:
        return self.tr("Checking…")

    def succeeded(self, result: VoidResult) -> None:
        self.result_ = result
        self.voided.emit(result)

    def refused(self, error: DomainError, text: str) -> None:
        if error.code == ErrorCode.REASON_REQUIRED:
            self.reason_problem.setText(text)
            self.reason.setFocus()
            return
        self.message.show_message(text, "error")
        self.retype_password(error, self.password)
