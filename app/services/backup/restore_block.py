"""No payments after a restore from a backup until head office has confirmed this counter.

A restored database continues from the backup's point; head office may hold payments
the backup lacks, so until it has confirmed where this counter stands, a payment could
repeat or contradict one already made. While the database is marked restored (the
settings ``restored_from`` / ``restored_at`` that ``restore()`` writes) and not yet
confirmed, enrolment and instalment payments are refused with
``PAYMENTS_BLOCKED_AFTER_RESTORE``; voids, reprints and reports go on.

The block ends when:

- head office accepts a push (online, or a USB bundle's reply): the sync client calls
  :func:`confirm_by_sync` (see ``sync/restored.py``);
- a supervisor releases it with a reason, for a branch with no link for days:
  :func:`release_payments` writes the audit record and the outbox event (so head office
  learns of it) in one transaction.

Either way the setting ``restore_confirmed`` names the ``restored_at`` it confirms, so
a later restore blocks payments again.

Head office finding this counter's audit chain rewritten, cut or damaged
(``sync/chain_anchor.py`` keeps its answer in ``audit_chain_flagged``) blocks payments
the same way, but a sync does not end that block: it ends when head office has cleared
the flag (its answer says ``anchored`` again) *and* a supervisor has released it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Setting
from app.services.arguments import stored_text
from app.services.audit.journal import record_change
from app.services.backup.check import RESTORED_AT_KEY, RESTORED_FROM_KEY
from app.services.context import Actor, local_counter, system_actor
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork
from app.services.users import approve

CONFIRMED_KEY = "restore_confirmed"
FOUND_BEHIND_KEY = "sync_branch_restored"
FOUND_BEHIND = "found behind head office by a sync"
MAX_REASON = 240
BY_SYNC = "sync"
SYNC_USERNAME = "sync"  # the actor of audit records a sync writes (sync/protocol.py)
BY_SUPERVISOR = "supervisor"
CHAIN_FLAG_KEY = "audit_chain_flagged"
CHAIN_FLAGGED = "audit chain flagged by head office"


@dataclass(frozen=True)
class PaymentBlock:
    """Payments wait for head office: the database was restored from this backup."""

    restored_from: str
    restored_at: str  # ISO time of the restore, as stored


@dataclass(frozen=True)
class ReleaseRequest:
    supervisor: str
    password: str
    reason: str


@dataclass(frozen=True)
class Release:
    restored_from: str
    restored_at: str
    supervisor: str
    reason: str
    released_at: dt.datetime


def payment_block(session: Session) -> PaymentBlock | None:
    """The block in force, or None (never restored, or confirmed since).

    Two things block: a restore by Loket (``restored_at``), and a sync that found head
    office holding events of this counter that the database lacks (``FOUND_BEHIND_KEY``,
    written by ``sync/restored.py``): the database was put back some other way, and its
    next receipt numbers may already be on paper in customers' hands."""
    confirmed = _confirmation(session).get("restored_at")
    restored_at = _setting(session, RESTORED_AT_KEY)
    if restored_at and confirmed != restored_at:
        return PaymentBlock(_setting(session, RESTORED_FROM_KEY) or "?", restored_at)
    behind = _found_behind(session)
    if behind and confirmed != behind:
        return PaymentBlock(FOUND_BEHIND, behind)
    flag = chain_flag(session)
    if flag and not (flag.get("office_cleared") is True and confirmed == flag["detected_at"]):
        return PaymentBlock(CHAIN_FLAGGED, str(flag["detected_at"]))
    return None


def chain_flag(session: Session) -> dict[str, object] | None:
    """Head office's flag on this counter's audit chain (``detected_at``, ``message``,
    ``office_cleared``), or None."""
    try:
        flag = json.loads(_setting(session, CHAIN_FLAG_KEY) or "null")
    except ValueError:
        return None
    if not isinstance(flag, dict) or not isinstance(flag.get("detected_at"), str):
        return None
    return flag


