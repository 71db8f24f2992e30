"""Seal work orders (SPK) for field staff: open a seal or put one back."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, enum_column


class WorkOrderKind(enum.StrEnum):
    UNSEAL = "unseal"
    RESEAL = "reseal"


class WorkOrderState(enum.StrEnum):
    ISSUED = "issued"
    DONE = "done"
    CANCELLED = "cancelled"


class WorkOrder(Base):
    __tablename__ = "work_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    enrolment_id: Mapped[int | None] = mapped_column(ForeignKey("enrolment.id"))
    kind: Mapped[WorkOrderKind] = mapped_column(enum_column(WorkOrderKind))
    state: Mapped[WorkOrderState] = mapped_column(
        enum_column(WorkOrderState)
    )
    reason: Mapped[str] = mapped_column(String(240))
    issued_at: Mapped[dt.datetime]
    done_on: Mapped[dt.date | None]
    field_officer: Mapped[str] = mapped_column(String(120), default="")
    meter_reading: Mapped[int | None]
    closed_at: Mapped[dt.datetime | None]
    cancel_reason: Mapped[str] = mapped_column(String(240), default="")
