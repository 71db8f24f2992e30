"""The append-only, hash-chained audit trail and the sync outbox."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AuditRecord(Base):
    """One change, who made it and where. ``hash`` covers the fields and ``prev_hash``:
    plain SHA-256 for ``chain`` 0 (records written before the chain was keyed), HMAC-SHA256
    with the counter's key for ``chain`` 1."""

    __tablename__ = "audit_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(40))
    counter_code: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    chain: Mapped[int] = mapped_column(default=0, server_default=text("0"))


class OutboxEvent(Base):
    """An event for head office, numbered gaplessly per device, written with its change."""

    __tablename__ = "outbox_event"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_outbox_pending", "acked_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int]
    type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_record.id"))
    created_at: Mapped[dt.datetime]
    acked_at: Mapped[dt.datetime | None]
    ack_result: Mapped[str] = mapped_column(String(24), default="")
