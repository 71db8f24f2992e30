"""The branch's books anchored at head office: each push carries the counter's audit-chain
head, and head office keeps every head it accepted per device.

A push names the newest audit record (``head_id``, ``head_hash``) and what the counter's
database now holds for the record head office anchored last as far as the counter knows
(``anchor_id``, ``anchor_hash``), after checking its own chain (``problem``: "" when it
verifies). Naming an older anchor (an answer was lost) gets ``stale`` with the last one,
which the counter names at once in another push; an older anchor whose hash changed is
flagged. The new head is anchored when the last anchor is unchanged and not beyond the
head; otherwise the
chain was rewritten, cut or damaged: the head is kept as ``flagged``, an
``audit_chain_broken`` exception is queued for staff, and every answer says ``flagged``
(the counter then takes no payment) until staff resolve the exception, which accepts the
counter's chain as it is at its next push.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice.db import Database, utcnow
from headoffice.models import AuditAnchor, Device, SyncException

REASON = "audit_chain_broken"


@dataclass(frozen=True)
class ChainHead:
    """What a push says of the counter's audit chain."""

    head_id: int
    head_hash: str
    anchor_id: int
    anchor_hash: str
    problem: str = ""


@dataclass(frozen=True)
class AnchorResult:
    status: str  # anchored / flagged / stale
    anchor_id: int
    anchor_hash: str
    message: str = ""


def anchor(db: Database, device_id: str, head: ChainHead) -> AnchorResult:
    """Check ``head`` against the device's last anchor and keep it (own transaction,
    alongside other branches' pushes: it touches only this device's anchors)."""
    with db.pushing() as session:
        return check(session, device_id, head)


def check(session: Session, device_id: str, head: ChainHead) -> AnchorResult:
    last = session.scalars(select(AuditAnchor).where(AuditAnchor.device_id == device_id)
                           .order_by(AuditAnchor.id.desc()).limit(1)).first()
    if last is not None and last.status == "flagged":
        exc = session.get(SyncException, last.exception_id) if last.exception_id else None
        if exc is not None and exc.resolved_at is None:
            return _good(session, device_id, "flagged", exc.detail)
        last = None  # staff accepted the counter's chain as it is now
    if last is None:
        return _keep(session, device_id, head, last)
    if head.anchor_id != last.record_id:
        older = session.scalars(select(AuditAnchor).where(
            AuditAnchor.device_id == device_id, AuditAnchor.status == "anchored",
            AuditAnchor.record_id == head.anchor_id).limit(1)).first()
        if older is not None and older.hash != head.anchor_hash:
            return _flag(session, device_id, head, _rewritten(older, head.anchor_hash))
        return AnchorResult("stale", last.record_id, last.hash)
    problem = _problem(last, head)
    if problem:
        return _flag(session, device_id, head, problem)
    return _keep(session, device_id, head, last)


def flagged_devices(session: Session) -> dict[str, str]:
    """Devices whose chain is flagged and not yet cleared: device id → what was found."""
    found: dict[str, str] = {}
    for exc in session.scalars(select(SyncException).where(
            SyncException.reason == REASON, SyncException.resolved_at.is_(None))):
        found[exc.device_id] = exc.detail
    return found


def _problem(last: AuditAnchor, head: ChainHead) -> str:
    if head.problem:
        return f"the counter's own check of its audit chain failed: {head.problem}"[:300]
    if head.head_id < last.record_id:
        return (f"the counter's audit chain ends at record {head.head_id}, before record "
                f"{last.record_id} that head office anchored: records were removed")
    if head.anchor_hash != last.hash:
        return _rewritten(last, head.anchor_hash)
    return ""


def _rewritten(anchored: AuditAnchor, held: str) -> str:
    return (f"audit record {anchored.record_id} was anchored with hash "
            f"{anchored.hash[:16]}…, but the counter now holds {held[:16] or 'nothing'}… for "
            "it: its audit chain was rewritten")


def _keep(session: Session, device_id: str, head: ChainHead,
          last: AuditAnchor | None) -> AnchorResult:
    if last is None or (last.record_id, last.hash) != (head.head_id, head.head_hash):
        session.add(AuditAnchor(device_id=device_id, record_id=head.head_id,
                                hash=head.head_hash, status="anchored",
                                received_at=utcnow()))
        session.flush()
    return AnchorResult("anchored", head.head_id, head.head_hash)


def _flag(session: Session, device_id: str, head: ChainHead, problem: str) -> AnchorResult:
    device = session.get(Device, device_id)
    branch = device.branch_code if device is not None else ""
    exc = SyncException(device_id=device_id, branch_code=branch, reason=REASON,
                        detail=f"device {device_id}: {problem}"[:400], created_at=utcnow())
    session.add(exc)
    session.flush()
    session.add(AuditAnchor(device_id=device_id, record_id=head.head_id, hash=head.head_hash,
                            status="flagged", received_at=utcnow(), exception_id=exc.id))
    session.flush()
    return _good(session, device_id, "flagged", exc.detail)


def _good(session: Session, device_id: str, status: str, message: str) -> AnchorResult:
    """The answer: ``status`` with the last anchor that was accepted (what the counter
    keeps naming until staff clear a flag)."""
    good = session.scalars(select(AuditAnchor).where(
        AuditAnchor.device_id == device_id, AuditAnchor.status == "anchored")
        .order_by(AuditAnchor.id.desc()).limit(1)).first()
    return AnchorResult(status, good.record_id if good else 0, good.hash if good else "",
                        message)
