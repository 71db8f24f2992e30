"""Monthly bills from head office: row checks and the upsert plan.

A bill is found by (customer, period). A bill that this branch has taken payments for,
or that an instalment plan has taken over, is never changed: a row that would change
it is rejected (the same figures again, or ``paid = 0`` for it, count as unchanged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from app.models import Bill, Customer
from app.services.imports.csv_files import (
    MAX_MONEY,
    MAX_READING,
    MAX_USAGE,
    CsvRow,
    RejectedRow,
    RowCheck,
    digits,
    flag,
    iso_date,
    period,
    whole_number,
)
from app.services.imports.plan import ImportPlan, ValidRow
from app.services.imports.problems import ImportProblem, ProblemCode
from app.services.money import format_rupiah

BILL_COLUMNS = (
    "connection_no", "period", "reading_start", "reading_end", "usage_m3",
    "water_charge", "fees", "penalty", "due_date", "paid",
)
_FIGURES = ("reading_start", "reading_end", "usage_m3", "water_charge", "fees", "penalty",
            "due_date")
_MAXIMA = {"reading_start": MAX_READING, "reading_end": MAX_READING, "usage_m3": MAX_USAGE,
           "water_charge": MAX_MONEY, "fees": MAX_MONEY, "penalty": MAX_MONEY}
CHUNK = 500
Key = tuple[int, str]


def check_bill_rows(rows: Iterable[CsvRow]) -> tuple[list[ValidRow], list[RejectedRow]]:
    """Check every cell; a repeated (connection number, period) is rejected."""
    valid: list[ValidRow] = []
    rejected: list[RejectedRow] = []
    first_line: dict[tuple[str, str], int] = {}
    for row in rows:
        check = RowCheck(row)
        values: dict[str, Any] = {
            "connection_no": check.take(digits, "connection_no", 20),
            "period": check.take(period, "period"),
            **{col: check.take(whole_number, col, top) for col, top in _MAXIMA.items()},
            "due_date": check.take(iso_date, "due_date"),
            "settled": check.take(flag, "paid"),
        }
        start, end = values["reading_start"], values["reading_end"]
        if start is not None and end is not None and end < start:
            check.reasons.append(ImportProblem.of(ProblemCode.READING_BELOW_START,
                                                  "reading_end", str(end), start=start))
        key = (values["connection_no"], values["period"])
        if None not in key and key in first_line:
            check.reasons.append(ImportProblem.of(
                ProblemCode.DUPLICATE_BILL, "connection_no", key[0], period=key[1],
                first_line=first_line[key]))
        elif None not in key:
            first_line[key] = row.line
        problem = check.rejected(row.cells["connection_no"])
        if problem is None:
            valid.append(ValidRow(row.line, values["connection_no"], values))
        else:
            rejected.append(problem)
    return valid, rejected


def plan_bills(session: Session, rows: Sequence[ValidRow], now: dt.datetime) -> ImportPlan:
    """Bills of unknown customers and changes to protected bills are rejected."""
    plan = ImportPlan()
    customer_ids = _customer_ids(session, sorted({row.key for row in rows}))
    existing = _existing_bills(session, sorted(set(customer_ids.values())))
    for row in rows:
        customer_id = customer_ids.get(row.key)
        if customer_id is None:
            plan.rejected.append(RejectedRow(row.line, row.key, (ImportProblem.of(
                ProblemCode.UNKNOWN_CUSTOMER, "connection_no", row.key),)))
            continue
        new = {f: row.values[f] for f in (*_FIGURES, "settled")}
        old = existing.get((customer_id, row.values["period"]))
        if old is None:
            plan.inserts.append(dict(new, customer_id=customer_id, period=row.values["period"],
                                     settled_at=now if new["settled"] else None))
        elif _same(old, new):
            plan.unchanged += 1
        elif old["paid_amount"] > 0 or old["enrolment_id"] is not None:
            plan.rejected.append(RejectedRow(row.line, row.key, (_protected_reason(old),)))
        else:
            plan.updates.append(dict(
                new, id=old["id"], penalty_waived=min(old["penalty_waived"], new["penalty"]),
                settled_at=old["settled_at"] if old["settled"] == new["settled"]
                else (now if new["settled"] else None)))
    return plan


def apply_bills(session: Session, plan: ImportPlan) -> None:
    """Write the plan with bulk statements (one executemany each)."""
    if plan.inserts:
        session.execute(insert(cast(Table, Bill.__table__)), plan.inserts)  # Core: fast
    if plan.updates:
        session.execute(update(Bill), plan.updates)


def _same(old: dict[str, Any], new: dict[str, Any]) -> bool:
    if any(old[f] != new[f] for f in _FIGURES):
        return False
    protected = old["paid_amount"] > 0 or old["enrolment_id"] is not None
    return old["settled"] == new["settled"] or (protected and not new["settled"])


def _protected_reason(old: dict[str, Any]) -> ImportProblem:
    if old["paid_amount"] > 0:
        return ImportProblem.of(ProblemCode.BILL_HAS_PAYMENTS, "period", old["period"],
                                period=old["period"], paid=format_rupiah(old["paid_amount"]))
    return ImportProblem.of(ProblemCode.BILL_IN_PLAN, "period", old["period"],
                            period=old["period"])


def _customer_ids(session: Session, numbers: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(numbers), CHUNK):
        query = select(Customer.connection_no, Customer.id).where(
            Customer.connection_no.in_(numbers[start:start + CHUNK]))
        found.update({conn: id_ for conn, id_ in session.execute(query)})
    return found


def _existing_bills(session: Session, customer_ids: Sequence[int]) -> dict[Key, dict[str, Any]]:
    names = ("customer_id", "period", "id", *_FIGURES, "settled", "settled_at", "paid_amount",
             "penalty_waived", "enrolment_id")
    columns = [getattr(Bill, name) for name in names]
    found: dict[Key, dict[str, Any]] = {}
    for start in range(0, len(customer_ids), CHUNK):
        query = select(*columns).where(Bill.customer_id.in_(customer_ids[start:start + CHUNK]))
        found.update(((row[0], row[1]), dict(zip(names, row, strict=True)))
                     for row in session.execute(query))
    return found
