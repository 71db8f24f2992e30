"""The counter screens around head office's verdicts: the quote names the branch where
the customer is enrolled (in the cashier's language), F8 on a refused plan says why no
instalment is taken, and the account right after the refund shows head office's bills."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.sync import pull_changes
from app.ui.account.enrol_dialog import EnrolDialog
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from app.ui.i18n import install_translator
from app.ui.main_window import MainWindow
from tests.support import ui_account_helpers as h
from tests.support.sync_fakes import FakeHeadOffice, FakeLink, bill_data, connect, customer_data
from tests.support.ui_refused_helpers import AT_SBU, NAME, refused_plan, void_through_dialog
from tests.support.ui_shell_helpers import make_context

pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


def enrolled_at_sbu(branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    """The press customer; the last sync said head office holds SBU's plan for them."""
    h.press_customer(branch)
    office.publish("customer", h.PRESS, customer_data(h.PRESS, NAME, enrolment=AT_SBU))
    pull_changes(branch.writing, link)


def quote_dialog(qtbot: QtBot, page: AccountPage) -> EnrolDialog:
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    dialog = h.current_dialog(page, EnrolDialog)
    qtbot.waitUntil(lambda: dialog.quote is not None and dialog._pending is None, timeout=5000)
    return dialog


# --- 1. the quote names the branch and the day ----------------------------------------
def test_the_quote_says_where_and_since_when_the_customer_is_enrolled(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext, office: FakeHeadOffice,
        link: FakeLink) -> None:
    enrolled_at_sbu(branch, office, link)
    page = h.open_account(qtbot, ctx, h.PRESS)
    dialog = quote_dialog(qtbot, page)

    assert dialog.reasons.isVisible()
    assert dialog.reasons.text() == (
        "This customer cannot join the promotion:\n• The customer is already enrolled at "
        "branch SBU (active since 23 November 2025), as head office said at the last sync.")
    assert "branch SBU on 2025-11-23" in dialog.reasons.toolTip()  # the service's words
    assert not dialog.confirm.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_quote_says_it_in_indonesian(
        qtbot: QtBot, qapp: QApplication, branch: BranchDatabase, ctx: UiContext,
        office: FakeHeadOffice, link: FakeLink) -> None:
    enrolled_at_sbu(branch, office, link)
    translator = install_translator(qapp, "id")
    assert translator is not None
    try:
        page = h.open_account(qtbot, ctx, h.PRESS)
        dialog = quote_dialog(qtbot, page)
        assert ("• Pelanggan sudah terdaftar di cabang SBU (aktif sejak 23 November 2025), "
                "menurut kantor pusat pada sinkron terakhir.") in dialog.reasons.text()
        dialog.reject()
    finally:
        QCoreApplication.removeTranslator(translator)
        install_translator(qapp, "en")


# --- 2. F8 on a refused plan -------------------------------------------------------------
def test_f8_on_a_refused_plan_says_why_instead_of_no_active_plan(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice,
        link: FakeLink) -> None:
    down, _ = refused_plan(branch, cashier, office, link)
    ctx = make_context(branch, cashier)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.account
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_account(h.PRESS)

    qtbot.keyClick(window, Qt.Key.Key_F8)

    text = page.message.text()
    assert text.startswith("Head office refused this plan: the customer was enrolled at "
                           "branch SBU first (since 23 November 2025).")
    assert f"keeps the down payment {down.receipt_no} as a credit" in text
    assert "no active instalment plan" not in text
    assert page.flows.dialog is None  # no payment dialog
    ctx.tasks.wait()


def test_f8_without_a_plan_still_says_there_is_no_active_plan(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.pay()  # what F8 calls
    assert page.message.text() == "The customer has no active instalment plan."
    assert page.flows.dialog is None


# --- 4. the refund shows head office's bills at once ------------------------------------
def test_after_the_refund_the_account_shows_the_bills_head_office_settled(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext,
        office: FakeHeadOffice, link: FakeLink) -> None:
    down, then = refused_plan(branch, cashier, office, link)
    for month in range(12):  # SBU's plan settled the first year of bills at head office
        period = f"{2023 + (month + 9) // 12}-{(month + 9) % 12 + 1:02d}"
        office.publish("bill", f"{h.PRESS}:{period}",
                       bill_data(h.PRESS, period, 100_000, paid=True))
    pull_changes(branch.writing, link)  # held: this branch's plan covers the bills
    page = h.open_account(qtbot, ctx, h.PRESS)
    assert page.bill_count.text() == "Unpaid bills: 8"  # as this branch's plan has them

    void_through_dialog(qtbot, page, then.receipt_no)
    void_through_dialog(qtbot, page, down.receipt_no)  # no sync since

    assert page.bill_count.text() == "Unpaid bills: 12"
    assert page.value_of("arrearsTotal") == "Rp 1.200.000"
    assert page.value_of("penaltyTotal") == "Rp 120.000"
    assert page.bills_model.index(0, 0).data() == "October 2024"  # head office's first open
