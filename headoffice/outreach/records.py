"""What outreach has done and may not do: the messages' log, the customers who asked
not to be contacted, and the phone numbers no message can go to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.services.text_checks import text_problem
from headoffice.db import utcnow
from headoffice.models import Customer
from headoffice.outreach.phones import normalise
from headoffice.outreach.tables import OutreachAttempt, OutreachMessage, OutreachOptOut

PAGE = 200


@dataclass(frozen=True)
class LoggedMessage:
    id: int
    kind: str
    connection_no: str
    subject: str
    day: dt.date
    phone: str
    template_version: int
    body: str
    figures: dict[str, Any]
    state: str
    channel: str
    attempts: int
    updated_at: dt.datetime
    last_answer: str  # the gateway's last answer (status and text)
    created_by: str


def log(session: Session, *, kind: str | None = None, state: str | None = None,
        connection_no: str | None = None, limit: int = PAGE) -> list[LoggedMessage]:
    """Messages newest first, with the gateway's last answer to each."""
    query = select(OutreachMessage)
    if kind:
        query = query.where(OutreachMessage.kind == kind)
    if state:
        query = query.where(OutreachMessage.state == state)
    if connection_no:
        query = query.where(OutreachMessage.connection_no == connection_no.strip())
    rows = list(session.scalars(query.order_by(OutreachMessage.updated_at.desc(),
                                               OutreachMessage.id.desc()).limit(limit)))
    last: dict[int, OutreachAttempt] = {}
    if rows:
        for attempt in session.scalars(select(OutreachAttempt).where(
                OutreachAttempt.message_id.in_([r.id for r in rows]))
                .order_by(OutreachAttempt.id)):
            last[attempt.message_id] = attempt
    return [LoggedMessage(r.id, r.kind, r.connection_no, r.subject, r.day, r.phone,
                          r.template_version, r.body, r.figures, r.state, r.channel,
                          r.attempts, r.updated_at, _answer(last.get(r.id)), r.created_by)
            for r in rows]


def _answer(attempt: OutreachAttempt | None) -> str:
    if attempt is None:
        return ""
    status = f"HTTP {attempt.http_status}" if attempt.http_status else attempt.outcome
    return f"{status}: {attempt.answer}" if attempt.answer else status


def counts(session: Session) -> dict[str, int]:
    """Messages per state."""
    return {state: int(n) for state, n in session.execute(
        select(OutreachMessage.state, func.count()).group_by(OutreachMessage.state))}


@dataclass(frozen=True)
class OptOut:
    connection_no: str
    name: str
    at: dt.datetime
    by: str
    note: str


def opt_out(session: Session, connection_no: str, by: str, note: str = "") -> OptOut:
    """Never contact this customer again (until they opt in)."""
    number = connection_no.strip()
    customer = session.scalar(select(Customer).where(Customer.connection_no == number))
    if customer is None:
        raise LookupError(f"no customer {number}")
    problem = text_problem(note)
    if problem:
        raise ValueError(f"the note holds {problem}")
    row = session.get(OutreachOptOut, number)
    if row is None:
        row = OutreachOptOut(connection_no=number, at=utcnow(), by=by[:40], note=note[:200])
        session.add(row)
        session.flush()
    return OptOut(number, customer.name, row.at, row.by, row.note)


def opt_in(session: Session, connection_no: str) -> bool:
    """The customer may be contacted again; False if they had not opted out."""
    row = session.get(OutreachOptOut, connection_no.strip())
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def opt_outs(session: Session) -> list[OptOut]:
    rows = session.execute(select(OutreachOptOut, Customer.name).outerjoin(
        Customer, Customer.connection_no == OutreachOptOut.connection_no)
        .order_by(OutreachOptOut.at.desc()))
    return [OptOut(o.connection_no, name or "", o.at, o.by, o.note) for o, name in rows]


@dataclass(frozen=True)
class BadPhone:
    connection_no: str
    name: str
    kelurahan: str
    phone: str
    problem: str


def invalid_phones(session: Session, *, include_missing: bool = False) -> list[BadPhone]:
    """Customers whose phone is not a mobile number a message can go to, and why (those
    with no number at all only with ``include_missing``)."""
    found = []
    for number, name, kelurahan, phone in session.execute(
            select(Customer.connection_no, Customer.name, Customer.kelurahan, Customer.phone)
            .order_by(Customer.connection_no)):
        if not phone.strip() and not include_missing:
            continue
        checked = normalise(phone)
        if not checked.valid:
            found.append(BadPhone(number, name, kelurahan, phone, checked.problem))
    return found
