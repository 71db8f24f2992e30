"""The self-check's answer for a connection number and the meter's last four digits.

Whoever asks, the same work is done: the customer is looked up, an offer is quoted and
the plans are read — for a number head office does not know, those of the customer with
the next number (a real one, with bills like any other; a stand-in without bills after
the last number) — and only then is the second factor compared (in constant time). An
unknown number and a wrong factor both give ``None``. What is shown is no more than a
paper bill shows: the name masked, the kelurahan, the figures; no phone, no street.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from headoffice.models import Customer, Enrolment, Event, Payment
from headoffice.offers import NoProgramme, OfficeOffer, offers_for
from headoffice.offices import Document, Offices, offices

FACTOR_DIGITS = 4


@dataclass(frozen=True)
class OfficeCard:
    """Where to go: the office's name, and its address and hours when head office has them."""

    code: str
    name: str
    address: str
    hours: str
    hours_en: str


@dataclass(frozen=True)
class NextInstalment:
    number: int
    count: int
    due_date: dt.date
    amount: int  # still to pay on it
    overdue: bool


@dataclass(frozen=True)
class PlanState:
    programme: str
    started: dt.date
    instalments: int
    left_to_pay: int
    next: NextInstalment | None


@dataclass(frozen=True)
class SelfCheck:
    connection_no: str
    masked_name: str
    kelurahan: str
    status: str
    on: dt.date
    offer: OfficeOffer | None  # None: no programme published
    plan: PlanState | None  # a running plan: its next instalment instead of an offer
    office: OfficeCard
    documents: tuple[Document, ...]


def check(session: Session, connection_no: str, meter_digits: str, on: dt.date,
          places: Offices | None = None) -> SelfCheck | None:
    """The answer for a customer, or None for an unknown number or a wrong factor."""
    places = places or offices()
    customer = session.scalar(select(Customer).where(Customer.connection_no >= connection_no)
                              .order_by(Customer.connection_no).limit(1))
    customer = customer or _stand_in(connection_no)
    found = customer if customer.connection_no == connection_no else None
    try:
        offer: OfficeOffer | None = offers_for(session, [customer], on, places=places)[0]
    except NoProgramme:
        offer = None
    plan = _running_plan(session, customer.connection_no, on)
    factor_ok = hmac.compare_digest(meter_factor(customer.meter_no).encode(),
                                    meter_digits.encode())
    if found is None or not factor_ok:
        return None
    code = offer.office.code if offer is not None else places.serving(found.kecamatan)
    return SelfCheck(
        connection_no=found.connection_no, masked_name=mask_name(found.name),
        kelurahan=found.kelurahan, status=found.status, on=on, offer=offer, plan=plan,
        office=_card(places, code, offer.office.name if offer is not None else code),
        documents=places.documents_for(offer.programme_code if offer is not None else ""))


def meter_factor(meter_no: str) -> str:
    """The last four digits of the meter number (as printed on the bill)."""
    return "".join(c for c in meter_no if c.isdigit())[-FACTOR_DIGITS:]


def mask_name(name: str) -> str:
    """``Dorkas Taneo`` → ``Do**** Ta***``: two letters of each word, the rest hidden."""
    return " ".join(word[:2] + "*" * max(1, len(word) - 2) for word in name.split())


def _stand_in(connection_no: str) -> Customer:
    """A customer nobody has (never added to the session), so the work is the same."""
    return Customer(id=-1, connection_no=connection_no, name="", address="", kelurahan="",
                    kecamatan="", tariff_group="", meter_no="0000", status="unknown",
                    status_date=dt.date.min)


def _card(places: Offices, code: str, name: str) -> OfficeCard:
    info = places.office(code)
    if info is None:
        return OfficeCard(code, name, "", "", "")
    return OfficeCard(code, name, info.address, info.hours, info.hours_en)


def _running_plan(session: Session, connection_no: str, on: dt.date) -> PlanState | None:
    plan = session.scalar(select(Enrolment).where(
        Enrolment.connection_no == connection_no, Enrolment.state == "active")
        .order_by(Enrolment.business_date.desc()).limit(1))
    event = session.get(Event, plan.event_id if plan is not None else "")  # read either way
    paid = session.scalar(select(func.coalesce(func.sum(Payment.amount), 0)).where(
        Payment.enrolment_uuid == (plan.uuid if plan is not None else ""),
        Payment.kind == "instalment", Payment.applied.is_(True), Payment.voided.is_(False)))
    if plan is None:
        return None
    lines = _schedule(event.payload.get("schedule") if event is not None else None)
    return PlanState(plan.programme, plan.business_date, len(lines),
                     max(0, sum(amount for _n, _d, amount in lines) - int(paid or 0)),
                     next_instalment(lines, int(paid or 0), on))


def next_instalment(lines: list[tuple[int, dt.date, int]], paid: int,
                    on: dt.date) -> NextInstalment | None:
    """The first instalment not paid in full (payments fill the schedule in order)."""
    covered = 0
    for number, due, amount in lines:
        covered += amount
        if covered > paid:
            return NextInstalment(number, len(lines), due, min(amount, covered - paid),
                                  overdue=due < on)
    return None


def _schedule(raw: Any) -> list[tuple[int, dt.date, int]]:
    """The schedule as the branch sent it, lines it cannot read left out."""
    lines = []
    for line in raw if isinstance(raw, list) else []:
        try:
            lines.append((int(line["number"]), dt.date.fromisoformat(line["due_date"]),
                          int(line["amount"])))
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(lines)
