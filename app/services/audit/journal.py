"""Writing and verifying the audit chain, and queueing outbox events for head office.

``record_change`` is called by every service that changes something, inside the same
transaction: the audit record (hash-chained to the previous one) and the outbox event
(UUID, next gapless sequence number of this device) commit or vanish with the change.

Records are keyed (``chain`` 1: HMAC-SHA256 with the counter's secret, ``audit_key``) so
that rewriting the chain needs that secret; records written before keying (``chain`` 0,
plain SHA-256) still verify, and after the first keyed record every record must be keyed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app.models import AuditRecord, OutboxEvent, Setting, new_uuid
from app.services.audit.key import audit_key
from app.services.context import Actor, local_counter
from app.services.findings import Finding, FindingCode
from app.services.sequences import OUTBOX, next_value

GENESIS_HASH = "0" * 64
KEYED = 1  # ``AuditRecord.chain`` of a record hashed with the counter's key
# The newest audit record written ("id:hash"), so that removing records at the end of the
# chain is noticed (the chain alone still verifies without them).
HEAD_KEY = "audit.head"


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def audit_hash(record: AuditRecord, key: bytes | None = None) -> str:
    """The record's hash: HMAC-SHA256 with ``key`` for a keyed record (``chain`` 1), else
    plain SHA-256 (the records of a chain before it was keyed)."""
    fields: dict[str, Any] = {
        "id": record.id, "at": record.at.isoformat(), "actor": record.actor,
        "counter": record.counter_code, "action": record.action, "entity": record.entity,
        "entity_id": record.entity_id, "details": record.details, "prev": record.prev_hash,
    }
    if record.chain:
        fields["chain"] = record.chain
        return hmac.new(key or b"", canonical_json(fields).encode(), hashlib.sha256).hexdigest()
    return hashlib.sha256(canonical_json(fields).encode()).hexdigest()


def record_change(
    session: Session,
    actor: Actor,
    at: dt.datetime,
    *,
    action: str,
    entity: str,
    entity_id: str,
    details: dict[str, Any],
    event_type: str | None = None,
) -> AuditRecord:
    """Append the audit record and (unless ``event_type`` is None) the outbox event."""
    last = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).first()
    key = audit_key(actor.device_id) if actor.device_id else None
    record = AuditRecord(
        id=(last.id + 1) if last else 1, at=at, actor=actor.username,
        counter_code=actor.counter_code, action=action, entity=entity, entity_id=entity_id,
        details=canonical_json(details), prev_hash=last.hash if last else GENESIS_HASH,
        chain=KEYED if key is not None else 0,
    )
    record.hash = audit_hash(record, key)
    session.add(record)
    session.merge(Setting(key=HEAD_KEY, value=f"{record.id}:{record.hash}"))
    session.flush()
    if event_type is not None:
        payload = dict(details, branch=actor.branch_code, counter=actor.counter_code,
                       cashier=actor.username, at=at.isoformat())
        session.add(OutboxEvent(
            id=new_uuid(), device_id=actor.device_id,
            seq=next_value(session, actor.counter_id, OUTBOX), type=event_type,
            payload=canonical_json(payload), audit_id=record.id, created_at=at,
        ))
        session.flush()
    return record


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    records: int
    first_bad_id: int | None = None
    finding: Finding | None = None  # what is wrong with the first bad record

    @property
    def problem(self) -> str:
        """The finding in English ("" when the chain is sound)."""
        return self.finding.text if self.finding else ""


def verify_chain(session: Session) -> ChainReport:
    """Walk the audit chain; name the first record that was edited, removed or reordered."""
    expected_prev, expected_id, count, chain = GENESIS_HASH, 1, 0, 0
    key: bytes | None = None
    for record in _records(session):
        count += 1
        if record.id != expected_id:
            return _broken(count, expected_id, FindingCode.RECORD_MISSING, id=expected_id)
        if record.prev_hash != expected_prev:
            return _broken(count, record.id, FindingCode.RECORD_OUT_OF_ORDER)
        if record.chain < chain:
            return _broken(count, record.id, FindingCode.RECORD_NOT_KEYED)
        if record.chain and key is None:
            key = audit_key(local_counter(session)[0].device_id, create=False)
            if key is None:
                return _broken(count, record.id, FindingCode.KEY_UNREADABLE)
        if audit_hash(record, key) != record.hash:
            return _broken(count, record.id, FindingCode.RECORD_CHANGED)
        expected_prev, expected_id, chain = record.hash, expected_id + 1, record.chain
    orphan = session.scalar(
        select(func.min(OutboxEvent.audit_id)).where(OutboxEvent.audit_id >= expected_id)
    )
    if orphan is not None:
        return _broken(count, orphan, FindingCode.EVENT_RECORD_MISSING, id=orphan)
    return ChainReport(True, count)


def _broken(count: int, record_id: int, code: FindingCode, **params: int) -> ChainReport:
    return ChainReport(False, count, record_id, Finding.of(code, **params))


def head_problem(session: Session) -> tuple[Finding, Finding] | None:
    """(subject, detail) when the newest audit record is not the last one written."""
    head = session.get(Setting, HEAD_KEY)
    if head is None:
        return None  # written by a version that did not note its head
    number, _, digest = head.value.partition(":")
    last = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).first()
    if last is not None and (str(last.id), last.hash) == (number, digest):
        return None
    newest = last.id if last is not None else 0
    if str(newest) != number:
        return (Finding.of(FindingCode.AUDIT_RECORD, id=number),
                Finding.of(FindingCode.HEAD_MISSING, newest=newest))
    return (Finding.of(FindingCode.AUDIT_RECORD, id=number),
            Finding.of(FindingCode.HEAD_REPLACED))


def _records(session: Session) -> Iterator[AuditRecord]:
    """The audit records in order, read apart from the session (also from a backup of a
    schema older than ``chain``, whose records are all plain)."""
    columns = [AuditRecord.id, AuditRecord.at, AuditRecord.actor, AuditRecord.counter_code,
               AuditRecord.action, AuditRecord.entity, AuditRecord.entity_id,
               AuditRecord.details, AuditRecord.prev_hash, AuditRecord.hash]
    names = {c["name"] for c in inspect(session.connection()).get_columns("audit_record")}
    if "chain" in names:
        columns.append(AuditRecord.chain)
    for row in session.execute(select(*columns).order_by(AuditRecord.id)).yield_per(2000):
        yield AuditRecord(**{"chain": 0, **row._asdict()})
