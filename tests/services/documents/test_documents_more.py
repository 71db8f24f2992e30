"""The agreement and the work order on A4, the archive, the signing key and verifying codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.documents.archive import customer_documents, save_document
from app.services.documents.keys import (
    FileKeyStore,
    KeyringKeyStore,
    default_key_store,
    receipt_key,
)
from app.services.documents.printing import (
    issue_agreement,
    issue_receipt,
    issue_work_order,
    receipt_payload,
)
from app.services.documents.receipt_data import receipt_document
from app.services.documents.receipt_pdf import Paper
from app.services.documents.receipt_qr import sign_receipt
from app.services.documents.verify import verify_receipt
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.voids import VoidRequest, void_payment
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills
from tests.support.pdfcheck import read_pdf, text_of

STORY_NO = "10012345"
A4 = (595.28, 841.89)


class MemoryKeyring:
    """A keyring backend that keeps passwords in a dict (never the real OS keyring)."""

    priority = 1.0

    def __init__(self) -> None:
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password


class NoKeyring(MemoryKeyring):
    priority = 0.0


@pytest.fixture
def enrolled(branch: BranchDatabase, cashier: Actor) -> PaymentReceipt:
    add_customer(branch, STORY_NO, name="Harun Bessie",
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        STORY_NO, 3, Tender(1_200_000, tendered=1_250_000)))


def assert_within(pdf: bytes, size: tuple[float, float]) -> list[str]:
    """Every page has ``size`` and no text past its edges; returns each page's text."""
    texts = []
    for page in read_pdf(pdf):
        assert (page.width, page.height) == pytest.approx(size, abs=0.01)
        assert all(run.left >= 0 and run.right <= page.width for run in page.runs)
        texts.append(" ".join(page.text.split()))
    return texts


def test_the_agreement_states_the_deal_and_what_a_missed_instalment_costs(
    branch: BranchDatabase, enrolled: PaymentReceipt, tmp_path: Path
) -> None:
    issued = issue_agreement(branch.reading(), branch.data_dir, enrolled.receipt_no)
    pages = assert_within(issued.pdf, A4)
    assert len(pages) == 1
    text = pages[0]
    for expected in ("SURAT PERJANJIAN", "Nomor: PJ-KPG-L01-2025-000001",
                     "Buka Segel 2025 (ketentuan BUKA-SEGEL versi 1)", "Harun Bessie",
                     "10012345", "Rp 2.400.000", "- Rp 240.000", "Rp 1.200.000",
                     "20 Desember 2025", "20 Januari 2026", "20 Februari 2026", "Rp 400.000",
                     "SPK-KPG-L01-2025-00001", "30 hari", "(Rp 240.000) dikenakan kembali",
                     "disegel kembali", "PELANGGAN", "PETUGAS PDAM", "( Harun Bessie )",
                     "( Kasir )", "Meterai Rp 10.000"):
        assert expected in text, expected
    assert issued.archived.path.name == "perjanjian-PJ-KPG-L01-2025-000001.pdf"
    again = issue_agreement(branch.reading(), branch.data_dir, enrolled.receipt_no)
    assert "SALINAN ke-1" in text_of(again.pdf)


def test_the_work_order_tells_the_field_what_to_do_and_has_fields_to_fill(
    branch: BranchDatabase, enrolled: PaymentReceipt
) -> None:
    assert enrolled.work_order_no is not None
    issued = issue_work_order(branch.reading(), branch.data_dir, enrolled.work_order_no)
    (text,) = assert_within(issued.pdf, A4)
    for expected in ("SURAT PERINTAH KERJA", "BUKA SEGEL METER AIR",
                     "Nomor: SPK-KPG-L01-2025-00001", "24 November 2025", "Harun Bessie",
                     "Jl. Uji No. 1, RT 001/RW 002", "Penkase Oeleta / Alak", "M10012345",
                     "081234567890", "uang muka KPG-L01-2025-000001", "Tanggal dikerjakan",
                     "Angka meter", "Nama petugas", "Tanda tangan petugas"):
        assert expected in text, expected


