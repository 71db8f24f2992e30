"""Branch, counters (workstations), users and the key/value settings of a branch database."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class Role(enum.StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Branch(Base):
    __tablename__ = "branch"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    utility_name: Mapped[str] = mapped_column(String(160))
    address: Mapped[str] = mapped_column(String(240), default="")
    utc_offset_minutes: Mapped[int] = mapped_column(default=480)


class Counter(Base):
    """A service counter: one workstation with its own device id and number sequences."""

    __tablename__ = "counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str] = mapped_column(String(36), unique=True)


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]


class Setting(Base):
    """Small key/value facts about this database (the local counter, a demo business date)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))


class Sequence(Base):
    """Gapless number sequences per counter (receipts, work orders, outbox), by year.

    A value is taken inside the transaction that uses it, so a rollback returns it.
    """

    __tablename__ = "number_sequence"

    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(24), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_value: Mapped[int] = mapped_column(default=0)
