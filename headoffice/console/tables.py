"""The console's tables: head-office staff, their sign-in sessions, the audit trail.

Staff are not counter users: they never reach a branch. Session ids are stored as
SHA-256 hashes only (the cookie holds the id itself). Times are naive UTC.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from headoffice.models import Base


class StaffUser(Base):
    """A head-office staff member who signs in to the console with one role."""

    __tablename__ = "staff_user"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(24))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]


class StaffSession(Base):
    """A signed-in browser: ``id_hash`` is the SHA-256 of the cookie's value."""

    __tablename__ = "staff_session"
    __table_args__ = (Index("ix_staff_session_username", "username"),)

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("staff_user.username"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]


class StaffAudit(Base):
    """One decision or sign-in event: who, when, what, on which record."""

    __tablename__ = "staff_audit"
    __table_args__ = (Index("ix_staff_audit_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime]
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(String(400), default="")
