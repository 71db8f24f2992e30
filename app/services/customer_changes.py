"""Customer data changes learnt at the counter travel to head office as requests.

Master data (customers, bills, terms, users) is head office's. A cashier who learns a
new phone number, address, RT/RW, kelurahan, kecamatan or a corrected name records a
*change request* carrying the customer's master ``version`` the branch saw; the
customer row here is not changed. Head office approves it (the new values come back
with a pull, with a higher version) or rejects it with a note; its decision comes back
as a ``change_request`` change (see ``apply_decisions``). Status, tariff, meter number
and money are never requested from the counter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.models import (
    ChangeRequestState,
    Customer,
    CustomerChangeRequest,
    OutboxEvent,
    new_uuid,
)
from app.services.arguments import stored_text, text
from app.services.audit.journal import canonical_json, record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork

EVENT_TYPE = "customer.change_requested"
DECIDED_ACTION = "customer.change_decided"
# The fields a counter may ask to change, in the order they are shown, with their
# longest value (the customer columns).
FIELDS: dict[str, int] = {"name": 120, "address": 200, "rt": 4, "rw": 4, "kelurahan": 60,
                          "kecamatan": 60, "phone": 24}
_PHONE_RE = re.compile(r"^\+?\d{8,15}$")
_REASON_LIMIT = 240


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangeRequestInfo:
    uuid: str
    event_id: str
    connection_no: str
    customer_name: str
    seen_version: int
    changes: tuple[FieldChange, ...]
    reason: str
    state: str
    requested_at: dt.datetime
    requested_by: str
    decided_at: dt.datetime | None
    decided_by: str
    note: str


def normalise_changes(changes: Mapping[str, Any]) -> dict[str, str]:
    """Each requested value checked and tidied (``DomainError`` names the first bad one).

    Names and places lose repeated spaces; RT/RW become three digits (``5`` → ``005``);
    a phone number loses spaces and dashes and must be 8–15 digits, optionally after
    ``+`` (an empty phone number removes it)."""
    tidy: dict[str, str] = {}
    for field, value in changes.items():
        if field not in FIELDS:
            raise DomainError(ErrorCode.CHANGE_FIELD_NOT_ALLOWED, field=field)
        if not isinstance(value, str):
            raise DomainError(ErrorCode.CHANGE_VALUE_REQUIRED, field=field)
        tidy[field] = _checked(field, " ".join(value.split()))
    return tidy


def _checked(field: str, value: str) -> str:
    if field == "phone":
        number = re.sub(r"[\s-]", "", value)
        if number and not _PHONE_RE.match(number):
            raise DomainError(ErrorCode.PHONE_INVALID, field=field, text=value)
        return number
    if field in ("rt", "rw"):
        if not value.isdigit() or len(value) > 3 or not value.isascii():
            raise DomainError(ErrorCode.RT_RW_INVALID, field=field, text=value)
        return value.zfill(3)
    if not value:
        raise DomainError(ErrorCode.CHANGE_VALUE_REQUIRED, field=field)
    if len(value) > FIELDS[field]:
        raise DomainError(ErrorCode.CHANGE_VALUE_TOO_LONG, field=field, limit=FIELDS[field])
    return stored_text(value, field)


def request_customer_change(uow: UnitOfWork, actor: Actor, connection_no: str,
                            changes: Mapping[str, Any], reason: str) -> ChangeRequestInfo:
    """Record a change request (request, audit record and outbox event in one
    transaction); values equal to the customer's current ones are left out."""
    with uow:
        session = uow.session
        customer = session.scalar(select(Customer).where(
            Customer.connection_no == text(connection_no, "the connection number").strip()))
        if customer is None:
            raise DomainError(ErrorCode.CUSTOMER_NOT_FOUND, connection_no=connection_no)
        wanted = {f: v for f, v in normalise_changes(changes).items()
                  if v != getattr(customer, f)}
        if not wanted:
            raise DomainError(ErrorCode.CHANGE_NOTHING, connection_no=customer.connection_no)
        if not stored_text(reason, "the reason").strip():
            raise DomainError(ErrorCode.REASON_REQUIRED)
        previous = {f: getattr(customer, f) for f in wanted}
        request = CustomerChangeRequest(
            uuid=new_uuid(), event_id="", customer_id=customer.id,
            seen_version=customer.version, fields=canonical_json(wanted),
            previous=canonical_json(previous), reason=reason.strip()[:_REASON_LIMIT],
            state=ChangeRequestState.PENDING, requested_at=uow.now,
            requested_by=actor.username)
        audit = record_change(
            session, actor, uow.now, action=EVENT_TYPE, entity="customer",
            entity_id=customer.connection_no, event_type=EVENT_TYPE,
            details={"request_uuid": request.uuid, "connection_no": customer.connection_no,
                     "seen_version": customer.version, "fields": wanted,
                     "previous": previous, "reason": request.reason})
        request.event_id = session.scalars(select(OutboxEvent.id).where(
            OutboxEvent.audit_id == audit.id)).one()
        session.add(request)
        session.flush()
        info = _info(request, customer)
        uow.commit()
        return info