def _found_behind(session: Session) -> str | None:
    """When a sync found this database behind head office (None: it did not)."""
    try:
        notice = json.loads(_setting(session, FOUND_BEHIND_KEY) or "null")
    except ValueError:
        return None
    detected = notice.get("detected_at") if isinstance(notice, dict) else None
    return detected if isinstance(detected, str) and detected else None


def current_block(uow: UnitOfWork) -> PaymentBlock | None:
    """:func:`payment_block` in a read of its own (for the window and the admin tool)."""
    with uow:
        return payment_block(uow.session)


def require_payments_allowed(session: Session) -> None:
    """``PAYMENTS_BLOCKED_AFTER_RESTORE`` (``PAYMENTS_BLOCKED_CHAIN_FLAGGED``) while the
    block is in force."""
    block = payment_block(session)
    if block is not None and block.restored_from == CHAIN_FLAGGED:
        raise DomainError(ErrorCode.PAYMENTS_BLOCKED_CHAIN_FLAGGED,
                          restored_at=_shown_time(block.restored_at))
    if block is not None:
        raise DomainError(ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE,
                          restored_from=block.restored_from,
                          restored_at=_shown_time(block.restored_at))


def confirm_by_sync(session: Session, now: dt.datetime,
                    acked_through: str | None = None) -> None:
    """Head office accepted this counter's events: the restore is confirmed and payments
    may be taken again (in the caller's transaction, with an audit record)."""
    block = payment_block(session)
    if block is None or block.restored_from == CHAIN_FLAGGED:
        return  # a flagged chain is cleared by head office and a supervisor, not a sync
    _put(session, {"restored_at": block.restored_at, "by": BY_SYNC,
                   "acked_through": acked_through})
    _, branch = local_counter(session)
    record_change(session, system_actor(session, SYNC_USERNAME), now,
                  action="restore.confirmed", entity="branch", entity_id=branch.code,
                  details={"restored_from": block.restored_from,
                           "restored_at": block.restored_at, "acked_through": acked_through},
                  event_type=None)


def release_payments(uow: UnitOfWork, actor: Actor, request: ReleaseRequest) -> Release:
    """A supervisor allows payments before head office has confirmed the restore."""
    reason = " ".join(stored_text(request.reason, "the reason").split())[:MAX_REASON]
    if not reason:
        raise DomainError(ErrorCode.REASON_REQUIRED)
    with uow:
        s, now = uow.session, uow.now
        supervisor_id = approve(uow, request.supervisor, request.password,
                                "release payments after a restore")
        block = payment_block(s)
        if block is None:
            raise DomainError(ErrorCode.PAYMENTS_NOT_BLOCKED)
        supervisor = request.supervisor.strip().lower()
        _put(s, {"restored_at": block.restored_at, "by": BY_SUPERVISOR,
                 "supervisor": supervisor, "reason": reason, "at": now.isoformat()})
        _, branch = local_counter(s)
        record_change(s, actor, now, action="restore.release", entity="branch",
                      entity_id=branch.code, event_type="restore.released", details={
                          "restored_from": block.restored_from,
                          "restored_at": block.restored_at, "supervisor": supervisor,
                          "supervisor_id": supervisor_id, "reason": reason})
        uow.commit()
        return Release(block.restored_from, block.restored_at, supervisor, reason, now)


def _shown_time(iso: str) -> str:
    try:
        return f"{dt.datetime.fromisoformat(iso):%Y-%m-%d %H:%M}"
    except ValueError:
        return iso


def _setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def _confirmation(session: Session) -> dict[str, object]:
    text = _setting(session, CONFIRMED_KEY)
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _put(session: Session, data: dict[str, object]) -> None:
    value = json.dumps(data, sort_keys=True)
    row = session.get(Setting, CONFIRMED_KEY)
    if row is None:
        session.add(Setting(key=CONFIRMED_KEY, value=value))
    else:
        row.value = value
    session.flush()
