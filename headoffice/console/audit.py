"""The head-office audit trail: every staff decision and sign-in, with who, when, what.

Call :func:`record` inside the same transaction as the decision it describes, so a
decision is never stored without its entry (nor an entry without its decision).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice.console.tables import StaffAudit
from headoffice.db import utcnow

PAGE_SIZE = 100


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    username: str
    action: str
    target: str
    detail: str


def record(session: Session, username: str, action: str, target: str = "",
           detail: str = "") -> None:
    """One entry: ``action`` a code such as ``change_request.approve``."""
    session.add(StaffAudit(at=utcnow(), username=username[:40], action=action[:40],
                           target=target[:80], detail=detail[:400]))
    session.flush()


def entries(session: Session, *, page: int = 0, username: str | None = None
            ) -> tuple[list[AuditEntry], int]:
    """Newest first, ``PAGE_SIZE`` a page; with the total count."""
    query = select(StaffAudit)
    counting = select(func.count()).select_from(StaffAudit)
    if username:
        query = query.where(StaffAudit.username == username)
        counting = counting.where(StaffAudit.username == username)
    rows = session.scalars(query.order_by(StaffAudit.id.desc())
                           .offset(max(page, 0) * PAGE_SIZE).limit(PAGE_SIZE))
    return ([AuditEntry(r.id, r.at, r.username, r.action, r.target, r.detail) for r in rows],
            session.scalar(counting) or 0)
