"""The change log branches pull: what each kind of change carries, and writing it.

Call only inside ``Database.writing()`` (writers are serialised, so ids follow commit
order). Writing a change of a (kind, key) removes the older ones of that key: a branch
pulling from the start gets the current state, not its history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from headoffice.db import utcnow
from headoffice.models import Bill, Change, Customer, Enrolment, Event, Terms, User

CHUNK = 500
CUSTOMER_FIELDS = ("connection_no", "name", "address", "rt", "rw", "kelurahan", "kecamatan",
                   "tariff_group", "meter_no", "phone", "status", "version")
BILL_FIGURES = ("period", "reading_start", "reading_end", "usage_m3", "water_charge", "fees",
                "penalty", "settled", "enrolment_uuid")


def customer_data(customer: Customer, enrolment: Enrolment | None) -> dict[str, Any]:
    data: dict[str, Any] = {f: getattr(customer, f) for f in CUSTOMER_FIELDS}
    data["status_date"] = customer.status_date.isoformat()
    data["enrolment"] = None if enrolment is None else {
        "uuid": enrolment.uuid, "programme": enrolment.programme, "state": enrolment.state,
        "branch": enrolment.branch_code, "business_date": enrolment.business_date.isoformat()}
    return data


def bill_key(connection_no: str, period: str) -> str:
    return f"{connection_no}:{period}"


def bill_data(bill: Bill, connection_no: str) -> dict[str, Any]:
    return bill_values_data({f: getattr(bill, f) for f in (*BILL_FIGURES, "due_date")},
                            connection_no)


def bill_values_data(values: Mapping[str, Any], connection_no: str) -> dict[str, Any]:
    """A bill change from column values (``due_date`` a date; absent figures are None)."""
    data: dict[str, Any] = {"connection_no": connection_no}
    data.update({f: values.get(f) for f in BILL_FIGURES})
    data["due_date"] = values["due_date"].isoformat()
    return data


def terms_data(terms: Terms) -> dict[str, Any]:
    return {"code": terms.code, "version": terms.version, "name": terms.name,
            "checksum": terms.checksum, "body": terms.body}


def user_data(user: User) -> dict[str, Any]:
    return {"username": user.username, "full_name": user.full_name, "role": user.role,
            "branch": user.branch_code, "active": user.active, "version": user.version,
            "password_hash": user.password_hash}


def ack_data(event: Event) -> dict[str, Any]:
    return {"id": event.id, "device_id": event.device_id, "seq": event.seq,
            "status": event.status, "reason": event.reason}


def record(session: Session, kind: str, key: str, data: dict[str, Any],
           branch: str | None = None) -> None:
    """Append one change and drop the older changes of the same key."""
    row = Change(kind=kind, key=key, branch_code=branch, data=data, created_at=utcnow())
    session.add(row)
    session.flush()
    session.execute(delete(Change).where(Change.kind == kind, Change.key == key,
                                         Change.id < row.id))


def record_many(session: Session, kind: str, items: Sequence[tuple[str, dict[str, Any]]],
                branch: str | None = None, *, new_keys: bool = False) -> None:
    """Append many changes of one kind in bulk (imports, the demo), older ones dropped
    (``new_keys``: the caller knows no older change of these keys exists)."""
    if not items:
        return
    before = session.scalar(select(func.coalesce(func.max(Change.id), 0))) or 0
    now = utcnow()
    connection = session.connection()
    for start in range(0, len(items), 5_000):
        connection.execute(insert(Change), [
            {"kind": kind, "key": key, "branch_code": branch, "data": data, "created_at": now}
            for key, data in items[start:start + 5_000]])
    if before and not new_keys:
        keys = [key for key, _ in items]
        for start in range(0, len(keys), CHUNK):
            session.execute(delete(Change).where(
                Change.kind == kind, Change.key.in_(keys[start:start + CHUNK]),
                Change.id <= before))


def current_enrolment(session: Session, connection_no: str) -> Enrolment | None:
    """The customer's latest enrolment that was not cancelled."""
    return session.scalar(select(Enrolment).where(
        Enrolment.connection_no == connection_no, Enrolment.state != "cancelled")
        .order_by(Enrolment.business_date.desc()).limit(1))


def customer_changed(session: Session, customer: Customer) -> None:
    record(session, "customer", customer.connection_no,
           customer_data(customer, current_enrolment(session, customer.connection_no)))


def bills_changed(session: Session, customer: Customer, bills: Sequence[Bill]) -> None:
    for bill in bills:
        record(session, "bill", bill_key(customer.connection_no, bill.period),
               bill_data(bill, customer.connection_no))
