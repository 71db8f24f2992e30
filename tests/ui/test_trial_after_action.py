"""After an action on an account the window is ready for the next customer (the search
cleared and focused, so no look-alike customer waits for a stray Enter); a void is
confirmed with its receipt and amount; F7 with no receipt selected asks which."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.account.reprint_dialog import ReprintDialog
from app.ui.account.void_dialog import VoidDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from tests.support import ui_account_helpers as h
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills
from tests.support.ui_shell_helpers import search_for

Key = Qt.Key
LOOK_ALIKE = "0103003218"


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


@pytest.fixture
def window(qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> MainWindow:
    """Dortea Tafuli, enrolled, and Dortea Novita Tafuli, who sorts first."""
    add_customer(branch, h.PRESS, name="Dortea Tafuli",
                 bills=monthly_bills("2023-10", 24, 100_000, 10_000))
    add_customer(branch, LOOK_ALIKE, name="Dortea Novita Tafuli",
                 bills=monthly_bills("2024-01", 6, 100_000, 10_000))
    h.enrol(branch, cashier)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    return main


def open_by_search(qtbot: QtBot, window: MainWindow, text: str, connection_no: str) -> None:
    search_for(qtbot, window.search, text)
    row = window.search.model.row_of(connection_no)
    assert row >= 0
    window.search.view.selectionModel().setCurrentIndex(
        window.search.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    with qtbot.waitSignal(window.account.loaded, timeout=5000):
        qtbot.keyClick(window.search.field, Key.Key_Return)
    assert window.account.connection_no == connection_no


def assert_ready_for_the_next_customer(qtbot: QtBot, window: MainWindow) -> None:
    assert window.current_page() is window.search
    assert window.search.field.text() == ""
    assert window.focusWidget() is window.search.field
    assert window.search.model.rowCount() == 0
    with qtbot.assertNotEmitted(window.search.open_requested, wait=50):
        qtbot.keyClick(window.search.field, Key.Key_Return)


def test_after_a_payment_no_look_alike_is_selected(qtbot: QtBot, window: MainWindow) -> None:
    open_by_search(qtbot, window, "dortea", h.PRESS)
    qtbot.keyClick(window, Key.Key_F8)
    dialog = h.current_dialog(window.account, PaymentDialog)
    qtbot.keyClicks(dialog.tendered, "500000")
    with qtbot.waitSignal(window.account.changed, timeout=8000):
        qtbot.keyClick(dialog.tendered, Key.Key_Return)
    assert_ready_for_the_next_customer(qtbot, window)
    assert "Change: Rp 100.000" in window.search.notice.text()
    search_for(qtbot, window.search, "x")  # the next search puts the notice away
    assert not window.search.notice.isVisible()


def test_a_void_is_confirmed_with_receipt_and_amount(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, window: MainWindow) -> None:
    instalment = h.pay(branch, cashier, 400_000)
    open_by_search(qtbot, window, "dortea tafuli", h.PRESS)
    qtbot.keyClick(window, Key.Key_F6)
    dialog = h.current_dialog(window.account, VoidDialog)
    qtbot.keyClicks(dialog.reason, "wrong amount typed")
    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    qtbot.keyClicks(dialog.password, SUPERVISOR[1])
    with qtbot.waitSignal(window.account.changed, timeout=5000):
        qtbot.keyClick(dialog.password, Key.Key_Return)
    box = window.account.flows.voided_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().splitlines() == [
        f"Dortea Tafuli · {h.PRESS}",
        f"Receipt {instalment.receipt_no} (Instalment payment, Rp 400.000) was voided."]
    with qtbot.waitSignal(box.finished, timeout=2000):
        qtbot.keyClick(box, Key.Key_Return)
    assert_ready_for_the_next_customer(qtbot, window)


def test_f7_with_no_receipt_selected_asks_which(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, window: MainWindow) -> None:
    first = h.pay(branch, cashier, 400_000)
    second = h.pay(branch, cashier, 400_000)
    h.void_receipt(branch, cashier, second.receipt_no)
    open_by_search(qtbot, window, "dortea tafuli", h.PRESS)
    qtbot.keyClick(window, Key.Key_F7)
    dialog = h.current_dialog(window.account, ReprintDialog)
    texts = [dialog.receipts.item(i).text() for i in range(dialog.receipts.count())]
    assert texts[0].startswith(second.receipt_no) and texts[0].endswith("VOIDED")
    assert dialog.selected_line() is not None
    assert dialog.selected_line().receipt_no == first.receipt_no  # newest not voided
    assert not dialog.note.isVisible()
    qtbot.keyClick(dialog.receipts, Key.Key_Up)  # the voided one: said before Enter
    assert dialog.note.isVisible() and second.receipt_no in dialog.note.text()
    qtbot.keyClick(dialog.receipts, Key.Key_Down)
    with qtbot.waitSignal(window.account.changed, timeout=8000):
        qtbot.keyClick(dialog.receipts, Key.Key_Return)
    viewer = window.account.flows.viewers[-1]
    assert viewer.windowTitle().endswith(first.receipt_no)
    assert_ready_for_the_next_customer(qtbot, window)


def test_f7_reprints_the_selected_receipt_without_asking(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, window: MainWindow) -> None:
    first = h.pay(branch, cashier, 400_000)
    h.pay(branch, cashier, 400_000)
    open_by_search(qtbot, window, "dortea tafuli", h.PRESS)
    table = window.account.payments_table
    row = next(r for r in range(window.account.payments_model.rowCount())
               if window.account.payments_model.row_at(r).receipt_no == first.receipt_no)
    table.selectRow(row)
    with qtbot.waitSignal(window.account.changed, timeout=8000):
        qtbot.keyClick(window, Key.Key_F7)
    assert window.account.flows.viewers[-1].windowTitle().endswith(first.receipt_no)
    assert_ready_for_the_next_customer(qtbot, window)
