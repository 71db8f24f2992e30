"""The documents are written in the standard fonts the renderer is given to keep."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.documents.fonts import STANDARD_FONTS, font_sample_pdf
from app.services.documents.receipt_data import receipt_document
from app.services.documents.receipt_pdf import Paper, receipt_pdf
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from tests.support.fakes import add_customer, monthly_bills


def fonts_of(pdf: bytes) -> set[str]:
    """The base fonts every page of ``pdf`` names, without reportlab's leading slash."""
    names = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        fonts = page["/Resources"].get("/Font", {})
        names |= {str(font.get_object()["/BaseFont"]).lstrip("/") for font in fonts.values()}
    return names


def test_the_fonts_page_names_every_standard_font() -> None:
    assert fonts_of(font_sample_pdf()) == set(STANDARD_FONTS)


def test_a_receipt_uses_only_the_standard_fonts(branch: BranchDatabase, cashier: Actor) -> None:
    add_customer(branch, "10012345", name="Harun Bessie",
                 bills=monthly_bills("2021-11", 12, 50_000, penalty=5_000))
    paid = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        "10012345", 3, Tender(400_000, tendered=400_000)))
    doc = receipt_document(branch.reading(), paid.receipt_no)
    for paper in Paper:
        used = fonts_of(receipt_pdf(doc, paper, "payload"))
        assert used and used <= set(STANDARD_FONTS), (paper, used)
