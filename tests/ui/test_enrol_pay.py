"""Enrolment and payments through the real dialogs, driven with the keyboard: the quote,
the down payment with change, the receipt in the archive, instalments, and refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.models import CustomerStatus
from app.services.context import Actor
from app.services.documents.archive import document_path
from app.services.ledger.accounts import get_account
from app.ui.account import actions as account_actions
from app.ui.account.enrol_dialog import EnrolDialog
from app.ui.account.page import AccountPage
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.context import UiContext
from app.ui.pdf_view import PdfViewDialog
from tests.support import ui_account_helpers as h
from tests.support.fakes import CASHIER, actor_for, add_customer, monthly_bills

Key = Qt.Key


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def quote_dialog(qtbot: QtBot, page: AccountPage) -> EnrolDialog:
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    dialog = h.current_dialog(page, EnrolDialog)
    qtbot.waitUntil(lambda: dialog.quote is not None and dialog._pending is None, timeout=5000)
    return dialog


def schedule_rows(dialog: EnrolDialog) -> list[tuple[str, str]]:
    model = dialog.schedule_model
    return [(model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())]


def test_enrol_with_three_instalments_and_pay_the_down_payment_with_change(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    dialog = quote_dialog(qtbot, page)
    assert dialog.values["arrears"].text() == "Rp 2.400.000"
    assert dialog.values["penalty_waived"].text() == "− Rp 240.000"
    assert dialog.values["amount_due"].text() == "Rp 2.400.000"
    assert dialog.values["down_payment"].text() == "Rp 1.200.000"
    assert [dialog.count.itemText(i) for i in range(dialog.count.count())] == ["1", "2", "3"]
    assert dialog.count.hasFocus() or dialog.focusWidget() is dialog.count

    qtbot.keyClick(dialog.count, Key.Key_Up)  # 2 instalments: the preview follows
    qtbot.waitUntil(lambda: dialog.schedule_model.rowCount() == 2, timeout=3000)
    assert schedule_rows(dialog) == [("20 December 2025", "Rp 600.000"),
                                     ("20 January 2026", "Rp 600.000")]
    qtbot.keyClick(dialog.count, Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.schedule_model.rowCount() == 3 and dialog.confirm.isEnabled(),
                    timeout=3000)
    assert schedule_rows(dialog)[2] == ("20 February 2026", "Rp 400.000")
    qtbot.keyClick(dialog.count, Key.Key_Return)

    pay = h.current_dialog(page, PaymentDialog)
    assert not dialog.isVisible()
    assert pay.amount.text() == "1.200.000"
    assert pay.tendered.hasFocus() or pay.focusWidget() is pay.tendered
    qtbot.keyClicks(pay.tendered, "1.250.000")
    assert pay.change.text() == "Change: Rp 50.000"
    notices: list[str] = []
    page.notice.connect(notices.append)
    with qtbot.waitSignal(page.changed, timeout=8000):
        qtbot.keyClick(pay.tendered, Key.Key_Return)

    receipt = pay.receipt
    assert receipt is not None and receipt.change == 50_000
    assert receipt.receipt_no == "KPG-L01-2025-000001"
    archived = document_path(branch.data_dir, "kwitansi", receipt.receipt_no,
                             receipt.paid_at.date(), 0)
    assert archived.is_file() and archived.read_bytes().startswith(b"%PDF")
    docs = page.flows.last_documents
    assert docs is not None and docs.receipt == archived
    assert docs.agreement is not None and docs.agreement.is_file()
    assert docs.work_order is not None and docs.work_order.is_file()
    viewer = page.flows.viewers[-1]
    assert isinstance(viewer, PdfViewDialog) and viewer.isVisible()
    assert viewer.path == archived and viewer.page_count() >= 1
    assert "Change: Rp 50.000" in viewer.summary.text()
    assert "Balance left: Rp 1.200.000" in page.message.text()
    assert len(notices) == 1 and "\n" not in notices[0]
    assert notices[0].startswith(f"Receipt {receipt.receipt_no}: Rp 1.200.000 received (Cash)."
                                 " · Change: Rp 50.000 · ")

    qtbot.waitUntil(lambda: not page.is_loading() and page.account is not None
                    and page.account.enrolment is not None, timeout=5000)
    assert page.plan_badge.text() == "PLAN: ACTIVE"
    assert page.instalments_model.rowCount() == 3
    kinds = {doc.kind for doc in page.documents}
    assert kinds == {"kwitansi", "perjanjian", "spk"}
    page.documents_table.setFocus()
    page.documents_table.setCurrentIndex(page.documents_model.index(0, 0))
    qtbot.keyClick(page.documents_table, Key.Key_Return)
    assert page.flows.viewers[-1] is not viewer and page.flows.viewers[-1].isVisible()


def test_pay_an_instalment_shows_what_it_covered_and_the_balance(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.pay()
    pay = h.current_dialog(page, PaymentDialog)
    assert pay.amount.text() == "400.000"
    pay.amount.setFocus()
    pay.amount.selectAll()
    qtbot.keyClicks(pay.amount, "500000")
    qtbot.keyClicks(pay.tendered, "500000")
    assert pay.change.text() == "Change: Rp 0"
    with qtbot.waitSignal(page.changed, timeout=8000):
        qtbot.keyClick(pay.tendered, Key.Key_Return)
    text = page.message.text()
    assert "Instalment 1: Rp 400.000" in text and "Instalment 2: Rp 100.000" in text
    assert "Balance left: Rp 700.000 (next due 20 January 2026)" in text
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert page.value_of("planBalance") == "Rp 700.000"


def test_a_transfer_needs_its_reference_and_then_goes_through(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.pay()
    pay = h.current_dialog(page, PaymentDialog)
    pay.method.setFocus()
    qtbot.keyClick(pay.method, Key.Key_Down)  # Bank transfer
    assert pay.method.currentText() == "Bank transfer"
    assert not pay.tendered.isEnabled() and pay.change.text() == ""
    qtbot.keyClick(pay.method, Key.Key_Return)
    assert pay.isVisible()
    assert pay.reference_problem.text() == "A transfer or QRIS payment needs its reference."
    assert pay.reference.hasFocus() or pay.focusWidget() is pay.reference
    qtbot.keyClicks(pay.reference, "BRI 0042")
    assert pay.reference_problem.text() == ""
    with qtbot.waitSignal(page.changed, timeout=8000):
        qtbot.keyClick(pay.reference, Key.Key_Return)
    payment = get_account(branch.reading(), h.PRESS).payments[0]
    assert (payment.method, payment.reference, payment.amount) == ("transfer", "BRI 0042",
                                                                   400_000)


@pytest.mark.parametrize(("field", "typed", "problem"), [
    ("amount", "abc", "'abc' is not an amount in rupiah."),
    ("amount", "-5", "The amount must be more than zero."),
    ("amount", "0", "The amount must be more than zero."),
    ("amount", "1.000.000", "Rp 1.000.000 is less than the Rp 1.200.000 due."),
    ("amount", "3.000.000", "Rp 3.000.000 is more than the Rp 2.400.000 still owed."),
    ("tendered", "1.100.000",
     "The money received (Rp 1.100.000) is less than Rp 1.200.000."),
])
def test_bad_amounts_are_refused_next_to_the_field(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext, field: str, typed: str,
        problem: str) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    dialog = quote_dialog(qtbot, page)
    qtbot.keyClick(dialog.count, Key.Key_Return)
    pay = h.current_dialog(page, PaymentDialog)
    edit = pay.amount if field == "amount" else pay.tendered
    label = pay.amount_problem if field == "amount" else pay.tendered_problem
    edit.clear()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Key.Key_Return)
    qtbot.waitUntil(lambda: problem in label.text(), timeout=5000)
    assert pay.isVisible() and not pay.busy
    assert h.receipts_of(branch, h.PRESS) == []
    assert not (branch.data_dir / "archive").exists()


def test_an_ineligible_customer_sees_every_reason_and_cannot_confirm(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.active_customer(branch, "0204001187")
    page = h.open_account(qtbot, ctx, "0204001187")
    dialog = quote_dialog(qtbot, page)
    text = dialog.reasons.text()
    assert dialog.reasons.isVisible()
    assert text.startswith("This customer cannot join the promotion:")
    assert "The connection is ACTIVE; the promotion is not for this status." in text
    assert "There are no unpaid bills." in text
    assert "status is active" in dialog.reasons.toolTip()
    assert not dialog.confirm.isEnabled() and not dialog.count.isEnabled()
    qtbot.keyClick(dialog, Key.Key_Return)
    assert dialog.isVisible() and page.flows.dialog is dialog
    qtbot.keyClick(dialog, Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_enrolled_customer_is_told_they_already_joined(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    add_customer(branch, "0305000001", bills=monthly_bills("2025-01", 4, 100_000),
                 status=CustomerStatus.DISCONNECTED)
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    dialog = quote_dialog(qtbot, page)
    assert ("The customer is already enrolled (active since 24 November 2025)."
            in dialog.reasons.text())
    dialog.reject()
    page.show_customer("0305000001")
    qtbot.waitUntil(lambda: not page.is_loading() and page.account is not None
                    and page.account.customer.connection_no == "0305000001", timeout=5000)
    assert page.status_badge.text() == "DISCONNECTED"


def test_a_failure_after_the_payment_is_told_politely(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)

    def printer_on_fire(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(account_actions, "payment_documents", printer_on_fire)
    page.pay()
    pay = h.current_dialog(page, PaymentDialog)
    with qtbot.waitSignal(page.changed, timeout=8000):
        qtbot.keyClick(pay.tendered, Key.Key_Return)
    box = page.findChild(QMessageBox, "unexpectedError")
    assert box is not None and box.isVisible()
    assert "Something unexpected went wrong" in box.text() and "disk full" not in box.text()
    assert len(h.receipts_of(branch, h.PRESS)) == 2  # the payment itself stands
    box.close()


def test_no_payment_without_an_open_shift(qtbot: QtBot, branch: BranchDatabase) -> None:
    h.press_customer(branch)
    ctx = UiContext(branch, actor_for(branch, CASHIER[0]))  # signed in, no shift opened
    try:
        page = h.open_account(qtbot, ctx, h.PRESS)
        dialog = quote_dialog(qtbot, page)
        qtbot.keyClick(dialog.count, Key.Key_Return)
        pay = h.current_dialog(page, PaymentDialog)
        qtbot.keyClick(pay.tendered, Key.Key_Return)
        qtbot.waitUntil(lambda: pay.message.kind == "error", timeout=5000)
        assert pay.message.text() == "Open a shift before taking payments."
        assert pay.isVisible() and h.receipts_of(branch, h.PRESS) == []
    finally:
        ctx.tasks.wait(5000)
