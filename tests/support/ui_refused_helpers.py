"""Helpers for the screens of a plan head office refused: the refusal itself (through
the fake head office) and the supervisor's refund through the void dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.payments import PaymentReceipt
from app.services.sync import pull_changes, push_outbox
from app.ui.account.page import AccountPage
from app.ui.account.void_dialog import VoidDialog
from tests.support import ui_account_helpers as h
from tests.support.fakes import SUPERVISOR
from tests.support.sync_fakes import FakeHeadOffice, FakeLink, customer_data

AT_SBU = {"uuid": "5b0d7c1e-0000-4000-8000-00000000a5b0", "programme": "BUKA-SEGEL",
          "state": "active", "branch": "SBU", "business_date": "2025-11-23"}
NAME = "Ahmad Yusuf Bessie"


def refused_plan(branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink
                 ) -> tuple[PaymentReceipt, PaymentReceipt]:
    """The press customer enrols here and pays an instalment; at the next sync head
    office refuses the plan (SBU's came first) and says SBU holds the customer's plan."""
    h.press_customer(branch)
    down, then = h.enrol(branch, cashier), h.pay(branch, cashier, 400_000)
    office.state.enrolled[h.PRESS] = AT_SBU["uuid"]
    push_outbox(branch.writing, link)
    office.publish("customer", h.PRESS, customer_data(h.PRESS, NAME, enrolment=AT_SBU))
    pull_changes(branch.writing, link)
    return down, then


def void_through_dialog(qtbot: QtBot, page: AccountPage, receipt_no: str) -> None:
    """The supervisor voids ``receipt_no`` (the latest not voided) from the account page."""
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = h.current_dialog(page, VoidDialog)
    assert dialog.receipt.currentData() == receipt_no
    qtbot.keyClicks(dialog.reason, "refused by head office: refunded")
    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    qtbot.keyClicks(dialog.password, SUPERVISOR[1])
    with qtbot.waitSignal(page.changed, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
