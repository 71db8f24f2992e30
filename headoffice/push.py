"""Applying a batch of branch events: one transaction, idempotent by event id.

The same code serves an online push and an imported sync bundle. A known event id
returns its stored result; new events must continue the device's sequence (else
``SequenceGap`` and nothing is applied); a broken business rule rejects the one event
into the exceptions queue and the batch goes on. A payment kept as a credit that its
branch voids (gives back) closes its exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from headoffice import (
    anchors,
    batch_memory,
    bulk_rows,
    changes,
    claims,
    exception_queue,
    payload_text,
    rules,
)
from headoffice.bulk_rows import among
from headoffice.db import Database, utcnow
from headoffice.errors import SequenceGap, device_revoked, unauthorised, wrong_branch
from headoffice.models import Device, Event, Payment, SyncException
from headoffice.rules import PAYMENT_TYPES, apply_event, event_amount

MAX_EVENTS = 500
ATTEMPTS = 5  # a batch applied again after a claim missed or a clash with another push


@dataclass(frozen=True)
class IncomingEvent:
    id: str
    seq: int
    type: str
    created_at: dt.datetime
    payload: dict[str, Any]


@dataclass(frozen=True)
class EventResult:
    id: str
    seq: int
    status: str
    reason: str = ""
    message: str = ""
    original: str | None = None


@dataclass(frozen=True)
class BatchResult:
    results: tuple[EventResult, ...]
    acked_through: int
    audit: anchors.AnchorResult | None = None  # the answer on the chain head it carried


@dataclass(frozen=True)
class Sender:
    """What an online push carries beside its events: the counter's audit-chain head
    (anchored in the batch's transaction) and whether to note it as the counter's last
    sync (there too, so a push costs head office one commit)."""

    audit: anchors.ChainHead | None = None
    noted: bool = False


def push(db: Database, device_id: str, branch: str, events: Sequence[IncomingEvent],
         sender: Sender = Sender()) -> BatchResult:
    """Apply one batch in one transaction, alongside other branches' pushes (each batch
    claims what its events touch: ``headoffice.claims``); a sequence going backwards is
    noted for staff."""
    try:
        return _push_claimed(db, device_id, branch, events, sender)
    except SequenceGap as gap:
        if gap.backwards:
            with db.writing() as session:
                refused = next(e for e in events if e.seq == gap.got)
                exception_queue.note_backwards(session, device_id, branch, refused.id,
                                               gap.got, gap.expected_seq)
        raise


def _push_claimed(db: Database, device_id: str, branch: str,
                  events: Sequence[IncomingEvent], sender: Sender) -> BatchResult:
    """Apply the batch again from the start when it touched something it had not
    claimed, or clashed with another push inserting the same id (then it is a duplicate).
    It is first applied whole; when one of its events breaks a rule, again with a
    savepoint per event, so that event alone is undone."""
    missed: set[str] = set()
    whole = True
    for attempt in range(1, ATTEMPTS + 2):
        try:
            with db.pushing() as session:
                session.info[rules.WHOLE] = whole
                claimed = claims.named(session, [e.payload for e in events]) | missed
                claims.take(session, claimed)
                named = {kind: claims.lookable(claims.keys_of(claimed, kind))
                         for kind in ("customer", "payment", "plan")}
                rules.prepare_batch(session, named["customer"], named["payment"], named["plan"])
                changes.collect(session)
                exception_queue.remember_waiting_voids(session)
                result = apply_batch(session, device_id, branch, events)
                changes.write_collected(session)
                return _noted(session, device_id, result, sender)
        except claims.ClaimMissed as miss:
            missed.add(miss.claim)
        except rules.BatchUndone:
            whole = False
        except IntegrityError:
            if attempt >= ATTEMPTS:
                raise
    raise RuntimeError(f"the batch still touched something unclaimed after {ATTEMPTS} tries")


def apply_batch(session: Session, device_id: str, branch: str,
                events: Sequence[IncomingEvent]) -> BatchResult:
    """The batch's effects inside the caller's writing transaction."""
    device = _device(session, device_id, branch, events)
    known = _known(session, [e.id for e in events])
    expected = device.last_seq + 1
    results: list[EventResult] = []
    for incoming in events:
        stored = known.get(incoming.id)
        if stored is not None:
            results.append(EventResult(stored.id, stored.seq, "duplicate", stored.reason,
                                       stored.message, stored.status))
            continue
        if incoming.seq != expected:
            raise SequenceGap(expected, incoming.seq, backwards=incoming.seq < expected)
        event = _apply(session, device, incoming)
        known[event.id] = event
        results.append(EventResult(event.id, event.seq, event.status, event.reason,
                                   event.message))
        expected += 1
    device.last_seq = expected - 1
    if not batch_memory.written_each(session):
        bulk_rows.write_new_rows(session)
    session.flush()
    return BatchResult(tuple(results), device.last_seq)


def _noted(session: Session, device_id: str, result: BatchResult,
           sender: Sender) -> BatchResult:
    """The chain head anchored and the sync noted, in the batch's transaction."""
    if sender.noted:
        device = session.get(Device, device_id)
        assert device is not None  # locked by the batch
        device.last_push_at = utcnow()
        session.flush()
    if sender.audit is None:
        return result
    return replace(result, audit=anchors.check(session, device_id, sender.audit))


