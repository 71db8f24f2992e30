"""Lists a counter works from: overdue instalments (collection calls) and today's receipts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.models import (
    Customer,
    Enrolment,
    EnrolmentState,
    Instalment,
    Payment,
    User,
    Void,
)
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class OverdueLine:
    connection_no: str
    name: str
    phone: str
    address: str
    kelurahan: str
    instalment: int
    due_date: dt.date
    outstanding: int
    days_overdue: int


@dataclass(frozen=True)
class ReceiptLine:
    receipt_no: str
    paid_at: dt.datetime
    connection_no: str
    name: str
    kind: str
    method: str
    reference: str
    amount: int
    cashier: str
    voided: bool
    void_reason: str


def overdue_instalments(uow: UnitOfWork, on: dt.date | None = None) -> list[OverdueLine]:
    """Unpaid instalments of active plans that were due before ``on``, longest overdue first."""
    with uow:
        day = on or uow.today
        rows = uow.session.execute(
            select(Instalment, Customer)
            .join(Enrolment, Enrolment.id == Instalment.enrolment_id)
            .join(Customer, Customer.id == Enrolment.customer_id)
            .where(Enrolment.state == EnrolmentState.ACTIVE, Instalment.due_date < day,
                   Instalment.paid_amount < Instalment.amount)
            .order_by(Instalment.due_date, Customer.name))
        return [OverdueLine(c.connection_no, c.name, c.phone, c.address, c.kelurahan, i.number,
                            i.due_date, i.amount - i.paid_amount, (day - i.due_date).days)
                for i, c in rows]


def receipts_for_day(uow: UnitOfWork, counter_id: int, day: dt.date | None = None
                     ) -> list[ReceiptLine]:
    """Every receipt this counter issued on ``day`` (default today), voided ones marked."""
    with uow:
        rows = uow.session.execute(
            select(Payment, Customer.connection_no, Customer.name, User.username, Void.reason)
            .join(Customer, Customer.id == Payment.customer_id)
            .join(User, User.id == Payment.cashier_id)
            .outerjoin(Void, Void.payment_id == Payment.id)
            .where(Payment.counter_id == counter_id,
                   Payment.business_date == (day or uow.today))
            .order_by(Payment.paid_at, Payment.id))
        return [ReceiptLine(p.receipt_no, p.paid_at, number, name, p.kind.value, p.method.value,
                            p.reference, p.amount, cashier, reason is not None, reason or "")
                for p, number, name, cashier, reason in rows]
