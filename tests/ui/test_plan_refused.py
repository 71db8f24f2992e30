"""The account screen of a plan head office refused: why, and what to do; no instalment
can be taken, and the supervisor's void (the refund) still works."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.context import UiContext
from tests.support import ui_account_helpers as h
from tests.support.sync_fakes import FakeHeadOffice, connect
from tests.support.ui_refused_helpers import refused_plan, void_through_dialog

pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def test_a_refused_plan_says_why_takes_no_instalment_and_is_refunded_by_voids(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    office = FakeHeadOffice()
    down, then = refused_plan(branch, cashier, office, connect(branch, office))
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

    void_through_dialog(qtbot, page, then.receipt_no)  # the refund: latest receipt first
    assert note.isVisible()
    void_through_dialog(qtbot, page, down.receipt_no)

    assert not note.isVisible() and not page.plan_badge.isVisible()
    assert page.plan_box.title() == "Promotion: enrolled at branch SBU"
    assert not page.void_button.isEnabled()
