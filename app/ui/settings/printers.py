"""The printers of the counter settings: a printer and a paper per document type.

The printer list is what this PC has installed, plus "System default printer"; a printer
named in the settings but not installed stays selectable, marked as such, so saving does
not lose it. Receipts have a test print: a sample receipt (marked BATAL, never a real
one) on the chosen printer and paper, printed in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from app.services.counter_settings import sample_receipt_pdf
from app.services.settings import DOCUMENT_PAPERS, PrinterChoice, default_printers
from app.ui.context import UiContext
from app.ui.printing import NO_PRINTERS, PrintResult, print_pdf, printer_names

TESTABLE = ("receipt",)
log = logging.getLogger(__name__)


class PrinterTable(QWidget):
    """One row per document type; ``message`` (text, kind) tells how a test print went."""

    message = Signal(str, str)

    def __init__(self, ctx: UiContext, installed: list[str],
                 current: Mapping[str, PrinterChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.installed = ctx, installed
        self.setObjectName("printerTable")
        self.printers: dict[str, QComboBox] = {}
        self.papers: dict[str, QComboBox] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        self.printing = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((self.tr("Document"), self.tr("Printer"),
                                       self.tr("Paper"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        defaults = default_printers()
        for row, kind in enumerate(DOCUMENT_PAPERS, start=1):
            choice = current.get(kind) or defaults[kind]
            grid.addWidget(QLabel(self.document_name(kind)), row, 0)
            grid.addWidget(self._printer_box(kind, installed, choice.printer), row, 1)
            grid.addWidget(self._paper_box(kind, choice.paper), row, 2)
            if kind in TESTABLE:
                grid.addWidget(self._test_button(kind), row, 3)
        hint = QLabel(self.tr("Receipts print straight to their printer; with the system "
                              "default printer each receipt is shown first, ready to print. "
                              "Other documents open in the viewer, whose Print starts at "
                              "the printer chosen here."))
        self.hint = hint  # placed by the dialog, below the table
        hint.setObjectName("printersHint")
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #5f6368; }")
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)

    # ------------------------------------------------------------------ widgets
    def document_name(self, kind: str) -> str:
        names = {"receipt": self.tr("Receipts"), "agreement": self.tr("Instalment agreements"),
                 "work_order": self.tr("Work orders (SPK)"), "report": self.tr("Reports")}
        return names.get(kind, kind)

    def paper_name(self, paper: str) -> str:
        names = {"80mm": self.tr("80 mm thermal roll"), "58mm": self.tr("58 mm thermal roll"),
                 "a5": self.tr("A5 sheet"), "half-letter": self.tr("Half-letter sheet"),
                 "a4": self.tr("A4 sheet")}
        return names.get(paper, paper)

    def _printer_box(self, kind: str, installed: list[str], chosen: str) -> QComboBox:
        box = QComboBox(objectName=f"printer_{kind}")
        box.addItem(self.tr("System default printer"), "")
        for name in installed:
            box.addItem(name, name)
        if chosen and chosen not in installed:
            box.addItem(self.tr("{printer} (not installed)").format(printer=chosen), chosen)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.setAccessibleName(self.tr("Printer for {document}").format(
            document=self.document_name(kind)))
        self.printers[kind] = box
        return box

    def _paper_box(self, kind: str, chosen: str) -> QComboBox:
        box = QComboBox(objectName=f"paper_{kind}")
        for paper in DOCUMENT_PAPERS[kind]:
            box.addItem(self.paper_name(paper), paper)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.setEnabled(box.count() > 1)
        box.setAccessibleName(self.tr("Paper for {document}").format(
            document=self.document_name(kind)))
        self.papers[kind] = box
        return box

    def _test_button(self, kind: str) -> QPushButton:
        button = QPushButton(self.tr("Test print"), objectName=f"testPrint_{kind}")
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: self.test_print(kind))
        self.test_buttons[kind] = button
        return button

    # ------------------------------------------------------------------ values
    def choice(self, kind: str) -> PrinterChoice:
        return PrinterChoice(str(self.printers[kind].currentData()),
                             str(self.papers[kind].currentData()))

    def choices(self) -> dict[str, PrinterChoice]:
        return {kind: self.choice(kind) for kind in DOCUMENT_PAPERS}

    # ------------------------------------------------------------------ test print
    def test_print(self, kind: str) -> None:
        """Print a sample receipt on the row's printer and paper, off the UI thread."""
        if self.printing:
            return
        choice = self.choice(kind)
        if not self.installed:
            self.message.emit(PrintResult(choice.printer, NO_PRINTERS).message(), "error")
            return
        printer_names()  # loads the print plugin on the UI thread
        printer = choice.printer or QPrinterInfo.defaultPrinterName()
        if not printer:
            self.message.emit(self.tr("This computer has no default printer: choose a "
                                      "printer."), "error")
            return
        self.printing = True
        self.test_buttons[kind].setEnabled(False)
        self.message.emit(self.tr("Printing a test receipt on {printer}…").format(
            printer=printer), "info")
        branch = self.ctx.branch

        def work(_cancel: object) -> PrintResult:
            pdf = sample_receipt_pdf(branch.reading(), choice.paper)
            return print_pdf(pdf, printer, "Uji cetak")

        self.ctx.tasks.run(work, self._done(kind), self._failed(kind))

    def _done(self, kind: str) -> Callable[[PrintResult], None]:
        def done(result: PrintResult) -> None:
            self._idle(kind)
            self.message.emit(result.message(), "info" if result.ok else "error")
        return done

    def _failed(self, kind: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self._idle(kind)
            log.error("test print failed", exc_info=error)
            self.message.emit(self.tr("The test print failed: {problem}").format(
                problem=error), "error")
        return failed

    def _idle(self, kind: str) -> None:
        self.printing = False
        self.test_buttons[kind].setEnabled(True)