def test_the_archive_lists_a_customer_s_documents(
    branch: BranchDatabase, enrolled: PaymentReceipt, tmp_path: Path
) -> None:
    store = FileKeyStore(tmp_path / "keys")
    assert enrolled.work_order_no is not None
    issue_receipt(branch.reading(), store, branch.data_dir, enrolled.receipt_no, Paper.ROLL_80)
    issue_receipt(branch.reading(), store, branch.data_dir, enrolled.receipt_no, Paper.ROLL_80)
    issue_agreement(branch.reading(), branch.data_dir, enrolled.receipt_no)
    issue_work_order(branch.reading(), branch.data_dir, enrolled.work_order_no)
    docs = customer_documents(branch.reading(), branch.data_dir, STORY_NO)
    assert [(d.kind, d.copy_no, d.path.name) for d in docs] == [
        ("kwitansi", 0, "kwitansi-KPG-L01-2025-000001.pdf"),
        ("kwitansi", 1, "kwitansi-KPG-L01-2025-000001-salinan-1.pdf"),
        ("perjanjian", 0, "perjanjian-PJ-KPG-L01-2025-000001.pdf"),
        ("spk", 0, "spk-SPK-KPG-L01-2025-00001.pdf"),
    ]
    assert all(d.day == dt.date(2025, 11, 24) and d.path.read_bytes()[:5] == b"%PDF-"
               for d in docs)
    with pytest.raises(FileExistsError):
        save_document(branch.data_dir, "kwitansi", enrolled.receipt_no, dt.date(2025, 11, 24),
                      0, b"%PDF-forged")
    with pytest.raises(ValueError):
        save_document(branch.data_dir, "kwitansi", "../x", dt.date(2025, 11, 24), 0, b"")


def test_the_signing_key_is_made_once_and_kept(tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path / "keys")
    assert receipt_key(store, "KPG", create=False) is None
    key = receipt_key(store, "KPG")
    assert key is not None and len(key) == 32
    assert receipt_key(FileKeyStore(tmp_path / "keys"), "KPG") == key
    assert receipt_key(store, "SOE") != key
    ring = MemoryKeyring()
    ring_key = receipt_key(KeyringKeyStore(ring), "KPG")
    assert ring_key is not None
    assert ring.passwords == {("Loket", "receipt-key:KPG"): ring_key.hex()}
    assert isinstance(default_key_store(tmp_path / "fresh", ring), KeyringKeyStore)
    fallback = default_key_store(tmp_path / "fresh", NoKeyring())
    assert isinstance(fallback, FileKeyStore) and fallback.folder == tmp_path / "fresh" / "keys"
    # once a key file exists it stays in use, even when a keyring turns up later
    assert isinstance(default_key_store(tmp_path, ring), FileKeyStore)


def test_verifying_a_receipt_code(branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt,
                                  tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path / "keys")
    key = receipt_key(store, "KPG")
    assert key is not None
    doc = receipt_document(branch.reading(), enrolled.receipt_no)
    payload = receipt_payload(doc, key)
    good = verify_receipt(branch.reading(), store, payload)
    assert (good.valid, good.receipt_no, good.amount, good.matches_database, good.problem) == (
        True, "KPG-L01-2025-000001", 1_200_000, True, "")
    tampered = verify_receipt(branch.reading(), store, payload.replace("1200000", "1900000"))
    assert not tampered.valid and "signature" in tampered.problem
    unknown = verify_receipt(branch.reading(), store, payload.replace("*KPG*", "*SOE*"))
    assert not unknown.valid and "SOE" in unknown.problem
    assert not verify_receipt(branch.reading(), store, "http://example.com").valid
    forged_amount = sign_receipt(key, "KPG", doc.receipt_no, 1_900_000, doc.paid_at)
    mismatch = verify_receipt(branch.reading(), store, forged_amount)
    assert mismatch.valid and not mismatch.matches_database and "Rp 1.200.000" in mismatch.problem
    missing = verify_receipt(branch.reading(), store,
                             sign_receipt(key, "KPG", "KPG-L01-2025-999999", 5, doc.paid_at))
    assert missing.valid and not missing.matches_database
    void_payment(branch.writing(), cashier, VoidRequest(
        enrolled.receipt_no, "pelanggan batal ikut", *SUPERVISOR))
    voided = verify_receipt(branch.reading(), store, payload)
    assert voided.valid and voided.matches_database
    assert voided.problem == "the payment was voided: pelanggan batal ikut"