_ALL_REQUESTS = (select(CustomerChangeRequest, Customer)
                 .join(Customer, Customer.id == CustomerChangeRequest.customer_id)
                 .order_by(CustomerChangeRequest.id.desc()))
"""Made once (one customer's are read at every scan)."""
_CUSTOMERS_REQUESTS = _ALL_REQUESTS.where(Customer.connection_no == bindparam("connection_no"))


def list_change_requests(uow: UnitOfWork, connection_no: str | None = None
                         ) -> list[ChangeRequestInfo]:
    """The change requests of one customer (or all), newest first."""
    with uow:
        if connection_no is None:
            rows = uow.session.execute(_ALL_REQUESTS)
        else:
            rows = uow.session.execute(_CUSTOMERS_REQUESTS,
                                       {"connection_no": connection_no.strip()})
        return [_info(request, customer) for request, customer in rows]


def apply_decisions(session: Session, actor: Actor, now: dt.datetime,
                    decisions: Sequence[tuple[str, Mapping[str, Any]]]) -> int:
    """Head office's decisions (``(key, data)`` of ``change_request`` changes in a pull,
    inside its transaction) on this database's requests; returns how many changed state.
    A decision on a request not held here (another counter's) is passed over; a
    malformed one refuses the page (``SYNC_BAD_CHANGE``)."""
    parsed = [_decision(key, data) for key, data in decisions]
    held = {r.event_id: r for r in session.scalars(select(CustomerChangeRequest).where(
        CustomerChangeRequest.event_id.in_([event_id for event_id, *_ in parsed])))}
    changed = 0
    for event_id, state, decided_by, note in parsed:
        request = held.get(event_id)
        if request is None or request.state == state:
            continue
        request.state, request.decided_at = state, now
        request.decided_by, request.note = decided_by, note
        record_change(session, actor, now, action=DECIDED_ACTION, entity="customer_change",
                      entity_id=request.uuid,
                      details={"event_id": event_id, "state": state.value,
                               "decided_by": decided_by, "note": note})
        changed += 1
    session.flush()
    return changed


def _decision(key: str, data: Mapping[str, Any]) -> tuple[str, ChangeRequestState, str, str]:
    event_id, state = data.get("id"), data.get("state")
    decided_by, note = data.get("decided_by", ""), data.get("note", "")
    if not isinstance(event_id, str) or not 0 < len(event_id) <= 36:
        problem = "id must be the request's event id"
    elif not isinstance(state, str) or state not in ("approved", "rejected"):
        problem = "state must be approved or rejected"
    elif not isinstance(decided_by, str) or not isinstance(note, str):
        problem = "decided_by and note must be text"
    else:
        return event_id, ChangeRequestState(state), decided_by[:40], note[:400]
    raise DomainError(ErrorCode.SYNC_BAD_CHANGE, kind="change_request", key=key,
                      problem=problem)


def _info(request: CustomerChangeRequest, customer: Customer) -> ChangeRequestInfo:
    wanted: dict[str, str] = json.loads(request.fields)
    before: dict[str, str] = json.loads(request.previous)
    order = list(FIELDS)
    changes = tuple(FieldChange(f, before.get(f, ""), wanted[f])
                    for f in sorted(wanted, key=lambda f: order.index(f) if f in order else 99))
    return ChangeRequestInfo(
        request.uuid, request.event_id, customer.connection_no, customer.name,
        request.seen_version, changes, request.reason, request.state.value,
        request.requested_at, request.requested_by, request.decided_at, request.decided_by,
        request.note)
