"""Checking a receipt's QR code: is it signed by this branch, and does it match the books?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.models import Payment, Void
from app.services.documents.keys import KeyStore, receipt_key
from app.services.documents.receipt_qr import parse_receipt_payload, verify_receipt_payload
from app.services.findings import Finding, FindingCode
from app.services.money import format_rupiah
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ReceiptVerification:
    valid: bool  # signed with this branch's key, unaltered
    receipt_no: str
    amount: int
    matches_database: bool  # the payment exists with that amount and time
    finding: Finding | None  # None when all is well

    @property
    def problem(self) -> str:
        """The finding in English ("" when all is well)."""
        return self.finding.text if self.finding else ""


def verify_receipt(uow: UnitOfWork, key_store: KeyStore, payload: str) -> ReceiptVerification:
    """Check a scanned receipt code against the branch key and the branch database.

    Never makes a key: a branch whose key is not in ``key_store`` cannot vouch.
    A genuine code for a voided payment is valid and matches, with the void as problem.
    """
    parsed = parse_receipt_payload(payload)
    if parsed is None:
        return ReceiptVerification(False, "", 0, False,
                                   Finding.of(FindingCode.NOT_A_RECEIPT_CODE))
    no, amount = parsed.receipt_no, parsed.amount
    key = receipt_key(key_store, parsed.branch_code, create=False)
    if key is None:
        return ReceiptVerification(False, no, amount, False, Finding.of(
            FindingCode.NO_RECEIPT_KEY, branch=parsed.branch_code))
    if not verify_receipt_payload(payload, key):
        return ReceiptVerification(False, no, amount, False,
                                   Finding.of(FindingCode.SIGNATURE_MISMATCH))
    with uow:
        row = uow.session.execute(
            select(Payment.amount, Payment.paid_at, Void.reason)
            .outerjoin(Void, Void.payment_id == Payment.id)
            .where(Payment.receipt_no == no)).first()
    if row is None:
        return ReceiptVerification(True, no, amount, False,
                                   Finding.of(FindingCode.RECEIPT_NOT_HELD, receipt_no=no))
    booked, paid_at, void_reason = row
    if booked != amount:
        return ReceiptVerification(True, no, amount, False, Finding.of(
            FindingCode.RECEIPT_AMOUNT_DIFFERS, amount=format_rupiah(booked), receipt_no=no))
    if paid_at.replace(second=0, microsecond=0) != parsed.paid_at:
        return ReceiptVerification(True, no, amount, False, Finding.of(
            FindingCode.RECEIPT_TIME_DIFFERS, receipt_no=no, at=f"{paid_at:%Y-%m-%d %H:%M}"))
    voided = (Finding.of(FindingCode.RECEIPT_VOIDED, reason=void_reason)
              if void_reason is not None else None)
    return ReceiptVerification(True, no, amount, True, voided)
