"""The enrolment quote: what the promotion offers this customer, or every reason it cannot.

The quote is asked of the service in the background when the dialog opens and again
whenever the cashier picks another instalment count; the schedule preview follows.
``confirmed(quote)`` fires when the cashier goes on to the down payment.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.ledger.accounts import Account, Quote, quote
from app.services.money import format_rupiah
from app.services.quoting import Reason
from app.ui.account import labels
from app.ui.account.models import ScheduleModel
from app.ui.context import UiContext
from app.ui.i18n import format_date
from app.ui.kit.widgets import (
    DIALOG_STYLE,
    MessageLine,
    confirm_buttons,
    error_message,
    make_table,
    report_unexpected,
)
from app.ui.screen_fit import grow_later
from app.ui.tasks import Cancel

VALUE_STYLES = {
    "penalty_waived": "QLabel { font-weight: 600; color: #15803d; }",
    "down_payment": "QLabel { font-weight: 700; font-size: 16px; color: #1d4ed8; }",
}


class EnrolDialog(QDialog):
    """Shows the quote for ``account``'s customer; Enter goes on to the payment."""

    confirmed = Signal(object)  # Quote

    def __init__(self, ctx: UiContext, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.account = ctx, account
        self.quote: Quote | None = None
        self._pending: Cancel | None = None
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol in the promotion"))
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumWidth(520)
        self._build()
        self._ask(None)

    def _build(self) -> None:
        customer = self.account.customer
        heading = QLabel(f"{customer.name} · {customer.connection_no}", self)
        heading.setObjectName("enrolHeading")
        heading.setStyleSheet("QLabel { font-size: 16px; font-weight: 600; }")
        self.programme = QLabel(self)
        self.programme.setObjectName("enrolProgramme")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, caption in (("arrears", self.tr("Arrears")), ("penalty", self.tr("Penalty")),
                             ("penalty_waived", self.tr("Penalty waived")),
                             ("amount_due", self.tr("Amount due")),
                             ("down_payment", self.tr("Down payment")),
                             ("remainder", self.tr("Rest in instalments"))):
            value = QLabel(self)
            value.setObjectName(f"quote_{key}")
            value.setStyleSheet(VALUE_STYLES.get(key, "QLabel { font-weight: 600; }"))
            self.values[key] = value
            form.addRow(caption, value)
        self.count = QComboBox(self)
        self.count.setObjectName("enrolCount")
        form.addRow(self.tr("Number of &instalments"), self.count)
        label = form.labelForField(self.count)
        if isinstance(label, QLabel):
            label.setBuddy(self.count)
        self.form = form
        self.schedule_model = ScheduleModel(self)
        self.schedule = make_table(self.schedule_model, "enrolSchedule", self)
        self.schedule.setMinimumHeight(120)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("enrolReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("QLabel { color: #7f1d1d; background: #fee2e2; "
                                   "border: 1px solid #fca5a5; border-radius: 4px; "
                                   "padding: 8px 12px; font-size: 14px; }")
        self.reasons.hide()
        self.message = MessageLine(self)
        self.message.setObjectName("enrolMessage")
        buttons, self.confirm, _cancel = confirm_buttons(
            self, "enrol", self.tr("Continue to payment (Enter)"), self.tr("Cancel (Esc)"))
        self.confirm.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.programme)
        layout.addWidget(self.reasons)
        layout.addLayout(form)
        self.schedule_title = QLabel(self.tr("Schedule"), self)
        self.schedule_title.setStyleSheet("QLabel { font-weight: 600; }")
        layout.addWidget(self.schedule_title)
        layout.addWidget(self.schedule, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.count.currentIndexChanged.connect(self._count_chosen)
        self.message.show_message(self.tr("Working out the offer…"), "info")

    # --- asking the service ---------------------------------------------------------
    def chosen_count(self) -> int | None:
        data = self.count.currentData()
        return int(data) if data is not None else None

    def _count_chosen(self, _index: int) -> None:
        count = self.chosen_count()
        if self.quote is not None and count is not None and count != self.quote.instalments:
            self._ask(count)

    def _ask(self, count: int | None) -> None:
        if self._pending is not None:
            self._pending.cancel()
        self.confirm.setEnabled(False)
        branch, number = self.ctx.branch, self.account.customer.connection_no
        self._pending = self.ctx.tasks.run(
            lambda _cancel: quote(branch.reading(), number, instalments=count),
            self._show_quote, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._pending = None
        text = error_message(error)
        if text is None:
            self.message.clear_message()
            report_unexpected(self, error)
        else:
            self.message.show_message(text, "error")

    def _show_quote(self, offer: Quote) -> None:
        self._pending = None
        self.message.clear_message()
        first = self.quote is None
        self.quote = offer
        self.programme.setText(self.tr("Programme: {name}").format(name=offer.programme_name))
        for key, value in self.values.items():
            amount = int(getattr(offer, key))
            value.setText(("− " if key == "penalty_waived" and amount else "")
                          + format_rupiah(amount))
        if first:
            self._fill_counts(offer)
        self.schedule_model.set_rows(offer.schedule)
        self._show_reasons(offer.reasons)
        self.confirm.setEnabled(offer.eligible)
        self.count.setEnabled(offer.eligible)
        (self.count if offer.eligible else self).setFocus()

    def _fill_counts(self, offer: Quote) -> None:
        self.count.blockSignals(True)
        self.count.clear()
        for n in offer.allowed_instalments:
            text = str(n) if n else self.tr("none (paid in full)")
            self.count.addItem(text, n)
        self.count.setCurrentIndex(self.count.findData(offer.instalments))
        self.count.blockSignals(False)

    def _show_reasons(self, reasons: tuple[Reason, ...]) -> None:
        if not reasons:
            self.reasons.hide()
            return
        lines = [f"• {self.reason_text(r)}" for r in reasons]
        self.reasons.setText(self.tr("This customer cannot join the promotion:") + "\n"
                             + "\n".join(lines))
        self.reasons.setToolTip("\n".join(r.text for r in reasons))
        self.reasons.show()
        grow_later(self.reasons)  # room for the reasons; the figures keep their height

    def reason_text(self, reason: Reason) -> str:
        """One reason in plain words (the service's English text when the code is new)."""
        offer, customer = self.quote, self.account.customer
        assert offer is not None
        plan = self.account.enrolment
        texts = {
            "programme_closed": self.tr("{programme} is not open on {day}.").format(
                programme=offer.programme_name, day=format_date(offer.on)),
            "status": self.tr("The connection is {status}; the promotion is not for this "
                              "status.").format(status=labels.status_text(customer.status)),
            "no_arrears": self.tr("There are no unpaid bills."),
            "tariff": self.tr("Tariff group {tariff} is not part of the promotion.").format(
                tariff=customer.tariff_group),
            "arrears_low": self.tr("The arrears ({arrears}) are below the promotion's "
                                   "minimum.").format(arrears=format_rupiah(offer.arrears)),
            "arrears_high": self.tr("The arrears ({arrears}) are above the promotion's "
                                    "maximum.").format(arrears=format_rupiah(offer.arrears)),
            "already_enrolled": self.tr("The customer is already enrolled ({state} since "
                                        "{day}).").format(
                state=labels.plan_state_word(plan.state) if plan else "",
                day=format_date(plan.enrolled_on) if plan else "")
            if plan else self.tr("The customer has already joined this promotion."),
            "enrolled_elsewhere": self._elsewhere_text(),
        }
        return texts.get(reason.code, reason.text)

    def _elsewhere_text(self) -> str:
        """Head office holds the customer's enrolment at another branch (last sync)."""
        elsewhere = self.account.office_enrolment
        if elsewhere is None:  # the account was read before the sync that said so
            return self.tr("The customer is already enrolled at another branch, as head "
                           "office said at the last sync.")
        return self.tr("The customer is already enrolled at branch {branch} ({state} since "
                       "{day}), as head office said at the last sync.").format(
            branch=elsewhere.branch, state=labels.plan_state_word(elsewhere.state),
            day=format_date(elsewhere.business_date))

    # --- closing ----------------------------------------------------------------------
    def accept(self) -> None:
        if self.quote is None or not self.quote.eligible or self._pending is not None:
            return
        if self.quote.instalments != self.chosen_count():
            return
        self.confirmed.emit(self.quote)
        super().accept()

    def reject(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        super().reject()
