"""The account screen of a plan head office refused: why, and what to do; no instalment
can be taken, and the supervisor's void (the refund) still works."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import Branch
from app.services.context import Actor
from app.services.payments import PaymentReceipt
from app.services.sync import pull_changes, push_outbox
from app.ui.account_page import AccountPage
from app.ui.context import UiContext
from app.ui.void_dialog import VoidDialog
from tests import ui_account_helpers as h
from tests.fakes import SUPERVISOR
from tests.sync_fakes import FakeHeadOffice, connect, customer_data

AT_SBU = {"uuid": "5b0d7c1e-0000-4000-8000-00000000a5b0", "programme": "BUKA-SEGEL",
          "state": "active", "branch": "SBU", "business_date": "2025-11-23"}


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    yield from h.english(qapp)


@pytest.fixture
def ctx(branch: Branch, cashier: Actor) -> Iterator[UiContext]:
    yield from h.ui_context(branch, cashier)


def refused_plan(branch: Branch, cashier: Actor) -> tuple[PaymentReceipt, PaymentReceipt]:
    """The press customer enrols and pays an instalment; at the next sync head office
    refuses the enrolment (SBU's came first) and says SBU holds the plan."""
    h.press_customer(branch)
    down, then = h.enrol(branch, cashier), h.pay(branch, cashier, 400_000)
    office = FakeHeadOffice()
    link = connect(branch, office)
    office.state.enrolled[h.PRESS] = AT_SBU["uuid"]
    push_outbox(branch.writing, link)
    office.publish("customer", h.PRESS, customer_data(h.PRESS, "Ahmad Yusuf Bessie",
                                                      enrolment=AT_SBU))
    pull_changes(branch.writing, link)
    return down, then


def void(qtbot: QtBot, page: AccountPage, receipt_no: str) -> None:
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = h.current_dialog(page, VoidDialog)
    assert dialog.receipt.currentData() == receipt_no  # the latest not voided
    qtbot.keyClicks(dialog.reason, "refused by head office: refunded")
    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    qtbot.keyClicks(dialog.password, SUPERVISOR[1])
    with qtbot.waitSignal(page.changed, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)


def test_a_refused_plan_says_why_takes_no_instalment_and_is_refunded_by_voids(
        qtbot: QtBot, branch: Branch, cashier: Actor, ctx: UiContext) -> None:
    down, then = refused_plan(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)

    assert page.plan_badge.text() == "PLAN: REFUSED BY HEAD OFFICE"
    note = page.refusal_note
    assert note.isVisible()
    assert note.text().startswith("Head office refused this plan: the customer was enrolled "
                                  "at branch SBU first (since 23 November 2025).")
    assert f"keeps the down payment {down.receipt_no} as a credit" in note.text()
    assert not page.pay_button.isEnabled() and page.void_button.isEnabled()
    assert page.value_of("planNextDue") == "–"
    states = [page.instalments_model.index(row, 4).data()
              for row in range(page.instalments_model.rowCount())]
    assert "Not payable" in states

    void(qtbot, page, then.receipt_no)  # the supervisor refunds: latest receipt first
    assert note.isVisible()
    void(qtbot, page, down.receipt_no)

    assert not note.isVisible() and not page.plan_badge.isVisible()
    assert page.plan_box.title() == "Promotion: enrolled at branch SBU"
    assert not page.void_button.isEnabled()
