"""Head office's quote for a customer on a day: the counter's own pure rules
(``app.services.quoting.make_offer``) over head office's customer, open bills and the
published terms — so an invitation or the self-check page says what the counter will.

A bill counts while it is not settled and no plan has taken it over (the counter's
``customer_facts``); a customer with a plan that blocks a new one (any active plan, or
one in the same programme not cancelled) gets the reason ``already_enrolled``. The
customer's office is the branch holding their plan, else the office serving their
kecamatan (``offices.toml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.quoting import (
    BillFacts,
    CustomerFacts,
    ScheduleLine,
    allowed_counts,
    make_offer,
    schedule,
)
from app.services.terms import PromotionTerms, terms_from_json
from headoffice.models import Bill, BranchOffice, Customer, Enrolment, Terms
from headoffice.offices import Offices, offices

CHUNK = 500  # customers per query when quoting many


class NoProgramme(LookupError):
    """Head office has published no terms (or none under the code asked for)."""


@dataclass(frozen=True)
class OfficeRef:
    code: str
    name: str


@dataclass(frozen=True)
class InstalmentOption:
    """``count`` instalments of the remainder: their amounts and due dates (sum exactly)."""

    count: int
    schedule: tuple[ScheduleLine, ...]


@dataclass(frozen=True)
class OfficeOffer:
    connection_no: str
    on: dt.date
    programme_code: str
    programme_version: int
    programme_name: str
    last_day: dt.date
    eligible: bool
    reasons: tuple[str, ...]  # codes: programme_closed, status, no_arrears, tariff, …
    arrears: int
    penalty: int
    penalty_waived: int
    amount_due: int
    down_payment: int
    remainder: int
    options: tuple[InstalmentOption, ...]
    office: OfficeRef

    @property
    def allowed_instalments(self) -> tuple[int, ...]:
        return tuple(o.count for o in self.options)


def published_terms(session: Session, programme: str | None, on: dt.date) -> PromotionTerms:
    """The newest version of ``programme``, or — without a code — of the programme open on
    ``on`` (the most recent one if none is open, so the offer can say it is closed)."""
    newest: dict[str, PromotionTerms] = {}
    for row in session.scalars(select(Terms).order_by(Terms.code, Terms.version)):
        newest[row.code] = terms_from_json(row.body)
    if programme is not None:
        if programme not in newest:
            raise NoProgramme(f"head office has published no programme {programme}")
        return newest[programme]
    if not newest:
        raise NoProgramme("head office has published no programme")
    pool = [t for t in newest.values() if t.is_open_on(on)] or list(newest.values())
    return max(pool, key=lambda t: (t.valid_from, t.code))


def offer_for(session: Session, connection_no: str, on: dt.date,
              programme: str | None = None) -> OfficeOffer | None:
    """The offer for one customer (None: head office has no such connection number)."""
    customer = session.scalar(select(Customer).where(
        Customer.connection_no == connection_no.strip()[:20]))
    if customer is None:
        return None
    return offers_for(session, [customer], on, programme)[0]


def offers_for(session: Session, customers: Sequence[Customer], on: dt.date,
               programme: str | None = None, places: Offices | None = None
               ) -> list[OfficeOffer]:
    """The offers for ``customers`` in their order, a few queries per ``CHUNK`` of them."""
    terms = published_terms(session, programme, on)
    places = places or offices()
    names = {b.code: b.name for b in session.scalars(select(BranchOffice))}
    result: list[OfficeOffer] = []
    for start in range(0, len(customers), CHUNK):
        chunk = customers[start:start + CHUNK]
        bills = _open_bills(session, [c.id for c in chunk])
        plans = _plans(session, [c.connection_no for c in chunk])
        for customer in chunk:
            plan = _blocking(plans.get(customer.connection_no, ()), terms.code)
            holder = _holder(plans.get(customer.connection_no, ()))
            code = holder or places.serving(customer.kecamatan)
            result.append(_offer(terms, customer, bills.get(customer.id, []), on,
                                 blocked=plan is not None,
                                 office=OfficeRef(code, names.get(code, code))))
    return result


def _offer(terms: PromotionTerms, customer: Customer, bills: list[BillFacts], on: dt.date, *,
           blocked: bool, office: OfficeRef) -> OfficeOffer:
    facts = CustomerFacts(customer.status, customer.tariff_group, tuple(bills))
    offer = make_offer(terms, facts, on)
    reasons = tuple(r.code for r in offer.reasons) + (("already_enrolled",) if blocked else ())
    remainder = offer.amount_due - offer.down_payment
    return OfficeOffer(
        connection_no=customer.connection_no, on=on, programme_code=terms.code,
        programme_version=terms.version, programme_name=terms.name, last_day=terms.valid_to,
        eligible=not reasons, reasons=reasons, arrears=offer.arrears, penalty=offer.penalty,
        penalty_waived=offer.penalty_waived, amount_due=offer.amount_due,
        down_payment=offer.down_payment, remainder=remainder,
        options=tuple(InstalmentOption(n, schedule(terms, remainder, n, on))
                      for n in allowed_counts(terms, remainder)),
        office=office)


def _open_bills(session: Session, customer_ids: Iterable[int]) -> dict[int, list[BillFacts]]:
    """Bills neither settled nor taken over by a plan, oldest period first (read as
    plain rows: quoting every customer reads some 200,000 bills)."""
    found: dict[int, list[BillFacts]] = {}
    for customer_id, period, principal, penalty in session.execute(
            select(Bill.customer_id, Bill.period, Bill.water_charge + Bill.fees, Bill.penalty)
            .where(Bill.customer_id.in_(list(customer_ids)), Bill.settled.is_(False),
                   Bill.enrolment_uuid.is_(None)).order_by(Bill.customer_id, Bill.period)):
        found.setdefault(customer_id, []).append(BillFacts(period, principal, penalty))
    return found


def _plans(session: Session, numbers: Iterable[str]) -> dict[str, list[Enrolment]]:
    found: dict[str, list[Enrolment]] = {}
    for plan in session.scalars(select(Enrolment).where(
            Enrolment.connection_no.in_(list(numbers)))
            .order_by(Enrolment.business_date, Enrolment.uuid)):
        found.setdefault(plan.connection_no, []).append(plan)
    return found


def _blocking(plans: Iterable[Enrolment], programme: str) -> Enrolment | None:
    """Head office's rule (``ledger.blocking_enrolment``) over plans already read."""
    return next((p for p in plans if p.state == "active"
                 or (p.programme == programme and p.state != "cancelled")), None)


def _holder(plans: Sequence[Enrolment]) -> str | None:
    """The branch of the customer's newest plan that is not cancelled."""
    live = [p for p in plans if p.state != "cancelled"]
    return live[-1].branch_code if live else None
