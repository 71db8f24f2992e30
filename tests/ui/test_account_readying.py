"""The account page readied before the first customer, and reused from one customer to
the next: readying shows nobody's account, the next customer's page shows nothing of
the last one's, a customer opened again is never painted with their old figures, and
each repaint of the window paints the account once."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.customer_changes import request_customer_change
from app.services.errors import DomainError, ErrorCode
from app.ui.account import page as account_page
from app.ui.account import readying
from app.ui.account.docs import load_account, ready_account_loading
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from app.ui.i18n import install_translator
from app.ui.main_window import MainWindow
from tests.support import ui_account_helpers as h

VALUE_LABELS = ("connectionNo", "customerName", "customerAddress", "customerKelurahan",
                "customerTariff", "customerPhone", "arrearsTotal", "penaltyTotal", "totalDue",
                "planProgramme", "planAmountDue", "planPaid", "planBalance", "planNextDue")


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def texts_on(page: AccountPage) -> set[str]:
    """Every text the page shows: its labels, badges, box titles and table cells."""
    shown = {label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)}
    shown.add(page.plan_box.title())
    for model in (page.bills_model, page.instalments_model, page.payments_model,
                  page.orders_model, page.documents_model):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                shown.add(str(model.data(model.index(row, column))))
    return shown - {""}


def test_readying_reads_an_account_in_the_background_and_shows_nobody(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    maria = h.active_customer(branch)
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.prepare()
    assert ctx.tasks.wait(5000)
    qtbot.wait(20)  # the task's report reaches the page
    assert page.account is None and page.connection_no == ""
    assert "Ahmad Yusuf Bessie" not in texts_on(page)
    assert all(page.value_of(name) == "" for name in VALUE_LABELS)
    assert not page.enrol_button.isEnabled()

    with qtbot.waitSignal(page.loaded, timeout=5000):  # the first scan of the day
        page.show_customer(maria)
    assert page.title.text() == "Maria Fanggidae"


def test_readying_a_branch_without_customers_reads_nothing(branch: BranchDatabase) -> None:
    assert ready_account_loading(branch) is False
    h.press_customer(branch)
    assert ready_account_loading(branch) is True


def test_the_next_customers_page_shows_nothing_of_the_last_ones(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    h.pay(branch, cashier, 400_000)
    request_customer_change(branch.writing(), cashier, h.PRESS, {"phone": "081339120044"},
                            "new number")
    maria = h.active_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    assert page.change_note.isVisible() and page.payments_model.rowCount() == 2
    first = {page.value_of(name) for name in ("connectionNo", "customerName",
                                              "customerAddress", "arrearsTotal", "totalDue",
                                              "planProgramme", "planPaid", "planBalance")}
    first |= {page.change_note.text(), page.plan_badge.text()}
    first |= {str(page.payments_model.row_at(row).receipt_no) for row in range(2)}

    page.show_customer(maria)
    assert not page.updatesEnabled()  # nothing painted until Maria's account is there
    assert page.account is None and not page.enrol_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)

    assert page.updatesEnabled()
    shown = texts_on(page)
    assert page.title.text() == "Maria Fanggidae"
    assert shown & first == set(), shown & first
    assert not page.change_note.isVisible() and not page.plan_badge.isVisible()
    assert all(model.rowCount() == 0 for model in (
        page.bills_model, page.instalments_model, page.payments_model, page.orders_model,
        page.documents_model))


def shown_of_the_last_customer(qtbot: QtBot, ctx: UiContext,
                                load: Callable[[BranchDatabase, str], object],
                                monkeypatch: pytest.MonkeyPatch) -> tuple[AccountPage, set[str]]:
    """The press-story customer's page, then the next customer's loaded by ``load``: the
    texts of the first that the page shows once it paints without the second's account."""
    page = h.open_account(qtbot, ctx, h.PRESS)
    nobody = AccountPage(ctx)  # the captions, titles and headers every page shows
    qtbot.addWidget(nobody)
    first = texts_on(page) - texts_on(nobody) - {"Rp 0", "–"}
    monkeypatch.setattr(account_page, "load_account", load)
    page.show_customer("11000023")
    qtbot.waitUntil(page.updatesEnabled, timeout=5000)
    return page, texts_on(page) & first


