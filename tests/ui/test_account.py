"""The account screen: status, arrears by period, the plan and its schedule, payments,
work orders and archived documents; its tables are well-behaved item models."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.plans import check_broken_plans
from app.services.ledger.voids import VoidRequest, void_payment
from app.ui.account.models import ScheduleModel
from app.ui.account.reprint_dialog import ReprintDialog
from app.ui.context import UiContext
from app.ui.pdf_view import PdfViewDialog, print_document
from tests.support import ui_account_helpers as h
from tests.support.fakes import SUPERVISOR

pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def cell(model: object, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
         ) -> object:
    index = model.index(row, column)  # type: ignore[attr-defined]
    return model.data(index, role)  # type: ignore[attr-defined]


def test_sealed_customer_shows_details_arrears_and_no_plan(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)

    assert page.title.text() == "Ahmad Yusuf Bessie"
    assert page.status_badge.text() == "SEALED" and page.status_badge.isVisible()
    assert not page.plan_badge.isVisible()
    assert page.value_of("connectionNo") == h.PRESS
    assert page.value_of("customerAddress") == "Jl. Oeleta Raya No. 27, RT 001/RW 002"
    assert page.value_of("customerKelurahan") == "Penkase Oeleta, Alak"
    assert page.value_of("customerPhone") == "081234567890"
    assert page.value_of("arrearsTotal") == "Rp 2.400.000"
    assert page.value_of("penaltyTotal") == "Rp 240.000"
    assert page.value_of("totalDue") == "Rp 2.640.000"
    assert page.bills_model.rowCount() == 24
    assert cell(page.bills_model, 0, 0) == "October 2023"
    assert cell(page.bills_model, 0, 4) == "Rp 10.000"
    assert cell(page.bills_model, 0, 6) == "Rp 110.000"
    assert page.plan_box.title() == "Promotion: not enrolled"
    assert page.enrol_button.isEnabled()
    assert not page.pay_button.isEnabled() and not page.void_button.isEnabled()
    assert not page.reprint_button.isEnabled()


def test_enrolled_account_shows_plan_schedule_states_and_voided_receipts(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    first = h.pay(branch, cashier, 400_000)
    void_payment(branch.writing(), cashier, VoidRequest(first.receipt_no, "wrong customer",
                                                        *SUPERVISOR))
    h.pay(branch, cashier, 500_000)
    page = h.open_account(qtbot, ctx, h.PRESS)

    assert page.plan_badge.text() == "PLAN: ACTIVE"
    assert page.value_of("planProgramme") == "Buka Segel 2025 (since 24 November 2025)"
    assert page.value_of("planAmountDue") == "Rp 2.400.000"
    assert page.value_of("planPaid") == "Rp 1.700.000"
    assert page.value_of("planBalance") == "Rp 700.000"
    assert page.value_of("planNextDue") == "20 January 2026"
    model = page.instalments_model
    assert [cell(model, r, 4) for r in range(3)] == [
        "Paid", "Not yet paid (part paid)", "Not yet paid"]
    assert cell(model, 0, 1) == "20 December 2025" and cell(model, 1, 3) == "Rp 100.000"
    assert cell(model, 0, 0, Qt.ItemDataRole.BackgroundRole) \
        != cell(model, 2, 0, Qt.ItemDataRole.BackgroundRole)
    payments = page.payments_model
    assert payments.rowCount() == 3
    notes = [cell(payments, r, 6) for r in range(3)]
    assert notes == ["", "VOID: wrong customer", ""]
    assert [cell(payments, r, 2) for r in range(3)] == [
        "Instalment payment", "Instalment payment", "Down payment"]
    assert cell(page.orders_model, 0, 1) == "Open the seal"
    assert page.pay_button.isEnabled() and page.void_button.isEnabled()


def test_overdue_and_broken_instalments_read_differently(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, system: Actor, ctx: UiContext,
        clock: FixedClock) -> None:
    h.press_customer(branch)
    h.enrol(branch, cashier)
    clock.advance(days=40)  # 3 January 2026: the first instalment is overdue
    page = h.open_account(qtbot, ctx, h.PRESS)
    overdue = cell(page.instalments_model, 0, 4)
    assert overdue == "Overdue"
    assert cell(page.instalments_model, 1, 4) == "Not yet paid"
    colour = cell(page.instalments_model, 0, 4, Qt.ItemDataRole.ForegroundRole)
    assert colour != cell(page.instalments_model, 1, 4, Qt.ItemDataRole.ForegroundRole)

    clock.advance(days=40)  # past the grace days: the plan breaks
    check_broken_plans(branch.writing(), system, clock.now().date())
    h.reload(qtbot, page)
    assert page.plan_badge.text() == "PLAN: BROKEN"
    assert [cell(page.instalments_model, r, 4) for r in range(3)] == ["Broken"] * 3
    assert cell(page.instalments_model, 0, 4, Qt.ItemDataRole.ForegroundRole) != colour
    assert not page.pay_button.isEnabled()


def test_unknown_connection_number_says_so(qtbot: QtBot, ctx: UiContext) -> None:
    page = h.open_account(qtbot, ctx, "9999999999")
    assert page.message.text() == "No customer with connection number '9999999999'."
    assert page.message.isVisible()
    assert not page.enrol_button.isEnabled()


def test_back_button_asks_to_go_back(qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    h.press_customer(branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


def test_item_models_pass_the_model_tester(
        qtbot: QtBot, qtmodeltester: object, branch: BranchDatabase, cashier: Actor,
        ctx: UiContext) -> None:
    h.press_customer(branch)
    receipt = h.enrol(branch, cashier)
    h.pay(branch, cashier, 400_000)
    page = h.open_account(qtbot, ctx, h.PRESS)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.flows.reprint(receipt.receipt_no)
    schedule = ScheduleModel()
    schedule.set_rows(receipt.schedule)
    for model in (page.bills_model, page.instalments_model, page.payments_model,
                  page.orders_model, page.documents_model, schedule):
        assert model.rowCount() > 0, model
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_reprint_shows_a_copy_and_keeps_it_in_the_archive(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext,
        tmp_path: Path) -> None:
    h.press_customer(branch)
    receipt = h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    for _time in range(2):  # never printed here before: the first is the original
        page.reprint()  # F7 with no receipt selected asks which; Enter takes the newest
        dialog = h.current_dialog(page, ReprintDialog)
        with qtbot.waitSignal(page.loaded, timeout=5000):
            qtbot.keyClick(dialog.receipts, Qt.Key.Key_Return)
    viewer = page.flows.viewers[-1]
    assert isinstance(viewer, PdfViewDialog) and viewer.isVisible()
    assert viewer.windowTitle() == f"Copy of receipt {receipt.receipt_no}"
    assert viewer.page_count() == 1
    names = sorted(doc.path.name for doc in page.documents)
    assert names == [f"kwitansi-{receipt.receipt_no}-salinan-1.pdf",
                     f"kwitansi-{receipt.receipt_no}.pdf"]
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(viewer.document, printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
