"""Small layout faults a cashier meets: on a narrow screen the account page puts the table
the customer's visit is about first, the bills not paid say so, the shift dialogs' buttons
sit under what they hold and a combo box's choice keeps clear of its arrow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
)
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui import style
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from tests.support.ui_account_helpers import PRESS, enrol, press_customer
from tests.support.ui_shell_helpers import WAIT_MS
from tests.support.ui_trial_helpers import DESIGN, SMALL, language

NARROW = SMALL - QSize(8, 40)  # maximised on a 1024×600 screen, above the taskbar
WIDE = DESIGN - QSize(8, 40)


@pytest.fixture(params=["id", "en"])
def lang(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from language(qapp, request.param)


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[str]:
    yield from language(qapp, "id")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's own stylesheet, as the counter runs with it."""
    before = qapp.styleSheet()
    style.apply_style(qapp)
    yield
    qapp.setStyleSheet(before)


# --- nothing paid ----------------------------------------------------------------------
def test_a_bill_or_instalment_not_paid_shows_rp_0_paid(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext,
        lang: str) -> None:
    press_customer(branch)
    enrol(branch, cashier)
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.show_customer(PRESS)
    bills, instalments = page.bills_model, page.instalments_model
    paid = {"id": "Dibayar", "en": "Amount paid"}[lang]
    assert bills.headerData(5, Qt.Orientation.Horizontal) == paid
    assert instalments.headerData(3, Qt.Orientation.Horizontal) == paid
    unpaid = [row for row, bill in enumerate(bills.rows()) if bill.paid_amount == 0]
    assert unpaid, "the customer has bills not paid"
    assert {bills.column_texts(5)[row] for row in unpaid} == {"Rp 0"}
    assert instalments.column_texts(3) == ("Rp 0", "Rp 0", "Rp 0")
