"""Promotion terms (versioned data), enrolments and their instalments."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class PromotionTermsRecord(Base):
    """One version of a programme's terms, stored as the canonical JSON it was loaded from."""

    __tablename__ = "promotion_terms"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    valid_from: Mapped[dt.date]
    valid_to: Mapped[dt.date]
    body: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[dt.datetime]


class EnrolmentState(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    BROKEN = "broken"
    CANCELLED = "cancelled"
    REFUSED = "refused"  # head office refused the enrolment (see ``EnrolmentRefusal``)


class Enrolment(Base):
    __tablename__ = "enrolment"
    __table_args__ = (
        Index(
            "uq_enrolment_one_active_per_customer",
            "customer_id",
            unique=True,
            sqlite_where=text("state = 'active'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    terms_id: Mapped[int] = mapped_column(ForeignKey("promotion_terms.id"))
    state: Mapped[EnrolmentState] = mapped_column(
        enum_column(EnrolmentState)
    )
    arrears: Mapped[int]
    penalty: Mapped[int]
    penalty_waived: Mapped[int]
    down_payment_due: Mapped[int]
    instalment_count: Mapped[int]
    business_date: Mapped[dt.date]
    enrolled_at: Mapped[dt.datetime]
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"))
    cashier_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    ended_at: Mapped[dt.datetime | None]

    @property
    def amount_due(self) -> int:
        """Arrears after the waiver: what the down payment and instalments must sum to."""
        return self.arrears + self.penalty - self.penalty_waived


class Instalment(Base):
    __tablename__ = "instalment"
    __table_args__ = (UniqueConstraint("enrolment_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id"))
    number: Mapped[int]
    due_date: Mapped[dt.date]
    amount: Mapped[int]
    paid_amount: Mapped[int] = mapped_column(default=0)
    paid_at: Mapped[dt.datetime | None]

    @property
    def outstanding(self) -> int:
        return self.amount - self.paid_amount
