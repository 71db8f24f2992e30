"""Head office's results for pushed events, and marking events acknowledged.

The same code takes the results of an online push, of ``ack`` changes in a pull and of
a reply bundle. An event is marked once (``acked_at``, ``ack_result``); a result for an
event marked before changes nothing. A rejected event also gets an audit record with
head office's reason, which the supervisor's list of rejected events shows; a rejected
``enrolment.paid`` marks its plan refused (``plan_refusals``), in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditRecord, OutboxEvent
from app.services.audit.journal import record_change
from app.services.ledger.plan_refusals import accept_enrolment, refuse_enrolment
from app.services.sync.protocol import bad_response, need, need_int, sync_actor

STATUSES = ("applied", "rejected", "duplicate")
REJECTED_ACTION = "sync.rejected"
RESTATED_ACTION = "sync.restated"
CHUNK = 500


@dataclass(frozen=True)
class Ack:
    """One result: ``result`` is what the event's ``ack_result`` becomes; ``message`` is
    head office's explanation (English, may be empty)."""

    id: str
    seq: int
    result: str
    reason: str
    duplicate: bool
    message: str = ""


@dataclass(frozen=True)
class RejectedEvent:
    seq: int
    id: str
    type: str
    reason: str


@dataclass(frozen=True)
class AckOutcome:
    """``already``: results for events marked before (``restated`` of them changed status,
    e.g. head office resolved a rejected event from its exceptions queue)."""

    acked: int
    duplicates: int
    already: int
    rejected: tuple[RejectedEvent, ...]
    restated: int = 0


def parse_ack(item: Any, where: str) -> Ack:
    """One entry of ``results`` (or the data of an ``ack`` change)."""
    event_id = need(item, "id", str, where)
    seq = need_int(item, "seq", where, minimum=1)
    status = need(item, "status", str, where)
    if status not in STATUSES:
        raise bad_response(f"{where}: unknown status '{status}'")
    reason = item.get("reason")
    reason = reason[:200] if isinstance(reason, str) else ""
    message = item.get("message")
    message = message[:400] if isinstance(message, str) else ""
    result = status
    if status == "duplicate":
        original = item.get("original")
        result = original if original in ("applied", "rejected") else "duplicate"
    return Ack(event_id, seq, result, reason, status == "duplicate", message)


def parse_results(body: Any, where: str = "the push answer") -> tuple[list[Ack], int]:
    """The results and ``acked_through`` of a push answer."""
    results = need(body, "results", list, where)
    acked_through = need_int(body, "acked_through", where)
    return [parse_ack(item, where) for item in results], acked_through


def record_acks(session: Session, device_id: str, now: dt.datetime,
                acks: Sequence[Ack], *, strict: bool = True) -> AckOutcome:
    """Mark this device's events acknowledged (inside the caller's transaction).

    A result naming an event this device never wrote, or with another sequence
    number, means the answer is not for us: nothing is marked — or, not ``strict``
    (``ack`` changes in a pull), that one result is passed over.
    """
    rows = _events(session, [ack.id for ack in acks])
    ours = [a for a in acks if (row := rows.get(a.id)) is not None
            and row.device_id == device_id and row.seq == a.seq]
    if strict and len(ours) != len(acks):
        raise bad_response("a result names an event that this counter did not send")
    acks = ours
    acked = duplicates = already = restated = 0
    rejected: list[RejectedEvent] = []
    for ack in acks:
        row = rows[ack.id]
        if row.acked_at is not None:
            already += 1
            if ack.result in ("applied", "rejected") and ack.result != row.ack_result:
                _restate(session, now, row, ack)
                restated += 1
            continue
        row.acked_at, row.ack_result = now, ack.result
        acked += 1
        duplicates += ack.duplicate
        if ack.result == "rejected":
            rejected.append(RejectedEvent(row.seq, row.id, row.type, ack.reason))
            _note(session, now, REJECTED_ACTION, row, ack)
            _verdict(session, now, row, ack)
    session.flush()
    return AckOutcome(acked, duplicates, already, tuple(rejected), restated)


def _restate(session: Session, now: dt.datetime, row: OutboxEvent, ack: Ack) -> None:
    """Head office changed its result for an event (its exceptions queue resolved it)."""
    before, row.ack_result = row.ack_result, ack.result
    _note(session, now, REJECTED_ACTION if ack.result == "rejected" else RESTATED_ACTION,
          row, ack, before=before)
    _verdict(session, now, row, ack)


def _verdict(session: Session, now: dt.datetime, row: OutboxEvent, ack: Ack) -> None:
    """Head office refused (or, restating, applied after all) an enrolment: its plan."""
    if row.type != "enrolment.paid":
        return
    payload = json.loads(row.payload)
    if ack.result == "rejected":
        refuse_enrolment(session, sync_actor(session), now, row.id, payload, ack.reason,
                         ack.message)
    elif ack.result == "applied":
        accept_enrolment(session, sync_actor(session), now, payload)


def _note(session: Session, now: dt.datetime, action: str, row: OutboxEvent, ack: Ack,
          **extra: str) -> None:
    record_change(session, sync_actor(session), now, action=action, entity="event",
                  entity_id=row.id, details={"seq": row.seq, "type": row.type,
                                             "result": ack.result, "reason": ack.reason,
                                             **extra})


def rejected_events(session: Session, device_id: str) -> list[RejectedEvent]:
    """Every event of this device head office rejected, with its reason, oldest first."""
    audit = select(AuditRecord.entity_id, AuditRecord.details).where(
        AuditRecord.action == REJECTED_ACTION).order_by(AuditRecord.id)
    reasons = {entity_id: str(json.loads(details).get("reason", ""))
               for entity_id, details in session.execute(audit)}
    query = select(OutboxEvent).where(OutboxEvent.device_id == device_id,
                                      OutboxEvent.ack_result == "rejected")
    return [RejectedEvent(e.seq, e.id, e.type, reasons.get(e.id, ""))
            for e in session.scalars(query.order_by(OutboxEvent.seq))]


def _events(session: Session, ids: Sequence[str]) -> dict[str, OutboxEvent]:
    found: dict[str, OutboxEvent] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(OutboxEvent).where(OutboxEvent.id.in_(ids[start:start + CHUNK]))
        found.update((row.id, row) for row in session.scalars(query))
    return found
