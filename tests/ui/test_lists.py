"""The counter's work lists: overdue instalments, seal work orders, today's receipts."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.accounts import get_account
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.ui.context import UiContext
from app.ui.i18n import install_translator
from app.ui.lists import OverduePage, ReceiptsPage, WorkOrdersPage
from app.ui.lists.date_field import DateField
from app.ui.pdf_view import PdfViewDialog
from app.ui.tasks import TaskRunner
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills

DAY = dt.timedelta(days=1)


@pytest.fixture
def ctx(branch: BranchDatabase, cashier: Actor) -> Iterator[UiContext]:
    context = UiContext(branch, cashier, TaskRunner())
    yield context
    context.tasks.wait()


def enrol(branch: BranchDatabase, cashier: Actor, no: str, name: str, kelurahan: str = "Alak",
          method: str = "cash", reference: str = "") -> str:
    add_customer(branch, no, name=name, kelurahan=kelurahan,
                 bills=monthly_bills("2024-01", 10, 60_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        no, 3, Tender(300_000, 300_000, method, reference))).receipt_no


def enrol_three(branch: BranchDatabase, cashier: Actor, clock: FixedClock) -> None:
    """Yakob and Maria enrol on 24 November (instalments due from 20 December), Agustina
    (Oebobo) on 22 December (due from 20 January)."""
    enrol(branch, cashier, "10000001", "Yakob Ndun")
    enrol(branch, cashier, "10000002", "Maria Bessie")
    clock.at += 28 * DAY
    enrol(branch, cashier, "10000003", "Agustina Lay", kelurahan="Oebobo")
    clock.at -= 28 * DAY


def type_date(qtbot: QtBot, edit: DateField, text: str) -> None:
    """Type ``text`` into a date field entered with Tab (the whole date selected)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def overdue_page(qtbot: QtBot, ctx: UiContext) -> OverduePage:
    page = OverduePage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    return page


def test_overdue_list_shows_whom_to_call_as_of_a_date(
        qtbot: QtBot, qtmodeltester: object, ctx: UiContext, branch: BranchDatabase, cashier: Actor,
        clock: FixedClock) -> None:
    enrol_three(branch, cashier, clock)
    page = overdue_page(qtbot, ctx)
    assert page.as_of_date() == dt.date(2025, 11, 24) and page.lines() == []
    with qtbot.waitSignal(page.loaded):
        type_date(qtbot, page.as_of, "05/01/2026")
        qtbot.keyClick(page.as_of, Qt.Key.Key_Return)
    assert [(x.name, x.days_overdue) for x in page.lines()] == [
        ("Maria Bessie", 16), ("Yakob Ndun", 16)]
    with qtbot.waitSignal(page.loaded):
        type_date(qtbot, page.as_of, "25/1/2026")
        qtbot.keyClick(page.as_of, Qt.Key.Key_Return)
    assert [(x.name, x.instalment, x.days_overdue) for x in page.lines()] == [
        ("Maria Bessie", 1, 36), ("Yakob Ndun", 1, 36), ("Agustina Lay", 1, 5),
        ("Maria Bessie", 2, 5), ("Yakob Ndun", 2, 5)]  # longest overdue first
    assert page.model.index(0, 2).data() == "081234567890"
    assert page.model.index(0, 6).data() == "20 December 2025"
    assert page.model.index(0, 7).data() == "Rp 100.000"
    assert page.total.text() == "5 overdue instalments, Rp 500.000 outstanding"
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]

    qtbot.keyClicks(page.filter, "oebo")
    assert [x.name for x in page.lines()] == ["Agustina Lay"]
    assert page.total.text() == "1 overdue instalments, Rp 100.000 outstanding"
    with qtbot.waitSignal(page.open_account) as opened:
        qtbot.keyClick(page.filter, Qt.Key.Key_Return)  # Enter in the filter: the first row
    assert opened.args == ["10000003"]
    qtbot.keyClick(page.filter, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.filter, "ak")  # "oebak": nobody
    assert page.lines() == [] and not page.csv_button.isEnabled()
    page.filter.clear()
    page.table.selectRow(1)
    with qtbot.waitSignal(page.open_account) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == ["10000001"]


