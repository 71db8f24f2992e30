"""Head office's record of each plan's schedule and field work, for the evaluation.

The enrolment row holds the plan's figures; these tables add what the evaluation needs
and the enrolment event carries only in its payload: the instalment schedule, the unseal
work order, the day the seal was opened and the day the plan broke.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from headoffice.models import Base


class PlanInstalment(Base):
    """One instalment of a plan as the branch scheduled it; ``through`` is the plan's
    instalment total up to and including this one (payments settle them in order)."""

    __tablename__ = "plan_instalment"

    enrolment_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    due_date: Mapped[dt.date]
    amount: Mapped[int]
    through: Mapped[int]


class PlanTrack(Base):
    """A plan's field work: its unseal order (None: the customer was not sealed), the
    day that order was done, and the business day the plan broke."""

    __tablename__ = "plan_track"

    enrolment_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    unseal_order: Mapped[str | None] = mapped_column(String(36), index=True)
    opened_on: Mapped[dt.date | None]
    broken_on: Mapped[dt.date | None]
