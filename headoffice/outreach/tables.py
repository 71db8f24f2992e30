"""Outreach's tables: message templates (versioned), the messages made (one per reason
and day), each gateway attempt, the customers who asked not to be contacted, and the
gateway's settings.

A message's reason is its kind, its customer and its subject (the programme of an
invitation, the plan's instalment of a reminder or overdue notice); the unique key
(kind, customer, subject, day) means two runs at once cannot both make — and so both
send — the same message. Times are naive UTC; ``day`` is head office's local day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from headoffice.models import Base


class OutreachTemplate(Base):
    """One version of a message template of a kind (``invitation``, ``reminder``,
    ``overdue``); the newest version is the one used."""

    __tablename__ = "outreach_template"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    version: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(40))


class OutreachMessage(Base):
    """A message to one customer for one reason on one day, with what it said.

    ``state``: ``sending`` (claimed by the run whose token is ``claim``), ``sent`` (the
    gateway accepted it), ``failed`` (an error or no answer: retried by the next run),
    ``exported`` (handed over in a CSV for a broadcast tool), ``stopped`` (the customer
    opted out before it went out)."""

    __tablename__ = "outreach_message"
    __table_args__ = (UniqueConstraint("kind", "connection_no", "subject", "day"),
                      Index("ix_outreach_message_state", "state"),
                      Index("ix_outreach_message_customer", "connection_no"))

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)  # the gateway's idempotency key
    kind: Mapped[str] = mapped_column(String(16))
    connection_no: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(80))
    day: Mapped[dt.date]
    phone: Mapped[str] = mapped_column(String(20))
    template_version: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    figures: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))  # gateway | csv
    attempts: Mapped[int] = mapped_column(default=0)
    claim: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    sent_at: Mapped[dt.datetime | None]
    created_by: Mapped[str] = mapped_column(String(40))


class OutreachAttempt(Base):
    """One call to the gateway for a message: its HTTP status (None: no answer) and what
    it answered (cut to 400 characters)."""

    __tablename__ = "outreach_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outreach_message.id"), index=True)
    at: Mapped[dt.datetime]
    outcome: Mapped[str] = mapped_column(String(16))  # sent | error | timeout
    http_status: Mapped[int | None]
    answer: Mapped[str] = mapped_column(String(400), default="")


class OutreachOptOut(Base):
    """A customer who asked not to be contacted: never messaged, never exported."""

    __tablename__ = "outreach_opt_out"

    connection_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    at: Mapped[dt.datetime]
    by: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(String(200), default="")


class OutreachGateway(Base):
    """The HTTP gateway's settings (one row, ``id`` 1). The credential is not here: it is
    in the OS credential store; ``auth_value`` holds ``{credential}`` where it goes."""

    __tablename__ = "outreach_gateway"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    url: Mapped[str] = mapped_column(String(400))
    payload: Mapped[str] = mapped_column(Text)
    auth_header: Mapped[str] = mapped_column(String(60), default="")
    auth_value: Mapped[str] = mapped_column(String(200), default="")
    timeout_seconds: Mapped[int] = mapped_column(default=10)
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[str] = mapped_column(String(40))
