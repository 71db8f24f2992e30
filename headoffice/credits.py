"""Money kept as a credit: payments received whose event was rejected (e.g. a second
enrolment of an already enrolled customer). Staff settle one by resolving its
exception with what was done (refunded, moved to a bill)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice.models import Payment, SyncException


@dataclass(frozen=True)
class Credit:
    receipt_no: str
    branch: str
    connection_no: str
    amount: int
    business_date: dt.date
    exception_id: int | None
    settled: bool
    note: str


def credits(session: Session, *, include_settled: bool = False) -> list[Credit]:
    """Credits with the exception that settles them, oldest first."""
    rows = session.execute(
        select(Payment, SyncException).outerjoin(SyncException,
                                                 SyncException.event_id == Payment.event_id)
        .where(Payment.applied.is_(False), Payment.voided.is_(False))
        .order_by(Payment.business_date, Payment.id))
    found = [Credit(p.receipt_no, p.branch_code, p.connection_no, p.amount, p.business_date,
                    e.id if e else None, bool(e and e.resolved_at), e.note if e else "")
             for p, e in rows]
    return found if include_settled else [c for c in found if not c.settled]
