"""The exceptions queue: rejected events and sequence alerts for head-office staff.

Staff list them, resolve them with a note, or re-apply a rejected event once its cause
is gone. A void that arrived before its payment is re-applied by itself when the
payment arrives. A re-applied event's new result goes to its branch as an ``ack`` change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from headoffice import changes
from headoffice.changes import ack_data, record
from headoffice.db import utcnow
from headoffice.models import Event, Payment, SyncException
from headoffice.refusals import NotFound, RefusalCode, Refused
from headoffice.rules import Rejected, dispatch


@dataclass(frozen=True)
class ExceptionInfo:
    id: int
    reason: str
    detail: str
    branch: str
    device_id: str
    event_id: str | None
    event_type: str
    seq: int | None
    amount: int
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    note: str


WAITING = "loket_waiting_voids"  # session.info: payments voids wait for (in a push)


def remember_waiting_voids(session: Session) -> None:
    """For the rest of this push: know once which payments voids wait for, instead of
    asking at every payment (``apply_waiting_voids``)."""
    session.info[WAITING] = None


def note_rejected(session: Session, event: Event) -> None:
    waiting_for = session.info.get(WAITING)
    if waiting_for is not None and event.reason == "unknown_payment":
        waiting_for.add(event.payload.get("payment_uuid"))
    session.add(SyncException(event_id=event.id, device_id=event.device_id,
                              branch_code=event.branch_code, reason=event.reason,
                              detail=event.message[:400], created_at=utcnow()))


def note_backwards(session: Session, device_id: str, branch: str, event_id: str, got: int,
                   expected: int) -> None:
    """A new event whose seq is already taken: the branch database went back in time."""
    seen = session.scalar(select(SyncException.id).where(
        SyncException.event_id == event_id, SyncException.reason == "sequence_backwards"))
    if seen is None:
        session.add(SyncException(
            event_id=event_id, device_id=device_id, branch_code=branch,
            reason="sequence_backwards", created_at=utcnow(),
            detail=(f"device {device_id} sent a new event {event_id} with seq {got}, but head "
                    f"office already holds its events through seq {expected - 1}: was this "
                    "counter's database restored from an older backup?")))


def list_exceptions(session: Session, *, include_resolved: bool = False) -> list[ExceptionInfo]:
    query = select(SyncException, Event).outerjoin(Event, Event.id == SyncException.event_id)
    if not include_resolved:
        query = query.where(SyncException.resolved_at.is_(None))
    return [_info(exc, event) for exc, event in session.execute(query.order_by(SyncException.id))]


def resolve(session: Session, exception_id: int, note: str) -> ExceptionInfo:
    """Close an exception with what staff did about it (LookupError / ValueError)."""
    exc = _open(session, exception_id)
    if not note.strip():
        raise Refused(RefusalCode.RESOLVE_NOTE_MISSING)
    exc.resolved_at, exc.note = utcnow(), note.strip()[:400]
    return _info(exc, session.get(Event, exc.event_id) if exc.event_id else None)


def reapply(session: Session, exception_id: int, note: str = "") -> ExceptionInfo:
    """Apply a rejected event again; ValueError says why it still cannot be."""
    exc = _open(session, exception_id)
    event = session.get(Event, exc.event_id) if exc.event_id else None
    if event is None or event.status != "rejected":
        raise Refused(RefusalCode.NOT_A_REJECTED_EVENT, id=exception_id)
    problem = _reapply(session, exc, event, note.strip() or "re-applied by head office")
    if problem:
        raise Refused(RefusalCode.EVENT_STILL_REFUSED, event=event.id, problem=problem)
    return _info(exc, event)


def apply_waiting_voids(session: Session, payment_uuid: object) -> None:
    """Apply the voids that were waiting for this payment to arrive."""
    if not isinstance(payment_uuid, str):
        return
    if WAITING in session.info:
        if session.info[WAITING] is None:
            session.info[WAITING] = {event.payload.get("payment_uuid") for event in
                                     session.scalars(_waiting_voids())}
        if payment_uuid not in session.info[WAITING]:
            return
    waiting = session.execute(
        select(SyncException, Event).join(Event, Event.id == SyncException.event_id).where(
            SyncException.resolved_at.is_(None), SyncException.reason == "unknown_payment",
            Event.type == "payment.voided").order_by(Event.received_at)).all()
    for exc, event in waiting:
        if event.payload.get("payment_uuid") == payment_uuid:
            _reapply(session, exc, event, "applied when the payment arrived")


def _waiting_voids() -> Select[Any]:
    return select(Event).join(SyncException, Event.id == SyncException.event_id).where(
        SyncException.resolved_at.is_(None), SyncException.reason == "unknown_payment",
        Event.type == "payment.voided")


def _reapply(session: Session, exc: SyncException, event: Event, note: str) -> str:
    """Re-run the rules for ``event``; returns "" when applied, else the reason."""
    credit = session.scalar(select(Payment).where(Payment.event_id == event.id,
                                                  Payment.applied.is_(False)))
    if credit is not None and credit.voided:
        return f"its payment {credit.receipt_no} was voided meanwhile"
    try:
        with session.begin_nested(), changes.dropped_on_error(session):
            if credit is not None:
                session.delete(credit)
                session.flush()
            dispatch(session, event)
    except Rejected as rejected:
        return rejected.message
    event.status, event.reason, event.message = "applied", "", ""
    exc.resolved_at, exc.note = utcnow(), note[:400]
    record(session, "ack", event.id, ack_data(event), branch=event.branch_code)
    return ""


def _open(session: Session, exception_id: int) -> SyncException:
    exc = session.get(SyncException, exception_id)
    if exc is None:
        raise NotFound(RefusalCode.NO_EXCEPTION, id=exception_id)
    if exc.resolved_at is not None:
        raise Refused(RefusalCode.EXCEPTION_RESOLVED, id=exception_id)
    return exc


def _info(exc: SyncException, event: Event | None) -> ExceptionInfo:
    return ExceptionInfo(
        exc.id, exc.reason, exc.detail, exc.branch_code, exc.device_id, exc.event_id,
        event.type if event else "", event.seq if event else None,
        event.amount if event else 0, exc.created_at, exc.resolved_at, exc.note)
