"""Plain views of an account's parts: bills, the plan and its instalments, payments, orders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session

from app.models import (
    Enrolment,
    EnrolmentState,
    Instalment,
    Payment,
    PromotionTermsRecord,
    User,
    Void,
    WorkOrder,
    WorkOrderState,
)
from app.services.ledger.plan_refusals import Refusal, refusal_of


@dataclass(frozen=True)
class BillLine:
    period: str
    due_date: dt.date
    usage_m3: int
    principal: int
    penalty: int
    penalty_waived: int
    paid_amount: int
    outstanding: int
    in_plan: bool

    @property
    def principal_outstanding(self) -> int:
        """Principal not yet paid (payments cover the principal before the penalty)."""
        return max(0, self.principal - self.paid_amount)


@dataclass(frozen=True)
class InstalmentLine:
    number: int
    due_date: dt.date
    amount: int
    paid_amount: int
    state: str  # paid / due / overdue / broken / refused


@dataclass(frozen=True)
class EnrolmentView:
    uuid: str
    programme_code: str
    programme_version: int
    programme_name: str
    state: str
    enrolled_on: dt.date
    arrears: int
    penalty_waived: int
    amount_due: int
    down_payment_due: int
    paid_total: int
    balance: int
    instalments: tuple[InstalmentLine, ...]
    next_due: dt.date | None
    payable: bool  # the plan is active: it takes instalment payments
    next_instalment: InstalmentLine | None  # the first instalment not paid in full
    next_instalment_due: int  # what the next payment asks for: that instalment's rest,
    # at most the plan's balance (the whole balance when no instalment is left)
    refusal: Refusal | None = None  # state ``refused``: head office's reason


@dataclass(frozen=True)
class PaymentLine:
    receipt_no: str
    kind: str
    amount: int
    method: str
    reference: str
    paid_at: dt.datetime
    cashier: str
    voided: bool
    void_reason: str


@dataclass(frozen=True)
class WorkOrderLine:
    number: str
    kind: str
    state: str
    issued_at: dt.datetime
    reason: str


def instalment_state(inst: Instalment, plan_state: EnrolmentState, today: dt.date) -> str:
    if inst.paid_amount >= inst.amount:
        return "paid"
    if plan_state == EnrolmentState.BROKEN:
        return "broken"
    if plan_state == EnrolmentState.REFUSED:
        return "refused"
    return "overdue" if inst.due_date < today else "due"


# The account screen's statements, read at every scan, are made once (the customer or
# the plan bound at each call).
_CUSTOMER_ID: BindParameter[int] = bindparam("customer_id")
_ENROLMENT_ID: BindParameter[int] = bindparam("enrolment_id")
_LATEST_ENROLMENT = (
    select(Enrolment).where(Enrolment.customer_id == _CUSTOMER_ID,
                            Enrolment.state != EnrolmentState.CANCELLED)
    .order_by((Enrolment.state == EnrolmentState.ACTIVE).desc(), Enrolment.id.desc())
    .limit(1))
_PLAN_INSTALMENTS = (select(Instalment).where(Instalment.enrolment_id == _ENROLMENT_ID)
                     .order_by(Instalment.number))
_PLAN_PAID_AMOUNTS = (select(Payment.amount).outerjoin(Void, Void.payment_id == Payment.id)
                      .where(Payment.enrolment_id == _ENROLMENT_ID, Void.id.is_(None)))
_PAYMENT_HISTORY = (select(Payment, User.username, Void.reason)
                    .join(User, User.id == Payment.cashier_id)
                    .outerjoin(Void, Void.payment_id == Payment.id)
                    .where(Payment.customer_id == _CUSTOMER_ID)
                    .order_by(Payment.paid_at.desc(), Payment.id.desc()))
_OPEN_WORK_ORDERS = (select(WorkOrder).where(WorkOrder.customer_id == _CUSTOMER_ID,
                                             WorkOrder.state == WorkOrderState.ISSUED)
                     .order_by(WorkOrder.issued_at))


def latest_enrolment(session: Session, customer_id: int) -> Enrolment | None:
    """The customer's plan to show: the active one, else the most recent not cancelled."""
    return session.scalar(_LATEST_ENROLMENT, {"customer_id": customer_id})


def enrolment_view(session: Session, customer_id: int, today: dt.date) -> EnrolmentView | None:
    enrolment = latest_enrolment(session, customer_id)
    if enrolment is None:
        return None
    terms = session.get(PromotionTermsRecord, enrolment.terms_id)
    assert terms is not None
    insts = plan_instalments(session, enrolment.id)
    lines = tuple(InstalmentLine(i.number, i.due_date, i.amount, i.paid_amount,
                                 instalment_state(i, enrolment.state, today)) for i in insts)
    paid = enrolment_paid_total(session, enrolment.id)
    balance = sum(i.amount - i.paid_amount for i in insts)
    following = next((line for line in lines if line.paid_amount < line.amount), None)
    return EnrolmentView(
        uuid=enrolment.uuid, programme_code=terms.code, programme_version=terms.version,
        programme_name=terms.name, state=enrolment.state.value,
        enrolled_on=enrolment.business_date, arrears=enrolment.arrears,
        penalty_waived=enrolment.penalty_waived, amount_due=enrolment.amount_due,
        down_payment_due=enrolment.down_payment_due, paid_total=paid,
        balance=balance,
        instalments=lines,
        next_due=None if enrolment.state == EnrolmentState.REFUSED
        else next((i.due_date for i in insts if i.paid_amount < i.amount), None),
        payable=enrolment.state == EnrolmentState.ACTIVE,
        next_instalment=following,
        next_instalment_due=min(following.amount - following.paid_amount, balance)
        if following is not None else balance,
        refusal=refusal_of(session, enrolment),
    )


def plan_instalments(session: Session, enrolment_id: int) -> list[Instalment]:
    return list(session.scalars(_PLAN_INSTALMENTS, {"enrolment_id": enrolment_id}))


def enrolment_paid_total(session: Session, enrolment_id: int) -> int:
    """Sum of the plan's payments that have not been voided."""
    return sum(session.scalars(_PLAN_PAID_AMOUNTS, {"enrolment_id": enrolment_id}))


def payment_history(session: Session, customer_id: int) -> tuple[PaymentLine, ...]:
    rows = session.execute(_PAYMENT_HISTORY, {"customer_id": customer_id})
    return tuple(
        PaymentLine(p.receipt_no, p.kind.value, p.amount, p.method.value, p.reference, p.paid_at,
                    username, reason is not None, reason or "")
        for p, username, reason in rows)


def open_work_orders(session: Session, customer_id: int) -> tuple[WorkOrderLine, ...]:
    orders = session.scalars(_OPEN_WORK_ORDERS, {"customer_id": customer_id})
    return tuple(WorkOrderLine(o.number, o.kind.value, o.state.value, o.issued_at, o.reason)
                 for o in orders)
