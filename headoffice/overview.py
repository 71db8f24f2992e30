"""What waits for head-office staff: counts for the console's home page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice import counters
from headoffice.models import ChangeRequest, Payment, SyncException


@dataclass(frozen=True)
class Waiting:
    change_requests: int
    exceptions: int
    credits: int
    credit_amount: int
    silent_counters: int


def waiting(session: Session) -> Waiting:
    pending = session.scalar(select(func.count()).select_from(ChangeRequest).where(
        ChangeRequest.state == "pending")) or 0
    open_exceptions = session.scalar(select(func.count()).select_from(SyncException).where(
        SyncException.resolved_at.is_(None))) or 0
    credit_count, credit_amount = session.execute(
        select(func.count(), func.coalesce(func.sum(Payment.amount), 0))
        .join(SyncException, SyncException.event_id == Payment.event_id)
        .where(Payment.applied.is_(False), Payment.voided.is_(False),
               SyncException.resolved_at.is_(None))).one()
    silent = sum(c.silent for c in counters.counters(session))
    return Waiting(pending, open_exceptions, int(credit_count), int(credit_amount), silent)
