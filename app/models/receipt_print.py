"""Print attempts of receipts: whether each one reached the printer, and on which."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class ReceiptPrint(Base):
    """One attempt to print a receipt; ``copy_no`` 0 is the original, then SALINAN 1, 2 …."""

    __tablename__ = "receipt_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(40), index=True)
    printed_at: Mapped[dt.datetime]
    copy_no: Mapped[int]
    printer: Mapped[str] = mapped_column(String(120))
    ok: Mapped[bool]
    error: Mapped[str] = mapped_column(String(240), default="")
