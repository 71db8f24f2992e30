"""Reconciliation: counts and sums per business day, event type and status.

Head office's figures for a device up to a sequence number are what it received; a
branch reports its own figures for the same range. Differences are shown, never fixed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from headoffice.db import utcnow
from headoffice.models import Device, Event, Payment, ReconcileReport

Key = tuple[dt.date, str, str]


@dataclass(frozen=True, order=True)
class DayTotal:
    business_date: dt.date
    type: str
    status: str
    count: int
    amount: int


@dataclass(frozen=True)
class Difference:
    business_date: dt.date
    type: str
    status: str
    head_office: tuple[int, int]  # (count, amount)
    branch: tuple[int, int]


@dataclass(frozen=True)
class BranchDay:
    """One line of the head-office reconciliation for a branch, day, type and status."""

    branch: str
    business_date: dt.date
    type: str
    status: str
    received: tuple[int, int]
    in_reported_range: tuple[int, int]
    reported: tuple[int, int] | None  # None: no device of the branch reported this range

    @property
    def verdict(self) -> str:
        if self.reported is None:
            return "not reported"
        return "ok" if self.reported == self.in_reported_range else "MISMATCH"


@dataclass(frozen=True)
class PaymentDay:
    branch: str
    business_date: dt.date
    payments: int
    received: int
    voided: int
    credit: int

    @property
    def net(self) -> int:
        return self.received - self.voided


def device_totals(session: Session, device_id: str, through_seq: int) -> list[DayTotal]:
    """What head office holds of the device's events with ``seq <= through_seq``."""
    rows = session.execute(
        select(Event.business_date, Event.type, Event.status, func.count(), func.sum(Event.amount))
        .where(Event.device_id == device_id, Event.seq <= through_seq)
        .group_by(Event.business_date, Event.type, Event.status))
    return sorted(DayTotal(d, t, s, int(c), int(a or 0)) for d, t, s, c, a in rows)


def compare(head: Iterable[DayTotal], branch: Iterable[DayTotal]) -> list[Difference]:
    ours, theirs = _by_key(head), _by_key(branch)
    return [Difference(*key, ours.get(key, (0, 0)), theirs.get(key, (0, 0)))
            for key in sorted(set(ours) | set(theirs)) if ours.get(key) != theirs.get(key)]


def store_report(session: Session, device: Device, through_seq: int,
                 days: Sequence[DayTotal]) -> list[Difference]:
    """Keep the device's latest report and compare it with what head office holds."""
    session.execute(delete(ReconcileReport).where(ReconcileReport.device_id == device.id))
    now = utcnow()
    session.add_all(ReconcileReport(
        device_id=device.id, branch_code=device.branch_code, through_seq=through_seq,
        business_date=d.business_date, type=d.type, status=d.status, count=d.count,
        amount=d.amount, reported_at=now) for d in days)
    if not days:  # an empty report still says "nothing up to through_seq"
        session.add(ReconcileReport(
            device_id=device.id, branch_code=device.branch_code, through_seq=through_seq,
            business_date=dt.date(1970, 1, 1), type="", status="", count=0, amount=0,
            reported_at=now))
    return compare(device_totals(session, device.id, through_seq), days)


def branch_days(session: Session, branch: str | None = None,
                day: dt.date | None = None) -> list[BranchDay]:
    """Received vs reported per branch, day, type and status (all devices summed)."""
    received: dict[tuple[str, Key], list[int]] = defaultdict(lambda: [0, 0])
    in_range: dict[tuple[str, Key], list[int]] = defaultdict(lambda: [0, 0])
    reported: dict[tuple[str, Key], list[int]] = defaultdict(lambda: [0, 0])
    through = _reported_through(session)
    query = select(Event.branch_code, Event.device_id, Event.business_date, Event.type,
                   Event.status, Event.seq, Event.amount)
    if branch:
        query = query.where(Event.branch_code == branch)
    if day:
        query = query.where(Event.business_date == day)
    for code, device_id, date, type_, status, seq, amount in session.execute(query):
        key = (code, (date, type_, status))
        _add(received[key], amount)
        if device_id in through and seq <= through[device_id]:
            _add(in_range[key], amount)
    for row in session.scalars(select(ReconcileReport).where(ReconcileReport.type != "")):
        if (branch and row.branch_code != branch) or (day and row.business_date != day):
            continue
        key = (row.branch_code, (row.business_date, row.type, row.status))
        reported[key][0] += row.count
        reported[key][1] += row.amount
    keys = sorted(set(received) | set(reported))
    return [BranchDay(code, *k, _pair(received.get((code, k))), _pair(in_range.get((code, k))),
                      _pair(reported[(code, k)]) if (code, k) in reported else None)
            for code, k in keys]


def payment_days(session: Session, branch: str | None = None,
                 day: dt.date | None = None) -> list[PaymentDay]:
    """Payments held per branch and day: received, voided since, kept as credit."""
    query = select(Payment.branch_code, Payment.business_date, Payment.amount, Payment.voided,
                   Payment.applied)
    if branch:
        query = query.where(Payment.branch_code == branch)
    if day:
        query = query.where(Payment.business_date == day)
    totals: dict[tuple[str, dt.date], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for code, date, amount, voided, applied in session.execute(query):
        line = totals[(code, date)]
        line[0] += 1
        line[1] += amount
        line[2] += amount if voided else 0
        line[3] += amount if not applied and not voided else 0
    return [PaymentDay(code, date, *line) for (code, date), line in sorted(totals.items())]


def _reported_through(session: Session) -> dict[str, int]:
    rows = session.execute(select(ReconcileReport.device_id, func.max(ReconcileReport.through_seq))
                           .group_by(ReconcileReport.device_id))
    return {device_id: int(seq) for device_id, seq in rows}


def _by_key(totals: Iterable[DayTotal]) -> dict[Key, tuple[int, int]]:
    return {(t.business_date, t.type, t.status): (t.count, t.amount) for t in totals}


def _add(line: list[int], amount: int) -> None:
    line[0] += 1
    line[1] += amount


def _pair(line: list[int] | None) -> tuple[int, int]:
    return (line[0], line[1]) if line else (0, 0)
