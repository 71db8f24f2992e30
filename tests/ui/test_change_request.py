"""Asking head office to change a customer's data from the account page: the values on
record beside the new ones, errors next to their field, and the pending request shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.customer_changes import list_change_requests
from app.services.ledger.accounts import get_account
from app.ui.account.change_request_dialog import ChangeRequestDialog
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from tests.support import ui_account_helpers as h

Key = Qt.Key


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def open_dialog(qtbot: QtBot, page: AccountPage) -> ChangeRequestDialog:
    assert page.change_button.isEnabled() and page.change_button.text() == \
        "Request data change…"
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    return h.current_dialog(page, ChangeRequestDialog)


def retype(qtbot: QtBot, dialog: ChangeRequestDialog, field: str, text: str) -> None:
    edit = dialog.edits[field]
    edit.selectAll()
    qtbot.keyClick(edit, Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_a_request_is_checked_in_the_dialog_then_shown_pending_on_the_account(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    qtbot.waitUntil(lambda: not page.is_loading())
    assert not page.change_note.isVisible()
    dialog = open_dialog(qtbot, page)
    assert dialog.findChild(object, "currentPhone").text() == "081234567890"
    assert dialog.findChild(object, "currentAddress").text() == "Jl. Oeleta Raya No. 27"
    assert dialog.edits["phone"].hasFocus() or dialog.focusWidget() is dialog.edits["phone"]

    qtbot.keyClick(dialog.edits["phone"], Key.Key_Return)  # nothing typed yet
    assert dialog.message.text() == "Nothing to change: type the new values first."

    retype(qtbot, dialog, "phone", "0813-39AB")
    retype(qtbot, dialog, "address", "Jl. Timor Raya No. 5")
    assert dialog.edits["phone"].property("changed") is True
    qtbot.keyClick(dialog.edits["address"], Key.Key_Return)
    assert dialog.reason_problem.text() == "Give a reason."  # asked before anything is sent
    qtbot.keyClicks(dialog.reason, "the customer moved house")
    qtbot.keyClick(dialog.reason, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.problems["phone"].isVisible(),
                    timeout=5000)
    assert dialog.problems["phone"].text() == (
        "'0813-39AB' is not a phone number: 8 to 15 digits, may start with +.")
    assert dialog.isVisible() and list_change_requests(branch.reading()) == []

    retype(qtbot, dialog, "phone", "0813 3912 0044")
    assert not dialog.problems["phone"].isVisible()  # cleared as the cashier types
    with qtbot.waitSignal(page.change_note.shown, timeout=5000):
        qtbot.keyClick(dialog.reason, Key.Key_Return)
    assert page.flows.dialog is None  # closed
    assert page.message.text() == ("Change request recorded for head office: "
                                   "Address → Jl. Timor Raya No. 5; Phone → 081339120044")
    assert page.change_note.isVisible()
    assert page.change_note.text().startswith(
        "Change requested (pending head office): Address → Jl. Timor Raya No. 5; "
        "Phone → 081339120044 · 24 November 2025, kasir")
    assert page.value_of("customerPhone") == "081234567890"  # unchanged until approved
    [request] = list_change_requests(branch.reading(), h.PRESS)
    assert request.reason == "the customer moved house" and request.state == "pending"
    assert get_account(branch.reading(), h.PRESS).customer.phone == "081234567890"


def test_closing_the_dialog_sends_nothing(qtbot: QtBot, branch: BranchDatabase,
                                          ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    dialog = open_dialog(qtbot, page)
    retype(qtbot, dialog, "name", "Ahmad Y. Bessie")
    qtbot.keyClick(dialog.edits["name"], Key.Key_Escape)
    assert page.flows.dialog is None
    assert list_change_requests(branch.reading()) == []


def test_after_the_request_the_search_is_ready_and_the_account_shows_it_pending(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.account.loaded, timeout=5000):
        window.open_account(h.PRESS)
    qtbot.waitUntil(lambda: not window.account.is_loading())
    dialog = open_dialog(qtbot, window.account)
    retype(qtbot, dialog, "rw", "5")
    qtbot.keyClicks(dialog.reason, "RW on the new KTP")
    with qtbot.waitSignal(window.account.changed, timeout=5000):
        qtbot.keyClick(dialog.reason, Key.Key_Return)
    assert window.current_page() is window.search  # ready for the next customer
    assert window.search.field.text() == ""
    assert "RW → 005" in window.search.notice.text()
    with qtbot.waitSignal(window.account.change_note.shown, timeout=5000):
        window.open_account(h.PRESS)
    assert "RW → 005" in window.account.change_note.text()
