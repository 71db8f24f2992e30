"""Cashier shifts: opened with a float, closed by a blind cash count and a supervisor."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class ShiftState(enum.StrEnum):
    OPEN = "open"
    COUNTED = "counted"  # cash counted, waiting for the supervisor's sign-off
    CLOSED = "closed"  # signed off and locked


class Shift(Base):
    __tablename__ = "shift"
    __table_args__ = (
        Index("uq_shift_one_unclosed_per_counter", "counter_id", unique=True,
              sqlite_where=text("state != 'closed'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"))
    cashier_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    state: Mapped[ShiftState] = mapped_column(enum_column(ShiftState))
    business_date: Mapped[dt.date]
    opened_at: Mapped[dt.datetime]
    opening_float: Mapped[int]
    counted_at: Mapped[dt.datetime | None]
    counted_cash: Mapped[int | None]
    count_detail: Mapped[str] = mapped_column(Text, default="")  # JSON: notes by denomination
    expected_cash: Mapped[int | None]
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    closed_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(String(240), default="")
