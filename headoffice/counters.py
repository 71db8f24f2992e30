"""Each branch's counters as head office sees them: last push received, events
received, and a warning for a counter silent for more than ``SILENT_AFTER``; the
one-time codes still waiting to be used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice.db import utcnow
from headoffice.models import Device, EnrolmentCode, Event

SILENT_AFTER = dt.timedelta(days=1)


@dataclass(frozen=True)
class CounterInfo:
    device_id: str
    branch: str
    counter: str
    registered_at: dt.datetime
    last_received_at: dt.datetime | None
    events: int
    last_seq: int
    revoked: bool
    silent: bool  # active, and nothing received for more than a day (or ever, a day on)


@dataclass(frozen=True)
class WaitingCode:
    branch: str
    counter: str
    created_at: dt.datetime
    expires_at: dt.datetime


def counters(session: Session, now: dt.datetime | None = None) -> list[CounterInfo]:
    """Every registered counter, by branch and counter."""
    now = now or utcnow()
    received = {device: (count, last) for device, count, last in session.execute(
        select(Event.device_id, func.count(), func.max(Event.received_at))
        .group_by(Event.device_id))}
    found = []
    for d in session.scalars(select(Device).order_by(Device.branch_code, Device.counter,
                                                     Device.registered_at)):
        count, last = received.get(d.id, (0, None))
        heard = last or d.registered_at
        found.append(CounterInfo(d.id, d.branch_code, d.counter, d.registered_at, last,
                                 int(count), d.last_seq, d.revoked,
                                 not d.revoked and now - heard > SILENT_AFTER))
    return found


def waiting_codes(session: Session, now: dt.datetime | None = None) -> list[WaitingCode]:
    """One-time codes issued and not yet used nor expired."""
    now = now or utcnow()
    return [WaitingCode(c.branch_code, c.counter, c.created_at, c.expires_at)
            for c in session.scalars(select(EnrolmentCode).where(
                EnrolmentCode.used_at.is_(None), EnrolmentCode.expires_at > now)
                .order_by(EnrolmentCode.created_at.desc()))]
