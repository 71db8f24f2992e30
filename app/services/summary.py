"""The branch at a glance: customers, sealed connections, arrears, plans and money taken.

Every figure is one aggregate query, so the summary stays quick on a million customers.

* ``arrears_total`` is the outstanding *principal* (water charge + fees) of bills not
  yet settled: ``SUM(MAX(0, water_charge + fees - paid_amount))`` over bills with
  ``settled = false`` (payments cover the principal before the penalty). Penalties
  are not included.
* ``collected`` is the sum of all payments that have not been voided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from app.models import (
    Bill,
    Customer,
    CustomerStatus,
    Enrolment,
    EnrolmentState,
    Payment,
    PromotionTermsRecord,
    Void,
)
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ProgrammeLine:
    code: str
    version: int
    name: str
    valid_from: dt.date
    valid_to: dt.date
    enrolments: int


@dataclass(frozen=True)
class BranchSummary:
    customers: int
    sealed: int
    arrears_total: int
    enrolments: dict[str, int]
    collected: int
    programmes: tuple[ProgrammeLine, ...]


def branch_summary(uow: UnitOfWork) -> BranchSummary:
    """Count and sum the branch's customers, bills, enrolments and payments."""
    with uow:
        s = uow.session
        customers = s.scalar(select(func.count()).select_from(Customer)) or 0
        sealed = s.scalar(select(func.count()).select_from(Customer)
                          .where(Customer.status == CustomerStatus.SEALED)) or 0
        unpaid = Bill.water_charge + Bill.fees - Bill.paid_amount
        arrears = s.scalar(
            select(func.coalesce(func.sum(case((unpaid > 0, unpaid), else_=0)), 0))
            .where(Bill.settled.is_(False))) or 0
        by_state = {state: n for state, n in s.execute(
            select(Enrolment.state, func.count()).group_by(Enrolment.state))}
        collected = s.scalar(
            select(func.coalesce(func.sum(Payment.amount), 0))
            .where(~select(Void.id).where(Void.payment_id == Payment.id).exists())) or 0
        return BranchSummary(
            customers=customers, sealed=sealed, arrears_total=arrears,
            enrolments={state.value: by_state.get(state, 0) for state in EnrolmentState},
            collected=collected, programmes=_programmes(uow),
        )


def _programmes(uow: UnitOfWork) -> tuple[ProgrammeLine, ...]:
    counts = select(Enrolment.terms_id, func.count().label("n")).group_by(
        Enrolment.terms_id).subquery()
    rows = uow.session.execute(
        select(PromotionTermsRecord, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.terms_id == PromotionTermsRecord.id)
        .order_by(PromotionTermsRecord.valid_from, PromotionTermsRecord.code,
                  PromotionTermsRecord.version))
    return tuple(ProgrammeLine(t.code, t.version, t.name, t.valid_from, t.valid_to, n)
                 for t, n in rows)