def test_overdue_list_exports_what_is_shown(
        qtbot: QtBot, ctx: UiContext, branch: BranchDatabase, cashier: Actor, clock: FixedClock,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    enrol_three(branch, cashier, clock)
    page = overdue_page(qtbot, ctx)
    with qtbot.waitSignal(page.loaded):
        page.as_of.set_value(dt.date(2026, 1, 25))
    qtbot.keyClicks(page.filter, "alak")  # Yakob and Maria
    save_to(monkeypatch, tmp_path / "tagihan")  # the extension is added
    with qtbot.waitSignal(page.exported):
        qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    with (tmp_path / "tagihan.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Connection no.", "Name", "Phone"]
    assert [(r[0], r[5], r[6], r[7], r[8]) for r in rows[1:]] == [
        ("10000002", "1", "2025-12-20", "100000", "36"),
        ("10000001", "1", "2025-12-20", "100000", "36"),
        ("10000002", "2", "2026-01-20", "100000", "5"),
        ("10000001", "2", "2026-01-20", "100000", "5")]
    assert page.message.text() == f"4 rows written to {tmp_path / 'tagihan.csv'}"

    save_to(monkeypatch, tmp_path / "tagihan.xlsx")
    with qtbot.waitSignal(page.exported):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "tagihan.xlsx").active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][-1] == "Days overdue" and len(values) == 5
    assert values[1][0] == "10000002" and values[1][7] == 100_000  # amounts stay numbers
    assert values[1][6] == dt.datetime(2025, 12, 20)  # and dates stay dates


def test_overdue_page_keyboard_order(qtbot: QtBot, ctx: UiContext) -> None:
    page = overdue_page(qtbot, ctx)
    page.show()
    qtbot.waitExposed(page)
    page.csv_button.setEnabled(True)
    page.xlsx_button.setEnabled(True)
    page.as_of.setFocus()
    for widget in (page.filter, page.table, page.csv_button, page.xlsx_button):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is widget


def work_orders_page(qtbot: QtBot, ctx: UiContext) -> WorkOrdersPage:
    page = WorkOrdersPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    return page


def test_marking_a_work_order_done_unseals_the_customer(
        qtbot: QtBot, qtmodeltester: object, ctx: UiContext, branch: BranchDatabase,
        cashier: Actor) -> None:
    enrol(branch, cashier, "10000001", "Yakob Ndun")
    page = work_orders_page(qtbot, ctx)
    [order] = page.orders()
    assert order.kind == "unseal" and page.model.index(0, 2).data() == "Yakob Ndun"
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]

    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on an issued order: mark done
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.done_on.value() == dt.date(2025, 11, 24)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "field officer" in dialog.problem.text()

    qtbot.keyClicks(dialog.officer, "Petrus Lado")
    type_date(qtbot, dialog.done_on, "25/11/2025")
    qtbot.keyClick(dialog.officer, Qt.Key.Key_Return)
    assert dialog.isVisible() and "cannot be after today" in dialog.problem.text()

    type_date(qtbot, dialog.done_on, "23/11/2025")
    qtbot.keyClick(dialog.officer, Qt.Key.Key_Return)
    assert dialog.isVisible() and "issued on 24 November 2025" in dialog.problem.text()

    type_date(qtbot, dialog.done_on, "31123112")  # an absurd year is refused, not saved
    qtbot.keyClick(dialog.officer, Qt.Key.Key_Return)
    assert dialog.isVisible() and "is not a date this field takes" in dialog.problem.text()

    type_date(qtbot, dialog.done_on, "24/11/2025")
    qtbot.keyClicks(dialog.meter, "-3")
    qtbot.keyClick(dialog.officer, Qt.Key.Key_Return)
    assert dialog.isVisible() and "meter reading" in dialog.problem.text()

    dialog.meter.clear()
    qtbot.keyClicks(dialog.meter, "1234")
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClick(dialog.officer, Qt.Key.Key_Return)
    assert page.dialog is None  # closed
    assert page.orders() == []  # no longer issued
    assert get_account(branch.reading(), "10000001").customer.status == "active"
    assert "is now ACTIVE" in page.message.text()

    with qtbot.waitSignal(page.loaded):
        page.state.setCurrentIndex(page.state.findData("done"))
    [done] = page.orders()
    assert (done.done_on, done.field_officer) == (dt.date(2025, 11, 24), "Petrus Lado")
    assert not page.done_button.isEnabled()


def test_print_spk_archives_the_work_order(qtbot: QtBot, ctx: UiContext, branch: BranchDatabase,
                                           cashier: Actor) -> None:
    enrol(branch, cashier, "10000001", "Yakob Ndun")
    page = work_orders_page(qtbot, ctx)
    with qtbot.waitSignal(page.document_ready, timeout=10_000) as made:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    archived = made.args[0]
    assert archived.path.read_bytes().startswith(b"%PDF")
    assert archived.number == page.orders()[0].number
    viewer = page.findChild(PdfViewDialog)
    assert viewer is not None and viewer.isVisible() and viewer.page_count() == 1
    viewer.close()


def receipts_page(qtbot: QtBot, ctx: UiContext) -> ReceiptsPage:
    page = ReceiptsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    return page


