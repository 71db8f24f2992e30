"""Bill changes held back while a local plan or local payments cover the bill.

A pulled bill change never overwrites a bill this branch took payments for or that a
local plan took over. It is not lost either: the newest change of each such bill is
held (``held_bill_change``) and applied at a later pull that finds the bill free again
(the local plan ended: its down payment was voided, after head office refused it, say).
The void that ends a plan applies its customer's held changes at once
(:func:`release_free`), so the account after the refund shows head office's bills.
A change applied to a free bill drops the one held for it, so an older held change never
overwrites a newer one. Everything happens inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.orm import Session

from app.models import Bill, Customer, HeldBillChange
from app.services.imports.bills import BILL_COLUMNS, apply_bills, check_bill_rows, plan_bills
from app.services.imports.csv_files import CsvRow

CHUNK = 500
BillKey = tuple[str, str]  # (connection number, period)


def covered_bills(session: Session, keys: Iterable[BillKey]) -> set[BillKey]:
    """Those of ``keys`` whose bill has local payments or belongs to a local plan."""
    wanted = set(keys)
    numbers = sorted({number for number, _ in wanted})
    found: set[BillKey] = set()
    for start in range(0, len(numbers), CHUNK):
        query = select(Customer.connection_no, Bill.period).join(
            Customer, Customer.id == Bill.customer_id).where(
            Customer.connection_no.in_(numbers[start:start + CHUNK]),
            (Bill.paid_amount > 0) | Bill.enrolment_id.is_not(None))
        found.update((number, period) for number, period in session.execute(query)
                     if (number, period) in wanted)
    return found


def hold(session: Session, now: dt.datetime,
         changes: Sequence[tuple[BillKey, int, dict[str, Any]]]) -> None:
    """Keep each change (key, change id, data) in place of any held before for its bill."""
    if not changes:
        return
    drop_held(session, [key for key, _, _ in changes])
    session.execute(insert(HeldBillChange), [
        {"connection_no": number, "period": period, "change_id": change_id,
         "data": json.dumps(data, sort_keys=True), "held_at": now}
        for (number, period), change_id, data in changes])


def drop_held(session: Session, keys: Sequence[BillKey]) -> None:
    if not keys or session.scalar(select(HeldBillChange.period).limit(1)) is None:
        return
    for start in range(0, len(keys), CHUNK):
        session.execute(delete(HeldBillChange).where(
            tuple_(HeldBillChange.connection_no, HeldBillChange.period)
            .in_(keys[start:start + CHUNK])))


def free_held(session: Session, connection_no: str | None = None
              ) -> list[tuple[BillKey, int, dict[str, Any]]]:
    """The held changes whose bill is free now (no local payment, no local plan), of one
    customer or of all."""
    query = select(HeldBillChange).join(
        Customer, Customer.connection_no == HeldBillChange.connection_no).outerjoin(
        Bill, (Bill.customer_id == Customer.id) & (Bill.period == HeldBillChange.period)).where(
        Bill.id.is_(None) | ((Bill.paid_amount == 0) & Bill.enrolment_id.is_(None)))
    if connection_no is not None:
        query = query.where(HeldBillChange.connection_no == connection_no)
    return [((row.connection_no, row.period), row.change_id, json.loads(row.data))
            for row in session.scalars(query.order_by(HeldBillChange.change_id))]


def release_free(session: Session, now: dt.datetime,
                 connection_no: str | None = None) -> list[BillKey]:
    """Apply the held changes (of one customer, or of all) whose bill is free now and
    drop them; returns the bills they were applied to (one that no longer passes the
    bill checks stays held)."""
    session.flush()  # the bills as the caller left them decide which are free
    held = free_held(session, connection_no)
    if not held:
        return []
    valid, _rejected = check_bill_rows(CsvRow(change_id, _bill_cells(data))
                                       for _, change_id, data in held)
    apply_bills(session, plan_bills(session, valid, now))
    keys = [(row.key, str(row.values["period"])) for row in valid]
    drop_held(session, keys)
    return keys


def _bill_cells(data: dict[str, Any]) -> dict[str, str]:
    """A held change's data as bill CSV cells (``paid`` is the change's ``settled``)."""
    cells: dict[str, str] = {}
    for column in BILL_COLUMNS:
        value = data.get("settled" if column == "paid" else column)
        if isinstance(value, bool):
            value = "1" if value else "0"
        elif isinstance(value, int):
            value = str(value)
        cells[column] = value.strip() if isinstance(value, str) else ""
    return cells
