"""What the account screen's actions do: open the dialogs, then issue and show documents.

Enrol (quote → down payment), pay an instalment, void with a supervisor, reprint. Each
payment ends with its receipt (and after an enrolment the agreement and the unseal
work order) archived in the background and the receipt shown; then the page reloads
and says ``notice`` and ``changed`` — after every action on an account (payment,
enrolment, void, reprint, change request), so the window can get ready for the next
customer. A void is confirmed with what it voided. After a down payment the agreement
and the work order are printed or offered for printing in one step
(:mod:`app.ui.account.enrolment_documents`) once the receipt is printed or its preview closed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from app.services.context import Actor
from app.services.customer_changes import ChangeRequestInfo
from app.services.documents.archive import ArchivedDocument
from app.services.documents.receipt_pdf import Paper
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import Account, Quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.voids import VoidResult
from app.services.money import format_rupiah
from app.ui.account import labels
from app.ui.account.change_request_dialog import ChangeRequestDialog, changes_text
from app.ui.account.docs import PaymentDocuments, payment_documents, receipt_file, work_order_file
from app.ui.account.enrol_dialog import EnrolDialog
from app.ui.account.enrolment_documents import (
    AGREEMENT,
    WORK_ORDER,
    DocumentsAfterEnrolment,
    EnrolmentDocument,
)
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.account.reprint_dialog import ReprintDialog
from app.ui.account.void_dialog import VoidDialog
from app.ui.context import UiContext
from app.ui.error_text import error_text
from app.ui.i18n import format_date
from app.ui.kit.widgets import MessageLine, report_unexpected
from app.ui.pdf_view import PdfViewDialog
from app.ui.printing import (
    ReceiptPrinted,
    load_print_plugin,
    print_receipt_in_background,
    receipt_printer,
)


class AccountActions(QObject):
    """The flows behind F5 / F8 / F6 / F7 for one account page.

    The page builds the actions and listens: ``reload_wanted`` asks it to read the account
    again, ``notice`` and ``changed`` say that a transaction is over. The actions write to
    the page's ``message`` line and open their dialogs over ``page``."""

    reload_wanted = Signal()
    notice = Signal(str)  # one line on what a transaction did
    changed = Signal()  # after ``notice``

    def __init__(self, ctx: UiContext, page: QWidget, message: MessageLine,
                 account: Callable[[], Account | None]) -> None:
        super().__init__(page)
        self.page = page
        self.message = message
        self.account = account  # the account on the page now
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)
        self.viewers: list[PdfViewDialog] = []
        self.last_documents: PaymentDocuments | None = None
        self.printer_choice = receipt_printer  # the receipt printer and paper (settings)
        self.last_print: ReceiptPrinted | None = None
        self.voided_box: QMessageBox | None = None  # the last void's confirmation
        self._went_on = False  # the window went back to search before the papers were made
        self.enrolment_documents = DocumentsAfterEnrolment(
            self.ctx.tasks, page, self._say_printed,
            lambda path, title: self.show_pdf(path, title))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # --- enrolment ----------------------------------------------------------------------
    def enrol(self, account: Account) -> None:
        dialog = EnrolDialog(self.ctx, account, self.page)
        dialog.accepted.connect(lambda: self._down_payment(account, dialog.quote))
        self._open(dialog)

    def _down_payment(self, account: Account, offer: Quote | None) -> None:
        if offer is None:
            return
        ctx, actor, number = self.ctx, self.ctx.signed_in(), account.customer.connection_no
        count = offer.instalments

        def submit(tender: Tender) -> PaymentReceipt:
            return enrol_and_pay(ctx.branch.writing(), actor, EnrolRequest(number, count, tender))

        plan = (self.tr("{n} × about {amount}").format(
            n=count, amount=format_rupiah(offer.schedule[0].amount)) if offer.schedule
            else self.tr("none"))
        self._open_payment(self.tr("Down payment"), account, (
            (self.tr("Amount due"), format_rupiah(offer.amount_due)),
            (self.tr("Down payment due"), format_rupiah(offer.down_payment)),
            (self.tr("Instalments"), plan),
        ), offer.down_payment, submit)

    # --- instalments --------------------------------------------------------------------
    def pay(self, account: Account) -> None:
        plan = account.enrolment
        if plan is None or not plan.payable:
            refused = labels.refusal_text(plan) if plan is not None else ""
            self.message.show_message(
                refused or error_text(DomainError(ErrorCode.NO_ACTIVE_PLAN)), "error")
            return
        nxt, due = plan.next_instalment, plan.next_instalment_due
        ctx, actor, number = self.ctx, self.ctx.signed_in(), account.customer.connection_no

        def submit(tender: Tender) -> PaymentReceipt:
            return pay_instalment(ctx.branch.writing(), actor, InstalmentRequest(number, tender))

        facts = [(self.tr("Balance of the plan"), format_rupiah(plan.balance))]
        if nxt is not None:
            facts.append((self.tr("Instalment {n}, due {day}").format(
                n=nxt.number, day=format_date(nxt.due_date)), format_rupiah(due)))
        self._open_payment(self.tr("Pay instalment"), account, tuple(facts), due, submit)

    def _open_payment(self, title: str, account: Account, facts: tuple[tuple[str, str], ...],
                      due: int, submit: Any) -> None:
        c = account.customer
        dialog = PaymentDialog(self.ctx, title=title, heading=f"{c.name} · {c.connection_no}",
                               facts=facts, due=due, submit=submit, parent=self.page)
        dialog.paid.connect(self._paid)
        self._open(dialog)

    def _paid(self, receipt: PaymentReceipt) -> None:
        summary = self.receipt_summary(receipt)
        self.message.show_message(summary, "info")
        self.reload_wanted.emit()
        choice = self.printer_choice()
        branch, paper, actor = self.ctx.branch, Paper(choice.paper), self.ctx.signed_in()
        self.enrolment_documents.reset()
        self._went_on = bool(choice.printer)
        if choice.printer:  # nothing to look at: the cashier goes on while papers are made
            self._finished(summary)
            self._enrolment_documents(receipt)
            load_print_plugin()
            self.ctx.tasks.run(lambda _cancel: receipt_file(branch, receipt.receipt_no, paper),
                               lambda doc: self._receipt_ready(receipt, doc, summary, paper,
                                                               choice.printer, actor),
                               self._documents_failed)
            return
        self.ctx.tasks.run(lambda _cancel: payment_documents(branch, receipt, paper),
                           lambda docs: self._documents_ready(receipt, docs, summary, ""),
                           self._documents_failed)

    def _receipt_ready(self, receipt: PaymentReceipt, doc: ArchivedDocument, summary: str,
                       paper: Paper, printer: str, actor: Actor) -> None:
        """The receipt goes to the printer first; the agreement and work order follow."""
        self._print(receipt.receipt_no, doc, printer, actor=actor)
        branch = self.ctx.branch
        self.ctx.tasks.run(lambda _cancel: payment_documents(branch, receipt, paper, doc),
                           lambda docs: self._documents_ready(receipt, docs, summary, printer),
                           self._documents_failed)

    def _documents_ready(self, receipt: PaymentReceipt, docs: PaymentDocuments,
                         summary: str, printer: str) -> None:
        self.last_documents = docs
        self.enrolment_documents.ready({AGREEMENT: docs.agreement, WORK_ORDER: docs.work_order})
        self.reload_wanted.emit()
        if printer:  # the receipt is printing in the background already
            return
        viewer = self.show_pdf(docs.receipt, self.tr("Receipt {no}").format(
            no=receipt.receipt_no), summary)
        viewer.finished.connect(lambda _r: self._enrolment_documents(receipt))
        self._finished(summary)

    def _print(self, receipt_no: str, doc: ArchivedDocument, printer: str, *,
               actor: Actor | None = None, then: Callable[[], None] | None = None) -> None:
        """Print the receipt silently on the counter's printer; say how it went, then call
        ``then``. ``actor``: who took the payment (the window may have been left since)."""
        def done(printed: ReceiptPrinted) -> None:
            self.last_print = printed
            if printed.result.ok:
                self._say_printed(self.tr("Receipt {no}: {outcome}").format(
                    no=receipt_no, outcome=printed.result.message()), True)
            else:
                self._say_printed(self.tr(
                    "Receipt {no} was not printed: {reason} The payment is saved; "
                    "reprint the receipt (F7) when the printer is ready.").format(
                    no=receipt_no, reason=printed.result.message()), False)
            if then is not None:
                then()

        print_receipt_in_background(self.ctx.tasks, self.ctx.branch,
                                    actor or self.ctx.signed_in(),
                                    receipt_no, doc, printer, done, self._reprint_failed)

    def _enrolment_documents(self, receipt: PaymentReceipt) -> None:
        """After a down payment: print or offer the agreement and the work order."""
        if receipt.kind != "down_payment":
            return
        documents = [EnrolmentDocument(AGREEMENT, receipt.receipt_no)]
        if receipt.work_order_no:
            documents.append(EnrolmentDocument(WORK_ORDER, receipt.work_order_no))
        self.enrolment_documents.handle(documents, receipt.customer_name)

    def _say_printed(self, text: str, ok: bool) -> None:
        """How printing went: on the account page and in the window's status bar."""
        self.message.show_message(text, "info" if ok else "error")
        window = self.page.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    def _documents_failed(self, error: BaseException) -> None:
        self.enrolment_documents.reset()
        report_unexpected(self.page, error)
        if not self._went_on:
            self._finished(self.message.text())

    def _finished(self, summary: str) -> None:
        """The transaction is over: say so in one line, then ``changed``."""
        self.notice.emit(" · ".join(line for line in summary.splitlines() if line))
        self.changed.emit()

    def receipt_summary(self, receipt: PaymentReceipt) -> str:
        """What the cashier tells the customer: receipt, change, what it paid, what is left."""
        lines = [self.tr("Receipt {no}: {amount} received ({method}).").format(
            no=receipt.receipt_no, amount=format_rupiah(receipt.amount),
            method=labels.method_text(receipt.method))]
        if receipt.method == "cash":
            lines.append(self.tr("Change: {amount}").format(
                amount=format_rupiah(receipt.change)))
        for number, share in receipt.instalments_paid:
            lines.append(self.tr("Instalment {n}: {amount}").format(
                n=number, amount=format_rupiah(share)))
        if receipt.work_order_no:
            lines.append(self.tr("Unseal work order {no} issued.").format(
                no=receipt.work_order_no))
        if receipt.plan_balance:
            left = self.tr("Balance left: {amount}").format(
                amount=format_rupiah(receipt.plan_balance))
            if receipt.next_due:
                left += " " + self.tr("(next due {day})").format(
                    day=format_date(receipt.next_due))
            lines.append(left)
        else:
            lines.append(self.tr("The plan is paid off."))
        return "\n".join(lines)

    # --- customer data change requests (head office decides) ---------------------------
    def request_change(self, account: Account) -> None:
        dialog = ChangeRequestDialog(self.ctx, account.customer, self.page)
        dialog.requested.connect(self._change_requested)
        self._open(dialog)

    def _change_requested(self, request: ChangeRequestInfo) -> None:
        text = self.tr("Change request recorded for head office: {changes}").format(
            changes=changes_text(request))
        self.message.show_message(text, "info")
        self.reload_wanted.emit()  # the account shows the request pending when opened again
        self._finished(text)

    # --- void and reprint ---------------------------------------------------------------
    def void(self, account: Account, selected: str | None) -> None:
        dialog = VoidDialog(self.ctx, account.payments, selected, self.page)
        dialog.voided.connect(self._voided)
        self._open(dialog)

    def _voided(self, result: VoidResult) -> None:
        lines = [self.tr("Receipt {no} was voided.").format(no=result.receipt_no)]
        if result.kind == "down_payment":
            lines.append(self.tr("The enrolment is cancelled."))
        if result.cancelled_work_order:
            lines.append(self.tr("Unseal work order {no} is cancelled.").format(
                no=result.cancelled_work_order))
        if result.reseal_work_order:
            lines.append(self.tr("Re-seal work order {no} issued.").format(
                no=result.reseal_work_order))
            branch, number = self.ctx.branch, result.reseal_work_order
            self.ctx.tasks.run(lambda _cancel: work_order_file(branch, number),
                               lambda _path: self.reload_wanted.emit(),
                               lambda error: report_unexpected(self.page, error))
        self.message.show_message(" ".join(lines), "info")
        self.reload_wanted.emit()
        self.confirm_void(result, lines)
        self._finished(" ".join(lines))

    def confirm_void(self, result: VoidResult, lines: list[str]) -> QMessageBox:
        """Say what was voided — receipt, kind and amount, and what it undid — in a
        message the cashier closes with Enter."""
        account = self.account()
        customer = account.customer if account else None
        what = self.tr("Receipt {no} ({kind}, {amount}) was voided.").format(
            no=result.receipt_no, kind=labels.payment_kind_text(result.kind),
            amount=format_rupiah(result.amount))
        text = "\n".join([f"{customer.name} · {customer.connection_no}"] if customer else [])
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Receipt voided"),
                          "\n".join(filter(None, (text, what, *lines[1:]))),
                          QMessageBox.StandardButton.Ok, self.page)
        box.setObjectName("voidDone")
        self.voided_box = box
        box.finished.connect(lambda _result: self._box_closed(box))
        box.open()
        return box

    def _box_closed(self, box: QMessageBox) -> None:
        if self.voided_box is box:
            self.voided_box = None
        box.deleteLater()

    def ask_reprint(self, account: Account) -> None:
        """Which receipt? (F7 with no row selected in the payment history.)"""
        dialog = ReprintDialog(account.payments, self.page)
        dialog.chosen.connect(self.reprint)
        self._open(dialog)

    def reprint(self, receipt_no: str) -> None:
        branch, paper = self.ctx.branch, Paper(self.printer_choice().paper)
        self.message.show_message(self.tr("Preparing a copy of receipt {no}…").format(
            no=receipt_no), "info")
        self.ctx.tasks.run(lambda _cancel: receipt_file(branch, receipt_no, paper),
                           lambda doc: self._reprinted(receipt_no, doc),
                           lambda error: self._reprint_failed(error))

    def _reprinted(self, receipt_no: str, doc: ArchivedDocument) -> None:
        title = (self.tr("Copy of receipt {no}") if doc.copy_no
                 else self.tr("Receipt {no}")).format(no=receipt_no)
        self.message.show_message(title, "info")
        printer = self.printer_choice().printer
        if printer:
            self._print(receipt_no, doc, printer, then=lambda: self._finished(title))
        else:
            self.show_pdf(doc.path, title)
        self.reload_wanted.emit()
        if not printer:
            self._finished(title)

    def _reprint_failed(self, error: BaseException) -> None:
        self.message.clear_message()
        if isinstance(error, DomainError):
            self.message.show_message(error_text(error), "error")
        else:
            report_unexpected(self.page, error)

    def show_pdf(self, path: Path, title: str, summary: str = "") -> PdfViewDialog:
        viewer = PdfViewDialog(path, title, summary, self.page)
        self.viewers.append(viewer)
        viewer.finished.connect(lambda _result: self._viewer_closed(viewer))
        viewer.open()
        return viewer

    def _viewer_closed(self, viewer: PdfViewDialog) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)
        viewer.deleteLater()
