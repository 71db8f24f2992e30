"""Campaign results for the programme evaluation: customers invited and reminded in a
range, and how many of them enrolled (invited) or paid an instalment (reminded) within
``WINDOW_DAYS`` of their first message.

A message counts once it left head office: sent through the gateway, or exported for a
broadcast tool. Reminders and overdue notices count for the programme of their plan.
Of one branch: the invitations naming it as the office to visit, the reminders of its
plans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from headoffice.models import Enrolment, Payment
from headoffice.outreach.tables import OutreachMessage

WINDOW_DAYS = 7
LEFT = ("sent", "exported")


@dataclass(frozen=True)
class Campaign:
    invited: int = 0
    invited_enrolled: int = 0  # enrolled in the programme within the window
    reminded: int = 0
    reminded_paid: int = 0  # paid an instalment of the programme within the window

    @property
    def enrolled_share(self) -> float | None:
        return self.invited_enrolled / self.invited if self.invited else None

    @property
    def paid_share(self) -> float | None:
        return self.reminded_paid / self.reminded if self.reminded else None


def campaign(session: Session, programme: str, start: dt.date, end: dt.date,
             branch: str | None = None) -> Campaign:
    if session.scalar(select(OutreachMessage.id).where(
            OutreachMessage.state.in_(LEFT), OutreachMessage.day >= start,
            OutreachMessage.day <= end).limit(1)) is None:
        return Campaign()  # no message left head office in the range: nothing to read
    invited = _first_days(session, ("invitation",), start, end, branch, programme)
    plans = {row.uuid: row for row in session.execute(select(
        Enrolment.uuid, Enrolment.connection_no, Enrolment.branch_code,
        Enrolment.business_date, Enrolment.state).where(Enrolment.programme == programme))}
    reminded = _first_days(session, ("reminder", "overdue"), start, end, branch, programme,
                           plans)
    enrolled = {p.connection_no: p.business_date for p in sorted(
        (p for p in plans.values() if p.state != "cancelled"),
        key=lambda p: p.business_date, reverse=True)}
    payments: dict[str, list[dt.date]] = {}
    if reminded:
        for number, day in session.execute(
                select(Enrolment.connection_no, Payment.business_date)
                .join(Enrolment, Enrolment.uuid == Payment.enrolment_uuid)
                .where(Enrolment.programme == programme, Payment.kind == "instalment",
                       Payment.applied.is_(True), Payment.voided.is_(False),
                       Payment.business_date >= start)):
            payments.setdefault(number, []).append(day)
    window = dt.timedelta(days=WINDOW_DAYS)
    return Campaign(
        invited=len(invited),
        invited_enrolled=sum(1 for number, first in invited.items()
                             if number in enrolled and first <= enrolled[number]
                             <= first + window),
        reminded=len(reminded),
        reminded_paid=sum(1 for number, first in reminded.items()
                          if any(first <= d <= first + window
                                 for d in payments.get(number, ()))))


def _first_days(session: Session, kinds: tuple[str, ...], start: dt.date, end: dt.date,
                branch: str | None, programme: str,
                plans: Mapping[str, Any] | None = None) -> dict[str, dt.date]:
    """Each customer's first message of ``kinds`` in the range that left head office."""
    first: dict[str, dt.date] = {}
    for row in session.scalars(select(OutreachMessage).where(
            OutreachMessage.kind.in_(kinds), OutreachMessage.state.in_(LEFT),
            OutreachMessage.day >= start, OutreachMessage.day <= end)
            .order_by(OutreachMessage.day)):
        if plans is None:
            if row.subject != programme or (branch and row.figures.get("office") != branch):
                continue
        else:
            plan = plans.get(str(row.figures.get("enrolment", "")))
            if plan is None or (branch and plan.branch_code != branch):
                continue
        first.setdefault(row.connection_no, row.day)
    return first
