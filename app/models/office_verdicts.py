"""What head office told the branch and the branch keeps beside its own records.

- ``enrolment_refusal``: head office refused a local enrolment (the customer was enrolled
  first at another branch, say). The plan is ``refused`` until its down payment is voided
  (then ``cancelled``); the row stays as the record of the refusal (reports count it).
- ``office_enrolment``: the enrolment head office holds for a customer, as the last
  pulled customer change said (any branch's).
- ``held_bill_change``: head office's newest change of a bill the branch did not write
  because a local plan or local payments covered the bill, or because the bill's customer
  had not arrived yet; applied once neither holds.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column
from app.models.promotion import EnrolmentState


class EnrolmentRefusal(Base):
    """``previous_state`` is the plan's state before the refusal (restored if head office
    applies the enrolment after all); ``message`` is head office's English explanation."""

    __tablename__ = "enrolment_refusal"

    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(String(400), default="")
    previous_state: Mapped[EnrolmentState] = mapped_column(enum_column(EnrolmentState))
    refused_at: Mapped[dt.datetime]


class OfficeEnrolment(Base):
    """Head office's enrolment of one customer (``state`` as head office words it)."""

    __tablename__ = "office_enrolment"

    connection_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    programme: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))
    branch: Mapped[str] = mapped_column(String(16))
    business_date: Mapped[dt.date]


class HeldBillChange(Base):
    """``data`` is the change's data as pulled (JSON text)."""

    __tablename__ = "held_bill_change"

    connection_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    change_id: Mapped[int]
    data: Mapped[str] = mapped_column(Text)
    held_at: Mapped[dt.datetime]
