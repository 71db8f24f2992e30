"""Customer search in the real window: typing, scanning, suggestions and the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.models import CustomerStatus
from app.services.context import Actor
from app.services.search.customers import search_customers
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.search.model import CONNECTION_NO_ROLE, SearchModel
from app.ui.shortcuts import SHORTCUTS, ShortcutsDialog
from tests.support.fakes import add_customer, monthly_bills
from tests.support.ui_shell_helpers import WAIT_MS, make_context, search_for


@pytest.fixture
def customers(branch: BranchDatabase) -> None:
    add_customer(branch, "0103000451", name="Yohanes Bria", address="Jl. Timor Raya 12",
                 kelurahan="Oesapa", bills=monthly_bills("2025-01", 3, 100_000))
    add_customer(branch, "0103000452", name="Maria Bria", address="Jl. Sumba 3",
                 kelurahan="Oebobo", status=CustomerStatus.ACTIVE)
    add_customer(branch, "0204001187", name="Agustinus Lado", kelurahan="Alak",
                 status=CustomerStatus.DISCONNECTED)


@pytest.fixture
def window(qtbot: QtBot, branch: BranchDatabase, customers: None,
           cashier: Actor) -> Iterator[MainWindow]:
    ctx: UiContext = make_context(branch, cashier)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    yield main
    ctx.tasks.wait()


def row_texts(window: MainWindow, row: int) -> list[str]:
    model = window.search.model
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_the_search_model_passes_the_model_tester(
        qtmodeltester: ModelTester, branch: BranchDatabase, customers: None) -> None:
    model = SearchModel()
    model.set_result(search_customers(branch.reading(), "bria"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.columnCount() == 6
    model.set_result(search_customers(branch.reading(), "lado"))
    model.set_result(None)
    assert model.rowCount() == 0


def test_a_newer_result_replaces_every_row_whether_it_grows_shrinks_or_keeps_its_size(
        qtmodeltester: ModelTester, branch: BranchDatabase, customers: None) -> None:
    model = SearchModel()
    qtmodeltester.check(model, force_py=True)  # keeps checking every change below
    for query in ("bria", "lado", "0", "yohanes", "", "maria", "bria"):
        result = search_customers(branch.reading(), query)
        model.set_result(result)
        shown = [[model.index(row, column).data() for column in range(6)]
                 for row in range(model.rowCount())]
        fresh = SearchModel()
        fresh.set_result(result)
        assert shown == [[fresh.index(row, column).data() for column in range(6)]
                         for row in range(fresh.rowCount())]
        assert [model.index(row, 0).data(CONNECTION_NO_ROLE) for row in range(
            model.rowCount())] == [hit.connection_no for hit in result.hits]


def test_typing_a_name_fragment_shows_the_hits(qtbot: QtBot, window: MainWindow) -> None:
    assert window.search.field.hasFocus() or window.focusWidget() is window.search.field
    assert window.value_of("searchCount") == (
        "Type a name, address, kelurahan or connection number (3 customers).")
    search_for(qtbot, window.search, "bria")
    assert window.value_of("searchCount") == "Customers found: 2"
    assert row_texts(window, 0) == ["0103000452", "Maria Bria", "Jl. Sumba 3", "Oebobo",
                                    "ACTIVE", "Rp 0"]
    assert row_texts(window, 1) == ["0103000451", "Yohanes Bria", "Jl. Timor Raya 12",
                                    "Oesapa", "SEALED", "Rp 300.000"]
    header = window.search.model.headerData(5, Qt.Orientation.Horizontal)
    assert header == "Arrears"


def test_only_the_latest_query_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    page = window.search
    with qtbot.waitSignal(page.results_shown, timeout=WAIT_MS,
                          check_params_cb=lambda text: text == "lado"):
        qtbot.keyClicks(page.field, "bria")
        page.search_now()  # a search that the next keystrokes make stale
        page.field.clear()
        qtbot.keyClicks(page.field, "lado")
    qtbot.wait(50)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Agustinus Lado"
    assert row_texts(window, 0)[4] == "DISCONNECTED"


def test_a_scanned_connection_number_and_enter_open_the_account(
        qtbot: QtBot, window: MainWindow) -> None:
    field = window.search.field
    qtbot.keyClicks(field, "0103000452")  # a scanner types faster than the search waits
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.account, timeout=WAIT_MS)
    assert window.account.connection_no == "0103000452"


def test_a_scanned_cards_account_is_asked_for_before_the_results_are_filled(
        qtbot: QtBot, window: MainWindow) -> None:
    """The account loads while the search's results are filled for later, not after."""
    happened: list[str] = []
    window.search.open_requested.connect(lambda number: happened.append(
        f"open {number} ({window.search.model.rowCount()} rows)"))
    window.search.results_shown.connect(lambda _text: happened.append(
        f"results {window.search.model.rowCount()}"))
    field = window.search.field
    qtbot.keyClicks(field, "0103000451")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(happened) == 2, timeout=WAIT_MS)
    assert happened == ["open 0103000451 (0 rows)", "results 1"]
    assert window.current_page() is window.account
    window.show_search()
    assert row_texts(window, 0)[1] == "Yohanes Bria"  # the results are there when back


