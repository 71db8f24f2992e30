"""Who the programme's quote finds eligible today, quoted in bulk.

The invitation list needs, for every customer of the programme's statuses, what
``headoffice.offers`` says one customer at a time: eligibility, arrears, penalties
waived, the down payment, the instalment counts and the smallest instalment of the
longest plan. Quoting some 60,000 sealed customers one by one took 20 s of CPU at
200,000 customers; here their open bills are summed in SQL (the waiver rounded down
per bill, as ``quoting.waived_penalty`` does), their plans read in one statement, and
the counter's own money rules (``down_payment_for``, ``allowed_counts``, the first
amount of ``schedule``) applied to the totals. Tests compare every figure with the one-by-one quote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.services.money import round_down_to_step
from app.services.quoting import allowed_counts, down_payment_for
from app.services.terms import PromotionTerms
from headoffice.models import Bill, BranchOffice, Customer, Enrolment
from headoffice.offers import OfficeRef
from headoffice.offices import Offices, offices


@dataclass(frozen=True)
class Invitee:
    """An eligible customer with the figures an invitation says."""

    connection_no: str
    name: str
    kelurahan: str
    phone: str
    arrears: int
    penalty: int
    penalty_waived: int
    amount_due: int
    down_payment: int
    allowed_instalments: tuple[int, ...]
    smallest: int  # the first instalment of the largest count (0 when none is needed)
    office: OfficeRef


@dataclass(frozen=True)
class _OpenBills:
    count: int = 0
    principal: int = 0
    penalty: int = 0
    waived: int = 0


def eligible_invitees(session: Session, terms: PromotionTerms, on: dt.date,
                      kelurahan: str | None = None,
                      places: Offices | None = None) -> list[Invitee]:
    """The customers ``terms`` find eligible on ``on`` (of ``kelurahan``, in any case),
    by connection number — the customers ``offers_for`` finds eligible, same figures."""
    if not terms.is_open_on(on):
        return []
    who: list[ColumnElement[bool]] = [Customer.status.in_(terms.eligibility.statuses)]
    if kelurahan:
        who.append(func.lower(Customer.kelurahan) == kelurahan)
    bills = _open_bills(session, terms, who)
    plans = _plans(session, terms.code)
    places = places or offices()
    names = {code: name for code, name in session.execute(
        select(BranchOffice.code, BranchOffice.name))}
    serving: dict[str, str] = {}  # kecamatan → office code
    found: list[Invitee] = []
    for id_, number, name, place, kecamatan, tariff, phone in session.execute(
            select(Customer.id, Customer.connection_no, Customer.name, Customer.kelurahan,
                   Customer.kecamatan, Customer.tariff_group, Customer.phone)
            .where(*who).order_by(Customer.connection_no)):
        blocked, holder = plans.get(number, (False, None))
        totals = bills.get(id_, _OpenBills())
        if blocked or not _qualifies(terms, tariff, totals):
            continue
        code = holder or serving.get(kecamatan) or serving.setdefault(
            kecamatan, places.serving(kecamatan))
        found.append(_invitee(terms, on, totals, number, name, place, phone,
                              OfficeRef(code, names.get(code, code))))
    return found


def _qualifies(terms: PromotionTerms, tariff_group: str, bills: _OpenBills) -> bool:
    """``quoting.eligibility_reasons`` finds nothing (the programme open, the status
    asked for in the query)."""
    rules = terms.eligibility
    return not (bills.count < rules.min_unpaid_bills
                or (rules.tariff_groups and tariff_group not in rules.tariff_groups)
                or (rules.min_arrears is not None and bills.principal < rules.min_arrears)
                or (rules.max_arrears is not None and bills.principal > rules.max_arrears))


def _invitee(terms: PromotionTerms, on: dt.date, bills: _OpenBills, number: str, name: str,
             kelurahan: str, phone: str, office: OfficeRef) -> Invitee:
    amount_due = bills.principal + bills.penalty - bills.waived
    down = down_payment_for(terms, amount_due)
    remainder = amount_due - down
    counts = allowed_counts(terms, remainder)
    return Invitee(number, name, kelurahan, phone, bills.principal, bills.penalty,
                   bills.waived, amount_due, down, counts,
                   _first_instalment(terms, remainder, max(counts)), office)


def _first_instalment(terms: PromotionTerms, remainder: int, count: int) -> int:
    """The first amount of ``quoting.schedule`` for ``count`` instalments (0 for none):
    the remainder divided and rounded down; a single instalment takes it all."""
    if count <= 1:
        return remainder if count == 1 else 0
    return round_down_to_step(remainder // count, terms.instalments.rounding_step)


def _open_bills(session: Session, terms: PromotionTerms,
                who: Iterable[ColumnElement[bool]]) -> dict[int, _OpenBills]:
    """Per customer: the bills neither settled nor taken over by a plan, counted and
    summed; the waiver rounded down bill by bill."""
    percent = terms.penalty_waiver_percent
    query = (select(Bill.customer_id, func.count(), func.sum(Bill.water_charge + Bill.fees),
                    func.sum(Bill.penalty), func.sum(Bill.penalty * percent // 100))
             .join(Customer, Customer.id == Bill.customer_id)
             .where(*who, Bill.settled.is_(False), Bill.enrolment_uuid.is_(None))
             .group_by(Bill.customer_id))
    return {id_: _OpenBills(count, int(principal), int(penalty), int(waived))
            for id_, count, principal, penalty, waived in session.execute(query)}


def _plans(session: Session, programme: str) -> dict[str, tuple[bool, str | None]]:
    """Per connection number with a plan not cancelled: whether one blocks a new plan in
    ``programme`` (``offers._blocking``) and the branch of the newest (``offers._holder``)."""
    found: dict[str, tuple[bool, str | None]] = {}
    for number, state, code, branch in session.execute(
            select(Enrolment.connection_no, Enrolment.state, Enrolment.programme,
                   Enrolment.branch_code).where(Enrolment.state != "cancelled")
            .order_by(Enrolment.business_date, Enrolment.uuid)):
        blocked = found.get(number, (False, None))[0]
        found[number] = (blocked or state == "active" or code == programme, branch)
    return found
