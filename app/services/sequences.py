"""Gapless per-counter numbers, taken inside the transaction that uses them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Sequence

RECEIPT = "receipt"
WORK_ORDER = "work_order"
OUTBOX = "outbox"
NO_YEAR = 0


def next_value(session: Session, counter_id: int, name: str, year: int = NO_YEAR) -> int:
    """The next number of ``name`` for this counter and year (1, 2, 3 … with no gaps)."""
    row = session.get(Sequence, (counter_id, name, year))
    if row is None:
        row = Sequence(counter_id=counter_id, name=name, year=year, last_value=0)
        session.add(row)
    row.last_value += 1
    session.flush()
    return row.last_value


def receipt_number(session: Session, branch: str, counter: str, counter_id: int, year: int) -> str:
    """``BRANCH-COUNTER-YEAR-NNNNNN``."""
    number = next_value(session, counter_id, RECEIPT, year)
    return f"{branch}-{counter}-{year}-{number:06d}"


def work_order_number(
    session: Session, branch: str, counter: str, counter_id: int, year: int
) -> str:
    """``SPK-BRANCH-COUNTER-YEAR-NNNNN``."""
    number = next_value(session, counter_id, WORK_ORDER, year)
    return f"SPK-{branch}-{counter}-{year}-{number:05d}"
