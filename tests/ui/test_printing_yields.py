"""The window keeps answering while an enrolment's documents print: pages are painted in
bands, and between two bands the window's waiting events are handled first."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QSizeF, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.ui.account.docs import payment_documents
from app.ui.account.enrolment_documents import AGREEMENT, WORK_ORDER, EnrolmentDocument
from app.ui.context import UiContext
from app.ui.print_bands import band_rows, paint_page, window_turns
from app.ui.printing import load_print_plugin, printer_names
from tests.support import ui_account_helpers as h
from tests.support.qt_pdf import pdf_document

CUPS_PRINTER = "PDF"
A4_POINTS = QSizeF(595.28, 841.89)


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


class Scanner(QObject):
    """A scan arriving at the window (from any thread); notes how far printing was."""

    scanned = Signal()

    def __init__(self, bands: list[int]) -> None:
        super().__init__()
        self.bands = bands
        self.handled_at: int | None = None
        self.scanned.connect(self._handle)

    def _handle(self) -> None:
        self.handled_at = len(self.bands)


def test_a_scan_during_a_page_is_handled_before_the_next_band_is_printed(
        qtbot: QtBot, ctx: UiContext, tmp_path: Path) -> None:
    h.press_customer(ctx.branch)
    docs = payment_documents(ctx.branch, h.enrol(ctx.branch, ctx.signed_in()))
    assert docs.agreement is not None
    with pdf_document(docs.agreement) as document:
        points = document.pagePointSize(0)
        assert points.width() == pytest.approx(A4_POINTS.width(), abs=1)
        load_print_plugin()
        bands: list[int] = []
        scanner = Scanner(bands)
        output = tmp_path / "agreement.pdf"
        finished = threading.Event()

        def print_agreement() -> None:  # the printing thread
            give = window_turns()

            def turn() -> None:
                give()
                bands.append(1)
                if len(bands) == 3:  # the cashier scans while the page's third band prints
                    scanner.scanned.emit()

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(output))
            printer.setFullPage(True)
            painter = QPainter(printer)
            try:
                paint_page(painter, document, 0, points, 300, printer.resolution(), turn)
            finally:
                painter.end()
                finished.set()

        worker = threading.Thread(target=print_agreement)
        worker.start()
        try:
            qtbot.waitUntil(finished.is_set, timeout=20000)
        finally:
            worker.join()  # before the document it paints is deleted

    assert len(bands) == len(band_rows(round(points.width() * 300 / 72),
                                       round(points.height() * 300 / 72))) >= 10
    assert scanner.handled_at == 3  # before the fourth band, not after the page
    printed = PdfReader(output)
    assert len(printed.pages) == 1
    assert float(printed.pages[0].mediabox.height) > float(printed.pages[0].mediabox.width)


def test_the_window_answers_while_the_enrolments_documents_print_on_cups(
        qtbot: QtBot, ctx: UiContext) -> None:
    if CUPS_PRINTER not in printer_names():
        pytest.skip("no CUPS printer named PDF (see .ci/run)")
    h.press_customer(ctx.branch)
    other = h.active_customer(ctx.branch)
    receipt = h.enrol(ctx.branch, ctx.signed_in())
    docs = payment_documents(ctx.branch, receipt)
    page = h.open_account(qtbot, ctx, h.PRESS)
    flow = page.flows.enrolment_documents
    flow.ready({AGREEMENT: docs.agreement, WORK_ORDER: docs.work_order})
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    printed: list[object] = []
    flow.done.connect(printed.append)
    timer.start(1)

    flow.print([EnrolmentDocument(AGREEMENT, receipt.receipt_no),
                EnrolmentDocument(WORK_ORDER, receipt.work_order_no or "")], CUPS_PRINTER)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show_customer(other)  # the next customer's card is scanned
    shown_while_printing = not printed
    ticks_when_shown = len(ticks)
    qtbot.waitUntil(lambda: bool(printed), timeout=30000)
    timer.stop()

    assert page.account is not None and page.account.customer.connection_no == other
    assert shown_while_printing, "the account came only after the documents were printed"
    assert len(ticks) > ticks_when_shown  # the window's timer kept firing during printing
    assert all(result.result.ok for result in printed[0])  # type: ignore[attr-defined]
