"""Marking a seal work order done: when, by which field officer, and the meter reading."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DomainError, ErrorCode
from app.services.ledger.workorders import WorkOrderInfo, confirm_work_order
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.errors_dialog import show_unexpected
from app.ui.i18n import format_date
from app.ui.lists.date_field import DateField


class WorkOrderDoneDialog(QDialog):
    """Asks the date done (default the business date; not in the future, not before the
    order was issued), the field officer (required) and the meter reading (optional).

    On OK it confirms the order; ``result_info`` then holds the closed order.
    """

    def __init__(self, ctx: UiContext, order: WorkOrderInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.order = ctx, order
        self.result_info: WorkOrderInfo | None = None
        self.setWindowTitle(self.tr("Work order {number} done").format(number=order.number))
        self._business_date = ctx.branch.clock.now().date()
        self._build()

    def _build(self) -> None:
        o = self.order
        about = QLabel(self.tr("{number}\n{customer} ({connection_no})\n{address}, {kelurahan}")
                       .format(number=o.number, customer=o.customer_name,
                               connection_no=o.connection_no, address=o.address,
                               kelurahan=o.kelurahan))
        about.setWordWrap(True)
        about.setStyleSheet("font-weight: 600;")
        self.setMinimumWidth(460)
        self.done_on = DateField(self._business_date)
        self.done_on.setObjectName("doneOn")
        self.officer = QLineEdit()
        self.officer.setObjectName("fieldOfficer")
        self.officer.setMaxLength(80)
        self.meter = QLineEdit()
        self.meter.setObjectName("meterReading")
        self.meter.setMaxLength(9)
        self.meter.setPlaceholderText(self.tr("optional"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        form = QFormLayout()
        form.addRow(self.tr("&Date done:"), self.done_on)
        form.addRow(self.tr("Field &officer:"), self.officer)
        form.addRow(self.tr("&Meter reading:"), self.meter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Save"))
        ok.setObjectName("confirm")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.officer.setFocus()

    def _say(self, text: str, field: QWidget | None = None) -> None:
        self.problem.setText(text)
        if field is not None:
            field.setFocus()

    def _checked_date(self) -> dt.date | None:
        if not self.done_on.commit():
            self._say(self.done_on.problem, self.done_on)
            return None
        day = self.done_on.value()
        issued = self.order.issued_at.date()
        if day > self._business_date:
            self._say(self.tr("The date done cannot be after today ({today}).").format(
                today=format_date(self._business_date)), self.done_on)
            return None
        if day < issued:
            self._say(self.tr("The order was issued on {issued}; it cannot be done "
                              "before that.").format(issued=format_date(issued)), self.done_on)
            return None
        return day

    def _checked_meter(self) -> tuple[bool, int | None]:
        text = self.meter.text().strip().replace(".", "")
        if not text:
            return True, None
        if not text.isdigit():
            self._say(self.tr("The meter reading is a whole number, 0 or more "
                              "(or leave it empty)."), self.meter)
            return False, None
        return True, int(text)

    def confirm(self) -> None:
        """Check the input and confirm the order; stays open with the reason if refused."""
        day = self._checked_date()
        if day is None:
            return
        if not self.officer.text().strip():
            self._say(error_text(DomainError(ErrorCode.FIELD_OFFICER_REQUIRED)), self.officer)
            return
        ok, reading = self._checked_meter()
        if not ok:
            return
        try:
            self.result_info = confirm_work_order(
                self.ctx.branch.writing(), self.ctx.signed_in(), self.order.number, day,
                self.officer.text().strip(), reading)
        except DomainError as error:
            self._say(error_text(error))
            return
        except Exception as error:  # logged; the cashier gets a sentence, not a traceback
            show_unexpected(self, error)
            return
        self.accept()
