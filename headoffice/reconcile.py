"""Reconciliation: counts and sums per business day, event type and status.

Head office's figures for a device up to a sequence number are what it received; a
branch reports its own figures for the same range. Differences are shown, never fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, delete, func, select
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
    """Received vs reported per branch, day, type and status (all devices summed; the
    sums are made in the database)."""
    through = (select(ReconcileReport.device_id, func.max(ReconcileReport.through_seq)
                      .label("seq")).group_by(ReconcileReport.device_id).subquery())
    in_range = Event.seq <= through.c.seq  # NULL (never reported): not in range
    keys = (Event.branch_code, Event.business_date, Event.type, Event.status)
    query = (select(*keys, func.count(), func.sum(Event.amount),
                    func.sum(case((in_range, 1), else_=0)),
                    func.sum(case((in_range, Event.amount), else_=0)))
             .outerjoin(through, through.c.device_id == Event.device_id)
             .where(*_within(Event.branch_code, Event.business_date, branch, day))
             .group_by(*keys))
    received: dict[tuple[str, Key], tuple[tuple[int, int], tuple[int, int]]] = {
        (code, (date, type_, status)): ((int(n), int(total or 0)),
                                        (int(n_in or 0), int(total_in or 0)))
        for code, date, type_, status, n, total, n_in, total_in in session.execute(query)}
    report_keys = (ReconcileReport.branch_code, ReconcileReport.business_date,
                   ReconcileReport.type, ReconcileReport.status)
    reported = {(code, (date, type_, status)): (int(n or 0), int(total or 0))
                for code, date, type_, status, n, total in session.execute(
                    select(*report_keys, func.sum(ReconcileReport.count),
                           func.sum(ReconcileReport.amount))
                    .where(ReconcileReport.type != "",
                           *_within(ReconcileReport.branch_code,
                                    ReconcileReport.business_date, branch, day))
                    .group_by(*report_keys))}
    nothing = ((0, 0), (0, 0))
    return [BranchDay(code, *k, *received.get((code, k), nothing), reported.get((code, k)))
            for code, k in sorted(set(received) | set(reported))]


def payment_days(session: Session, branch: str | None = None,
                 day: dt.date | None = None) -> list[PaymentDay]:
    """Payments held per branch and day: received, voided since, kept as credit."""
    credit = and_(Payment.applied.is_(False), Payment.voided.is_(False))
    query = (select(Payment.branch_code, Payment.business_date, func.count(),
                    func.sum(Payment.amount),
                    func.sum(case((Payment.voided.is_(True), Payment.amount), else_=0)),
                    func.sum(case((credit, Payment.amount), else_=0)))
             .where(*_within(Payment.branch_code, Payment.business_date, branch, day))
             .group_by(Payment.branch_code, Payment.business_date)
             .order_by(Payment.branch_code, Payment.business_date))
    return [PaymentDay(code, date, int(n), int(total or 0), int(voided or 0), int(kept or 0))
            for code, date, n, total, voided, kept in session.execute(query)]


def _within(branch_column: Any, day_column: Any, branch: str | None,
            day: dt.date | None) -> list[ColumnElement[bool]]:
    """The filters of one branch and one day (none when not given)."""
    return [*([branch_column == branch] if branch else []),
            *([day_column == day] if day else [])]


def _by_key(totals: Iterable[DayTotal]) -> dict[Key, tuple[int, int]]:
    return {(t.business_date, t.type, t.status): (t.count, t.amount) for t in totals}

