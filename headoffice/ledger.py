"""Effects of received payments, enrolments and voids on head office's bills and plans.

Head office derives what a customer owes from the billing system's bills and the
payments it has received: a bill is settled by the billing system or by a received,
not voided payment (``settled_by``). Branches never overwrite money values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice import batch_memory, claims
from headoffice.changes import bills_changed, customer_changed
from headoffice.models import Bill, Customer, Enrolment, Payment


def blocking_enrolment(session: Session, connection_no: str, programme: str) -> Enrolment | None:
    """An enrolment that stops a new one: any active plan, or one in the same programme
    that was not cancelled (the branch's rule, applied across branches)."""
    return session.scalar(select(Enrolment).where(
        Enrolment.connection_no == connection_no,
        (Enrolment.state == "active")
        | ((Enrolment.programme == programme) & (Enrolment.state != "cancelled"))).limit(1))


def take_over_bills(session: Session, customer: Customer, enrolment: Enrolment,
                    payment: Payment, settled_periods: Sequence[str]) -> None:
    """The plan takes over the customer's open bills; the down payment settles some."""
    held = batch_memory.bills_of(session, customer.id)
    bills = list(session.scalars(select(Bill).where(
        Bill.customer_id == customer.id, Bill.settled.is_(False),
        Bill.enrolment_uuid.is_(None)).order_by(Bill.period))) if held is None else sorted(
        (b for b in held if not b.settled and b.enrolment_uuid is None), key=_period)
    for bill in bills:
        bill.enrolment_uuid = enrolment.uuid
    _settle(bills, payment, settled_periods)
    bills_changed(session, customer, bills)
    customer_changed(session, customer)


def settle(session: Session, customer: Customer, payment: Payment,
           settled_periods: Sequence[str]) -> None:
    """Mark the bills a received payment settled at the branch."""
    held, wanted = batch_memory.bills_of(session, customer.id), set(settled_periods)
    bills = list(session.scalars(select(Bill).where(
        Bill.customer_id == customer.id, Bill.settled.is_(False),
        Bill.period.in_(list(settled_periods))))) if held is None else [
        b for b in held if not b.settled and b.period in wanted]
    _settle(bills, payment, settled_periods)
    bills_changed(session, customer, bills)


def _period(bill: Bill) -> str:
    return bill.period


def _settle(bills: Sequence[Bill], payment: Payment, periods: Sequence[str]) -> None:
    wanted = set(periods)
    for bill in bills:
        if bill.period in wanted:
            bill.settled, bill.settled_by = True, payment.uuid


def void(session: Session, payment: Payment, event_id: str) -> None:
    """Void a received payment: its bills reopen; a voided down payment cancels the plan."""
    claims.require(session, "customer", payment.connection_no)
    claims.require(session, "plan", payment.enrolment_uuid)
    payment.voided, payment.void_event_id = True, event_id
    customer = session.scalar(select(Customer).where(
        Customer.connection_no == payment.connection_no))
    enrolment = session.get(Enrolment, payment.enrolment_uuid) if payment.enrolment_uuid else None
    if enrolment is not None:
        claims.require(session, "customer", enrolment.connection_no)
    reopened = list(session.scalars(select(Bill).where(Bill.settled_by == payment.uuid)))
    for bill in reopened:
        bill.settled, bill.settled_by = False, None
    changed = list(reopened)
    if enrolment is not None and payment.applied:
        if payment.kind == "down_payment":
            enrolment.state = "cancelled"
            released = list(session.scalars(select(Bill).where(
                Bill.enrolment_uuid == enrolment.uuid)))
            for bill in released:
                bill.enrolment_uuid = None
            changed.extend(b for b in released if b not in changed)
        elif enrolment.state == "completed":
            enrolment.state = "active"
    if customer is not None:
        bills_changed(session, customer, changed)
        customer_changed(session, customer)


def set_status(session: Session, customer: Customer, status: str, on: str) -> None:
    """A status reported from the field (a seal opened or put back)."""
    try:
        day = dt.date.fromisoformat(on)
    except ValueError:
        day = customer.status_date
    if (customer.status, customer.status_date) != (status, day):
        customer.status, customer.status_date = status, day
        customer.version += 1
        customer_changed(session, customer)


def customer_balance(session: Session, connection_no: str) -> dict[str, int]:
    """Head office's view of one customer, derived from bills and payments received:
    open bills (count, principal, penalty), payments applied, money kept as credit."""
    open_bills = select(func.count(), func.coalesce(func.sum(Bill.water_charge + Bill.fees), 0),
                        func.coalesce(func.sum(Bill.penalty), 0)).join(
        Customer, Customer.id == Bill.customer_id).where(
        Customer.connection_no == connection_no, Bill.settled.is_(False))
    count, principal, penalty = session.execute(open_bills).one()
    paid = {bool(applied): int(total) for applied, total in session.execute(
        select(Payment.applied, func.coalesce(func.sum(Payment.amount), 0))
        .where(Payment.connection_no == connection_no, Payment.voided.is_(False))
        .group_by(Payment.applied))}
    return {"open_bills": int(count), "open_principal": int(principal),
            "open_penalty": int(penalty), "paid": paid.get(True, 0),
            "credit": paid.get(False, 0)}