def test_todays_receipts_mark_voids_and_total_by_method(
        qtbot: QtBot, qtmodeltester: object, ctx: UiContext, branch: BranchDatabase, cashier: Actor,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001", "Yakob Ndun")
    enrol(branch, cashier, "10000002", "Maria Bessie", method="transfer", reference="TRF-77")
    voided = enrol(branch, cashier, "10000003", "Agustina Lay", method="qris",
                   reference="QR-1")
    void_payment(branch.writing(), cashier, VoidRequest(voided, "salah nama", *SUPERVISOR))
    page = receipts_page(qtbot, ctx)
    assert [x.name for x in page.lines()] == ["Yakob Ndun", "Maria Bessie", "Agustina Lay"]
    model = page.model
    assert model.index(1, 5).data() == "Bank transfer (TRF-77)"
    assert model.index(2, 8).data() == "VOID: salah nama"
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(2, 8).data(Qt.ItemDataRole.FontRole) is None  # the reason stays legible
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert page.totals.text() == ("3 receipts (1 voided) · Cash Rp 300.000 · "
                                  "Bank transfer Rp 300.000 · QRIS Rp 0 · Total Rp 600.000")
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    save_to(monkeypatch, tmp_path / "kas.csv")
    with qtbot.waitSignal(page.exported):
        qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    with (tmp_path / "kas.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Method"], r["Voided"], r["Void reason"]) for r in rows] == [
        ("Cash", "tidak", ""), ("Bank transfer", "tidak", ""), ("QRIS", "ya", "salah nama")]


def test_receipts_need_someone_logged_in(qtbot: QtBot, branch: BranchDatabase) -> None:
    page = ReceiptsPage(UiContext(branch))
    qtbot.addWidget(page)
    page.refresh()
    assert page.lines() == [] and "Log in" in page.message.text()
    assert not page.csv_button.isEnabled()


def test_table_sorting_keeps_the_selected_record(qtbot: QtBot, ctx: UiContext,
                                                 branch: BranchDatabase,
                                                 cashier: Actor, clock: FixedClock) -> None:
    enrol_three(branch, cashier, clock)
    page = overdue_page(qtbot, ctx)
    with qtbot.waitSignal(page.loaded):
        page.as_of.set_value(dt.date(2026, 1, 25))
    page.table.selectRow(2)
    assert page.lines()[2].name == "Agustina Lay"
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name
    assert [x.name for x in page.lines()] == [
        "Agustina Lay", "Maria Bessie", "Maria Bessie", "Yakob Ndun", "Yakob Ndun"]
    assert page.table.current_row() == 0  # Agustina stays selected


@pytest.mark.parametrize("typed", ["05/01/2026", "5/1/2026", "05012026", "5-1-2026", "5.1.2026"])
def test_date_field_takes_dates_as_cashiers_type_them(qtbot: QtBot, typed: str) -> None:
    field = DateField(dt.date(2025, 11, 24))
    qtbot.addWidget(field)
    type_date(qtbot, field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == dt.date(2026, 1, 5)


def test_lists_speak_indonesian(qtbot: QtBot, qapp: QApplication, ctx: UiContext) -> None:
    translator = install_translator(qapp, "id")
    assert translator is not None
    try:
        page = OverduePage(ctx)
        qtbot.addWidget(page)
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "No. sambungan"
        assert page.csv_button.text() == "Ekspor &CSV…"
    finally:
        QCoreApplication.removeTranslator(translator)
        install_translator(qapp, "en")


def test_work_order_list_exports_what_is_shown(
        qtbot: QtBot, ctx: UiContext, branch: BranchDatabase, cashier: Actor,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001", "Yakob Ndun")
    enrol(branch, cashier, "10000002", "Agustina Lay", kelurahan="Oebobo")
    page = work_orders_page(qtbot, ctx)
    qtbot.keyClicks(page.filter, "oebobo")
    assert [o.customer_name for o in page.orders()] == ["Agustina Lay"]
    save_to(monkeypatch, tmp_path / "spk")
    with qtbot.waitSignal(page.exported):
        qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    with (tmp_path / "spk.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Number", "Work", "Customer", "Connection no."]
    [(number, work, name, no, *rest)] = rows[1:]
    assert (number, name, no) == (page.orders()[0].number, "Agustina Lay", "10000002")
    assert work == "Open the seal" and rest[-3] == "Issued"  # in words, as on screen
    assert rest[-2:] == ["", ""]  # not done yet: no date, no officer (not "None")
    assert page.message.text() == f"1 rows written to {tmp_path / 'spk.csv'}"

    page.filter.clear()
    save_to(monkeypatch, tmp_path / "spk.xlsx")
    with qtbot.waitSignal(page.exported):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(tmp_path / "spk.xlsx").active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][-1] == "Field officer" and len(values) == 3
    assert isinstance(values[1][9], dt.datetime)  # dates stay dates

    qtbot.keyClicks(page.filter, "nobody at all")
    assert not page.csv_button.isEnabled() and not page.xlsx_button.isEnabled()
