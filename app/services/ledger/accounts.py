"""Reading a customer's account and quoting the promotion for them (no writes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.models import Bill, Customer, Enrolment, EnrolmentState, PromotionTermsRecord
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.account_views import (
    BillLine,
    EnrolmentView,
    PaymentLine,
    WorkOrderLine,
    enrolment_view,
    open_work_orders,
    payment_history,
)
from app.services.ledger.office_enrolments import (
    OfficeEnrolmentView,
    enrolled_elsewhere,
    office_enrolment,
)
from app.services.programmes import find_programme
from app.services.quoting import (
    BillFacts,
    CustomerFacts,
    Reason,
    ScheduleLine,
    allowed_counts,
    make_offer,
    schedule,
)
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    connection_no: str
    name: str
    address: str
    rt: str
    rw: str
    kelurahan: str
    kecamatan: str
    tariff_group: str
    meter_no: str
    phone: str
    status: str
    status_date: dt.date


@dataclass(frozen=True)
class Account:
    customer: CustomerInfo
    open_bills: tuple[BillLine, ...]
    arrears: int
    penalty: int
    total_due: int
    enrolment: EnrolmentView | None
    payments: tuple[PaymentLine, ...]
    work_orders: tuple[WorkOrderLine, ...]
    office_enrolment: OfficeEnrolmentView | None = None  # another branch's, per head office


@dataclass(frozen=True)
class Quote:
    connection_no: str
    customer_name: str
    programme_code: str
    programme_version: int
    programme_name: str
    on: dt.date
    eligible: bool
    reasons: tuple[Reason, ...]
    arrears: int
    penalty: int
    penalty_waived: int
    amount_due: int
    down_payment: int
    remainder: int
    allowed_instalments: tuple[int, ...]
    instalments: int
    schedule: tuple[ScheduleLine, ...]


_CUSTOMER = select(Customer).where(Customer.connection_no == bindparam("connection_no"))
"""Statements read at every scan are made once (the values bound at each call)."""
_UNSETTLED = (Bill.customer_id == bindparam("customer_id"), Bill.settled.is_(False))
_UNSETTLED_BILLS = select(Bill).where(*_UNSETTLED).order_by(Bill.period)
_UNSETTLED_BILL_LINES = (
    select(Bill.period, Bill.due_date, Bill.usage_m3, Bill.principal, Bill.penalty,
           Bill.penalty_waived, Bill.paid_amount, Bill.outstanding,
           Bill.enrolment_id.is_not(None))
    .where(*_UNSETTLED).order_by(Bill.period))
"""The same bills as lines of the account screen, read as plain rows (a customer with
years of arrears has dozens: made objects, they were a third of the account's reading)."""


def find_customer(session: Session, connection_no: str) -> Customer:
    customer = session.scalar(_CUSTOMER, {"connection_no": connection_no.strip()})
    if customer is None:
        raise DomainError(ErrorCode.CUSTOMER_NOT_FOUND, connection_no=connection_no)
    return customer


def unsettled_bills(session: Session, customer_id: int) -> list[Bill]:
    """Bills not yet settled, oldest period first (the order payments are applied in)."""
    return list(session.scalars(_UNSETTLED_BILLS, {"customer_id": customer_id}))


def bill_facts(bill: Bill) -> BillFacts:
    """What is still owed on a bill, principal first (payments cover it before the penalty)."""
    return BillFacts(bill.period, max(0, bill.principal - bill.paid_amount),
                     bill.penalty - max(0, bill.paid_amount - bill.principal))


def customer_facts(customer: Customer, bills: list[Bill]) -> CustomerFacts:
    return CustomerFacts(
        status=customer.status.value, tariff_group=customer.tariff_group,
        open_bills=tuple(bill_facts(b) for b in bills if b.enrolment_id is None))


def blocking_enrolment(session: Session, customer_id: int, programme_code: str) -> Enrolment | None:
    """An enrolment that stops a new one: any active plan or plan head office refused (until
    its down payment is voided), or any not-cancelled one in the same programme (a completed
    or broken plan cannot be joined twice)."""
    return session.scalar(
        select(Enrolment).join(PromotionTermsRecord, PromotionTermsRecord.id == Enrolment.terms_id)
        .where(Enrolment.customer_id == customer_id,
               Enrolment.state.in_((EnrolmentState.ACTIVE, EnrolmentState.REFUSED))
               | ((PromotionTermsRecord.code == programme_code)
                  & (Enrolment.state != EnrolmentState.CANCELLED)))
        .limit(1))


def some_connection_no(uow: UnitOfWork) -> str | None:
    """One customer's connection number (the lowest), None in an empty branch: an account
    to read once before the first customer, so its statements are ready."""
    with uow:
        return uow.session.scalar(select(Customer.connection_no)
                                  .order_by(Customer.connection_no).limit(1))


def get_account(uow: UnitOfWork, connection_no: str) -> Account:
    """Everything the account screen shows for one customer."""
    with uow:
        return account_of(uow.session, find_customer(uow.session, connection_no), uow.today)


def account_of(s: Session, customer: Customer, today: dt.date) -> Account:
    """``get_account`` inside a unit of work already open (one query per section)."""
    lines = tuple(BillLine(*row) for row in s.execute(_UNSETTLED_BILL_LINES,
                                                      {"customer_id": customer.id}))
    return Account(
        customer=_customer_info(customer),
        open_bills=lines,
        arrears=sum(line.principal_outstanding for line in lines),
        penalty=sum(line.penalty - line.penalty_waived for line in lines),
        total_due=sum(line.outstanding for line in lines),
        enrolment=enrolment_view(s, customer.id, today),
        payments=payment_history(s, customer.id),
        work_orders=open_work_orders(s, customer.id),
        office_enrolment=office_enrolment(s, customer),
    )


def quote(uow: UnitOfWork, connection_no: str, on: dt.date | None = None,
          instalments: int | None = None, programme: str | None = None) -> Quote:
    """Eligibility with every reason, the amounts and the schedule for a chosen count."""
    with uow:
        s = uow.session
        day = on or uow.today
        customer = find_customer(s, connection_no)
        record, terms = find_programme(s, programme, day)
        offer = make_offer(terms, customer_facts(customer, unsettled_bills(s, customer.id)), day)
        reasons = list(offer.reasons)
        existing = blocking_enrolment(s, customer.id, record.code)
        if existing is not None:
            reasons.append(Reason("already_enrolled",
                                  f"already enrolled ({existing.state.value}, "
                                  f"{existing.business_date})",
                                  {"state": existing.state.value,
                                   "since": existing.business_date}))
        elsewhere = enrolled_elsewhere(s, customer, record.code)
        if elsewhere is not None:
            reasons.append(Reason("enrolled_elsewhere",
                                  f"already enrolled at branch {elsewhere.branch} on "
                                  f"{elsewhere.business_date} ({elsewhere.state}), as head "
                                  "office said at the last sync",
                                  {"branch": elsewhere.branch, "state": elsewhere.state,
                                   "since": elsewhere.business_date}))
        remainder = offer.amount_due - offer.down_payment
        allowed = allowed_counts(terms, remainder)
        count = max(allowed) if instalments is None else instalments
        if count not in allowed:
            raise DomainError(ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED, count=count,
                              allowed=", ".join(map(str, allowed)))
        return Quote(
            connection_no=customer.connection_no, customer_name=customer.name,
            programme_code=record.code, programme_version=record.version,
            programme_name=record.name, on=day, eligible=not reasons, reasons=tuple(reasons),
            arrears=offer.arrears, penalty=offer.penalty, penalty_waived=offer.penalty_waived,
            amount_due=offer.amount_due, down_payment=offer.down_payment, remainder=remainder,
            allowed_instalments=allowed, instalments=count,
            schedule=schedule(terms, remainder, count, day),
        )


def _customer_info(c: Customer) -> CustomerInfo:
    return CustomerInfo(c.id, c.connection_no, c.name, c.address, c.rt, c.rw, c.kelurahan,
                        c.kecamatan, c.tariff_group, c.meter_no, c.phone, c.status.value,
                        c.status_date)
