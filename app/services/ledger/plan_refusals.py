"""Head office's verdict on this branch's enrolments: a refused plan takes no more money.

When head office refuses an ``enrolment.paid`` event (the customer was enrolled first at
another branch; the down payment stays at head office as a credit), the local plan
becomes ``refused`` in the transaction that records the acknowledgement, with an audit
record. No instalment is taken on it; a supervisor voids its payments to refund the
customer (the voids reach head office, which closes its exceptions). Should head office
apply the enrolment after all (its staff re-apply it from the exceptions queue), the
plan returns to the state it had.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Customer,
    Enrolment,
    EnrolmentRefusal,
    EnrolmentState,
    Instalment,
    Payment,
    PaymentKind,
)
from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.office_enrolments import OfficeEnrolmentView, office_enrolment

REFUSED_ACTION = "enrolment.refused"
ACCEPTED_ACTION = "enrolment.accepted"
ENROLLED_FIRST_ELSEWHERE = "already_enrolled"  # head office's reason code


@dataclass(frozen=True)
class Refusal:
    """Why head office refused a plan; ``elsewhere`` is the plan it holds instead, as
    the last sync said; ``receipt_no`` the down payment it keeps as a credit."""

    reason: str
    message: str
    refused_at: dt.datetime
    receipt_no: str
    elsewhere: OfficeEnrolmentView | None


def refuse_enrolment(session: Session, actor: Actor, now: dt.datetime, event_id: str,
                     payload: dict[str, Any], reason: str, message: str) -> bool:
    """Mark the event's plan refused (not a plan already cancelled here); True if marked."""
    enrolment = _enrolment(session, payload)
    if enrolment is None or enrolment.state in (EnrolmentState.CANCELLED,
                                                EnrolmentState.REFUSED):
        return False
    session.add(EnrolmentRefusal(enrolment_id=enrolment.id, event_id=event_id,
                                 reason=reason[:40], message=message[:400],
                                 previous_state=enrolment.state, refused_at=now))
    before = enrolment.state
    enrolment.state = EnrolmentState.REFUSED
    enrolment.ended_at = enrolment.ended_at or now
    session.flush()
    record_change(session, actor, now, action=REFUSED_ACTION, entity="enrolment",
                  entity_id=enrolment.uuid, details={
                      "event_id": event_id, "reason": reason, "message": message,
                      "previous_state": before.value,
                      "receipt_no": _down_payment_receipt(session, enrolment.id)})
    return True


def accept_enrolment(session: Session, actor: Actor, now: dt.datetime,
                     payload: dict[str, Any]) -> bool:
    """Head office applied a refused enrolment after all: the plan goes on as it was."""
    enrolment = _enrolment(session, payload)
    refusal = session.get(EnrolmentRefusal, enrolment.id) if enrolment else None
    if enrolment is None or refusal is None or enrolment.state != EnrolmentState.REFUSED:
        return False
    state = refusal.previous_state
    if state in (EnrolmentState.ACTIVE, EnrolmentState.COMPLETED):
        state = (EnrolmentState.ACTIVE if _balance(session, enrolment.id) > 0
                 else EnrolmentState.COMPLETED)
    enrolment.state = state
    if state == EnrolmentState.ACTIVE:
        enrolment.ended_at = None
    session.delete(refusal)
    session.flush()
    record_change(session, actor, now, action=ACCEPTED_ACTION, entity="enrolment",
                  entity_id=enrolment.uuid, details={"event_id": refusal.event_id,
                                                     "state": state.value})
    return True


def refusal_of(session: Session, enrolment: Enrolment) -> Refusal | None:
    row = session.get(EnrolmentRefusal, enrolment.id)
    if row is None or enrolment.state != EnrolmentState.REFUSED:
        return None
    customer = session.get(Customer, enrolment.customer_id)
    assert customer is not None
    return Refusal(row.reason, row.message, row.refused_at,
                   _down_payment_receipt(session, enrolment.id),
                   office_enrolment(session, customer))


def require_no_refused_plan(session: Session, customer_id: int) -> None:
    """Refuse a payment towards a plan head office refused, saying why."""
    enrolment = session.scalar(select(Enrolment).where(
        Enrolment.customer_id == customer_id, Enrolment.state == EnrolmentState.REFUSED)
        .order_by(Enrolment.id.desc()).limit(1))
    refusal = refusal_of(session, enrolment) if enrolment is not None else None
    if refusal is None:
        return
    if refusal.reason == ENROLLED_FIRST_ELSEWHERE and refusal.elsewhere is not None:
        raise DomainError(ErrorCode.PLAN_REFUSED_ENROLLED_ELSEWHERE,
                          branch=refusal.elsewhere.branch,
                          since=refusal.elsewhere.business_date, receipt_no=refusal.receipt_no)
    raise DomainError(ErrorCode.PLAN_REFUSED, reason=refusal.reason or "?",
                      receipt_no=refusal.receipt_no)


def _enrolment(session: Session, payload: dict[str, Any]) -> Enrolment | None:
    uuid = payload.get("enrolment_uuid")
    if not isinstance(uuid, str):
        return None
    return session.scalar(select(Enrolment).where(Enrolment.uuid == uuid))


def _down_payment_receipt(session: Session, enrolment_id: int) -> str:
    return session.scalar(select(Payment.receipt_no).where(
        Payment.enrolment_id == enrolment_id, Payment.kind == PaymentKind.DOWN_PAYMENT)
        .order_by(Payment.id).limit(1)) or ""


def _balance(session: Session, enrolment_id: int) -> int:
    return sum(i.amount - i.paid_amount for i in session.scalars(
        select(Instalment).where(Instalment.enrolment_id == enrolment_id)))