def _device(session: Session, device_id: str, branch: str,
            events: Sequence[IncomingEvent]) -> Device:
    device = session.get(Device, device_id, with_for_update=True)  # its pushes: one by one
    if device is None:
        raise unauthorised(f"device {device_id} is not registered with head office")
    if device.revoked:
        raise device_revoked(device_id)
    if branch != device.branch_code:
        raise wrong_branch(f"device {device_id} belongs to branch {device.branch_code}, "
                           f"not {branch}")
    for event in events:
        if event.payload.get("branch") != device.branch_code:
            raise wrong_branch(f"event {event.id} (seq {event.seq}) is for branch "
                               f"{event.payload.get('branch')!r}; device {device_id} belongs "
                               f"to branch {device.branch_code}")
    return device


def _known(session: Session, ids: Sequence[str]) -> dict[str, Event]:
    found: dict[str, Event] = {}
    for start in range(0, len(ids), MAX_EVENTS):
        found.update((e.id, e) for e in session.scalars(
            select(Event).where(among(session, Event.id, ids[start:start + MAX_EVENTS]))))
    return found


def _apply(session: Session, device: Device, incoming: IncomingEvent) -> Event:
    screened = payload_text.screen(incoming.type, incoming.payload)
    cashier = screened.payload.get("cashier")
    event = Event(id=incoming.id, device_id=device.id, branch_code=device.branch_code,
                  seq=incoming.seq, type=screened.type[:40], created_at=incoming.created_at,
                  payload=screened.payload,
                  cashier=cashier[:40] if isinstance(cashier, str) else "",
                  business_date=incoming.created_at.date(),
                  amount=event_amount(incoming.type, incoming.payload), status="applied",
                  received_at=utcnow())
    outcome = (payload_text.refuse(session, event, screened.problem) if screened.problem
               else apply_event(session, event))
    event.status, event.reason = outcome.status, outcome.reason
    event.message = outcome.message[:400]
    session.add(event)
    if batch_memory.written_each(session):
        session.flush()
    if outcome.status == "rejected":
        exception_queue.note_rejected(session, event)
    if event.type in PAYMENT_TYPES:
        exception_queue.apply_waiting_voids(session, event.payload.get("payment_uuid"))
    elif event.type == "payment.voided" and event.status == "applied":
        _close_refunded_credit(session, event)
    return event


def _close_refunded_credit(session: Session, void: Event) -> None:
    """A payment kept as a credit was voided at its branch (the money was given back): its
    refused event leaves nothing to settle, so the exception is closed with a note."""
    payment = session.scalar(select(Payment).where(
        Payment.uuid == void.payload.get("payment_uuid"), Payment.applied.is_(False)))
    if payment is None:
        return
    note = (f"receipt {payment.receipt_no} was voided at branch {void.branch_code} (event "
            f"{void.id}): the credit was given back")
    for exc in session.scalars(select(SyncException).where(
            SyncException.event_id == payment.event_id, SyncException.resolved_at.is_(None))):
        exc.resolved_at, exc.note = utcnow(), note[:400]
