"""Who the programme's quote finds eligible today, quoted in bulk.

The invitation list needs, for every customer of the programme's statuses, what
``headoffice.offers`` says one customer at a time: eligibility, arrears, penalties
waived, the down payment, the instalment counts and the smallest instalment of the
longest plan. Quoting the 54,000 sealed customers of 200,000 one by one took 20 s of
CPU; here one statement reads them with their open bills summed (the waiver rounded
down per bill, as ``quoting.waived_penalty`` does), another their plans, and the
counter's own money rules (``down_payment_for``, ``allowed_counts``, the first amount
of ``schedule``) are applied once per different sum. Tests compare every figure with
the one-by-one quote.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import ColumnElement, Subquery, func, select
from sqlalchemy.orm import Session

from app.services.money import round_down_to_step
from app.services.quoting import allowed_counts, down_payment_for
from app.services.terms import PromotionTerms
from headoffice.models import Bill, BranchOffice, Customer, Enrolment
from headoffice.offers import OfficeRef
from headoffice.offices import Offices, offices


class Invitee(NamedTuple):  # a tuple: tens of thousands are made at once
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


class _OpenBills(NamedTuple):
    number: int = 0
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
    sums = _open_bills(terms, who)
    plans = _plans(session, terms.code)
    places = places or offices()
    names = {code: name for code, name in session.execute(
        select(BranchOffice.code, BranchOffice.name))}
    serving: dict[str, str] = {}  # kecamatan → office code
    quoted: dict[_OpenBills, _Quote] = {}  # a few hundred different sums among thousands
    found: list[Invitee] = []
    rows = session.execute(
        select(Customer.connection_no, Customer.name, Customer.kelurahan, Customer.kecamatan,
               Customer.tariff_group, Customer.phone, sums.c.bills, sums.c.principal,
               sums.c.penalty, sums.c.waived)
        .outerjoin(sums, sums.c.customer_id == Customer.id).where(*who))
    # sorted here: ordered by connection number, SQLite would walk the whole index
    for number, name, place, kecamatan, tariff, phone, *figures in sorted(
            rows, key=itemgetter(0)):
        blocked, holder = plans.get(number, (False, None))
        totals = _OpenBills(*(int(figure or 0) for figure in figures))
        if blocked or not _qualifies(terms, tariff, totals):
            continue
        code = holder or serving.get(kecamatan) or serving.setdefault(
            kecamatan, places.serving(kecamatan))
        quote = quoted.get(totals) or quoted.setdefault(totals, _quote(terms, totals))
        found.append(Invitee(number, name, place, phone, totals.principal, totals.penalty,
                             totals.waived, *quote, OfficeRef(code, names.get(code, code))))
    return found


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while a list of tens of thousands of plain
    objects (none in a cycle) is made: it would otherwise walk them again and again,
    a fifth of the time. Their memory is freed as usual; a paused collector is left so."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _qualifies(terms: PromotionTerms, tariff_group: str, bills: _OpenBills) -> bool:
    """``quoting.eligibility_reasons`` finds nothing (the programme open, the status
    asked for in the query)."""
    rules = terms.eligibility
    return not (bills.number < rules.min_unpaid_bills
                or (rules.tariff_groups and tariff_group not in rules.tariff_groups)
                or (rules.min_arrears is not None and bills.principal < rules.min_arrears)
                or (rules.max_arrears is not None and bills.principal > rules.max_arrears))


class _Quote(NamedTuple):
    amount_due: int
    down_payment: int
    allowed_instalments: tuple[int, ...]
    smallest: int


def _quote(terms: PromotionTerms, bills: _OpenBills) -> _Quote:
    """The counter's money rules (``quoting.make_offer``) over a customer's totals."""
    amount_due = bills.principal + bills.penalty - bills.waived
    down = down_payment_for(terms, amount_due)
    remainder = amount_due - down
    counts = allowed_counts(terms, remainder)
    return _Quote(amount_due, down, counts, _first_instalment(terms, remainder, max(counts)))


def _first_instalment(terms: PromotionTerms, remainder: int, count: int) -> int:
    """The first amount of ``quoting.schedule`` for ``count`` instalments (0 for none):
    the remainder divided and rounded down; a single instalment takes it all."""
    if count <= 1:
        return remainder if count == 1 else 0
    return round_down_to_step(remainder // count, terms.instalments.rounding_step)


def _open_bills(terms: PromotionTerms, who: Iterable[ColumnElement[bool]]) -> Subquery:
    """Per customer: the bills neither settled nor taken over by a plan, counted and
    summed; the waiver rounded down bill by bill."""
    percent = terms.penalty_waiver_percent
    # By customer: ``coalesce`` keeps SQLite from walking the enrolment index over every
    # bill (nearly all have none) instead of the bills of the customers asked for.
    return (select(Bill.customer_id, func.count().label("bills"),
                   func.sum(Bill.water_charge + Bill.fees).label("principal"),
                   func.sum(Bill.penalty).label("penalty"),
                   func.sum(Bill.penalty * percent // 100).label("waived"))
            .where(Bill.customer_id.in_(select(Customer.id).where(*who)),
                   Bill.settled.is_(False), func.coalesce(Bill.enrolment_uuid, "") == "")
            .group_by(Bill.customer_id).subquery())


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