def test_enter_opens_the_selected_hit_and_down_moves_the_selection(
        qtbot: QtBot, window: MainWindow) -> None:
    search_for(qtbot, window.search, "bria")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is window.account
    assert window.account.connection_no == "0103000451"

    qtbot.keyClick(window, Qt.Key.Key_Escape)  # back to search, field focused, text kept
    assert window.current_page() is window.search
    assert window.focusWidget() is window.search.field
    assert window.search.field.text() == "bria" and window.search.field.selectedText() == "bria"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)  # Esc on search clears it
    assert window.search.field.text() == ""


def test_no_match_offers_similar_names(qtbot: QtBot, window: MainWindow) -> None:
    search_for(qtbot, window.search, "yohanis")
    assert window.value_of("searchCount") == "No customer matches 'yohanis'."
    suggestions = window.search.suggestions
    assert suggestions.isVisible() and not window.search.view.isVisible()
    assert window.value_of("suggestionsLabel") == "Did you mean:"
    first = suggestions.item(0)
    assert first.text().startswith("Yohanes Bria") and "0103000451" in first.text()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)  # stays on the only suggestion
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is window.account
    assert window.account.connection_no == first.data(CONNECTION_NO_ROLE) == "0103000451"


def test_nothing_similar_says_so(qtbot: QtBot, window: MainWindow) -> None:
    search_for(qtbot, window.search, "qqqqzzzz")
    assert not window.search.suggestions.isVisible()
    assert window.value_of("suggestionsLabel").startswith("No similar names either.")


def test_account_keys_reach_the_account_page(qtbot: QtBot, window: MainWindow) -> None:
    calls: list[str] = []
    for name in ("enrol", "pay", "void", "reprint"):
        setattr(window.account, name, lambda n=name: calls.append(n))
    qtbot.keyClick(window.search.field, Qt.Key.Key_F8)
    assert calls == []
    assert window.status.currentMessage() == "Open a customer first: search, then Enter."

    window.open_account("0103000451")
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F8, Qt.Key.Key_F6, Qt.Key.Key_F7):
        qtbot.keyClick(window, key)
    assert calls == ["enrol", "pay", "void", "reprint"]


def test_a_finished_transaction_returns_to_the_search_field(
        qtbot: QtBot, window: MainWindow) -> None:
    search_for(qtbot, window.search, "0103000451")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is window.account
    window.account.changed.emit()
    assert window.current_page() is window.search
    assert window.focusWidget() is window.search.field
    assert window.search.field.text() == "", "cleared for the next customer"


def test_lists_open_with_their_keys_and_f2_returns(qtbot: QtBot, window: MainWindow) -> None:
    for key, name in ((Qt.Key.Key_1, "overdue"), (Qt.Key.Key_2, "work_orders"),
                      (Qt.Key.Key_3, "receipts")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is window.lists[name]
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_page() is window.search
    assert window.focusWidget() is window.search.field


def test_f1_lists_every_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.search.field, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    keys = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert keys == [entry.keys for entry in SHORTCUTS]
    assert {"F1", "F2", "F5", "F6", "F7", "F8", "Esc"} <= set(keys)


def test_text_left_before_a_scan_opens_nobody_but_says_why(
        qtbot: QtBot, window: MainWindow) -> None:
    """Text left in the field and a scan ("yohanes0103000452"): the scanner's Enter must
    not open a customer it half matches; Esc clears the field and the scan again opens
    the scanned customer."""
    field = window.search.field
    qtbot.keyClicks(field, "yohanes0103000452")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.notice.isVisible(), timeout=WAIT_MS)
    assert window.current_page() is window.search
    assert "'yohanes0103000452' is not a connection number" in window.search.notice.text()

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    qtbot.keyClicks(field, "0103000452")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.account, timeout=WAIT_MS)
    assert window.account.connection_no == "0103000452"


def test_a_number_that_is_no_customers_opens_none_of_its_partial_matches(
        qtbot: QtBot, window: MainWindow) -> None:
    """A misread barcode that only starts like customers' numbers lists them, but Enter
    opens none until the cashier picks one with the arrow keys."""
    search_for(qtbot, window.search, "0103000")
    assert window.search.model.rowCount() == 2
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is window.search
    assert window.search.notice.isVisible()

    assert not window.search.view.currentIndex().isValid()  # nothing chosen for the cashier
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)  # the first line
    assert window.search.view.currentIndex().row() == 0
    chosen = window.search.model.hit(0).connection_no
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is window.account
    assert window.account.connection_no == chosen


def test_a_name_with_numbers_in_it_opens_as_before(qtbot: QtBot, window: MainWindow) -> None:
    """A short number among the words (a house number) is no scan: Enter opens the hit."""
    search_for(qtbot, window.search, "timor 12")
    assert window.search.model.rowCount() == 1
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is window.account
    assert window.account.connection_no == "0103000451"
