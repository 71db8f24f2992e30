"""Head office's enrolment of each customer, as the last pulled customer change said.

Head office publishes, with every customer, the enrolment it holds for them (any
branch's, not cancelled) or none. The branch keeps it so that a customer enrolled at
another branch is not enrolled here a second time (head office would refuse that
enrolment and keep its down payment as a credit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.orm import Session

from app.models import Customer, Enrolment, OfficeEnrolment

CHUNK = 500
_TEXT_LIMITS = {"uuid": 36, "programme": 40, "state": 16, "branch": 16}


@dataclass(frozen=True)
class OfficeEnrolmentView:
    """An enrolment head office holds that is not one of this branch's."""

    uuid: str
    programme: str
    state: str
    branch: str
    business_date: dt.date


def parse_office_enrolment(value: Any) -> dict[str, Any] | None:
    """A customer change's ``enrolment`` as column values (None: not enrolled);
    ``ValueError`` saying what is wrong."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError("enrolment must be an object or null")
    values: dict[str, Any] = {}
    for name, limit in _TEXT_LIMITS.items():
        text = value.get(name)
        if not isinstance(text, str) or not 0 < len(text.strip()) <= limit:
            raise ValueError(f"enrolment {name} must be text of 1 to {limit} characters")
        values[name] = text.strip()
    try:
        values["business_date"] = dt.date.fromisoformat(str(value.get("business_date")))
    except ValueError:
        raise ValueError("enrolment business_date must be a date (YYYY-MM-DD)") from None
    return values


def store_office_enrolments(session: Session,
                            enrolments: Mapping[str, dict[str, Any] | None]) -> None:
    """Replace what is kept for these customers (connection number → values or None)."""
    numbers = list(enrolments)
    held = [row for row in enrolments.items() if row[1] is not None]
    if not held and session.scalar(select(OfficeEnrolment.connection_no).limit(1)) is None:
        return  # nothing kept and nothing to keep (a first pull, mostly)
    for start in range(0, len(numbers), CHUNK):
        session.execute(delete(OfficeEnrolment).where(
            OfficeEnrolment.connection_no.in_(numbers[start:start + CHUNK])))
    if held:
        session.execute(insert(OfficeEnrolment), [
            dict(values, connection_no=number) for number, values in held if values])


def office_enrolment(session: Session, customer: Customer) -> OfficeEnrolmentView | None:
    """Head office's enrolment of the customer unless it is one made at this branch."""
    row = session.get(OfficeEnrolment, customer.connection_no)
    if row is None or row.uuid in _local_uuids(session, customer.id):
        return None
    return OfficeEnrolmentView(row.uuid, row.programme, row.state, row.branch,
                               row.business_date)


def enrolled_elsewhere(session: Session, customer: Customer,
                       programme_code: str) -> OfficeEnrolmentView | None:
    """The other branch's enrolment that stops one here: head office's rule (an active
    plan, or a plan in the same programme that was not cancelled)."""
    found = office_enrolment(session, customer)
    if found is None or found.state == "cancelled":
        return None
    if found.state == "active" or found.programme == programme_code:
        return found
    return None


_LOCAL_UUIDS = select(Enrolment.uuid).where(Enrolment.customer_id == bindparam("customer_id"))


def _local_uuids(session: Session, customer_id: int) -> Sequence[str]:
    return session.scalars(_LOCAL_UUIDS, {"customer_id": customer_id}).all()
