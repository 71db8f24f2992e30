"""The business rules head office checks for each event type, and their effects.

An event either applies or is rejected with a reason into the exceptions queue; it never
blocks the events after it. Money is never lost: the payment of a rejected payment event
is still recorded once (``applied=False``, a credit for head office to settle).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice import batch_memory, change_requests, changes, claims, ledger, ownership
from headoffice.bulk_rows import among
from headoffice.changes import customer_changed
from headoffice.evaluation import recording
from headoffice.models import Customer, Enrolment, Event, Payment
from headoffice.rejection import Rejected

__all__ = ["Outcome", "Rejected", "apply_event", "dispatch", "event_amount"]

PAYMENT_TYPES = {"enrolment.paid": "down_payment", "instalment.paid": "instalment"}
INFORMATION_TYPES = frozenset({"shift.opened", "shift.counted", "shift.closed", "user.added",
                               "terms.load", "branch.init", "restore.released"})
MONEY_TYPES = frozenset({*PAYMENT_TYPES, "payment.voided"})
MAX_RUPIAH = 10**12
# Longest accepted text per payload field (the columns they are stored in).
TEXT_LIMITS = {"receipt_no": 40, "payment_uuid": 36, "enrolment_uuid": 36,
               "connection_no": 20, "method": 16, "programme": 40, "kind": 16, "done_on": 10}


CUSTOMERS = "loket_batch_customers"  # session.info in a push: connection no → customer
PAYMENTS = "loket_batch_payments"  # session.info in a push: payment ids that may be held
WHOLE = "loket_batch_whole"  # session.info in a push: its events applied without savepoints


def prepare_batch(session: Session, customers: set[str], payments: set[str],
                  plans: set[str]) -> None:
    """Look up a batch's customers, which of its payment ids head office holds, its
    plans and its customers' bills (``batch_memory``), a few statements instead of
    several per event. Valid for the batch: customers and bills are only added by head
    office's own writers (never alongside a push), and the batch has claimed its
    customers, payment ids and plans (``claims``), so no other push changes them."""
    found: dict[str, Customer | None] = dict.fromkeys(customers)
    numbers, uuids = sorted(customers), sorted(payments)
    for start in range(0, len(numbers), 500):
        found.update((c.connection_no, c) for c in session.scalars(select(Customer).where(
            among(session, Customer.connection_no, numbers[start:start + 500]))))
    held: set[str] = set()
    for start in range(0, len(uuids), 500):
        held.update(session.scalars(select(Payment.uuid).where(
            among(session, Payment.uuid, uuids[start:start + 500]))))
    session.info[CUSTOMERS], session.info[PAYMENTS] = found, held
    batch_memory.remember(session, [c for c in found.values() if c is not None], plans,
                          whole=bool(session.info.get(WHOLE)))


@dataclass(frozen=True)
class Outcome:
    status: str
    reason: str = ""
    message: str = ""


class BatchUndone(Exception):
    """An event of a batch applied whole broke a rule: apply the batch again, an event
    at a time."""


def apply_event(session: Session, event: Event) -> Outcome:
    """Apply ``event`` in a savepoint; on a rule broken, undo it and keep any payment.
    In a batch applied whole (``WHOLE``: most batches break no rule) there is no
    savepoint, and a rule broken undoes the batch (``BatchUndone``)."""
    if session.info.get(WHOLE):
        try:
            dispatch(session, event)
        except Rejected as rejected:
            raise BatchUndone from rejected
        return Outcome("applied")
    try:
        with session.begin_nested(), changes.dropped_on_error(session):
            dispatch(session, event)
    except Rejected as rejected:
        if event.type in PAYMENT_TYPES:
            _keep_as_credit(session, event)
        return Outcome("rejected", rejected.reason, rejected.message)
    return Outcome("applied")


def event_amount(event_type: str, payload: dict[str, Any]) -> int:
    """The rupiah an event moves (payments, voids), for reconciliation; 0 otherwise."""
    amount = payload.get("amount")
    if (event_type in MONEY_TYPES and isinstance(amount, int) and not isinstance(amount, bool)
            and abs(amount) <= MAX_RUPIAH):
        return amount
    return 0


def dispatch(session: Session, event: Event) -> None:
    """Check and apply one event (inside the caller's savepoint); raises ``Rejected``."""
    cashier = event.payload.get("cashier")
    if not isinstance(cashier, str) or not cashier.strip():
        raise Rejected("missing_cashier", "the event does not name its cashier")
    ownership.check_sender(session, event)
    if event.type == "enrolment.paid":
        _enrolment_paid(session, event)
    elif event.type == "instalment.paid":
        _instalment_paid(session, event)
    elif event.type == "payment.voided":
        _payment_voided(session, event)
    elif event.type == "plan.broken":
        _plan_broken(session, event)
    elif event.type == "work_order.done":
        _work_order_done(session, event)
    elif event.type == "customer.change_requested":
        _change_requested(session, event)
    elif event.type in ownership.SHIFT_TYPES:
        ownership.check_shift(session, event)
    elif event.type not in INFORMATION_TYPES:
        raise Rejected("unknown_type", f"head office does not know event type {event.type!r}")


def _enrolment_paid(session: Session, event: Event) -> None:
    p = event.payload
    payment = _new_payment(session, event)
    uuid, programme = _text(p, "enrolment_uuid"), _text(p, "programme")
    schedule = p.get("schedule")
    figures = {name: _whole(p, name) for name in ("terms_version", "arrears", "penalty",
                                                   "penalty_waived")}
    if not isinstance(schedule, list):
        raise Rejected("invalid_payload", "schedule must be a list")
    customer = _customer(session, payment.connection_no)
    claims.require(session, "plan", uuid)
    held = batch_memory.plan(session, uuid)
    if held is not None and held.branch_code != event.branch_code:
        raise Rejected("foreign_enrolment", (
            f"enrolment {uuid} is held by branch {held.branch_code}, not {event.branch_code}"))
    if held is not None:
        raise Rejected("already_enrolled", f"enrolment {uuid} was already received")
    if batch_memory.blocks(session, customer.connection_no, programme):
        raise Rejected("already_enrolled", "the customer holds a plan")  # (undoes the batch)
    first = (ledger.blocking_enrolment(session, customer.connection_no, programme)
             if batch_memory.written_each(session) else None)
    if first is not None:
        raise Rejected("already_enrolled", (
            f"customer {customer.connection_no} was enrolled first at branch "
            f"{first.branch_code} on {first.business_date} ({first.state}); the down payment "
            f"{payment.receipt_no} is kept as a credit"))
    enrolment = Enrolment(
        uuid=uuid, connection_no=customer.connection_no, branch_code=event.branch_code,
        programme=programme, state="active" if schedule else "completed",
        down_payment=payment.amount, instalment_count=len(schedule),
        business_date=event.business_date, event_id=event.id, **figures)
    session.add_all([enrolment, payment])
    payment.enrolment_uuid = uuid
    if batch_memory.written_each(session):
        session.flush()
    batch_memory.plan_added(session, enrolment)
    ledger.take_over_bills(session, customer, enrolment, payment, _periods(p))
    try:
        recording.plan_received(session, uuid, schedule, p.get("work_order_uuid"))
    except ValueError as exc:
        raise Rejected("invalid_payload", str(exc)) from exc


def _instalment_paid(session: Session, event: Event) -> None:
    payment = _new_payment(session, event)
    uuid = _text(event.payload, "enrolment_uuid")
    try:
        enrolment = ownership.held_enrolment(session, event, uuid)
    except Rejected as refused:
        raise Rejected(refused.reason, f"{refused.message}; the payment "
                                       f"{payment.receipt_no} is kept as a credit") from None
    customer = _customer(session, enrolment.connection_no)
    payment.enrolment_uuid = uuid
    session.add(payment)
    if batch_memory.written_each(session):
        session.flush()
    if event.payload.get("plan_completed") is True:
        enrolment.state = "completed"
    ledger.settle(session, customer, payment, _periods(event.payload))
    customer_changed(session, customer)


def _payment_voided(session: Session, event: Event) -> None:
    uuid = _text(event.payload, "payment_uuid")
    claims.require(session, "payment", uuid)
    payment = session.scalar(select(Payment).where(Payment.uuid == uuid))
    if payment is None:
        raise Rejected("unknown_payment", (
            f"receipt {event.payload.get('receipt_no')} has not reached head office yet; "
            "the void is applied when it arrives"))
    ownership.held_payment(session, event, payment)
    if payment.voided:
        raise Rejected("already_voided", f"receipt {payment.receipt_no} was already voided")
    ledger.void(session, payment, event.id)


def _plan_broken(session: Session, event: Event) -> None:
    enrolment = ownership.held_enrolment(session, event, _text(event.payload, "enrolment_uuid"))
    if enrolment.state != "active":
        raise Rejected("plan_not_active", (
            f"enrolment {enrolment.uuid} is {enrolment.state}; only a running plan breaks"))
    enrolment.state = "broken"
    recording.plan_broken(session, enrolment.uuid, event.business_date)
    customer_changed(session, _customer(session, enrolment.connection_no))


def _work_order_done(session: Session, event: Event) -> None:
    customer = _customer(session, _text(event.payload, "connection_no"))
    ownership.held_customer(session, event, customer.connection_no)
    kind = _text(event.payload, "kind")
    if kind not in ("unseal", "reseal"):
        raise Rejected("invalid_payload", f"unknown work order kind {kind!r}")
    done_on = _text(event.payload, "done_on")
    if kind == "unseal":
        try:
            recording.seal_opened(session, event.payload.get("uuid"), done_on)
        except ValueError as exc:
            raise Rejected("invalid_payload", f"done_on {done_on!r} is not a date") from exc
    ledger.set_status(session, customer, "active" if kind == "unseal" else "sealed", done_on)


def _change_requested(session: Session, event: Event) -> None:
    """Queued for head-office staff to approve or reject (the customer is not changed)."""
    claims.require(session, "customer", event.payload.get("connection_no"))
    try:
        change_requests.receive(session, event)
    except LookupError as exc:
        raise Rejected("unknown_customer", str(exc)) from exc
    except ValueError as exc:
        raise Rejected("invalid_payload", str(exc)) from exc


def _new_payment(session: Session, event: Event,
                 payload: dict[str, Any] | None = None) -> Payment:
    """The event's payment, not yet added; refuses bad fields and a payment seen before.
    ``payload`` (default the event's) with a connection number of ``""`` records none."""
    p = event.payload if payload is None else payload
    amount = _whole(p, "amount")
    if amount <= 0:
        raise Rejected("invalid_payload", f"the amount {amount} is not positive")
    uuid = _text(p, "payment_uuid")
    claims.require(session, "payment", uuid)
    seen = _held_payment(session, uuid)
    if seen is not None:
        raise Rejected("duplicate_payment", (
            f"payment {uuid} (receipt {seen.receipt_no}) was already received with event "
            f"{seen.event_id}; it is counted once"))
    return Payment(uuid=uuid, receipt_no=_text(p, "receipt_no"), event_id=event.id,
                   branch_code=event.branch_code, device_id=event.device_id,
                   connection_no="" if p.get("connection_no") == "" else _text(
                       p, "connection_no"), kind=PAYMENT_TYPES[event.type],
                   amount=amount, method=_text(p, "method"),
                   business_date=event.business_date, paid_at=event.created_at)


def _held_payment(session: Session, uuid: str) -> Payment | None:
    """The payment ``uuid`` head office holds; in a push, asked only for the ids that
    may be held (held before the batch, or seen earlier in it)."""
    maybe: set[str] | None = session.info.get(PAYMENTS)
    if maybe is not None and uuid not in maybe:
        maybe.add(uuid)  # from here on it may be held: added by this event
        return None
    return session.scalar(select(Payment).where(Payment.uuid == uuid))


def _keep_as_credit(session: Session, event: Event) -> None:
    """Record a rejected event's payment once, as money not applied to any plan: under the
    number of the plan it names when its branch holds that plan, else under the number it
    names when that is a connection number at all (ASCII digits), else under none."""
    named = event.payload.get("enrolment_uuid")
    plan = session.get(Enrolment, named) if isinstance(named, str) and len(named) <= 36 else None
    number = event.payload.get("connection_no")
    if plan is not None and plan.branch_code == event.branch_code:
        number = plan.connection_no
    elif not (isinstance(number, str) and number.isascii() and number.isdigit()
              and len(number) <= 20):
        number = ""
    try:
        payment = _new_payment(session, event, dict(event.payload, connection_no=number))
    except Rejected:
        return
    payment.applied = False
    session.add(payment)
    session.flush()


def _customer(session: Session, connection_no: str) -> Customer:
    claims.require(session, "customer", connection_no)
    known: dict[str, Customer | None] = session.info.get(CUSTOMERS, {})
    if connection_no in known:
        customer = known[connection_no]
        if customer is None:
            raise Rejected("unknown_customer", f"head office has no customer {connection_no}")
        return customer
    customer = session.scalar(select(Customer).where(Customer.connection_no == connection_no))
    if customer is None:
        raise Rejected("unknown_customer", f"head office has no customer {connection_no}")
    return customer


def _periods(payload: dict[str, Any]) -> list[str]:
    periods = payload.get("settled_periods") or []
    return [p for p in periods if isinstance(p, str)] if isinstance(periods, list) else []


def _text(payload: dict[str, Any], name: str) -> str:
    value = payload.get(name)
    limit = TEXT_LIMITS.get(name, 40)
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > limit:
        raise Rejected("invalid_payload", f"{name} is missing, not text or longer than {limit}")
    return value.strip()


def _whole(payload: dict[str, Any], name: str) -> int:
    value = payload.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RUPIAH:
        raise Rejected("invalid_payload", f"{name} is missing or not a whole number of rupiah")
    return value
