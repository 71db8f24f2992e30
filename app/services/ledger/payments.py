"""What every payment shares: checking the tender, numbering, allocating, the receipt view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import (
    Bill,
    BillAllocation,
    Customer,
    Enrolment,
    Instalment,
    InstalmentAllocation,
    Payment,
    PaymentKind,
    PaymentMethod,
    new_uuid,
)
from app.services.arguments import stored_text
from app.services.backup.restore_block import require_payments_allowed
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.allocation import allocate_oldest_first
from app.services.money import MAX_AMOUNT, format_rupiah
from app.services.quoting import ScheduleLine
from app.services.sequences import receipt_number

MAX_REFERENCE_LENGTH = 64


@dataclass(frozen=True)
class Tender:
    """What the cashier entered: the amount to pay and how it was paid."""

    amount: int
    tendered: int
    method: str = "cash"
    reference: str = ""


@dataclass(frozen=True)
class PaymentReceipt:
    """The result of a payment: everything a receipt shows."""

    receipt_no: str
    payment_uuid: str
    kind: str
    connection_no: str
    customer_name: str
    amount: int
    tendered: int
    change: int
    method: str
    reference: str
    paid_at: dt.datetime
    settled_periods: tuple[str, ...]
    instalments_paid: tuple[tuple[int, int], ...]
    plan_balance: int
    next_due: dt.date | None
    enrolment_uuid: str
    work_order_no: str | None
    schedule: tuple[ScheduleLine, ...]


def check_amount(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise DomainError(ErrorCode.AMOUNT_MALFORMED, text=str(amount))
    if amount <= 0:
        raise DomainError(ErrorCode.AMOUNT_NOT_POSITIVE, text=str(amount))
    if amount > MAX_AMOUNT:
        raise DomainError(ErrorCode.AMOUNT_TOO_LARGE, amount=format_rupiah(amount),
                          limit=format_rupiah(MAX_AMOUNT))
    return amount


def check_tender(tender: Tender) -> tuple[PaymentMethod, int, str]:
    """Validate a tender; returns (method, tendered, reference). Change = tendered − amount."""
    amount = check_amount(tender.amount)
    try:
        method = PaymentMethod(tender.method)
    except ValueError:
        raise DomainError(ErrorCode.METHOD_UNKNOWN, method=tender.method) from None
    reference = stored_text(tender.reference, "the reference").strip()[:MAX_REFERENCE_LENGTH]
    if method != PaymentMethod.CASH:
        if not reference:
            raise DomainError(ErrorCode.REFERENCE_REQUIRED)
        return method, amount, reference
    if isinstance(tender.tendered, int) and tender.tendered > MAX_AMOUNT:
        raise DomainError(ErrorCode.TENDERED_TOO_LARGE, tendered=format_rupiah(tender.tendered),
                          limit=format_rupiah(MAX_AMOUNT))
    tendered = check_amount(tender.tendered)
    if tendered < amount:
        raise DomainError(ErrorCode.TENDERED_BELOW_AMOUNT, tendered=format_rupiah(tendered),
                          amount=format_rupiah(amount))
    return method, tendered, reference


def require_cashier(actor: Actor) -> int:
    """Payments are taken by a logged-in user; returns their id."""
    if actor.user_id is None:
        raise DomainError(ErrorCode.NOT_AUTHORISED, username=actor.username,
                          action="take payments")
    return actor.user_id


def new_payment(session: Session, actor: Actor, now: dt.datetime, customer: Customer,
                enrolment: Enrolment, kind: PaymentKind, tender: Tender,
                shift_id: int) -> Payment:
    """Add a numbered payment (the receipt number is taken inside this transaction)."""
    cashier_id = require_cashier(actor)
    require_payments_allowed(session)  # not after a restore head office has not confirmed
    method, tendered, reference = check_tender(tender)
    payment = Payment(
        uuid=new_uuid(),
        receipt_no=receipt_number(session, actor.branch_code, actor.counter_code,
                                  actor.counter_id, now.year),
        customer_id=customer.id, enrolment_id=enrolment.id, kind=kind, amount=tender.amount,
        method=method, reference=reference, tendered=tendered, change=tendered - tender.amount,
        cashier_id=cashier_id,
        counter_id=actor.counter_id, shift_id=shift_id, business_date=now.date(), paid_at=now,
    )
    session.add(payment)
    session.flush()
    return payment


def apply_to_bills(session: Session, payment: Payment, bills: list[Bill],
                   now: dt.datetime) -> tuple[str, ...]:
    """Allocate the payment to ``bills`` oldest first; returns the periods it settled."""
    settled = []
    by_id = {b.id: b for b in bills}
    for bill_id, share in allocate_oldest_first(payment.amount,
                                                [(b.id, b.outstanding) for b in bills]):
        bill = by_id[bill_id]
        bill.paid_amount += share
        session.add(BillAllocation(payment_id=payment.id, bill_id=bill_id, amount=share))
        if bill.outstanding == 0:
            bill.settled, bill.settled_at = True, now
            settled.append(bill.period)
    return tuple(settled)


def apply_to_instalments(session: Session, payment: Payment, instalments: list[Instalment],
                         now: dt.datetime) -> tuple[tuple[int, int], ...]:
    """Allocate to instalments oldest first; returns (number, share) pairs."""
    by_id = {i.id: i for i in instalments}
    paid = []
    for inst_id, share in allocate_oldest_first(payment.amount,
                                                [(i.id, i.outstanding) for i in instalments]):
        inst = by_id[inst_id]
        inst.paid_amount += share
        if inst.outstanding == 0:
            inst.paid_at = now
        session.add(InstalmentAllocation(payment_id=payment.id, instalment_id=inst_id,
                                         amount=share))
        paid.append((inst.number, share))
    return tuple(paid)
