"""Recording a plan's schedule and field work as its events are applied (``rules``).

Each function raises ``ValueError`` for a payload it cannot read; the rules turn that
into an ``invalid_payload`` rejection, so nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from headoffice import bulk_rows
from headoffice.evaluation.tables import PlanInstalment, PlanTrack

MAX_INSTALMENTS = 120


def plan_received(session: Session, enrolment_uuid: str, schedule: list[Any],
                  unseal_order: object) -> None:
    """Keep a new plan's schedule and its unseal order (if the customer was sealed)."""
    if len(schedule) > MAX_INSTALMENTS:
        raise ValueError(f"a schedule of {len(schedule)} instalments is not plausible")
    if unseal_order is not None and (not isinstance(unseal_order, str)
                                     or not 0 < len(unseal_order) <= 36):
        raise ValueError("work_order_uuid must be text of at most 36 characters")
    rows, through = [], 0
    for expected, line in enumerate(schedule, start=1):
        number, due, amount = _line(line)
        if number != expected:
            raise ValueError(f"instalment {number} is out of order (expected {expected})")
        through += amount
        rows.append({"enrolment_uuid": enrolment_uuid, "number": number, "due_date": due,
                     "amount": amount, "through": through})
    if rows:
        bulk_rows.add_rows(session, PlanInstalment, rows)
    bulk_rows.add_rows(session, PlanTrack, [{"enrolment_uuid": enrolment_uuid,
                                              "unseal_order": unseal_order,
                                              "opened_on": None, "broken_on": None}])


def seal_opened(session: Session, order_uuid: object, done_on: str) -> None:
    """An unseal order was done: the plan that ordered it has its seal opened."""
    if not isinstance(order_uuid, str) or not order_uuid:
        return  # an order head office cannot tie to a plan (made before the programme)
    day = dt.date.fromisoformat(done_on)
    for row in bulk_rows.buffered(session, PlanTrack):  # a plan of this batch, not written
        if row["unseal_order"] == order_uuid:
            row["opened_on"] = day
    session.execute(update(PlanTrack).where(PlanTrack.unseal_order == order_uuid)
                    .values(opened_on=day))


def plan_broken(session: Session, enrolment_uuid: str, on: dt.date) -> None:
    for row in bulk_rows.buffered(session, PlanTrack):  # a plan of this batch, not written
        if row["enrolment_uuid"] == enrolment_uuid:
            row["broken_on"] = on
    session.execute(update(PlanTrack).where(PlanTrack.enrolment_uuid == enrolment_uuid)
                    .values(broken_on=on))


def _line(line: object) -> tuple[int, dt.date, int]:
    if not isinstance(line, dict):
        raise ValueError("a schedule line must be an object")
    number, due, amount = line.get("number"), line.get("due_date"), line.get("amount")
    if (not isinstance(number, int) or isinstance(number, bool) or not isinstance(amount, int)
            or isinstance(amount, bool) or not 0 < amount <= 10**12
            or not isinstance(due, str)):
        raise ValueError("a schedule line needs a number, a due_date and a positive amount")
    return number, dt.date.fromisoformat(due), amount

