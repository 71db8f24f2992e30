"""Making a document end to end: read it, mark a reprint, sign, render, archive.

The first print of a document is the original; any later print is numbered from
the archive (``SALINAN ke-N``). The caller prints ``pdf`` (or opens ``archived.path``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from app.services.documents import archive
from app.services.documents.agreement_data import agreement_document
from app.services.documents.agreement_pdf import agreement_pdf
from app.services.documents.keys import KeyStore, receipt_key
from app.services.documents.receipt_data import ReceiptDocument, receipt_document
from app.services.documents.receipt_pdf import Paper, receipt_pdf
from app.services.documents.receipt_qr import sign_receipt
from app.services.documents.workorder_pdf import work_order_document, work_order_pdf
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class IssuedDocument:
    archived: archive.ArchivedDocument
    pdf: bytes


def receipt_payload(doc: ReceiptDocument, key: bytes) -> str:
    """The signed QR payload of a receipt."""
    return sign_receipt(key, doc.header.branch_code, doc.receipt_no, doc.amount, doc.paid_at)


def issue_receipt(uow: UnitOfWork, key_store: KeyStore, data_dir: Path, receipt_no: str,
                  paper: Paper) -> IssuedDocument:
    """The receipt of ``receipt_no`` on ``paper``, archived (a copy if printed before)."""
    doc = receipt_document(uow, receipt_no)
    day = doc.paid_at.date()
    doc = dataclasses.replace(
        doc, copy_no=archive.next_copy_no(data_dir, archive.RECEIPT, doc.receipt_no, day))
    key = receipt_key(key_store, doc.header.branch_code)
    assert key is not None
    pdf = receipt_pdf(doc, paper, receipt_payload(doc, key))
    return IssuedDocument(
        archive.save_document(data_dir, archive.RECEIPT, doc.receipt_no, day, doc.copy_no, pdf),
        pdf)


def issue_agreement(uow: UnitOfWork, data_dir: Path, receipt_no: str) -> IssuedDocument:
    """The enrolment agreement of the plan that ``receipt_no`` belongs to, archived."""
    doc = agreement_document(uow, receipt_no)
    day = doc.enrolled_on
    doc = dataclasses.replace(
        doc, copy_no=archive.next_copy_no(data_dir, archive.AGREEMENT, doc.agreement_no, day))
    pdf = agreement_pdf(doc)
    return IssuedDocument(archive.save_document(data_dir, archive.AGREEMENT, doc.agreement_no,
                                                day, doc.copy_no, pdf), pdf)


def issue_work_order(uow: UnitOfWork, data_dir: Path, number: str) -> IssuedDocument:
    """The SPK of work order ``number``, archived."""
    doc = work_order_document(uow, number)
    day = doc.order.issued_at.date()
    doc = dataclasses.replace(
        doc, copy_no=archive.next_copy_no(data_dir, archive.WORK_ORDER, doc.order.number, day))
    pdf = work_order_pdf(doc)
    return IssuedDocument(archive.save_document(data_dir, archive.WORK_ORDER, doc.order.number,
                                                day, doc.copy_no, pdf), pdf)
