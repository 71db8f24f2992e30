"""Receipts printed silently at the counter: a real job through CUPS to its virtual PDF
printer (80 mm page), and a printer that does not exist (clear message, payment kept,
the failed attempt in the print log, the receipt printable again)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from PySide6.QtCore import QSizeF
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import AuditRecord, Payment
from app.services.documents.print_log import print_attempts, print_state
from app.services.settings import PrinterChoice
from app.ui.account.page import AccountPage
from app.ui.context import UiContext
from app.ui.printing import NO_PRINTERS, NO_SUCH_PRINTER, page_size, printer_names
from tests.support import ui_account_helpers as h

CUPS_PRINTER = "PDF"
ROLL_80_POINTS = 80 / 25.4 * 72  # 226.8
CUPS_PDF_FOLDERS = (Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS"))


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def account_printing_to(qtbot: QtBot, ctx: UiContext, printer: str) -> tuple[AccountPage, str]:
    """The press customer enrolled (receipt not printed yet), the page set to ``printer``."""
    h.press_customer(ctx.branch)
    receipt_no = h.enrol(ctx.branch, ctx.signed_in()).receipt_no
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.flows.printer_choice = lambda: PrinterChoice(printer, "80mm")
    return page, receipt_no


def print_and_wait(qtbot: QtBot, page: AccountPage, receipt_no: str) -> None:
    page.flows.last_print = None
    page.flows.reprint(receipt_no)
    qtbot.waitUntil(lambda: page.flows.last_print is not None, timeout=15000)


def spooled_pdfs() -> set[Path]:
    return {p for folder in CUPS_PDF_FOLDERS if folder.is_dir() for p in folder.glob("*.pdf")}


def test_roll_pages_keep_their_exact_size_and_sheets_their_standard_name() -> None:
    roll = page_size(QSizeF(ROLL_80_POINTS, 400))
    assert roll.sizePoints().width() == round(ROLL_80_POINTS)
    assert roll.sizePoints().height() == 400
    assert page_size(QSizeF(419.53, 595.28)).id().name == "A5"
    assert page_size(QSizeF(595.28, 841.89)).id().name == "A4"


def finished_pdf(path: Path, deadline: float) -> PdfReader:
    """The spooled PDF once cups-pdf has finished writing it (it may still be growing when
    it first appears): its end-of-file mark is there and it reads whole."""
    while True:
        try:
            if path.read_bytes().rstrip().endswith(b"%%EOF"):
                return PdfReader(path)
        except (OSError, PdfReadError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} was never finished by cups-pdf")
        time.sleep(0.25)


def test_receipt_prints_on_the_cups_pdf_printer_on_80_mm_paper(
        qtbot: QtBot, ctx: UiContext) -> None:
    if CUPS_PRINTER not in printer_names():
        pytest.skip("no CUPS printer named PDF (see .ci/run)")
    before = spooled_pdfs()
    page, receipt_no = account_printing_to(qtbot, ctx, CUPS_PRINTER)
    print_and_wait(qtbot, page, receipt_no)
    printed = page.flows.last_print
    assert printed is not None and printed.result.ok, printed
    assert "Sent to the printer PDF" in page.message.text()
    assert page.flows.viewers == []  # silent: no preview window
    assert print_state(ctx.branch.reading(), receipt_no).printed

    def new_receipts() -> set[Path]:  # by name: other tests may print other papers meanwhile
        return {p for p in spooled_pdfs() - before
                if p.name.startswith("Kwitansi") and receipt_no in p.name}

    deadline = time.monotonic() + 20
    while not (new := new_receipts()) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert new, f"cups-pdf wrote no receipt {receipt_no} into {CUPS_PDF_FOLDERS}"
    output = max(new, key=lambda p: p.stat().st_mtime)
    box = finished_pdf(output, time.monotonic() + 20).pages[0].mediabox
    assert float(box.width) == pytest.approx(ROLL_80_POINTS, abs=1.5)
    assert float(box.height) > float(box.width)  # cut to the receipt's length


def test_a_missing_printer_says_so_keeps_the_payment_and_logs_the_failure(
        qtbot: QtBot, ctx: UiContext) -> None:
    page, receipt_no = account_printing_to(qtbot, ctx, "Loket No Such Printer")
    print_and_wait(qtbot, page, receipt_no)
    printed = page.flows.last_print
    assert printed is not None and not printed.result.ok
    assert printed.result.reason in (NO_PRINTERS, NO_SUCH_PRINTER)
    text = page.message.text()
    assert f"Receipt {receipt_no} was not printed" in text
    assert "payment is saved" in text and "reprint" in text
    assert page.message.kind == "error"

    with ctx.branch.reading() as uow:
        assert uow.session.scalar(select(Payment).where(Payment.receipt_no == receipt_no))
        actions = list(uow.session.scalars(
            select(AuditRecord.action).where(AuditRecord.entity_id == receipt_no)))
    assert "receipt.print" in actions
    state = print_state(ctx.branch.reading(), receipt_no)
    assert (state.printed, state.reprints, state.failures) == (False, 0, 1)
    assert state.last_error.startswith(printed.result.reason)

    print_and_wait(qtbot, page, receipt_no)  # the cashier tries again: a numbered copy
    attempts = print_attempts(ctx.branch.reading(), receipt_no)
    assert [(a.copy_no, a.ok) for a in attempts] == [(0, False), (1, False)]
    assert print_state(ctx.branch.reading(), receipt_no).failures == 2
