"""Every document, rasterised with QtPdf as a printer would: not blank, ink on the paper.

A page is rendered at 100 dpi; it must carry ink, and no ink may touch the outermost
columns of the page (text that runs off the paper is cut there first).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.documents.printing import issue_agreement, issue_work_order
from app.services.documents.receipt_data import receipt_document
from app.services.documents.receipt_pdf import Paper
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from tests.services.documents.test_documents import render
from tests.support.fakes import add_customer, monthly_bills
from tests.support.qt_pdf import pdf_document

DPI = 100
EDGE_PX = 2  # the outermost columns: blank on a page whose text stays on the paper


@pytest.fixture
def enrolled(branch: BranchDatabase, cashier: Actor) -> PaymentReceipt:
    add_customer(branch, "10012345", name="Harun Bessie " * 6,  # a very long name
                 address="Jl. Penkase Oeleta Raya Gang Mawar Nomor 1234 Blok Z " * 2,
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        "10012345", 3, Tender(1_200_000, tendered=1_250_000)))


def rasterise(pdf: bytes) -> list[QImage]:
    """Each page of ``pdf`` on white paper, in grey; its document closed and deleted."""
    pages = []
    with pdf_document(pdf) as document:
        assert document.status() == QPdfDocument.Status.Ready
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
            rendered = document.render(page, size)
            assert not rendered.isNull()
            paper = QImage(size, QImage.Format.Format_RGB32)
            paper.fill(QColor("white"))  # the render is transparent where nothing is drawn
            painter = QPainter(paper)
            painter.drawImage(0, 0, rendered)
            painter.end()
            pages.append(paper.convertToFormat(QImage.Format.Format_Grayscale8))
    return pages


def ink_columns(image: QImage) -> list[int]:
    """x positions that hold a dark pixel anywhere on the page."""
    columns = []
    for x in range(image.width()):
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(0, image.height(), 2)):
            columns.append(x)
    return columns


def check_page(image: QImage) -> None:
    inked = ink_columns(image)
    assert inked, "the page is blank"
    assert inked[0] >= EDGE_PX and inked[-1] < image.width() - EDGE_PX, (
        f"ink touches the edge of a {image.width()} px page: {inked[0]}..{inked[-1]}")


@pytest.mark.parametrize("paper", list(Paper), ids=[p.name for p in Paper])
def test_receipts_are_printed_within_the_paper(
    branch: BranchDatabase, enrolled: PaymentReceipt, qapp: QApplication, paper: Paper
) -> None:
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    pages = list(rasterise(render(doc, paper)))
    assert len(pages) == 1
    check_page(pages[0])


def test_agreement_and_work_order_are_printed_within_the_paper(
    branch: BranchDatabase, enrolled: PaymentReceipt, qapp: QApplication
) -> None:
    assert enrolled.work_order_no is not None
    for issued in (issue_agreement(branch.reading(), branch.data_dir, enrolled.receipt_no),
                   issue_work_order(branch.reading(), branch.data_dir, enrolled.work_order_no)):
        for image in rasterise(issued.pdf):
            check_page(image)


def test_rasterising_leaves_no_document_open(
        branch: BranchDatabase, enrolled: PaymentReceipt, qapp: QApplication) -> None:
    """Each rasterised PDF's document is closed and deleted once its pages are drawn, not
    kept by the application until the run ends (PDFium's memory, the next test's count)."""
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    before = len(qapp.findChildren(QPdfDocument))
    pages = list(rasterise(render(doc, Paper.A5)))
    assert pages and len(qapp.findChildren(QPdfDocument)) == before


def test_a_document_opened_for_a_test_is_deleted_on_leaving_even_after_a_failure(
        branch: BranchDatabase, enrolled: PaymentReceipt, qapp: QApplication) -> None:
    pdf = render(receipt_document(branch.reading(), enrolled.receipt_no), Paper.A5)
    deleted: list[bool] = []
    with pytest.raises(AssertionError), pdf_document(pdf) as document:
        document.destroyed.connect(lambda: deleted.append(True))
        raise AssertionError("a page was blank")
    assert deleted == [True]
