"""Who would get which message today, with their own figures.

* **invitations**: customers the programme's quote (the counter's own rules, over every
  customer at once: :mod:`invitees`) finds eligible today — name, connection number,
  arrears, penalties waived, the down payment that opens the seal, the instalments on
  offer, the programme's last day and the office to visit;
* **reminders**: instalments of running plans due within the next days and not yet
  covered by the instalments paid (payments settle a plan's instalments in order);
* **overdue notices**: instalments past their due date and unpaid, of plans not broken
  yet (within the terms' grace days).

Customers who asked not to be contacted are left out (only counted); those whose phone
is not a mobile number are listed apart with the reason (:mod:`phones`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.services.terms import PromotionTerms, terms_from_json
from headoffice.db import Database
from headoffice.evaluation import cache
from headoffice.evaluation.cache import Kept, KeptUntilChange, Later
from headoffice.evaluation.tables import PlanInstalment
from headoffice.models import BranchOffice, Customer, Enrolment, Payment, Terms
from headoffice.offers import NoProgramme, published_terms
from headoffice.outreach import words
from headoffice.outreach.invitees import Invitee, cycle_collection_paused, eligible_invitees
from headoffice.outreach.phones import PhoneCheck, normalise
from headoffice.outreach.tables import OutreachOptOut

MAX_DAYS_AHEAD = 60
KEEP = 8  # invitation lists kept


@dataclass(frozen=True)
class Draft:
    """One message to be made: its reason (kind, customer, subject), the customer's
    phone as checked, and the figures both as data and as the words placeholders take."""

    kind: str
    connection_no: str
    name: str
    kelurahan: str
    subject: str
    phone: PhoneCheck
    office: str
    figures: dict[str, Any]
    values: dict[str, str]


# Quoting every sealed customer takes a second at 200,000 customers: the invitation lists
# are kept until head office's data changes (the evaluation's fingerprint: customers,
# bills, plans, payments, terms, branches).
_invitations: KeptUntilChange[list[Draft]] = KeptUntilChange(KEEP)
cache.register(_invitations)


@dataclass(frozen=True)
class Audience:
    kind: str
    on: dt.date
    ready: tuple[Draft, ...]  # a valid mobile number, not opted out
    invalid: tuple[Draft, ...]  # no usable number: listed for staff, never guessed
    opted_out: int
    current: bool = True  # False: listed before the latest change; a new list is being made


def invitations(session: Session, on: dt.date, programme: str | None = None,
                branch: str | None = None, kelurahan: str | None = None) -> Audience:
    """Every customer the programme's terms find eligible on ``on`` (of the office
    ``branch`` serves, of ``kelurahan``), over the data as it is now."""
    request, make = _invitation_request(session, on, programme, branch, kelurahan)
    return _audience(session, "invitation", on, _invitations.get(session, request, make))


def make_ahead(db: Database, on: dt.date) -> None:
    """Make the invitation list the outreach page opens with, unless it is made already —
    run after the home page has answered."""
    try:
        with db.reading() as session:
            invitations(session, on)
    except NoProgramme:
        pass  # the page says so


def newest_invitations(session: Session, db: Database, later: Later, on: dt.date,
                       branch: str | None = None, kelurahan: str | None = None
                       ) -> Kept[Audience]:
    """As :func:`invitations` for a page: once head office's data has changed, the list
    made before (``current`` False) while ``later`` makes it anew."""
    request, make = _invitation_request(session, on, None, branch, kelurahan)
    kept = _invitations.newest(session, request, make, db, later)
    return Kept(_audience(session, "invitation", on, kept.value), kept.current)


def _invitation_request(session: Session, on: dt.date, programme: str | None,
                        branch: str | None, kelurahan: str | None
                        ) -> tuple[tuple[object, ...], Callable[[Session], list[Draft]]]:
    terms = published_terms(session, programme, on)
    wanted = branch.strip().upper() if branch else None
    place = kelurahan.strip().lower() if kelurahan else None

    def make(s: Session) -> list[Draft]:
        last_day = (terms.valid_to.isoformat(), words.tanggal(terms.valid_to))
        said: dict[tuple[Any, ...], dict[str, str]] = {}  # few different sums: said once
        with cycle_collection_paused():
            return [_invitation(terms, last_day, invitee, said)
                    for invitee in eligible_invitees(s, terms, on, place)
                    if wanted is None or invitee.office.code == wanted]

    return (terms.code, terms.version, on, wanted, place), make


def _invitation(terms: PromotionTerms, last_day: tuple[str, str], invitee: Invitee,
                said: dict[tuple[Any, ...], dict[str, str]]) -> Draft:
    """``last_day`` as data and in words; ``said`` keeps the sums in words already made."""
    figures = {"programme": terms.code, "terms_version": terms.version,
               "arrears": invitee.arrears, "penalty": invitee.penalty,
               "penalty_waived": invitee.penalty_waived, "amount_due": invitee.amount_due,
               "down_payment": invitee.down_payment,
               "instalments": list(invitee.allowed_instalments),
               "last_day": last_day[0], "office": invitee.office.code}
    money = invitee[4:11]  # arrears … smallest
    sums = said.get(money) or said.setdefault(money, {
        "tunggakan": words.rupiah(invitee.arrears),
        "denda_dihapus": words.rupiah(invitee.penalty_waived),
        "uang_muka": words.rupiah(invitee.down_payment),
        "cicilan": words.instalments_offered(invitee.allowed_instalments, invitee.smallest)})
    values = {"nama": invitee.name, "nomor_sambungan": invitee.connection_no,
              "kantor": invitee.office.name, "program": terms.name, **sums,
              "batas_program": last_day[1]}
    return Draft("invitation", invitee.connection_no, invitee.name, invitee.kelurahan,
                 terms.code, normalise(invitee.phone), invitee.office.code, figures, values)


def reminders(session: Session, on: dt.date, within_days: int, branch: str | None = None,
              kelurahan: str | None = None) -> Audience:
    """Unpaid instalments of running plans due from ``on`` to ``within_days`` after it."""
    if not 0 <= within_days <= MAX_DAYS_AHEAD:
        raise ValueError(f"--due-within takes 0 to {MAX_DAYS_AHEAD} days, not {within_days}")
    due = and_(PlanInstalment.due_date >= on,
               PlanInstalment.due_date <= on + dt.timedelta(days=within_days))
    rows = _unpaid(session, due, branch, kelurahan)
    return _audience(session, "reminder", on, [_plan_message("reminder", r) for r in rows])


def overdue(session: Session, on: dt.date, branch: str | None = None,
            kelurahan: str | None = None) -> Audience:
    """Unpaid instalments past their due date, of plans still running (a plan breaks
    once one is unpaid beyond the terms' grace days; then no notice is made)."""
    rows = [r for r in _unpaid(session, PlanInstalment.due_date < on, branch, kelurahan)
            if on <= r.last_day]
    first: dict[str, _Unpaid] = {}
    for r in rows:  # one notice per plan: its oldest unpaid instalment
        first.setdefault(r.enrolment_uuid, r)
    return _audience(session, "overdue", on, [_plan_message("overdue", r)
                                              for r in first.values()])


@dataclass(frozen=True)
class _Unpaid:
    enrolment_uuid: str
    number: int
    due_date: dt.date
    amount: int  # still owed of this instalment
    customer: Customer
    office: str
    office_name: str
    terms: PromotionTerms

    @property
    def last_day(self) -> dt.date:
        """The last day before the plan breaks for this instalment."""
        return self.due_date + dt.timedelta(days=self.terms.broken_plan.grace_days)


def _unpaid(session: Session, when: Any, branch: str | None, kelurahan: str | None
            ) -> list[_Unpaid]:
    paid = (select(Payment.enrolment_uuid.label("uuid"), func.sum(Payment.amount).label("paid"))
            .where(Payment.kind == "instalment", Payment.applied.is_(True),
                   Payment.voided.is_(False))
            .group_by(Payment.enrolment_uuid).subquery())
    total = func.coalesce(paid.c.paid, 0)
    query = (select(PlanInstalment, Enrolment, Customer, total)
             .join(Enrolment, Enrolment.uuid == PlanInstalment.enrolment_uuid)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .outerjoin(paid, paid.c.uuid == Enrolment.uuid)
             .where(Enrolment.state == "active", PlanInstalment.through > total, when))
    if branch:
        query = query.where(Enrolment.branch_code == branch.strip().upper())
    if kelurahan:
        query = query.where(func.lower(Customer.kelurahan) == kelurahan.strip().lower())
    names = {b.code: b.name for b in session.scalars(select(BranchOffice))}
    terms = _terms_by_version(session)
    found = []
    for line, plan, customer, paid_total in session.execute(
            query.order_by(PlanInstalment.due_date, Customer.connection_no,
                           PlanInstalment.number)):
        owed = min(line.through - int(paid_total), line.amount)
        found.append(_Unpaid(plan.uuid, line.number, line.due_date, owed, customer,
                             plan.branch_code, names.get(plan.branch_code, plan.branch_code),
                             terms[(plan.programme, plan.terms_version)]))
    return found


def _terms_by_version(session: Session) -> dict[tuple[str, int], PromotionTerms]:
    return {(row.code, row.version): terms_from_json(row.body)
            for row in session.scalars(select(Terms))}


def _plan_message(kind: str, r: _Unpaid) -> Draft:
    figures = {"enrolment": r.enrolment_uuid, "instalment": r.number, "amount": r.amount,
               "due_date": r.due_date.isoformat(), "last_day": r.last_day.isoformat(),
               "office": r.office, "grace_days": r.terms.broken_plan.grace_days}
    values = {"nama": r.customer.name, "nomor_sambungan": r.customer.connection_no,
              "kantor": r.office_name, "cicilan_ke": str(r.number),
              "jumlah": words.rupiah(r.amount), "jatuh_tempo": words.tanggal(r.due_date),
              "akibat": words.if_missed(r.terms.broken_plan)}
    if kind == "overdue":
        values["batas_akhir"] = words.tanggal(r.last_day)
    return Draft(kind, r.customer.connection_no, r.customer.name, r.customer.kelurahan,
                 f"{r.enrolment_uuid}#{r.number}", normalise(r.customer.phone), r.office,
                 figures, values)


def _audience(session: Session, kind: str, on: dt.date, drafts: list[Draft]) -> Audience:
    stopped = set(session.scalars(select(OutreachOptOut.connection_no)))
    kept = [d for d in drafts if d.connection_no not in stopped]
    return Audience(kind, on, tuple(d for d in kept if d.phone.valid),
                    tuple(d for d in kept if not d.phone.valid), len(drafts) - len(kept))
