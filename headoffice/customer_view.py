"""Head office's view of customers: search, and one customer's bills, payments from
every branch, plan and instalments, change requests and seal state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from headoffice import change_requests, ledger
from headoffice.models import Bill, Customer, Enrolment, Event, Payment

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class CustomerRow:
    connection_no: str
    name: str
    address: str
    kelurahan: str
    status: str


@dataclass(frozen=True)
class PlanView:
    uuid: str
    programme: str
    branch: str
    state: str
    business_date: dt.date
    arrears: int
    penalty_waived: int
    down_payment: int
    schedule: list[dict[str, Any]]  # number, due_date, amount as the branch sent them
    instalments_paid: int


@dataclass(frozen=True)
class CustomerView:
    customer: CustomerRow
    rt_rw: str
    kecamatan: str
    tariff_group: str
    meter_no: str
    phone: str
    status_date: dt.date
    version: int
    balance: dict[str, int]
    bills: list[Bill]
    payments: list[Payment]
    plans: list[PlanView]
    requests: list[change_requests.RequestInfo]


def search(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[CustomerRow]:
    """By connection number (its start), name or address (any part, any case)."""
    words = text.strip()[:80]
    if not words:
        return []
    like = f"%{words.lower().replace('%', '').replace('_', '')}%"
    # SQLite's LIKE ignores the case of ASCII letters already, and its ILIKE (lower() on
    # every row) is several times slower; PostgreSQL needs ILIKE. No ORDER BY: ordering
    # by connection number walks the index and reads the rows out of order (slow); the
    # scan in storage order stops at the limit and the few found are sorted here.
    sqlite = session.get_bind().dialect.name == "sqlite"
    name = Customer.name.like(like) if sqlite else Customer.name.ilike(like)
    address = Customer.address.like(like) if sqlite else Customer.address.ilike(like)
    query = select(Customer).where(or_(
        Customer.connection_no.startswith(words, autoescape=True), name, address)
    ).limit(limit)
    return sorted((_row(c) for c in session.scalars(query)), key=lambda r: r.connection_no)


def rows_of(session: Session, numbers: set[str]) -> dict[str, CustomerRow]:
    """The customers with these connection numbers, by number."""
    if not numbers:
        return {}
    return {c.connection_no: _row(c) for c in session.scalars(
        select(Customer).where(Customer.connection_no.in_(sorted(numbers))))}


def view(session: Session, connection_no: str) -> CustomerView | None:
    c = session.scalar(select(Customer).where(Customer.connection_no == connection_no[:20]))
    if c is None:
        return None
    bills = list(session.scalars(select(Bill).where(Bill.customer_id == c.id)
                                 .order_by(Bill.period.desc())))
    payments = list(session.scalars(select(Payment).where(
        Payment.connection_no == c.connection_no).order_by(Payment.paid_at.desc())))
    plans = []
    for e in session.scalars(select(Enrolment).where(Enrolment.connection_no == c.connection_no)
                             .order_by(Enrolment.business_date)):
        event = session.get(Event, e.event_id)
        schedule = event.payload.get("schedule", []) if event else []
        paid = sum(1 for p in payments if p.enrolment_uuid == e.uuid and p.kind == "instalment"
                   and p.applied and not p.voided)
        plans.append(PlanView(e.uuid, e.programme, e.branch_code, e.state, e.business_date,
                              e.arrears, e.penalty_waived, e.down_payment,
                              [s for s in schedule if isinstance(s, dict)], paid))
    requests = [r for r in change_requests.list_requests(session)
                if r.connection_no == c.connection_no]
    return CustomerView(_row(c), f"{c.rt}/{c.rw}", c.kecamatan, c.tariff_group, c.meter_no,
                        c.phone, c.status_date, c.version,
                        ledger.customer_balance(session, c.connection_no), bills, payments,
                        plans, requests)


def _row(c: Customer) -> CustomerRow:
    return CustomerRow(c.connection_no, c.name, c.address, c.kelurahan, c.status)
