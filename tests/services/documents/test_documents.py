"""Receipts (kwitansi): what they say on every paper, marks, terbilang, and the QR code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import update

from app.bootstrap import BranchDatabase
from app.models import User
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.documents.indonesian import compress_periods, instalments_text, tanggal
from app.services.documents.keys import FileKeyStore
from app.services.documents.printing import issue_receipt, receipt_payload
from app.services.documents.qr import QUIET_ZONE, qr_matrix
from app.services.documents.receipt_data import ReceiptDocument, receipt_document
from app.services.documents.receipt_pdf import SPECS, Paper, layout_for, receipt_pdf
from app.services.documents.receipt_qr import (
    parse_receipt_payload,
    sign_receipt,
    verify_receipt_payload,
)
from app.services.documents.terbilang import terbilang
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.voids import VoidRequest, void_payment
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills
from tests.support.pdfcheck import read_pdf, text_of

STORY_NO = "10012345"
KEY = bytes(range(32))
PAGE_WIDTHS = {Paper.ROLL_80: 226.77, Paper.ROLL_58: 164.41, Paper.A5: 419.53,
               Paper.HALF_LETTER: 396.0}


@pytest.fixture
def enrolled(branch: BranchDatabase, cashier: Actor) -> PaymentReceipt:
    """The press story: Rp 2,400,000 of arrears since Nov 2021, half paid, 3 instalments."""
    add_customer(branch, STORY_NO, name="Harun Bessie",
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        STORY_NO, 3, Tender(1_200_000, tendered=1_250_000)))


def render(doc: ReceiptDocument, paper: Paper) -> bytes:
    return receipt_pdf(doc, paper, receipt_payload(doc, KEY))


@pytest.mark.parametrize(("amount", "words"), [
    (2_400_000, "Dua juta empat ratus ribu rupiah"),
    (100_000, "Seratus ribu rupiah"),
    (1_000, "Seribu rupiah"),
    (1_500, "Seribu lima ratus rupiah"),
    (1_000_000, "Satu juta rupiah"),
    (1_001_000, "Satu juta seribu rupiah"),
    (21_000, "Dua puluh satu ribu rupiah"),
    (101_000, "Seratus satu ribu rupiah"),
    (11_000, "Sebelas ribu rupiah"),
    (1_000_001_000, "Satu miliar seribu rupiah"),
    (6_300_000, "Enam juta tiga ratus ribu rupiah"),
    (10_012, "Sepuluh ribu dua belas rupiah"),
    (219_917, "Dua ratus sembilan belas ribu sembilan ratus tujuh belas rupiah"),
    (110_110, "Seratus sepuluh ribu seratus sepuluh rupiah"),
    (999_999_999, "Sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh "
                  "sembilan ribu sembilan ratus sembilan puluh sembilan rupiah"),
    (7, "Tujuh rupiah"),
])
def test_terbilang_reads_as_an_indonesian_receipt_does(amount: int, words: str) -> None:
    assert terbilang(amount) == words


def test_dates_periods_and_instalments_in_indonesian() -> None:
    assert tanggal(dt.date(2025, 11, 24)) == "24 November 2025"
    months = [p.period for p in monthly_bills("2021-11", 24, 1)]
    assert compress_periods(months) == "Nov 2021 – Okt 2023"
    assert compress_periods(["2023-12", "2021-11", "2024-02"]) == "Nov 2021, Des 2023, Feb 2024"
    assert instalments_text([1], 3, False) == "Cicilan ke-1 dari 3"
    assert instalments_text([1, 2], 3, True) == "Cicilan ke-1 s.d. ke-2 dari 3 (ke-2 sebagian)"


def test_down_payment_receipt_on_every_paper(branch: BranchDatabase,
                                             enrolled: PaymentReceipt) -> None:
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    assert (doc.cashier_name, doc.plan_balance, doc.next_due) == (
        "Kasir", 1_200_000, dt.date(2025, 12, 20))
    for paper in Paper:
        pages = read_pdf(render(doc, paper))
        assert len(pages) == 1
        page = pages[0]
        assert page.width == pytest.approx(PAGE_WIDTHS[paper], abs=0.01)
        text = " ".join(page.text.split())
        for expected in ("KWITANSI PEMBAYARAN", "Nomor Kwitansi", "KPG-L01-2025-000001",
                         "24 November 2025 09.00", "Kasir", "No. Sambungan", "10012345",
                         "Harun Bessie", "RT 001/RW 002", "Penkase Oeleta", "Uang Muka",
                         "Nov 2021 – Okt 2023 (24 bulan)", "Denda dihapus", "Rp 240.000",
                         "Rp 1.200.000", "Satu juta dua ratus ribu rupiah", "Tunai",
                         "Rp 1.250.000", "Rp 50.000", "Jatuh tempo berikutnya",
                         "20 Desember 2025"):
            assert expected in text, (paper, expected)
        assert "SALINAN" not in text and "BATAL" not in text and "meterai" not in text
        margin = SPECS[paper].margin
        for run in page.runs:
            assert margin - 0.5 <= run.left and run.right <= page.width - margin + 0.5, run


def test_a_roll_is_cut_to_its_content_and_a_sheet_keeps_its_size(
    branch: BranchDatabase, enrolled: PaymentReceipt
) -> None:
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    heights = {paper: read_pdf(render(doc, paper))[0].height for paper in Paper}
    assert heights[Paper.A5] == pytest.approx(595.28, abs=0.01)
    assert heights[Paper.HALF_LETTER] == pytest.approx(612.0)
    for roll in (Paper.ROLL_80, Paper.ROLL_58):
        flow = layout_for(doc, roll, receipt_payload(doc, KEY))
        assert heights[roll] == pytest.approx(flow.height + 2 * SPECS[roll].margin)
        assert max(t.y for t in flow.texts) < flow.height


def test_long_names_addresses_and_references_stay_on_the_paper(
    branch: BranchDatabase, cashier: Actor
) -> None:
    add_customer(branch, "20000001", name="Yohanes Benyamin Fanggidae-Manafe Tanesib Nomleni",
                 address="Jl. Timor Raya Km. 12, Gang Kelapa Muda No. 17 (belakang Gereja "
                         "Imanuel Oesapa), dekat SDN Penkase Oeleta", tariff_group="N1",
                 bills=monthly_bills("2019-01", 84, 150_000, penalty=15_000))
    receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest("20000001", 10, Tender(
        6_300_000, tendered=6_300_000, method="transfer",
        reference="BNI-TRF-00012345678901234567890123456789")))
    with branch.writing() as uow:  # the longest full name a user may have
        uow.session.execute(update(User).where(User.id == cashier.user_id)
                            .values(full_name=("Maria Goreti " * 10)[:120]))
        uow.commit()
    doc = receipt_document(branch.reading(), receipt.receipt_no)
    assert len(doc.cashier_name) == 120
    for paper in Paper:
        page = read_pdf(render(doc, paper))[0]
        text = "".join(page.text.split())
        assert "BNI-TRF-00012345678901234567890123456789" in text
        assert "BeameteraiRp10.000" in text
        assert "Enamjutatigaratusriburupiah" in text
        margin = SPECS[paper].margin
        assert all(run.right <= page.width - margin + 0.5 for run in page.runs), paper


def test_stamp_duty_only_above_five_million(branch: BranchDatabase,
                                            enrolled: PaymentReceipt) -> None:
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    at_limit = dataclasses.replace(doc, amount=5_000_000, tendered=5_000_000, change=0)
    above = dataclasses.replace(doc, amount=5_000_001, tendered=5_000_001, change=0)
    assert "Bea meterai" not in text_of(render(at_limit, Paper.ROLL_80))
    assert "Bea meterai Rp 10.000" in text_of(render(above, Paper.ROLL_80))
    assert "Meterai Rp 10.000" in text_of(render(above, Paper.A5))  # the box to stick it in


def test_instalment_receipts_say_which_instalment_and_what_is_left(
    branch: BranchDatabase, clock: FixedClock, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    clock.advance(days=20)
    first = pay_instalment(branch.writing(), cashier, InstalmentRequest(
        STORY_NO, Tender(400_000, tendered=400_000)))
    part = pay_instalment(branch.writing(), cashier, InstalmentRequest(
        STORY_NO, Tender(250_000, tendered=300_000)))
    first_text = text_of(render(receipt_document(branch.reading(), first.receipt_no),
                                Paper.ROLL_58))
    assert "Cicilan ke-1 dari 3" in first_text
    assert "Rp 800.000" in first_text and "20 Januari 2026" in first_text
    part_text = text_of(render(receipt_document(branch.reading(), part.receipt_no),
                               Paper.ROLL_58))
    assert "Cicilan ke-2 dari 3 (sebagian)" in part_text
    assert "Dua ratus lima puluh ribu rupiah" in part_text
    assert "Rp 550.000" in part_text and "20 Januari 2026" in part_text
    # the down payment's receipt still shows what was left when it was paid
    down = receipt_document(branch.reading(), enrolled.receipt_no)
    assert (down.plan_balance, down.next_due) == (1_200_000, dt.date(2025, 12, 20))


def test_reprints_say_salinan_and_voided_slips_say_batal(
    branch: BranchDatabase, clock: FixedClock, cashier: Actor, enrolled: PaymentReceipt,
    tmp_path: Path
) -> None:
    store = FileKeyStore(tmp_path / "keys")
    original = issue_receipt(branch.reading(), store, branch.data_dir, enrolled.receipt_no,
                             Paper.ROLL_80)
    copy = issue_receipt(branch.reading(), store, branch.data_dir, enrolled.receipt_no,
                         Paper.A5)
    assert "SALINAN" not in text_of(original.pdf)
    assert "SALINAN ke-1" in text_of(copy.pdf)
    assert copy.archived.path.name == "kwitansi-KPG-L01-2025-000001-salinan-1.pdf"
    assert copy.archived.path.relative_to(branch.data_dir).parts[:4] == (
        "archive", "2025", "11", "24")
    clock.advance(days=1)
    paid = pay_instalment(branch.writing(), cashier, InstalmentRequest(
        STORY_NO, Tender(400_000, tendered=400_000)))
    void_payment(branch.writing(), cashier, VoidRequest(
        paid.receipt_no, "nominal salah diketik", *SUPERVISOR))
    voided = issue_receipt(branch.reading(), store, branch.data_dir, paid.receipt_no,
                           Paper.ROLL_58)
    text = text_of(voided.pdf)
    assert "BATAL" in text and "Alasan: nominal salah diketik" in text
    assert "Cicilan ke-1 dari 3" in text and "Rp 800.000" in text
    again = issue_receipt(branch.reading(), store, branch.data_dir, paid.receipt_no,
                          Paper.ROLL_58)
    assert "SALINAN ke-1" in text_of(again.pdf) and "BATAL" in text_of(again.pdf)


def test_the_qr_payload_is_signed_and_tampering_shows(
    branch: BranchDatabase, enrolled: PaymentReceipt
) -> None:
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    payload = receipt_payload(doc, KEY)
    parsed = parse_receipt_payload(payload)
    assert parsed is not None
    assert (parsed.branch_code, parsed.receipt_no, parsed.amount, parsed.paid_at) == (
        "KPG", "KPG-L01-2025-000001", 1_200_000, dt.datetime(2025, 11, 24, 9, 0))
    assert verify_receipt_payload(payload, KEY)
    assert not verify_receipt_payload(payload, bytes(32))
    assert not verify_receipt_payload(payload.replace("*1200000*", "*7200000*"), KEY)
    assert not verify_receipt_payload(payload.replace("*1200000*", "*01200000*"), KEY)
    assert not verify_receipt_payload(payload[:-1], KEY)
    assert not verify_receipt_payload("hello", KEY)
    with pytest.raises(ValueError):
        sign_receipt(KEY, "KPG", "KPG*1", 1, doc.paid_at)


def test_the_qr_drawn_on_the_receipt_is_the_payload_s(
    branch: BranchDatabase, enrolled: PaymentReceipt
) -> None:
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    payload = receipt_payload(doc, KEY)
    pdf = receipt_pdf(doc, Paper.ROLL_80, payload)
    stream = re.search(rb"q 0 g [^\n]* cm\n(.*?)\nf Q", pdf, re.S)
    assert stream is not None
    drawn = set()
    for x, y, w, _ in (map(int, line.split()[:4]) for line in stream[1].splitlines()):
        drawn.update((x + i, y) for i in range(w))
    matrix = qr_matrix(payload)
    n = len(matrix)
    expected = {(c, n - 1 - r) for r, row in enumerate(matrix) for c, dark in enumerate(row)
                if dark}
    assert drawn == expected
    assert n + 2 * QUIET_ZONE <= 45  # version 5 or smaller: easy for a phone camera
