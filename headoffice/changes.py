"""The change log branches pull: what each kind of change carries, and writing it.

Call only inside ``Database.writing()`` or ``pushing()``. Writing a change of a
(kind, key) removes the older ones of that key: a branch pulling from the start gets the
current state, not its history. A push collects its changes (``collect``) and writes
them at the end of its batch in two statements (``write_collected``); what an event
that is rejected had recorded is dropped with it (``dropped_on_error``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from headoffice import bulk_rows
from headoffice.db import utcnow
from headoffice.models import Bill, Change, Customer, Enrolment, Event, Terms, User

CHUNK = 500
COLLECTED = "loket_changes"  # session.info: the changes a push has recorded so far
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
    collected: list[tuple[str, str, dict[str, Any] | Customer, str | None]] | None = \
        session.info.get(COLLECTED)
    if collected is not None:
        collected.append((kind, key, data, branch))
        return
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


def collect(session: Session) -> None:
    """From now on this session's changes are written by ``write_collected``."""
    session.info[COLLECTED] = []


@contextmanager
def dropped_on_error(session: Session) -> Iterator[None]:
    """Changes recorded in the block are forgotten if it raises (with its savepoint)."""
    collected = session.info.get(COLLECTED)
    mark = None if collected is None else len(collected)
    try:
        yield
    except BaseException:
        if collected is not None:
            del collected[mark:]
        raise


def write_collected(session: Session) -> None:
    """Write the collected changes, the newest of each key, in the order they were last
    recorded; the older changes of those keys are dropped."""
    collected = session.info.pop(COLLECTED, None)
    if not collected:
        return
    newest: dict[tuple[str, str], tuple[dict[str, Any] | Customer, str | None]] = {}
    for kind, key, data, branch in collected:
        newest.pop((kind, key), None)
        newest[(kind, key)] = (data, branch)
    customers = [data for data, _ in newest.values() if isinstance(data, Customer)]
    enrolments = _current_enrolments(session, [c.connection_no for c in customers])
    for customer in customers:
        newest[("customer", customer.connection_no)] = (
            customer_data(customer, enrolments.get(customer.connection_no)), None)
    now = utcnow()
    rows = [{"kind": kind, "key": key, "branch_code": branch, "data": data, "created_at": now}
            for (kind, key), (data, branch) in newest.items()]
    if bulk_rows.on_postgresql(session):  # a statement each, however many changes
        bulk_rows.delete_keys(session, Change, list(newest))
        bulk_rows.insert_rows(session, Change, rows)
        return
    keys_by_kind: dict[str, list[str]] = {}
    for kind, key in newest:
        keys_by_kind.setdefault(kind, []).append(key)
    for kind, keys in keys_by_kind.items():
        for start in range(0, len(keys), CHUNK):
            session.execute(delete(Change).where(Change.kind == kind,
                                                 Change.key.in_(keys[start:start + CHUNK])))
    session.connection().execute(insert(Change), rows)


def current_enrolment(session: Session, connection_no: str) -> Enrolment | None:
    """The customer's latest enrolment that was not cancelled."""
    return session.scalar(select(Enrolment).where(
        Enrolment.connection_no == connection_no, Enrolment.state != "cancelled")
        .order_by(Enrolment.business_date.desc()).limit(1))


def _current_enrolments(session: Session, numbers: Sequence[str]) -> dict[str, Enrolment]:
    """``current_enrolment`` of many customers at once."""
    found: dict[str, Enrolment] = {}
    for start in range(0, len(numbers), CHUNK):
        for enrolment in session.scalars(select(Enrolment).where(
                bulk_rows.among(session, Enrolment.connection_no, numbers[start:start + CHUNK]),
                Enrolment.state != "cancelled").order_by(Enrolment.business_date.desc())):
            found.setdefault(enrolment.connection_no, enrolment)
    return found


def customer_changed(session: Session, customer: Customer) -> None:
    """Publish the customer (in a push: as it stands when the batch's changes are
    written, with its plan then)."""
    collected = session.info.get(COLLECTED)
    if collected is not None:
        collected.append(("customer", customer.connection_no, customer, None))
        return
    record(session, "customer", customer.connection_no,
           customer_data(customer, current_enrolment(session, customer.connection_no)))


def bills_changed(session: Session, customer: Customer, bills: Sequence[Bill]) -> None:
    for bill in bills:
        record(session, "bill", bill_key(customer.connection_no, bill.period),
               bill_data(bill, customer.connection_no))
