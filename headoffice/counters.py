"""Each branch's counters as head office sees them: the last successful sync (push or
pull, whichever is later), events received, and a warning for a counter silent for more
than ``SILENT_AFTER``; the one-time codes still waiting to be used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from headoffice.db import Database, utcnow
from headoffice.models import Device, EnrolmentCode, Event

SILENT_AFTER = dt.timedelta(days=1)
PULL_NOTED_EVERY = dt.timedelta(seconds=60)  # a counter pulls often; noted once a minute
SyncKind = Literal["push", "pull"]


@dataclass(frozen=True)
class CounterInfo:
    device_id: str
    branch: str
    counter: str
    registered_at: dt.datetime
    last_push_at: dt.datetime | None
    last_pull_at: dt.datetime | None
    events: int
    last_seq: int
    revoked: bool
    silent: bool  # active, and no sync for more than a day (or ever, a day on)

    @property
    def last_sync(self) -> tuple[dt.datetime | None, SyncKind | None]:
        """The last successful sync and which it was (push or pull), if any."""
        if self.last_push_at is None and self.last_pull_at is None:
            return None, None
        if self.last_pull_at is None or (self.last_push_at is not None
                                         and self.last_push_at >= self.last_pull_at):
            return self.last_push_at, "push"
        return self.last_pull_at, "pull"


@dataclass(frozen=True)
class WaitingCode:
    branch: str
    counter: str
    created_at: dt.datetime
    expires_at: dt.datetime


def counters(session: Session, now: dt.datetime | None = None) -> list[CounterInfo]:
    """Every registered counter, by branch and counter."""
    now = now or utcnow()
    received = {device: int(count) for device, count in session.execute(
        select(Event.device_id, func.count()).group_by(Event.device_id))}
    found = []
    for d in session.scalars(select(Device).order_by(Device.branch_code, Device.counter,
                                                     Device.registered_at)):
        heard = max(t for t in (d.last_push_at, d.last_pull_at, d.registered_at) if t)
        found.append(CounterInfo(d.id, d.branch_code, d.counter, d.registered_at,
                                 d.last_push_at, d.last_pull_at, received.get(d.id, 0),
                                 d.last_seq, d.revoked,
                                 not d.revoked and now - heard > SILENT_AFTER))
    return found


def note_sync(db: Database, device: Device, kind: SyncKind) -> None:
    """Note that ``device`` pushed or pulled successfully just now (a pull at most once
    a minute: a counter pulls every few seconds while it catches up). An online push is
    noted in its batch's own transaction instead (``push.Sender``)."""
    now = utcnow()
    column = Device.last_push_at if kind == "push" else Device.last_pull_at
    before = device.last_push_at if kind == "push" else device.last_pull_at
    if kind == "pull" and before is not None and now - before < PULL_NOTED_EVERY:
        return
    with db.pushing() as session:  # the device's own row: alongside other branches' pushes
        session.execute(update(Device).where(Device.id == device.id).values({column: now}))


def waiting_codes(session: Session, now: dt.datetime | None = None) -> list[WaitingCode]:
    """One-time codes issued and not yet used nor expired."""
    now = now or utcnow()
    return [WaitingCode(c.branch_code, c.counter, c.created_at, c.expires_at)
            for c in session.scalars(select(EnrolmentCode).where(
                EnrolmentCode.used_at.is_(None), EnrolmentCode.expires_at > now)
                .order_by(EnrolmentCode.created_at.desc()))]
