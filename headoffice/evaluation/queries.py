"""The evaluation's SQL aggregates: each returns ``(key, {figure: value})`` rows, keyed by
(branch, kecamatan, kelurahan, day), summed in the database, never bill by bill. One pass
gives both the places and the days; figures that are not of a day (the population, the
instalments due by the range's last day) have the day ``None``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, null, or_, select
from sqlalchemy.orm import Session, aliased

from headoffice.evaluation.tables import PlanInstalment, PlanTrack
from headoffice.models import Bill, Customer, Enrolment, Event, Payment

Key = tuple[Any, ...]
Row = tuple[Key, dict[str, int]]  # the figures a query gives, by name


@dataclass(frozen=True)
class Scope:
    programme: str
    start: dt.date
    end: dt.date
    branch: str | None


WIDTH = 4  # branch, kecamatan, kelurahan, day


def _keys(branch: Any, day: Any) -> list[Any]:
    return [branch, Customer.kecamatan, Customer.kelurahan, day]


def _run(session: Session, query: Select[Any], names: Sequence[str]) -> list[Row]:
    rows = []
    for row in session.execute(query):
        values = {name: int(value or 0) for name, value in zip(names, row[WIDTH:], strict=True)}
        rows.append((tuple(row[:WIDTH]), values))
    return rows


def _branch(scope: Scope, column: Any) -> ColumnElement[bool]:
    return column == scope.branch if scope.branch else literal(True)


def enrolments(session: Session, scope: Scope) -> list[Row]:
    """Enrolled (not cancelled), their arrears and waived penalties, seals ordered."""
    keys = _keys(Enrolment.branch_code, Enrolment.business_date)
    query = (select(*keys, func.count(), func.sum(Enrolment.arrears),
                    func.sum(Enrolment.penalty_waived), func.count(PlanTrack.unseal_order))
             .select_from(Enrolment)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .outerjoin(PlanTrack, PlanTrack.enrolment_uuid == Enrolment.uuid)
             .where(*_enrolled(scope)).group_by(*keys))
    return _run(session, query,
                ("enrolled", "arrears_in_plans", "penalty_waived", "seals_ordered"))


def _enrolled(scope: Scope) -> list[ColumnElement[bool]]:
    return [Enrolment.programme == scope.programme, Enrolment.state != "cancelled",
            Enrolment.business_date >= scope.start, Enrolment.business_date <= scope.end,
            _branch(scope, Enrolment.branch_code)]


def payments(session: Session, scope: Scope) -> list[Row]:
    """Down payments and instalments taken in the range, not voided, towards plans."""
    keys = _keys(Payment.branch_code, Payment.business_date)
    down = func.sum(case((Payment.kind == "down_payment", Payment.amount), else_=0))
    later = func.sum(case((Payment.kind == "instalment", Payment.amount), else_=0))
    query = (select(*keys, down, later).select_from(Payment)
             .join(Enrolment, Enrolment.uuid == Payment.enrolment_uuid)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .where(Enrolment.programme == scope.programme, Payment.applied.is_(True),
                    Payment.voided.is_(False), Payment.business_date >= scope.start,
                    Payment.business_date <= scope.end, _branch(scope, Payment.branch_code))
             .group_by(*keys))
    return _run(session, query, ("down_payments", "instalments"))


def seals_opened(session: Session, scope: Scope) -> list[Row]:
    """Unseal orders of the programme's plans done in the range, and the days it took."""
    keys = _keys(Enrolment.branch_code, PlanTrack.opened_on)
    query = (select(*keys, func.count(),
                    func.sum(_days(session, PlanTrack.opened_on, Enrolment.business_date)))
             .select_from(PlanTrack).join(Enrolment, Enrolment.uuid == PlanTrack.enrolment_uuid)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .where(Enrolment.programme == scope.programme, PlanTrack.opened_on >= scope.start,
                    PlanTrack.opened_on <= scope.end, _branch(scope, Enrolment.branch_code))
             .group_by(*keys))
    return _run(session, query, ("seals_opened", "days_to_open"))


