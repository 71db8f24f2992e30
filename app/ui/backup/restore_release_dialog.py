"""Allowing payments after a restore, before head office has confirmed the counter.

After a restore from a backup the counter takes no payment until a sync with head
office succeeds. A branch with no link for days may need to go on: a supervisor types
a reason and their credentials; the release is audited and reported to head office at
the next sync. Wrong credentials keep the dialog open with the password cleared.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.backup.restore_block import (
    CHAIN_FLAGGED,
    PaymentBlock,
    Release,
    ReleaseRequest,
    current_block,
    release_payments,
)
from app.services.errors import DomainError, ErrorCode
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

WARNING_STYLE = ("QLabel { color: #7c2d12; background: #ffedd5; border: 1px solid #fdba74; "
                 "border-radius: 4px; padding: 6px 10px; }")


class RestoreReleaseDialog(ServiceDialog):
    """A supervisor allows payments while a restore waits for head office."""

    released = Signal(object)  # Release

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result_: Release | None = None
        self.block = current_block(ctx.branch.reading())
        self.setObjectName("restoreReleaseDialog")
        self.setWindowTitle(self.tr("Allow payments after a restore"))
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumWidth(600)
        self._build()
        self.reason.setFocus()

    def _build(self) -> None:
        self.explanation = QLabel(self._explanation(self.block), self)
        self.explanation.setObjectName("restoreReleaseExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(WARNING_STYLE)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("restoreReleaseReason")
        self.reason.setPlaceholderText(self.tr("e.g. no link to head office since Monday"))
        self.reason_problem = problem_label("restoreReleaseReasonProblem", self)
        self.credentials = SupervisorCredentials("restoreRelease", self)
        self.supervisor, self.password = self.credentials.supervisor, self.credentials.password
        form = QFormLayout()
        reason = with_problem(self.reason, self.reason_problem)
        label = QLabel(self.tr("Rea&son"), self)
        label.setBuddy(self.reason)
        form.addRow(label, reason)
        self.credentials.add_rows(form)
        self.message = MessageLine(self)
        self.message.setObjectName("restoreReleaseMessage")
        buttons, self.confirm, close = confirm_buttons(
            self, "restoreRelease", self.tr("Allow payments (Enter)"), self.tr("Close (Esc)"))
        self.confirm.setEnabled(self.block is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for first, second in ((self.reason, self.supervisor), (self.supervisor, self.password),
                              (self.password, self.confirm), (self.confirm, close)):
            QWidget.setTabOrder(first, second)
        self.reason.textChanged.connect(lambda _text: self.reason_problem.clear())

    def _explanation(self, block: PaymentBlock | None) -> str:
        if block is None:
            return self.tr("Payments are not blocked on this counter: there is nothing to "
                           "allow.")
        if block.restored_from == CHAIN_FLAGGED:
            return self.tr(
                "On {date} head office found that this counter's books no longer match what "
                "it holds (the audit chain). Payments wait until head office has checked "
                "the books and cleared it, and a supervisor allows them here; the release "
                "and its reason are recorded and reported to head office.").format(
                date=_restore_date(block.restored_at))
        return self.tr(
            "This counter was restored from the backup {file} on {date}. Until head office "
            "has confirmed it (at the next sync), payments wait: head office may hold "
            "payments that this backup lacks. Sync first if you can. Allow payments only "
            "when there is no link to head office; the release and its reason are recorded "
            "and reported to head office.").format(
            file=block.restored_from, date=_restore_date(block.restored_at))

    def request(self) -> ReleaseRequest | None:
        """What was typed, or None after saying what is missing."""
        self.message.clear_message()
        if not self.reason.text().strip():
            self.reason_problem.setText(error_text(DomainError(ErrorCode.REASON_REQUIRED)))
            self.reason.setFocus()
            return None
        missing = self.credentials.missing()
        if missing:
            self._say(missing, "error")
            return None
        return ReleaseRequest(self.supervisor.text(), self.password.text(), self.reason.text())

    def accept(self) -> None:
        if self.busy or self.block is None:
            return
        request = self.request()
        if request is None:
            return
        ctx, actor = self.ctx, self.ctx.signed_in()
        self.run_service(lambda: release_payments(ctx.branch.writing(), actor, request))

    def busy_text(self) -> str:
        return self.tr("Checking…")

    def _say(self, text: str, kind: str) -> None:
        """Show a message line; the dialog grows so the explanation stays whole."""
        self.message.show_message(text, kind)
        self.adjustSize()

    def succeeded(self, result: Release) -> None:
        self.result_ = result
        self.released.emit(result)

    def refused(self, error: DomainError, text: str) -> None:
        self._say(text, "error")
        self.retype_password(error, self.password)


def _restore_date(iso: str) -> str:
    try:
        return format_date(dt.datetime.fromisoformat(iso).date())
    except ValueError:
        return iso
