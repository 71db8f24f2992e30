"""Customer data changes asked for at the counter, waiting for head office's decision.

Master data is head office's: a request never changes the customer row here. It
carries the customer's master ``version`` the branch saw; head office approves it (the
new values come back with the next pull) or rejects it with a note.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class ChangeRequestState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class CustomerChangeRequest(Base):
    """``fields`` / ``previous``: canonical JSON ``{field: value}`` of the values asked
    for and of the values shown when asking; ``event_id`` names the outbox event that
    carries the request (head office's decision names it too)."""

    __tablename__ = "customer_change_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    seen_version: Mapped[int]
    fields: Mapped[str] = mapped_column(Text)
    previous: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(240))
    state: Mapped[ChangeRequestState] = mapped_column(enum_column(ChangeRequestState))
    requested_at: Mapped[dt.datetime]
    requested_by: Mapped[str] = mapped_column(String(40))
    decided_at: Mapped[dt.datetime | None]
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
