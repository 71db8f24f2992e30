"""Payments, how each was allocated to bills and instalments, and voids."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class PaymentKind(enum.StrEnum):
    DOWN_PAYMENT = "down_payment"
    INSTALMENT = "instalment"


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    QRIS = "qris"


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_business_date", "business_date", "counter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind))
    amount: Mapped[int]
    method: Mapped[PaymentMethod] = mapped_column(
        enum_column(PaymentMethod)
    )
    reference: Mapped[str] = mapped_column(String(64), default="")
    tendered: Mapped[int]
    change: Mapped[int]
    cashier_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), index=True)
    business_date: Mapped[dt.date]
    paid_at: Mapped[dt.datetime]


class BillAllocation(Base):
    """Part of a payment applied to one bill."""

    __tablename__ = "bill_allocation"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bill.id"), index=True)
    amount: Mapped[int]


class InstalmentAllocation(Base):
    """Part of a payment applied to one instalment of a plan."""

    __tablename__ = "instalment_allocation"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    instalment_id: Mapped[int] = mapped_column(ForeignKey("instalment.id"), index=True)
    amount: Mapped[int]


class Void(Base):
    """The cancellation of one payment, approved by a supervisor. The payment row stays."""

    __tablename__ = "payment_void"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(240))
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    cashier_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), index=True)
    voided_at: Mapped[dt.datetime]
