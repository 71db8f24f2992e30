"""Customer change requests from the branches: queued on push, decided by staff.

A ``customer.change_requested`` event is stored as a *pending* request; the customer
is not touched (master data is head office's). Approving applies the requested fields
to the customer master only while its ``version`` is still the one the branch saw
(else it is refused with the current and requested values side by side, unless
forced), bumps the version and publishes the customer to every branch. Rejecting
leaves the customer as it is. Either decision goes to the requesting branch as a
``change_request`` change (key: the request's event id). Call inside
``Database.writing()``; refusals are ``ValueError`` / ``LookupError`` with a sentence
for the operator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.customer_changes import normalise_changes
from app.services.errors import DomainError
from app.services.text_checks import text_problem
from headoffice.changes import customer_changed, record
from headoffice.db import utcnow
from headoffice.models import ChangeRequest, Customer, Event
from headoffice.refusals import NotFound, RefusalCode, Refused

STATES = ("pending", "approved", "rejected")
KIND = "change_request"


@dataclass(frozen=True)
class RequestInfo:
    """A request with the customer's current master values of the requested fields."""

    id: int
    event_id: str
    branch: str
    device_id: str
    cashier: str
    connection_no: str
    seen_version: int
    current_version: int | None
    fields: dict[str, str]
    current: dict[str, str]
    reason: str
    state: str
    requested_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None
    note: str


def receive(session: Session, event: Event) -> ChangeRequest:
    """Queue a pushed request (ValueError: malformed; LookupError: unknown customer)."""
    p = event.payload
    connection_no, seen, fields, reason = (p.get("connection_no"), p.get("seen_version"),
                                           p.get("fields"), p.get("reason", ""))
    if not isinstance(connection_no, str) or not 0 < len(connection_no.strip()) <= 20:
        raise ValueError("connection_no is missing or longer than 20")
    if isinstance(seen, bool) or not isinstance(seen, int) or seen < 1:
        raise ValueError("seen_version must be a whole number from 1")
    if not isinstance(fields, dict) or not fields or not isinstance(reason, str):
        raise ValueError("fields must name at least one field; reason must be text")
    try:
        wanted = normalise_changes(fields)
    except DomainError as exc:
        raise ValueError(exc.message) from exc
    _customer(session, connection_no.strip())
    row = ChangeRequest(
        event_id=event.id, branch_code=event.branch_code, device_id=event.device_id,
        cashier=event.cashier, connection_no=connection_no.strip(), seen_version=seen,
        fields=wanted, reason=reason.strip()[:400], state="pending",
        requested_at=event.created_at, received_at=utcnow())
    session.add(row)
    session.flush()
    return row


def list_requests(session: Session, branch: str | None = None,
                  state: str | None = None) -> list[RequestInfo]:
    """The requests (of one branch, in one state), oldest first."""
    if state is not None and state not in STATES:
        raise ValueError(f"state must be one of {', '.join(STATES)}")
    query = select(ChangeRequest)
    if branch is not None:
        query = query.where(ChangeRequest.branch_code == branch.strip().upper())
    if state is not None:
        query = query.where(ChangeRequest.state == state)
    rows = list(session.scalars(query.order_by(ChangeRequest.id)))
    numbers = {r.connection_no for r in rows}
    customers = {c.connection_no: c for c in session.scalars(
        select(Customer).where(Customer.connection_no.in_(numbers)))} if numbers else {}
    return [_info(r, customers.get(r.connection_no)) for r in rows]


def approve(session: Session, request_id: int, by: str, *, force: bool = False,
            note: str = "") -> RequestInfo:
    """Apply the request to the customer master and publish it; refused when the
    customer changed since the branch saw it, unless ``force``."""
    row = _pending(session, request_id)
    customer = _customer(session, row.connection_no)
    stale = customer.version != row.seen_version
    if stale and not force:
        raise Refused(RefusalCode.CUSTOMER_CHANGED, connection_no=row.connection_no,
                      seen=row.seen_version, now=customer.version,
                      review=_review(row.fields, customer))
    if any(getattr(customer, f) != v for f, v in row.fields.items()):
        for field, value in row.fields.items():
            setattr(customer, field, value)
        customer.version += 1
        session.flush()
        customer_changed(session, customer)
    if stale and not note.strip():
        note = f"forced: the branch saw version {row.seen_version}"
    return _decide(session, row, "approved", by, note, customer)


def reject(session: Session, request_id: int, by: str, note: str) -> RequestInfo:
    """Close the request without changing the customer; the note says why."""
    if not note.strip():
        raise Refused(RefusalCode.REJECT_NOTE_MISSING)
    row = _pending(session, request_id)
    return _decide(session, row, "rejected", by, note,
                   session.scalar(select(Customer).where(
                       Customer.connection_no == row.connection_no)))


def _decide(session: Session, row: ChangeRequest, state: str, by: str, note: str,
            customer: Customer | None) -> RequestInfo:
    for what, text in (("the note", note), ("the name of who decides", by)):
        problem = text_problem(text)
        if problem:
            raise Refused(RefusalCode.TEXT_REFUSED, what=what, problem=problem)
    row.state, row.decided_at = state, utcnow()
    row.decided_by, row.note = (by.strip() or "head office")[:40], note.strip()[:400]
    session.flush()
    record(session, KIND, row.event_id, decision_data(row, customer), branch=row.branch_code)
    return _info(row, customer)


def decision_data(row: ChangeRequest, customer: Customer | None) -> dict[str, Any]:
    """The ``change_request`` change the requesting branch pulls."""
    return {"id": row.event_id, "device_id": row.device_id,
            "connection_no": row.connection_no, "state": row.state,
            "decided_by": row.decided_by, "note": row.note,
            "version": customer.version if customer is not None else None}


def _pending(session: Session, request_id: int) -> ChangeRequest:
    row = session.get(ChangeRequest, request_id)
    if row is None:
        raise NotFound(RefusalCode.NO_CHANGE_REQUEST, id=request_id)
    if row.state != "pending":
        raise Refused(RefusalCode.REQUEST_DECIDED, id=request_id, state=row.state,
                      by=row.decided_by, day=f"{row.decided_at:%Y-%m-%d}")
    return row


def _customer(session: Session, connection_no: str) -> Customer:
    customer = session.scalar(select(Customer).where(Customer.connection_no == connection_no))
    if customer is None:
        raise NotFound(RefusalCode.NO_CUSTOMER, connection_no=connection_no)
    return customer


def _review(fields: dict[str, str], customer: Customer) -> str:
    return "; ".join(f"{f} {getattr(customer, f)!r} → {v!r}" for f, v in fields.items())


def _info(row: ChangeRequest, customer: Customer | None) -> RequestInfo:
    current = {f: str(getattr(customer, f)) for f in row.fields} if customer else {}
    return RequestInfo(
        row.id, row.event_id, row.branch_code, row.device_id, row.cashier, row.connection_no,
        row.seen_version, customer.version if customer else None, dict(row.fields), current,
        row.reason, row.state, row.requested_at, row.decided_by, row.decided_at, row.note)
