"""Seal work orders: issued with an enrolment (unseal) or a broken plan (re-seal),
confirmed from the field, or cancelled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Customer,
    CustomerStatus,
    Enrolment,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
    new_uuid,
)
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sequences import work_order_number
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class WorkOrderInfo:
    number: str
    kind: str
    state: str
    connection_no: str
    customer_name: str
    address: str
    kelurahan: str
    meter_no: str
    phone: str
    reason: str
    issued_at: dt.datetime
    done_on: dt.date | None
    field_officer: str


def issue(session: Session, actor: Actor, now: dt.datetime, customer: Customer,
          enrolment: Enrolment | None, kind: WorkOrderKind, reason: str) -> WorkOrder:
    """Add an issued work order (numbered inside the caller's transaction)."""
    order = WorkOrder(
        uuid=new_uuid(),
        number=work_order_number(session, actor.branch_code, actor.counter_code,
                                 actor.counter_id, now.year),
        customer_id=customer.id, enrolment_id=enrolment.id if enrolment else None, kind=kind,
        state=WorkOrderState.ISSUED, reason=reason, issued_at=now,
    )
    session.add(order)
    session.flush()
    return order


def unseal_order_of(session: Session, enrolment_id: int) -> WorkOrder | None:
    return session.scalar(select(WorkOrder).where(
        WorkOrder.enrolment_id == enrolment_id, WorkOrder.kind == WorkOrderKind.UNSEAL))


def confirm_work_order(uow: UnitOfWork, actor: Actor, number: str, done_on: dt.date,
                       field_officer: str, meter_reading: int | None = None) -> WorkOrderInfo:
    """The field reports the order done: an unsealed customer becomes active, a re-sealed
    one sealed again."""
    with uow:
        order = _open_order(uow.session, number)
        if not field_officer.strip():
            raise DomainError(ErrorCode.FIELD_OFFICER_REQUIRED)
        if meter_reading is not None and meter_reading < 0:
            raise DomainError(ErrorCode.AMOUNT_NOT_POSITIVE, text=str(meter_reading))
        customer = uow.session.get(Customer, order.customer_id)
        assert customer is not None
        order.state, order.done_on, order.closed_at = WorkOrderState.DONE, done_on, uow.now
        order.field_officer, order.meter_reading = field_officer.strip(), meter_reading
        customer.status = (CustomerStatus.ACTIVE if order.kind == WorkOrderKind.UNSEAL
                           else CustomerStatus.SEALED)
        customer.status_date = done_on
        record_change(uow.session, actor, uow.now, action="work_order.done",
                      entity="work_order", entity_id=order.number,
                      details={"number": order.number, "uuid": order.uuid,
                               "kind": order.kind.value, "connection_no": customer.connection_no,
                               "done_on": done_on.isoformat(), "field_officer": field_officer,
                               "meter_reading": meter_reading},
                      event_type="work_order.done")
        uow.commit()
        return work_order_info(order, customer)


def list_work_orders(uow: UnitOfWork, state: str | None = "issued") -> list[WorkOrderInfo]:
    with uow:
        query = select(WorkOrder, Customer).join(Customer, Customer.id == WorkOrder.customer_id)
        if state is not None:
            query = query.where(WorkOrder.state == WorkOrderState(state))
        rows = uow.session.execute(query.order_by(WorkOrder.issued_at, WorkOrder.id))
        return [work_order_info(order, customer) for order, customer in rows]


def work_order_info(order: WorkOrder, customer: Customer) -> WorkOrderInfo:
    return WorkOrderInfo(order.number, order.kind.value, order.state.value,
                         customer.connection_no, customer.name, customer.address,
                         customer.kelurahan, customer.meter_no, customer.phone, order.reason,
                         order.issued_at, order.done_on, order.field_officer)


def _open_order(session: Session, number: str) -> WorkOrder:
    order = session.scalar(select(WorkOrder).where(WorkOrder.number == number.strip()))
    if order is None:
        raise DomainError(ErrorCode.WORK_ORDER_NOT_FOUND, number=number)
    if order.state != WorkOrderState.ISSUED:
        raise DomainError(ErrorCode.WORK_ORDER_CLOSED, number=number, state=order.state.value)
    return order
