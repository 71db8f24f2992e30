"""Customers (connections) and their monthly water bills."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class CustomerStatus(enum.StrEnum):
    ACTIVE = "active"
    SEALED = "sealed"
    DISCONNECTED = "disconnected"


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_name_lower", "name_lower"),
        Index("ix_customer_meter_no", "meter_no"),
        Index("ix_customer_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    name_lower: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200))
    rt: Mapped[str] = mapped_column(String(4), default="")
    rw: Mapped[str] = mapped_column(String(4), default="")
    kelurahan: Mapped[str] = mapped_column(String(60))
    kecamatan: Mapped[str] = mapped_column(String(60))
    tariff_group: Mapped[str] = mapped_column(String(8))
    meter_no: Mapped[str] = mapped_column(String(24))
    phone: Mapped[str] = mapped_column(String(24), default="")
    status: Mapped[CustomerStatus] = mapped_column(
        enum_column(CustomerStatus)
    )
    status_date: Mapped[dt.date]
    version: Mapped[int] = mapped_column(default=1)


class Bill(Base):
    """One monthly water bill. ``principal`` is water charge plus fees; the penalty is apart.

    ``paid_amount`` grows as payments are allocated; ``penalty_waived`` is set by an
    enrolment (and reset if a broken plan reinstates it or the enrolment is voided).
    ``enrolment_id`` names the instalment plan that took the bill over, if any.
    """

    __tablename__ = "bill"
    __table_args__ = (
        UniqueConstraint("customer_id", "period"),
        Index("ix_bill_customer_open", "customer_id", "settled"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    period: Mapped[str] = mapped_column(String(7))  # "YYYY-MM"
    reading_start: Mapped[int] = mapped_column(default=0)
    reading_end: Mapped[int] = mapped_column(default=0)
    usage_m3: Mapped[int] = mapped_column(default=0)
    water_charge: Mapped[int]
    fees: Mapped[int] = mapped_column(default=0)
    penalty: Mapped[int] = mapped_column(default=0)
    penalty_waived: Mapped[int] = mapped_column(default=0)
    due_date: Mapped[dt.date]
    paid_amount: Mapped[int] = mapped_column(default=0)
    settled: Mapped[bool] = mapped_column(default=False)
    settled_at: Mapped[dt.datetime | None]
    enrolment_id: Mapped[int | None] = mapped_column(ForeignKey("enrolment.id"), index=True)

    # Each rule is written once and reads the same in Python and in SQL (a statement can
    # select a bill's outstanding amount without making the bill an object).
    @hybrid_property
    def principal(self) -> int:
        return self.water_charge + self.fees

    @hybrid_property
    def amount_due(self) -> int:
        """What the bill costs in full now: principal plus penalty not waived."""
        return self.principal + self.penalty - self.penalty_waived

    @hybrid_property
    def outstanding(self) -> int:
        return self.amount_due - self.paid_amount
