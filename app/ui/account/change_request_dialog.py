"""Asking head office to change a customer's data, and showing what was asked.

Head office owns customer data: the dialog records a *change request* (phone, address,
RT/RW, kelurahan, kecamatan, name) with a reason, which travels with the next sync; the
values on the account change only when head office approves it and the counter pulls
them. ``PendingChangeNote`` is the account page's line about requests still pending
(and the latest decision).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.customer_changes import (
    FIELDS,
    ChangeRequestInfo,
    request_customer_change,
)
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import CustomerInfo
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.i18n import format_date
from app.ui.kit.widgets import (
    MessageLine,
    confirm_buttons,
    problem_label,
    with_problem,
)
from app.ui.service_dialog import ServiceDialog
from app.ui.style import MESSAGE_LOOKS, Look, set_look


def field_label(field: str) -> str:
    """The translated caption of a customer field."""
    captions = {
        "name": QCoreApplication.translate("ChangeRequest", "Name"),
        "address": QCoreApplication.translate("ChangeRequest", "Address"),
        "rt": QCoreApplication.translate("ChangeRequest", "RT"),
        "rw": QCoreApplication.translate("ChangeRequest", "RW"),
        "kelurahan": QCoreApplication.translate("ChangeRequest", "Kelurahan"),
        "kecamatan": QCoreApplication.translate("ChangeRequest", "Kecamatan"),
        "phone": QCoreApplication.translate("ChangeRequest", "Phone"),
    }
    return captions.get(field, field)


class ChangeRequestDialog(ServiceDialog):
    """The customer's values on record beside editable new values, and a reason; emits
    ``requested`` with the recorded request and closes."""

    requested = Signal(object)  # ChangeRequestInfo

    def __init__(self, ctx: UiContext, customer: CustomerInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.customer = customer
        self.result_: ChangeRequestInfo | None = None
        self.setObjectName("changeRequestDialog")
        self.setWindowTitle(self.tr("Request a data change"))
        set_look(self, Look.DIALOG, Look.CHANGED_FIELDS)
        self.setMinimumWidth(720)
        self.edits: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        self._build()
        self.edits["phone"].setFocus()

    def current(self, field: str) -> str:
        return str(getattr(self.customer, field))

    def _build(self) -> None:
        heading = QLabel(f"{self.customer.name} · {self.customer.connection_no}", self)
        heading.setObjectName("changeHeading")
        set_look(heading, Look.HEADING)
        explain = QLabel(self.tr(
            "Head office keeps the customer data. This sends a request with the next sync; "
            "the account shows the new values once head office approves them."), self)
        explain.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, caption in ((1, self.tr("On record")), (2, self.tr("New value"))):
            title = QLabel(caption, self)
            set_look(title, Look.STRONG)
            grid.addWidget(title, 0, column)
        for row, field in enumerate(FIELDS, start=1):
            self._field_row(grid, row, field)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("changeReason")
        self.reason.setMaxLength(240)
        self.reason.setPlaceholderText(self.tr("e.g. the customer moved house"))
        self.reason_problem = problem_label("changeReasonProblem", self)
        reason_caption = QLabel(self.tr("Rea&son"), self)
        reason_caption.setBuddy(self.reason)
        grid.addWidget(reason_caption, len(FIELDS) + 1, 0)
        grid.addWidget(with_problem(self.reason, self.reason_problem), len(FIELDS) + 1, 1, 1, 2)
        self.message = MessageLine(self)
        self.message.setObjectName("changeMessage")
        buttons, self.confirm, close = confirm_buttons(
            self, "change", self.tr("Send the request (Enter)"), self.tr("Close (Esc)"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        order = [*self.edits.values(), self.reason, self.confirm, close]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.reason.textChanged.connect(lambda _text: self.reason_problem.clear())

    def _field_row(self, grid: QGridLayout, row: int, field: str) -> None:
        name = field.capitalize() if len(field) > 2 else field.upper()
        caption = QLabel(field_label(field), self)
        on_record = QLabel(self.current(field) or "–", self)
        on_record.setObjectName(f"current{name}")
        edit = QLineEdit(self.current(field), self)
        edit.setObjectName(f"new{name}")
        edit.setMaxLength(FIELDS[field])
        caption.setBuddy(edit)
        problem = problem_label(f"new{name}Problem", self)
        edit.textChanged.connect(lambda _text, f=field: self._edited(f))
        self.edits[field], self.problems[field] = edit, problem
        grid.addWidget(caption, row, 0)
        grid.addWidget(on_record, row, 1)
        grid.addWidget(with_problem(edit, problem), row, 2)

    def _edited(self, field: str) -> None:
        edit = self.edits[field]
        self.problems[field].clear()
        edit.setProperty("changed", self.changes().get(field) is not None)
        edit.style().unpolish(edit)
        edit.style().polish(edit)

    def changes(self) -> dict[str, str]:
        """The new values that differ from those on record."""
        return {f: e.text() for f, e in self.edits.items()
                if " ".join(e.text().split()) != self.current(f)}

    def accept(self) -> None:
        if self.busy:
            return
        self.message.clear_message()
        changes = self.changes()
        if not changes:
            self.message.show_message(error_text(DomainError(ErrorCode.CHANGE_NOTHING)),
                                      "error")
            return
        if not self.reason.text().strip():
            self.reason_problem.setText(error_text(DomainError(ErrorCode.REASON_REQUIRED)))
            self.reason.setFocus()
            return
        ctx, actor, number = self.ctx, self.ctx.signed_in(), self.customer.connection_no
        reason = self.reason.text()
        self.run_service(lambda: request_customer_change(
            ctx.branch.writing(), actor, number, changes, reason))

    def busy_text(self) -> str:
        return self.tr("Saving…")

    def succeeded(self, request: ChangeRequestInfo) -> None:
        self.result_ = request
        self.requested.emit(request)

    def refused(self, error: DomainError, text: str) -> None:
        field = error.params.get("field")
        if field in self.edits:
            self.problems[field].setText(text)
            self.edits[field].setFocus()
        elif error.code == ErrorCode.REASON_REQUIRED:
            self.reason_problem.setText(text)
            self.reason.setFocus()
        else:
            self.message.show_message(text, "error")


class PendingChangeNote(QLabel):
    """The account page's line on the customer's change requests: each one pending
    head office, and the latest decision. Hidden when there are none."""

    shown = Signal()  # the requests were loaded and shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingChanges")
        self.setWordWrap(True)
        self.requests: tuple[ChangeRequestInfo, ...] = ()
        self.hide()

    def clear_requests(self) -> None:
        self.requests = ()
        self.setText("")
        self.hide()

    def show_requests(self, requests: Sequence[ChangeRequestInfo]) -> None:
        """Show ``requests`` (loaded with the account, see ``load_account``)."""
        self.requests = tuple(requests)
        pending = [r for r in requests if r.state == "pending"]
        decided = next((r for r in requests if r.state != "pending"), None)
        lines = [self.tr("Change requested (pending head office): {changes} · {day}, {who}")
                 .format(changes=changes_text(r), day=format_date(r.requested_at.date()),
                         who=r.requested_by) for r in pending]
        if decided is not None:
            lines.append(self._decision(decided))
        kind = "warning" if pending else "error" if decided and decided.state == "rejected" \
            else "info"
        set_look(self, MESSAGE_LOOKS[kind])
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
        self.shown.emit()

    def _decision(self, request: ChangeRequestInfo) -> str:
        day = format_date((request.decided_at or request.requested_at).date())
        if request.state == "approved":
            return self.tr("Change request approved by head office ({day}): {changes}").format(
                day=day, changes=changes_text(request))
        text = self.tr("Change request rejected by head office ({day}): {changes}").format(
            day=day, changes=changes_text(request))
        return f"{text} — {request.note}" if request.note else text


def changes_text(request: ChangeRequestInfo) -> str:
    """``Phone → 0813…; Address → Jl. …`` in the UI language."""
    return "; ".join(f"{field_label(c.field)} → {c.after or '–'}" for c in request.changes)
