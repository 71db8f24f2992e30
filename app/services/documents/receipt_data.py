"""Everything a receipt (kwitansi) shows, read from the database for one receipt number.

Balances are *as of* the payment: the plan's instalments less what this payment and
the earlier, not voided payments of the plan put towards them, so a reprint made
later shows what the original showed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
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
    PromotionTermsRecord,
    User,
    Void,
)
from app.services.documents.header import DocumentHeader, header_for_counter
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork

STAMP_DUTY_THRESHOLD = 5_000_000  # receipts for more than this carry bea meterai
STAMP_DUTY = 10_000


@dataclass(frozen=True)
class ReceiptDocument:
    header: DocumentHeader
    receipt_no: str
    paid_at: dt.datetime
    cashier_name: str
    connection_no: str
    customer_name: str
    address: str
    rt: str
    rw: str
    kelurahan: str
    tariff_group: str
    kind: str  # "down_payment" / "instalment"
    programme_name: str
    instalment_count: int
    instalment_numbers: tuple[int, ...]
    last_instalment_partial: bool
    periods: tuple[str, ...]
    penalty_waived: int
    amount: int
    method: str
    reference: str
    tendered: int
    change: int
    plan_balance: int
    next_due: dt.date | None
    voided: bool
    void_reason: str
    copy_no: int  # 0 = the original, n = the n-th reprint (SALINAN ke-n)

    @property
    def is_down_payment(self) -> bool:
        return self.kind == PaymentKind.DOWN_PAYMENT.value

    @property
    def stamp_duty_due(self) -> bool:
        """Bea meterai applies to receipts for more than Rp 5,000,000."""
        return self.amount > STAMP_DUTY_THRESHOLD


def receipt_document(uow: UnitOfWork, receipt_no: str, copy_no: int = 0) -> ReceiptDocument:
    """The receipt of payment ``receipt_no``; ``copy_no`` > 0 marks a reprint."""
    with uow:
        s = uow.session
        payment = s.scalar(select(Payment).where(Payment.receipt_no == receipt_no.strip()))
        if payment is None:
            raise DomainError(ErrorCode.PAYMENT_NOT_FOUND, receipt_no=receipt_no)
        return _build(s, payment, copy_no)


def _build(s: Session, payment: Payment, copy_no: int) -> ReceiptDocument:
    customer = s.get(Customer, payment.customer_id)
    enrolment = s.get(Enrolment, payment.enrolment_id)
    cashier = s.get(User, payment.cashier_id)
    assert customer is not None and enrolment is not None and cashier is not None
    terms = s.get(PromotionTermsRecord, enrolment.terms_id)
    assert terms is not None
    void_reason = s.scalar(select(Void.reason).where(Void.payment_id == payment.id))
    counted = _counted_payments(s, payment)
    numbers, last_partial, balance, next_due = _plan_as_of(s, payment, enrolment, counted)
    periods = _periods(s, payment)
    down = payment.kind == PaymentKind.DOWN_PAYMENT
    return ReceiptDocument(
        header=header_for_counter(s, payment.counter_id), receipt_no=payment.receipt_no,
        paid_at=payment.paid_at, cashier_name=cashier.full_name or cashier.username,
        connection_no=customer.connection_no, customer_name=customer.name,
        address=customer.address, rt=customer.rt, rw=customer.rw, kelurahan=customer.kelurahan,
        tariff_group=customer.tariff_group, kind=payment.kind.value, programme_name=terms.name,
        instalment_count=enrolment.instalment_count, instalment_numbers=numbers,
        last_instalment_partial=last_partial, periods=periods,
        penalty_waived=enrolment.penalty_waived if down else 0, amount=payment.amount,
        method=payment.method.value, reference=payment.reference, tendered=payment.tendered,
        change=payment.change, plan_balance=balance, next_due=next_due,
        voided=void_reason is not None, void_reason=void_reason or "", copy_no=copy_no,
    )


def _counted_payments(s: Session, payment: Payment) -> set[int]:
    """This payment and the plan's earlier payments that were not voided."""
    earlier = s.scalars(
        select(Payment.id).outerjoin(Void, Void.payment_id == Payment.id)
        .where(Payment.enrolment_id == payment.enrolment_id, Payment.id < payment.id,
               Void.id.is_(None)))
    return {payment.id, *earlier}


def _plan_as_of(s: Session, payment: Payment, enrolment: Enrolment, counted: set[int]
                ) -> tuple[tuple[int, ...], bool, int, dt.date | None]:
    """(instalments this payment went to, last of them left partly unpaid, plan balance,
    next due date) as they stood right after the payment."""
    instalments = list(s.scalars(select(Instalment).where(
        Instalment.enrolment_id == enrolment.id).order_by(Instalment.number)))
    paid = dict.fromkeys((i.id for i in instalments), 0)
    mine: list[int] = []
    for alloc in s.scalars(select(InstalmentAllocation).join(
            Instalment, Instalment.id == InstalmentAllocation.instalment_id)
            .where(Instalment.enrolment_id == enrolment.id,
                   InstalmentAllocation.payment_id.in_(counted))):
        paid[alloc.instalment_id] += alloc.amount
        if alloc.payment_id == payment.id:
            mine.append(alloc.instalment_id)
    by_id = {i.id: i for i in instalments}
    numbers = tuple(sorted(by_id[i].number for i in set(mine)))
    last = max(mine, key=lambda i: by_id[i].number) if mine else None
    last_partial = last is not None and paid[last] < by_id[last].amount
    balance = sum(i.amount - paid[i.id] for i in instalments)
    next_due = next((i.due_date for i in instalments if paid[i.id] < i.amount), None)
    return numbers, last_partial, balance, next_due


def _periods(s: Session, payment: Payment) -> tuple[str, ...]:
    """The bill periods this payment was applied to, oldest first."""
    return tuple(s.scalars(
        select(Bill.period).join(BillAllocation, BillAllocation.bill_id == Bill.id)
        .where(BillAllocation.payment_id == payment.id).order_by(Bill.period)))
