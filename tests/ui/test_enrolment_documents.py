"""After the down payment the agreement (to sign) and the unseal work order (for the field
team) are printed in one step, or at once where the counter settings name a printer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.settings import PrinterChoice
from app.ui.account import enrolment_documents
from app.ui.account.enrol_dialog import EnrolDialog
from app.ui.account.enrolment_documents import EnrolmentDocumentsDialog
from app.ui.account.page import AccountPage
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.context import UiContext
from app.ui.printing import NO_SUCH_PRINTER, PrintResult
from tests.support import ui_account_helpers as h

Key = Qt.Key


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


class Spooler:
    """The printers of this counter: what each was sent (pages are not rendered)."""

    def __init__(self, installed: tuple[str, ...], slow: str = "") -> None:
        self.installed, self.slow = installed, slow  # ``slow`` takes its time to accept
        self.jobs: list[tuple[str, str]] = []  # (file name, printer)

    def print(self, path: Path, printer: str, _title: str) -> PrintResult:
        if printer == self.slow:
            time.sleep(0.5)
        if printer not in self.installed:
            return PrintResult(printer, NO_SUCH_PRINTER)
        assert path.read_bytes().startswith(b"%PDF")
        self.jobs.append((path.name.partition("-")[0], printer))
        return PrintResult(printer)


def enrol_by_keyboard(qtbot: QtBot, page: AccountPage) -> None:
    """F5's dialog, Enter on the quote, the money received and Enter."""
    page.flows.enrol(page.account)  # type: ignore[arg-type]
    quote = h.current_dialog(page, EnrolDialog)
    qtbot.waitUntil(lambda: quote.quote is not None and quote.confirm.isEnabled(), timeout=5000)
    qtbot.keyClick(quote.count, Key.Key_Return)
    pay = h.current_dialog(page, PaymentDialog)
    qtbot.keyClicks(pay.tendered, "1250000")
    with qtbot.waitSignal(page.changed, timeout=8000):
        qtbot.keyClick(pay.tendered, Key.Key_Return)


def test_after_the_receipt_one_enter_prints_agreement_and_work_order(
        qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    spooler = Spooler(("Kantor A4",))
    monkeypatch.setattr(enrolment_documents, "printer_names", lambda: list(spooler.installed))
    h.press_customer(ctx.branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    flow = page.flows.enrolment_documents
    flow.printers, flow.print_fn = (lambda _kind: ""), spooler.print
    enrol_by_keyboard(qtbot, page)

    viewer = page.flows.viewers[-1]
    assert flow.dialog is None  # the receipt first: its change is read out
    qtbot.keyClick(viewer, Key.Key_Escape)
    offer = flow.dialog
    assert isinstance(offer, EnrolmentDocumentsDialog) and offer.isVisible()
    assert [box.text() for box in offer.checks.values()] == [
        "Agreement KPG-L01-2025-000001", "Work order SPK-KPG-L01-2025-00001"]
    assert all(box.isChecked() for box in offer.checks.values())
    assert offer.printer.currentText() == "Kantor A4" and offer.print_button.isDefault()
    with qtbot.waitSignal(flow.done, timeout=8000):
        qtbot.keyClick(offer, Key.Key_Return)
    assert spooler.jobs == [("perjanjian", "Kantor A4"), ("spk", "Kantor A4")]
    assert flow.dialog is None  # closed
    assert page.message.text() == (
        "Work order SPK-KPG-L01-2025-00001: Sent to the printer Kantor A4.")


def test_documents_with_their_own_printer_print_at_once_without_asking(
        qtbot: QtBot, ctx: UiContext) -> None:
    spooler = Spooler(("Loket A4", "SPK Lapangan"), slow="SPK Lapangan")
    h.press_customer(ctx.branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.flows.printer_choice = lambda: PrinterChoice("Struk 80", "80mm")  # not installed
    flow = page.flows.enrolment_documents
    flow.printers = {"agreement": "Loket A4", "work_order": "SPK Lapangan"}.__getitem__
    flow.print_fn = spooler.print
    with qtbot.waitSignal(flow.done, timeout=15000) as done:
        enrol_by_keyboard(qtbot, page)
    # once both were handed over, each to its own printer (one of them slow to accept)
    assert sorted(spooler.jobs) == [("perjanjian", "Loket A4"), ("spk", "SPK Lapangan")]
    assert sorted(p.document.kind for p in done.args[0]) == ["agreement", "work_order"]
    assert flow.dialog is None and not page.flows.viewers  # nothing to dismiss


def test_a_printer_that_is_gone_is_said_and_show_opens_them_instead(
        qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    spooler = Spooler(())
    monkeypatch.setattr(enrolment_documents, "printer_names", lambda: [])
    h.press_customer(ctx.branch)
    page = h.open_account(qtbot, ctx, h.PRESS)
    flow = page.flows.enrolment_documents
    flow.printers = {"agreement": "Loket A4", "work_order": ""}.__getitem__
    flow.print_fn = spooler.print
    enrol_by_keyboard(qtbot, page)
    with qtbot.waitSignal(flow.done, timeout=8000):
        qtbot.keyClick(page.flows.viewers[-1], Key.Key_Escape)
    assert "Agreement KPG-L01-2025-000001 was not printed" in page.message.text()
    offer = flow.dialog  # the work order has no printer of its own: offered
    assert isinstance(offer, EnrolmentDocumentsDialog)
    assert list(offer.checks) == ["work_order"] and not offer.print_button.isEnabled()
    qtbot.mouseClick(offer.show_button, Qt.MouseButton.LeftButton)
    assert page.flows.viewers[-1].path.name.startswith("spk-")
