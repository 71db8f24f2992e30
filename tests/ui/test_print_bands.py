"""A page printed in bands is the page: every band lands where it belongs on the paper,
with nothing cut at the seams between them (``app/ui/print_bands.py``)."""

from __future__ import annotations

from io import BytesIO

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from reportlab.pdfgen.canvas import Canvas

from app.ui.print_bands import band_rows, paint_page
from tests.support.qt_pdf import pdf_document

ROLL_80 = (226.77, 433.77)  # a receipt on an 80 mm roll, in points
DPI = 300


def lines_pdf() -> bytes:
    """A receipt-sized page with a line of text every 12 points, top to bottom."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=ROLL_80)
    canvas.setFont("Helvetica", 9)
    for line, y in enumerate(range(int(ROLL_80[1]) - 12, 0, -12)):
        canvas.drawString(8, y, f"Simpan kwitansi ini sebagai bukti pembayaran {line}")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def on_paper(image: QImage) -> QImage:
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(0xFFFFFFFF)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper.convertToFormat(QImage.Format.Format_Grayscale8)


def ink_moved(whole: QImage, banded: QImage) -> int:
    """How many pixels are ink in one picture and paper in the other."""
    moved, width = 0, whole.width()
    for y in range(whole.height()):
        a = whole.constScanLine(y).tobytes()[:width]
        b = banded.constScanLine(y).tobytes()[:width]
        if a != b:
            moved += sum(1 for p, q in zip(a, b, strict=True) if abs(p - q) > 160)
    return moved


@pytest.mark.parametrize("band_pixels", [400_000, 100_000])
def test_a_page_painted_in_bands_is_the_page_rendered_whole(
        qapp: QApplication, band_pixels: int, monkeypatch: pytest.MonkeyPatch) -> None:
    with pdf_document(lines_pdf()) as document:
        points = document.pagePointSize(0)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        monkeypatch.setattr("app.ui.print_bands.band_rows",
                            lambda w, h: band_rows(w, h, band_pixels))
        assert len(band_rows(size.width(), size.height(), band_pixels)) >= 4

        banded = QImage(size, QImage.Format.Format_RGB32)
        banded.fill(0xFFFFFFFF)
        painter = QPainter(banded)
        paint_page(painter, document, 0, points, DPI, DPI, lambda: None)
        painter.end()
        whole = on_paper(document.render(0, size))

    # before, each band landed top / rows pixels too high: some 128,000 pixels moved
    assert ink_moved(whole, banded.convertToFormat(QImage.Format.Format_Grayscale8)) < 50