def test_a_slow_load_paints_nothing_of_the_last_customer(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    h.press_customer(branch)

    def slow(database: BranchDatabase, number: str) -> object:
        time.sleep(0.5)  # the page paints after PAINT_WHILE_LOADING_MS without it
        return load_account(database, h.PRESS)

    page, left = shown_of_the_last_customer(qtbot, ctx, slow, monkeypatch)
    assert page.is_loading() and page.account is None
    assert left == set(), left
    assert page.title.text() == "11000023" and not page.status_badge.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass


def test_a_failed_load_paints_nothing_of_the_last_customer(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    h.press_customer(branch)

    def missing(database: BranchDatabase, number: str) -> object:
        raise DomainError(ErrorCode.CUSTOMER_NOT_FOUND, connection_no=number)

    page, left = shown_of_the_last_customer(qtbot, ctx, missing, monkeypatch)
    assert not page.is_loading() and page.account is None
    assert left == set(), left
    assert "11000023" in page.message.text()


def test_a_customer_opened_again_is_painted_only_with_fresh_figures(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    assert page.value_of("planPaid") == "Rp 1.200.000"
    page.hide()  # back at the search; meanwhile another counter takes an instalment
    h.pay(branch, cashier, 400_000)

    page.show_customer(h.PRESS)  # scanned again
    assert not page.updatesEnabled()  # the old figures are not painted first
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    assert page.updatesEnabled()
    assert page.value_of("planPaid") == "Rp 1.600.000"


class PaintsPerRepaint(QObject):
    """The most times ``widget`` was painted within one repaint of ``window``."""

    def __init__(self, window: QWidget, widget: QWidget) -> None:
        super().__init__(widget)
        self.window, self.widget = window, widget
        self.this_repaint = self.most = self.repaints = 0
        window.installEventFilter(self)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            self.this_repaint = 0
        elif watched is self.widget and event.type() == QEvent.Type.Paint:
            self.repaints += self.this_repaint == 0
            self.this_repaint += 1
            self.most = max(self.most, self.this_repaint)
        return False


def test_each_repaint_paints_the_account_once(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    maria = h.active_customer(branch)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    label = window.account.findChild(QLabel, "connectionNo")
    assert label is not None
    paints = PaintsPerRepaint(window, label)
    for number in (h.PRESS, maria, h.PRESS):
        window.show_search()
        with qtbot.waitSignal(window.account.loaded, timeout=5000):
            window.open_account(number)
        qtbot.waitUntil(lambda number=number: label.text() == number, timeout=5000)
        qtbot.wait(100)  # the repaints Qt queues after the first
    assert paints.repaints >= 3
    assert paints.most == 1, "the account was painted twice in one repaint of the window"


def test_readying_a_hidden_page_in_the_window_leaves_it_hidden_and_empty(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.account.prepare()  # as at log-in, the search page in front
    assert ctx.tasks.wait(5000)
    qtbot.wait(20)
    assert window.current_page() is window.search and not window.account.isVisible()
    assert window.account.account is None
    assert all(window.account.value_of(name) == "" for name in VALUE_LABELS)

    with qtbot.waitSignal(window.account.loaded, timeout=5000):  # the first scan
        window.open_account(h.PRESS)
    assert window.account.value_of("connectionNo") == h.PRESS


def test_each_tables_columns_are_as_wide_as_their_texts_need(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    """As Qt's own "resize to contents" would size them: the header's text or the widest
    cell with the style's margins, whichever is wider (the last column takes the rest)."""
    h.press_customer(branch)
    h.enrol(branch, cashier)
    h.pay(branch, cashier, 400_000)
    page = h.open_account(qtbot, ctx, h.PRESS)
    tables = (page.bills_table, page.schedule_table, page.payments_table, page.orders_table,
              page.documents_table)
    assert sum(table.model().rowCount() > 0 for table in tables) >= 3
    for table in tables:
        header = table.horizontalHeader()
        for column in range(header.count() - 1):
            wanted = header.sectionSizeHint(column)
            if table.model().rowCount():
                wanted = max(wanted, table.sizeHintForColumn(column))
            assert header.sectionSize(column) == wanted, (table.objectName(), column)


def test_columns_follow_the_headers_when_the_language_changes(
        qtbot: QtBot, qapp: QApplication, branch: BranchDatabase, cashier: Actor,
        ctx: UiContext) -> None:
    """The headers' widths are measured once for their texts, and again for new ones: a
    cashier who logs in with Bahasa Indonesia gets columns as wide as its headers."""
    h.press_customer(branch)
    h.enrol(branch, cashier)
    maria = h.active_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    tables = (page.bills_table, page.schedule_table, page.payments_table, page.orders_table,
              page.documents_table)
    english = {table.objectName(): table.model().headerData(0, Qt.Orientation.Horizontal)
               for table in tables}
    translator = install_translator(qapp, "id")
    assert translator is not None
    try:
        with qtbot.waitSignal(page.loaded, timeout=5000):
            page.show_customer(maria)
        with qtbot.waitSignal(page.loaded, timeout=5000):
            page.show_customer(h.PRESS)
        changed = 0
        for table in tables:
            header = table.horizontalHeader()
            changed += header.model().headerData(0, Qt.Orientation.Horizontal) \
                != english[table.objectName()]
            for column in range(header.count() - 1):
                wanted = header.sectionSizeHint(column)
                if table.model().rowCount():
                    wanted = max(wanted, table.sizeHintForColumn(column))
                assert header.sectionSize(column) == wanted, (table.objectName(), column)
        assert changed >= 3  # the headers are Indonesian now
    finally:
        QCoreApplication.removeTranslator(translator)
        install_translator(qapp, "en")


class Resizes(QObject):
    """Counts the resize events ``widget`` receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Resize
        return False


def test_the_hidden_page_is_readied_at_the_windows_size_and_again_after_a_resize(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    """Readied at the size it was made with (640×480), the page would be laid out again
    at the window's size on the first customer's time."""
    h.press_customer(branch)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    page = window.account
    page.prepare()
    readier = page.readier
    assert readier is not None and readier.readied == 1
    assert page.size() == window.pages.contentsRect().size()
    assert not page.stacked

    window.resize(1024, 600)  # the window made smaller while the search is in front
    qtbot.waitUntil(lambda: readier.readied == 2, timeout=3000)
    assert page.size() == window.pages.contentsRect().size() and page.stacked
    assert ctx.tasks.wait(5000)

    resizes = Resizes(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):  # the first scan
        window.open_account(h.PRESS)
    qtbot.wait(20)
    assert page.isVisible() and resizes.count == 0, "laid out again at its first showing"
    window.resize(1366, 700)
    qtbot.wait(400)
    assert readier.readied == 2, "a visible page is left alone"


def test_a_value_can_be_copied_from_its_right_click_menu(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    for name in VALUE_LABELS:
        label = page.findChild(QLabel, name)
        assert label is not None
        assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu, name
        assert [action.text() for action in label.actions()] == ["Copy"], name
    phone = page.findChild(QLabel, "customerPhone")
    assert phone is not None and phone.text().startswith("08")
    phone.actions()[0].trigger()
    assert QApplication.clipboard().text() == phone.text()


def test_readying_draws_every_glyph_once_in_each_of_the_pages_fonts(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Readied empty, the page would rasterise its figures' and names' glyphs on the
    first customer's time."""
    drawn: list[str] = []
    draw = readying.draw_specimens
    monkeypatch.setattr(readying, "draw_specimens",
                        lambda fonts: drawn.extend(font.key() for font in fonts))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.account.prepare()
    page = window.account
    wanted = {page.title.font().key(), page.findChild(QLabel, "totalDue").font().key(),
              page.findChild(QLabel, "customerName").font().key(),
              page.bills_table.font().key()}
    assert wanted <= set(drawn) and len(drawn) == len(set(drawn))
    draw([page.title.font(), page.bills_table.font()])  # and drawing them works
