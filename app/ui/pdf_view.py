"""Showing an archived PDF (receipt, agreement, work order) with Print and Close."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.pdf_fonts import keep_fonts_loaded
from app.ui.printing import preferred_printer, printer_names
from app.ui.screen_fit import fit_size, room_on_screen
from app.ui.style import Look, set_look

log = logging.getLogger(__name__)


class PdfViewDialog(QDialog):
    """A window showing one PDF; ``summary`` (e.g. the change to hand back) sits on top."""

    def __init__(self, path: Path, title: str, summary: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfView")
        self.setWindowTitle(title)
        set_look(self, Look.DIALOG)
        self.path = path
        keep_fonts_loaded()  # closing this document leaves nothing of its fonts behind
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdfPages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("pdfSummary")
        self.summary.setWordWrap(True)
        set_look(self.summary, Look.SUMMARY)
        self.summary.setVisible(bool(summary))
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"), self)
        self.print_button.setObjectName("pdfPrint")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        self.close_button.setObjectName("pdfClose")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.ask_to_print)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)
        self.resize(self._good_size())

    def page_count(self) -> int:
        return self.document.pageCount()

    def _good_size(self) -> QSize:
        """Narrow for a receipt roll, wider for A4/A5 sheets; never beyond the screen
        (the pages scale to the width and scroll)."""
        if self.page_count() == 0:
            return fit_size(QSize(480, 640), room_on_screen(self.parentWidget()))
        page = self.document.pagePointSize(0)
        width = 480 if page.width() < 300 else 720
        return fit_size(QSize(width, 700), room_on_screen(self.parentWidget()))

    def prepared_printer(self, installed: Sequence[str] | None = None) -> QPrinter:
        """A printer set to the one the counter settings chose for this kind of document,
        when it is installed (else the system's default)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen = preferred_printer(self.path)
        if chosen and chosen in (printer_names() if installed is None else installed):
            printer.setPrinterName(chosen)
        return printer

    def ask_to_print(self) -> None:
        """The system's print dialog (at the counter's printer for this kind of document),
        then the pages rendered onto the printer chosen there."""
        printer = self.prepared_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(lambda: print_document(self.document, printer))
        dialog.setModal(True)
        dialog.show()


def print_document(document: QPdfDocument, printer: QPrinter) -> bool:
    """Render every page of ``document`` onto ``printer``, scaled to the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("the printer could not be started")
        return False
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size = document.pagePointSize(page).toSize()
            target = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, target)
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return True
