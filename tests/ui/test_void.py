"""Voiding a receipt through the dialog: reason and supervisor in one place, wrong
credentials refused, a voided down payment cancels the enrolment and its unseal order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.accounts import get_account
from app.ui.account.void_dialog import VoidDialog
from app.ui.context import UiContext
from tests.support import ui_account_helpers as h
from tests.support.fakes import SUPERVISOR

Key = Qt.Key


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def type_credentials(qtbot: QtBot, dialog: VoidDialog, reason: str, password: str) -> None:
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.keyClick(dialog.reason, Key.Key_Tab)
    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    qtbot.keyClicks(dialog.password, password)


def test_void_with_a_wrong_then_the_right_supervisor_password(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    instalment = h.pay(branch, cashier, 400_000)
    page = h.open_account(qtbot, ctx, h.PRESS)
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = h.current_dialog(page, VoidDialog)
    assert dialog.receipt.currentData() == instalment.receipt_no  # the latest by default
    assert not dialog.warning.isVisible()
    assert dialog.reason.hasFocus() or dialog.focusWidget() is dialog.reason

    type_credentials(qtbot, dialog, "wrong amount typed", "not-the-password")
    qtbot.keyClick(dialog.password, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.kind == "error", timeout=5000)
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.isVisible() and dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password
    assert not get_account(branch.reading(), h.PRESS).payments[0].voided

    qtbot.keyClicks(dialog.password, SUPERVISOR[1])
    with qtbot.waitSignal(page.changed, timeout=5000):
        qtbot.keyClick(dialog.password, Key.Key_Return)
    assert not dialog.isVisible()
    assert page.message.text() == f"Receipt {instalment.receipt_no} was voided."
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert page.payments_model.index(0, 6).data() == "VOID: wrong amount typed"
    assert page.value_of("planBalance") == "Rp 1.200.000"


def test_voiding_the_down_payment_warns_and_cancels_the_enrolment(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    down = h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    assert page.orders_model.rowCount() == 1
    page.void()
    dialog = h.current_dialog(page, VoidDialog)
    assert dialog.warning.isVisible()
    assert "cancels the enrolment" in dialog.warning.text()
    type_credentials(qtbot, dialog, "customer changed their mind", SUPERVISOR[1])
    with qtbot.waitSignal(page.changed, timeout=5000):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert page.message.text() == (
        f"Receipt {down.receipt_no} was voided. The enrolment is cancelled. "
        f"Unseal work order {down.work_order_no} is cancelled.")
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert page.plan_box.title() == "Promotion: not enrolled"
    assert page.orders_model.rowCount() == 0
    assert page.value_of("penaltyTotal") == "Rp 240.000"
    assert not page.void_button.isEnabled()


def test_a_void_needs_a_reason_and_a_supervisor(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.void()
    dialog = h.current_dialog(page, VoidDialog)
    qtbot.keyClick(dialog.reason, Key.Key_Return)
    assert dialog.reason_problem.text() == "Give a reason."
    qtbot.keyClicks(dialog.reason, "typo")
    qtbot.keyClick(dialog.reason, Key.Key_Return)
    assert dialog.message.text() == "A supervisor must type their user name and password."
    assert dialog.focusWidget() is dialog.supervisor
    qtbot.keyClick(dialog, Key.Key_Escape)
    assert not dialog.isVisible()
    assert not get_account(branch.reading(), h.PRESS).payments[0].voided


def test_the_selected_row_is_offered_and_later_receipts_must_go_first(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    down = h.enrol(branch, cashier)
    later = h.pay(branch, cashier, 400_000)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.payments_table.selectRow(1)  # the down payment (newest first)
    page.void()
    dialog = h.current_dialog(page, VoidDialog)
    assert dialog.receipt.currentData() == down.receipt_no
    type_credentials(qtbot, dialog, "wrong customer", SUPERVISOR[1])
    qtbot.keyClick(dialog.password, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.kind == "error", timeout=5000)
    assert dialog.message.text() == (
        f"Void the later receipts of this plan first: {later.receipt_no}.")
    assert dialog.isVisible()