def _days(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return cast(ColumnElement[Any], later - earlier)  # PostgreSQL: a number of days


def broken(session: Session, scope: Scope) -> list[Row]:
    keys = _keys(Enrolment.branch_code, PlanTrack.broken_on)
    query = (select(*keys, func.count()).select_from(PlanTrack)
             .join(Enrolment, Enrolment.uuid == PlanTrack.enrolment_uuid)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .where(Enrolment.programme == scope.programme, Enrolment.state == "broken",
                    PlanTrack.broken_on >= scope.start, PlanTrack.broken_on <= scope.end,
                    _branch(scope, Enrolment.branch_code))
             .group_by(*keys))
    return _run(session, query, ("broken",))


def cancelled(session: Session, scope: Scope) -> list[Row]:
    """Enrolments cancelled (their down payment voided), by the day of the void."""
    void = aliased(Event)
    keys = _keys(Enrolment.branch_code, void.business_date)
    query = (select(*keys, func.count(func.distinct(Enrolment.uuid))).select_from(Enrolment)
             .join(Payment, and_(Payment.enrolment_uuid == Enrolment.uuid,
                                 Payment.kind == "down_payment", Payment.voided.is_(True)))
             .join(void, void.id == Payment.void_event_id)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .where(Enrolment.programme == scope.programme, Enrolment.state == "cancelled",
                    void.business_date >= scope.start, void.business_date <= scope.end,
                    _branch(scope, Enrolment.branch_code))
             .group_by(*keys))
    return _run(session, query, ("cancelled",))


def instalments(session: Session, scope: Scope) -> list[Row]:
    """Of the plans enrolled in the range: instalments due by its last day, paid (covered
    by the instalments received by then, in order), overdue, and what is still owed (not
    of a day)."""
    paid = (select(Payment.enrolment_uuid.label("uuid"), func.sum(Payment.amount).label("paid"))
            .where(Payment.kind == "instalment", Payment.applied.is_(True),
                   Payment.voided.is_(False), Payment.business_date <= scope.end)
            .group_by(Payment.enrolment_uuid).subquery())
    total = func.coalesce(paid.c.paid, 0)
    is_due = PlanInstalment.due_date <= scope.end
    covered = PlanInstalment.through <= total
    late = and_(PlanInstalment.due_date < scope.end, ~covered)
    short = func.min(PlanInstalment.through - total, PlanInstalment.amount) \
        if session.get_bind().dialect.name == "sqlite" else \
        func.least(PlanInstalment.through - total, PlanInstalment.amount)
    keys = _keys(Enrolment.branch_code, null())
    query = (select(*keys, func.sum(case((is_due, 1), else_=0)),
                    func.sum(case((and_(is_due, covered), 1), else_=0)),
                    func.sum(case((late, 1), else_=0)), func.sum(case((late, short), else_=0)),
                    func.sum(case((covered, 0), else_=short)))
             .select_from(PlanInstalment)
             .join(Enrolment, Enrolment.uuid == PlanInstalment.enrolment_uuid)
             .join(Customer, Customer.connection_no == Enrolment.connection_no)
             .outerjoin(paid, paid.c.uuid == Enrolment.uuid)
             .where(*_enrolled(scope)).group_by(*keys[:3]))  # no NULL in GROUP BY
    return _run(session, query, ("instalments_due", "instalments_paid",
                                        "instalments_overdue", "overdue_amount", "outstanding"))


def population(session: Session, scope: Scope) -> list[Row]:
    """Customers sealed before the start (or sealed when they enrolled in the programme)
    with bills of the months before the start still unpaid at the start, by (kecamatan,
    kelurahan; not of a branch nor a day)."""
    settler = aliased(Payment)
    enrolled_sealed = (select(Enrolment.connection_no)
                       .join(PlanTrack, PlanTrack.enrolment_uuid == Enrolment.uuid)
                       .where(Enrolment.programme == scope.programme,
                              PlanTrack.unseal_order.is_not(None)))
    open_at_start = or_(Bill.settled.is_(False), settler.business_date >= scope.start)
    per_customer = (
        select(Customer.kecamatan, Customer.kelurahan,
               func.sum(Bill.water_charge + Bill.fees).label("arrears"))
        .join(Bill, Bill.customer_id == Customer.id)
        .outerjoin(settler, settler.uuid == Bill.settled_by)
        .where(or_(and_(Customer.status == "sealed", Customer.status_date < scope.start),
                   Customer.connection_no.in_(enrolled_sealed)),
               Bill.period < f"{scope.start:%Y-%m}", open_at_start)
        .group_by(Customer.id, Customer.kecamatan, Customer.kelurahan).subquery())
    query = (select(literal(""), per_customer.c.kecamatan, per_customer.c.kelurahan, null(),
                    func.count(), func.sum(per_customer.c.arrears))
             .group_by(per_customer.c.kecamatan, per_customer.c.kelurahan))
    return _run(session, query, ("population", "population_arrears"))


ALL = (enrolments, payments, seals_opened, broken, cancelled, instalments, population)


def collect(session: Session, scope: Scope) -> Iterable[Row]:
    for query in ALL:
        yield from query(session, scope)
