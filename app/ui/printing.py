"""Printing PDFs on a named printer without a dialog (receipts at the counter).

Pages are rendered with QtPdf and painted onto a ``QPrinter`` whose page is the
document's own (80 / 58 mm rolls as a custom size, A5, half-letter, A4). Qt supports
painting onto a ``QPrinter`` and a ``QImage`` in a worker thread, so the whole job can
run off the UI thread; the printer list is first read on the UI thread so the print
plugin is loaded there. Pages go in bands that leave the window its turn in between
(:mod:`app.ui.print_bands`), so a scan is handled while documents print. A job counts
as printed only when the spooler took it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.documents.archive import (
    AGREEMENT,
    LPP,
    PROGRESS,
    RECEIPT,
    WORK_ORDER,
    ArchivedDocument,
)
from app.services.documents.print_log import PrintAttempt, PrintState, record_print
from app.services.settings import PrinterChoice, load_settings
from app.ui.pdf_fonts import keep_fonts_loaded
from app.ui.print_bands import paint_page, window_turns
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
MAX_RENDER_DPI = 300  # thermal heads print at 203 dpi; more only costs memory
SHEET_MIN_WIDTH = 300.0  # points: narrower pages are rolls, given their exact size
OK, NO_PRINTERS, NO_SUCH_PRINTER, JOB_FAILED, BAD_DOCUMENT = (
    "", "no_printers", "no_such_printer", "job_failed", "bad_document")


@dataclass(frozen=True)
class PrintResult:
    """``ok`` when the spooler accepted the job; otherwise ``reason`` says why not."""

    printer: str
    reason: str = OK
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.reason == OK

    def message(self) -> str:
        """One translated sentence for the cashier."""
        translate = QCoreApplication.translate
        texts = {
            OK: translate("Printing", "Sent to the printer {printer}."),
            NO_PRINTERS: translate("Printing", "No printer is installed on this computer."),
            NO_SUCH_PRINTER: translate(
                "Printing", "The printer {printer} is not installed on this computer."),
            JOB_FAILED: translate("Printing", "The printer {printer} did not accept the job."),
            BAD_DOCUMENT: translate("Printing", "The document could not be read for printing."),
        }
        return texts[self.reason].format(printer=self.printer)


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


_plugin: list[bool] = []


def load_print_plugin() -> None:
    """Load Qt's print plugin on the UI thread (before printing in a worker): reading
    the printer list once does it; later calls cost nothing (the list takes 10–25 ms).
    QtPdf's fonts are loaded here too, for good (:mod:`app.ui.pdf_fonts`)."""
    if not _plugin:
        printer_names()
        window_turns()  # made here, on the UI thread
        keep_fonts_loaded()
        _plugin.append(True)


def page_size(points: QSizeF) -> QPageSize:
    """A standard size (A4, A5, half-letter) when the page is one, else the exact size."""
    policy = (QPageSize.SizeMatchPolicy.FuzzyMatch if points.width() >= SHEET_MIN_WIDTH
              else QPageSize.SizeMatchPolicy.ExactMatch)
    name = f"{points.width() / 72 * 25.4:.0f} mm roll"
    return QPageSize(points, QPageSize.Unit.Point, name, policy)


def print_pdf(pdf: bytes | Path, printer_name: str, title: str) -> PrintResult:
    """Print every page of ``pdf`` on ``printer_name`` (no dialog); safe off the UI thread."""
    names = printer_names()
    if not names:
        return PrintResult(printer_name, NO_PRINTERS)
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull() or printer_name not in names:
        return PrintResult(printer_name, NO_SUCH_PRINTER)
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            return PrintResult(printer_name, BAD_DOCUMENT, str(document.error()))
        return _spool(document, QPrinter(info, QPrinter.PrinterMode.HighResolution), title)
    finally:
        document.close()
        buffer.close()


def _spool(document: QPdfDocument, printer: QPrinter, title: str) -> PrintResult:
    name = printer.printerName()
    printer.setDocName(title)
    printer.setFullPage(True)
    _set_page(printer, document.pagePointSize(0))
    painter = QPainter()
    if not painter.begin(printer):
        return PrintResult(name, JOB_FAILED, "the print job could not be started")
    turn = window_turns()
    try:
        dpi = printer.resolution()
        render_dpi = min(dpi, MAX_RENDER_DPI)
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            if page:
                _set_page(printer, points)
                printer.newPage()
            paint_page(painter, document, page, points, render_dpi, dpi, turn)
    finally:
        ended = painter.end()
    if not ended or printer.printerState() in (QPrinter.PrinterState.Error,
                                               QPrinter.PrinterState.Aborted):
        return PrintResult(name, JOB_FAILED, "the spooler refused the job")
    return PrintResult(name)


def _set_page(printer: QPrinter, points: QSizeF) -> None:
    layout = QPageLayout(page_size(points), QPageLayout.Orientation.Portrait,
                         QMarginsF(0, 0, 0, 0))
    if not printer.setPageLayout(layout):
        log.warning("printer %s refused page size %s", printer.printerName(), points)


# --- the counter's printers (settings) ---------------------------------------------------
SETTINGS_DOCUMENT = {RECEIPT: "receipt", AGREEMENT: "agreement", WORK_ORDER: "work_order",
                     LPP: "report", PROGRESS: "report"}
"""The settings' document type of each kind of archived PDF (``<kind>-<number>.pdf``)."""


def preferred_printer(path: Path) -> str:
    """The printer the counter settings chose for this archived document's type ("" =
    none: the system's default)."""
    document = SETTINGS_DOCUMENT.get(path.name.partition("-")[0])
    return load_settings().settings.printer_for(document).printer if document else ""


# --- receipts at the counter -------------------------------------------------------------
def receipt_printer() -> PrinterChoice:
    """The counter's receipt printer and paper from the settings ("" = none chosen)."""
    return load_settings().settings.printer_for("receipt")


@dataclass(frozen=True)
class ReceiptPrinted:
    result: PrintResult
    state: PrintState


def print_receipt(branch: BranchDatabase, actor: Actor, receipt_no: str, doc: ArchivedDocument,
                  printer_name: str) -> ReceiptPrinted:
    """Print an archived receipt and keep the attempt in the print log (worker thread)."""
    try:
        result = print_pdf(doc.path, printer_name, f"Kwitansi {receipt_no}")
    except Exception as error:  # the payment is saved; the attempt is logged as failed
        log.exception("printing receipt %s failed", receipt_no)
        result = PrintResult(printer_name, JOB_FAILED, str(error))
    failure = "" if result.ok else f"{result.reason}: {result.detail}".rstrip(": ")
    state = record_print(branch.writing(), actor, PrintAttempt(
        receipt_no, doc.copy_no, printer_name, result.ok, failure))
    return ReceiptPrinted(result, state)


def print_receipt_in_background(tasks: TaskRunner, branch: BranchDatabase, actor: Actor,
                                receipt_no: str, doc: ArchivedDocument, printer_name: str,
                                on_done: Callable[[ReceiptPrinted], None],
                                on_error: Callable[[BaseException], None]) -> None:
    """``print_receipt`` on the thread pool; the print plugin is loaded here first."""
    load_print_plugin()
    tasks.run(lambda _cancel: print_receipt(branch, actor, receipt_no, doc, printer_name),
              on_done, on_error)
