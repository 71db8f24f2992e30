"""Who may change what at head office, and references that must agree.

Only the branch that holds a plan (enrolment), payment, work order or shift may change it:
break, complete, pay into, void or close it. Every reference an event carries must agree
with what head office holds (payment ↔ plan ↔ customer ↔ connection number ↔ branch ↔
counter). A breach raises ``Rejected`` with a precise code; the caller keeps any money as
a credit and changes nothing else (docs/sync-protocol.md, "Who may change what").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice import batch_memory, claims
from headoffice.models import Device, Enrolment, Event, Payment, ShiftOwner
from headoffice.rejection import Rejected

SHIFT_TYPES = frozenset({"shift.opened", "shift.counted", "shift.closed"})


def check_sender(session: Session, event: Event) -> None:
    """The event names the counter of the device that sent it (when it names one)."""
    device = session.get(Device, event.device_id)
    counter = event.payload.get("counter")
    if device is not None and "counter" in event.payload and counter != device.counter:
        raise Rejected("references_disagree", (
            f"the event names counter {counter!r}, but device {device.id} is counter "
            f"{device.branch_code}/{device.counter}"))


def held_enrolment(session: Session, event: Event, uuid: str) -> Enrolment:
    """The plan ``uuid``, which must be held (not cancelled) by the event's branch and
    belong to the connection number the event names, if it names one."""
    claims.require(session, "plan", uuid)
    enrolment = batch_memory.plan(session, uuid)
    if enrolment is not None:
        claims.require(session, "customer", enrolment.connection_no)
    if enrolment is None or enrolment.state == "cancelled":
        raise Rejected("unknown_enrolment", f"enrolment {uuid} is not held by head office")
    if enrolment.branch_code != event.branch_code:
        raise Rejected("foreign_enrolment", (
            f"enrolment {uuid} is held by branch {enrolment.branch_code}; branch "
            f"{event.branch_code} may not change or pay into it"))
    agree(event.payload, "connection_no", enrolment.connection_no, f"enrolment {uuid}")
    return enrolment


def held_payment(session: Session, event: Event, payment: Payment) -> None:
    """A void's payment: taken at the event's branch, and the void's receipt, amount, kind
    and plan are the payment's."""
    if payment.branch_code != event.branch_code:
        raise Rejected("foreign_payment", (
            f"receipt {payment.receipt_no} was taken at branch {payment.branch_code}; branch "
            f"{event.branch_code} may not void it"))
    what = f"payment {payment.uuid} (receipt {payment.receipt_no})"
    agree(event.payload, "receipt_no", payment.receipt_no, what)
    agree(event.payload, "amount", payment.amount, what)
    agree(event.payload, "kind", payment.kind, what)
    if payment.enrolment_uuid is not None:
        agree(event.payload, "enrolment_uuid", payment.enrolment_uuid, what)


def held_customer(session: Session, event: Event, connection_no: str) -> None:
    """Field work on a customer: the event's branch holds a plan of the customer (any
    state) and no other branch holds one still running."""
    claims.require(session, "customer", connection_no)
    plans = list(session.scalars(select(Enrolment).where(
        Enrolment.connection_no == connection_no)))
    others = [p for p in plans if p.branch_code != event.branch_code and p.state != "cancelled"]
    if others or not any(p.branch_code == event.branch_code for p in plans):
        holder = others[0].branch_code if others else "no branch"
        raise Rejected("foreign_customer", (
            f"the plan of customer {connection_no} is held by {holder}; branch "
            f"{event.branch_code} may not report work orders for it"))


def check_shift(session: Session, event: Event) -> None:
    """A shift is its counter's: opened once, counted and closed by the same device."""
    uuid = event.payload.get("shift_uuid")
    if not isinstance(uuid, str) or not uuid.strip() or len(uuid) > 36:
        raise Rejected("invalid_payload", "shift_uuid is missing, not text or longer than 36")
    claims.require(session, "shift", uuid)
    owner = session.get(ShiftOwner, uuid.strip())
    if owner is None:
        session.add(ShiftOwner(uuid=uuid.strip(), device_id=event.device_id,
                               branch_code=event.branch_code, event_id=event.id))
        session.flush()
    elif owner.device_id != event.device_id:
        raise Rejected("foreign_shift", (
            f"shift {uuid} is counter {owner.device_id}'s at branch {owner.branch_code}; "
            f"device {event.device_id} may not change it"))
    elif event.type == "shift.opened":
        raise Rejected("references_disagree", f"shift {uuid} was already opened")


def agree(payload: dict[str, Any], name: str, held: object, what: str) -> None:
    """``payload[name]``, when present, equals what head office holds for ``what``."""
    value = payload.get(name)
    if name in payload and (isinstance(value, bool) or _normal(value) != held):
        raise Rejected("references_disagree", (
            f"the event's {name} {str(payload[name])[:40]!r} is not that of {what} "
            f"({held})"))


def _normal(value: object) -> object:
    return value.strip() if isinstance(value, str) else value
