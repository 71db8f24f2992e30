"""The broken-plan check: plans with an instalment unpaid past its grace period break.

A broken plan issues a re-seal order (or cancels an unseal order still in the field)
and, if the terms say so, reinstates the waived penalty on the bills still open.
Running the check twice for the same date changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.models import (
    Bill,
    Customer,
    CustomerStatus,
    Enrolment,
    EnrolmentState,
    Instalment,
    WorkOrderKind,
    WorkOrderState,
)
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.ledger import workorders
from app.services.programmes import terms_by_id
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PlanCheckResult:
    on: dt.date
    broken: tuple[str, ...]
    reseal_orders: tuple[str, ...]


def check_broken_plans(uow: UnitOfWork, actor: Actor, on: dt.date) -> PlanCheckResult:
    """Break every active plan overdue beyond its grace days on ``on``; one transaction each."""
    broken: list[str] = []
    orders: list[str] = []
    for enrolment_id in _overdue_candidates(uow, on):
        outcome = _break_if_overdue(uow, actor, enrolment_id, on)
        if outcome is not None:
            broken.append(outcome[0])
            if outcome[1]:
                orders.append(outcome[1])
    return PlanCheckResult(on, tuple(broken), tuple(orders))


def _overdue_candidates(uow: UnitOfWork, on: dt.date) -> list[int]:
    with uow:
        return list(uow.session.scalars(
            select(Enrolment.id).join(Instalment, Instalment.enrolment_id == Enrolment.id)
            .where(Enrolment.state == EnrolmentState.ACTIVE, Instalment.due_date < on,
                   Instalment.paid_amount < Instalment.amount)
            .distinct().order_by(Enrolment.id)))


def _break_if_overdue(uow: UnitOfWork, actor: Actor, enrolment_id: int,
                      on: dt.date) -> tuple[str, str | None] | None:
    with uow:
        s = uow.session
        enrolment = s.get(Enrolment, enrolment_id)
        if enrolment is None or enrolment.state != EnrolmentState.ACTIVE:
            return None
        terms = terms_by_id(s, enrolment.terms_id)
        cutoff = on - dt.timedelta(days=terms.broken_plan.grace_days)
        missed = s.scalar(select(Instalment).where(
            Instalment.enrolment_id == enrolment.id, Instalment.due_date < cutoff,
            Instalment.paid_amount < Instalment.amount).order_by(Instalment.number).limit(1))
        if missed is None:
            return None
        customer = s.get(Customer, enrolment.customer_id)
        assert customer is not None
        enrolment.state, enrolment.ended_at = EnrolmentState.BROKEN, uow.now
        reinstated = 0
        if terms.broken_plan.reinstate_penalty:
            for bill in s.scalars(select(Bill).where(Bill.enrolment_id == enrolment.id,
                                                     Bill.settled.is_(False))):
                reinstated += bill.penalty_waived
                bill.penalty_waived = 0
        order_no = _seal_again(uow, actor, customer, enrolment) \
            if terms.broken_plan.issue_reseal_order else None
        record_change(s, actor, uow.now, action="plan.broken", entity="enrolment",
                      entity_id=enrolment.uuid, event_type="plan.broken", details={
                          "enrolment_uuid": enrolment.uuid,
                          "connection_no": customer.connection_no, "checked_on": on.isoformat(),
                          "missed_instalment": missed.number,
                          "missed_due_date": missed.due_date.isoformat(),
                          "penalty_reinstated": reinstated, "reseal_work_order": order_no,
                      })
        uow.commit()
        return customer.connection_no, order_no


def _seal_again(uow: UnitOfWork, actor: Actor, customer: Customer,
                enrolment: Enrolment) -> str | None:
    """Cancel an unseal order not yet done; otherwise order the seal put back."""
    unseal = workorders.unseal_order_of(uow.session, enrolment.id)
    if unseal is not None and unseal.state == WorkOrderState.ISSUED:
        unseal.state, unseal.closed_at = WorkOrderState.CANCELLED, uow.now
        unseal.cancel_reason = "instalment plan broken"
        return None
    if customer.status == CustomerStatus.SEALED:
        return None
    order = workorders.issue(uow.session, actor, uow.now, customer, enrolment,
                             WorkOrderKind.RESEAL, "instalment plan broken")
    return order.number
