"""A read-only overview of the open branch: who, where, which business date, how big,
and how many events still wait to be sent to head office."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.models import Customer, OutboxEvent
from app.services.context import local_counter
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class BranchOverview:
    branch_code: str
    branch_name: str
    utility_name: str
    counter_code: str
    counter_name: str
    business_date: dt.date
    customers: int


def branch_overview(uow: UnitOfWork) -> BranchOverview:
    """The branch and counter this database belongs to, today's date and the customer count."""
    with uow:
        counter, branch = local_counter(uow.session)
        customers = uow.session.scalar(select(func.count()).select_from(Customer)) or 0
        return BranchOverview(
            branch_code=branch.code,
            branch_name=branch.name,
            utility_name=branch.utility_name,
            counter_code=counter.code,
            counter_name=counter.name,
            business_date=uow.today,
            customers=customers,
        )


def pending_outbox_events(uow: UnitOfWork) -> int:
    """How many outbox events head office has not acknowledged yet."""
    with uow:
        return uow.session.scalar(select(func.count()).select_from(OutboxEvent)
                                  .where(OutboxEvent.acked_at.is_(None))) or 0
