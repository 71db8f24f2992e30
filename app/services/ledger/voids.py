"""Voiding a payment with a supervisor's approval: every allocation is reversed.

Voiding a down payment cancels the enrolment: the waived penalties return, the bills
leave the plan, and the unseal order is cancelled — or, if the seal was already
opened in the field, a re-seal order is issued. Head office's bill changes held back
while the plan covered the bills (``sync.held_bills``) then apply to the freed bills in
the same transaction, so the account after a refund shows head office's bills (a plan
head office refused, whose bills it settled through another branch's plan, say).
Within a plan, the latest receipt is voided first, so that the plan's history stays a
simple sequence.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Bill,
    BillAllocation,
    Customer,
    Enrolment,
    EnrolmentState,
    Instalment,
    InstalmentAllocation,
    Payment,
    PaymentKind,
    Shift,
    ShiftState,
    Void,
    WorkOrderKind,
    WorkOrderState,
    new_uuid,
)
from app.services.arguments import stored_text, text
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger import workorders
from app.services.shifts import unclosed_shift
from app.services.sync.held_bills import release_free
from app.services.unit_of_work import UnitOfWork
from app.services.users import approve


@dataclass(frozen=True)
class VoidRequest:
    receipt_no: str
    reason: str
    supervisor: str
    password: str


@dataclass(frozen=True)
class VoidResult:
    receipt_no: str
    void_uuid: str
    kind: str
    amount: int
    enrolment_state: str
    cancelled_work_order: str | None
    reseal_work_order: str | None


def void_payment(uow: UnitOfWork, actor: Actor, request: VoidRequest) -> VoidResult:
    """Void one payment; refuse without a reason or a supervisor's valid credentials."""
    reason = stored_text(request.reason, "the reason").strip()
    text(request.receipt_no, "the receipt number")
    if not reason:
        raise DomainError(ErrorCode.REASON_REQUIRED)
    with uow:
        s, now = uow.session, uow.now
        supervisor_id = approve(uow, request.supervisor, request.password, "void payments")
        payment = _voidable_payment(s, request.receipt_no.strip())
        _check_shift_lock(s, actor, payment)
        enrolment = s.get(Enrolment, payment.enrolment_id)
        assert enrolment is not None
        _reverse_allocations(s, payment)
        cancelled, reseal, released = None, None, []
        if payment.kind == PaymentKind.DOWN_PAYMENT:
            cancelled, reseal = _cancel_enrolment(s, actor, uow, enrolment)
            released = _release_held_bills(s, uow, enrolment)
        elif enrolment.state == EnrolmentState.COMPLETED:
            enrolment.state, enrolment.ended_at = EnrolmentState.ACTIVE, None
        void = Void(uuid=new_uuid(), payment_id=payment.id, reason=reason,
                    supervisor_id=supervisor_id, cashier_id=actor.user_id or supervisor_id,
                    counter_id=actor.counter_id, shift_id=_current_shift_id(s, actor),
                    voided_at=now)
        s.add(void)
        s.flush()
        record_change(s, actor, now, action="payment.void", entity="payment",
                      entity_id=payment.receipt_no, event_type="payment.voided", details={
                          "receipt_no": payment.receipt_no, "payment_uuid": payment.uuid,
                          "void_uuid": void.uuid, "reason": reason, "amount": payment.amount,
                          "kind": payment.kind.value, "enrolment_uuid": enrolment.uuid,
                          "enrolment_state": enrolment.state.value,
                          "supervisor_id": supervisor_id, "cancelled_work_order": cancelled,
                          "reseal_work_order": reseal,
                          **({"bills_released": released} if released else {}),
                      })
        uow.commit()
        return VoidResult(payment.receipt_no, void.uuid, payment.kind.value, payment.amount,
                          enrolment.state.value, cancelled, reseal)


def _voidable_payment(session: Session, receipt_no: str) -> Payment:
    payment = session.scalar(select(Payment).where(Payment.receipt_no == receipt_no))
    if payment is None:
        raise DomainError(ErrorCode.PAYMENT_NOT_FOUND, receipt_no=receipt_no)
    if session.scalar(select(Void.id).where(Void.payment_id == payment.id)) is not None:
        raise DomainError(ErrorCode.ALREADY_VOIDED, receipt_no=receipt_no)
    later = session.scalars(
        select(Payment.receipt_no).outerjoin(Void, Void.payment_id == Payment.id)
        .where(Payment.enrolment_id == payment.enrolment_id, Payment.id > payment.id,
               Void.id.is_(None)).order_by(Payment.id)).all()
    if later:
        raise DomainError(ErrorCode.VOID_LATER_PAYMENTS_FIRST, receipts=", ".join(later))
    return payment


def _check_shift_lock(session: Session, actor: Actor, payment: Payment) -> None:
    """A closed shift's receipts are voided by a supervisor at their own log-in only."""
    shift = session.get(Shift, payment.shift_id) if payment.shift_id else None
    if shift is not None and shift.state == ShiftState.CLOSED and actor.role == "cashier":
        raise DomainError(ErrorCode.SHIFT_LOCKED, receipt_no=payment.receipt_no)


def _current_shift_id(session: Session, actor: Actor) -> int | None:
    shift = unclosed_shift(session, actor.counter_id)
    return shift.id if shift is not None else None


def _reverse_allocations(session: Session, payment: Payment) -> None:
    for alloc in session.scalars(select(BillAllocation).where(
            BillAllocation.payment_id == payment.id)):
        bill = session.get(Bill, alloc.bill_id)
        assert bill is not None
        bill.paid_amount -= alloc.amount
        bill.settled, bill.settled_at = False, None
    for ialloc in session.scalars(select(InstalmentAllocation).where(
            InstalmentAllocation.payment_id == payment.id)):
        inst = session.get(Instalment, ialloc.instalment_id)
        assert inst is not None
        inst.paid_amount -= ialloc.amount
        inst.paid_at = None


def _cancel_enrolment(session: Session, actor: Actor, uow: UnitOfWork,
                      enrolment: Enrolment) -> tuple[str | None, str | None]:
    """Undo an enrolment; returns (cancelled unseal order, new re-seal order) numbers."""
    enrolment.state, enrolment.ended_at = EnrolmentState.CANCELLED, uow.now
    for bill in session.scalars(select(Bill).where(Bill.enrolment_id == enrolment.id)):
        bill.enrolment_id, bill.penalty_waived = None, 0
        bill.settled = bill.outstanding <= 0
    order = workorders.unseal_order_of(session, enrolment.id)
    if order is None:
        return None, None
    if order.state == WorkOrderState.ISSUED:
        order.state, order.closed_at = WorkOrderState.CANCELLED, uow.now
        order.cancel_reason = "down payment voided"
        return order.number, None
    if order.state == WorkOrderState.DONE:
        customer = session.get(Customer, enrolment.customer_id)
        assert customer is not None
        reseal = workorders.issue(session, actor, uow.now, customer, None, WorkOrderKind.RESEAL,
                                  f"down payment voided ({order.number} was done)")
        return None, reseal.number
    return None, None


def _release_held_bills(session: Session, uow: UnitOfWork, enrolment: Enrolment) -> list[str]:
    """The plan's bills are free again: apply head office's held changes of them now;
    the periods written."""
    customer = session.get(Customer, enrolment.customer_id)
    assert customer is not None
    return [period for _, period in release_free(session, uow.now, customer.connection_no)]
