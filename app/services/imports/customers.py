"""Customer master data from head office: row checks and the upsert plan."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from app.models import Customer, CustomerStatus
from app.services.demo.words import KECAMATAN
from app.services.imports.csv_files import (
    CsvRow,
    RejectedRow,
    RowCheck,
    choice,
    digits,
    iso_date,
    text,
)
from app.services.imports.plan import ImportPlan, ValidRow
from app.services.imports.problems import ImportProblem, ProblemCode

CUSTOMER_COLUMNS = (
    "connection_no", "name", "address", "rt", "rw", "kelurahan", "kecamatan",
    "tariff_group", "meter_no", "phone", "status", "status_date",
)
_FIELDS = (*CUSTOMER_COLUMNS, "name_lower")
STATUSES = tuple(status.value for status in CustomerStatus)
CHUNK = 500


def check_customer_rows(rows: Iterable[CsvRow]) -> tuple[list[ValidRow], list[RejectedRow]]:
    """Check every cell of every row; a repeated connection number is rejected."""
    valid: list[ValidRow] = []
    rejected: list[RejectedRow] = []
    first_line: dict[str, int] = {}
    for row in rows:
        check = RowCheck(row)
        values = _customer_values(check)
        conn = values["connection_no"]
        if conn and conn in first_line:
            check.reasons.append(ImportProblem.of(ProblemCode.DUPLICATE_CUSTOMER,
                                                  "connection_no", conn,
                                                  first_line=first_line[conn]))
        elif conn:
            first_line[conn] = row.line
        problem = check.rejected(row.cells["connection_no"])
        if problem is None:
            valid.append(ValidRow(row.line, conn, values))
        else:
            rejected.append(problem)
    return valid, rejected


def _customer_values(check: RowCheck) -> dict[str, Any]:
    name = check.take(text, "name", 120)
    status = check.take(choice, "status", STATUSES)
    return {
        "connection_no": check.take(digits, "connection_no", 20),
        "name": name,
        "name_lower": (name or "").lower(),
        "address": check.take(text, "address", 200),
        "rt": check.take(digits, "rt", 4, required=False),
        "rw": check.take(digits, "rw", 4, required=False),
        "kelurahan": check.take(text, "kelurahan", 60),
        "kecamatan": check.take(text, "kecamatan", 60),
        "tariff_group": check.take(text, "tariff_group", 8),
        "meter_no": check.take(text, "meter_no", 24),
        "phone": check.take(text, "phone", 24, required=False),
        "status": CustomerStatus(status) if status else None,
        "status_date": check.take(iso_date, "status_date"),
    }


def plan_customers(session: Session, rows: Sequence[ValidRow]) -> ImportPlan:
    """New connection numbers are inserted; changed ones updated with ``version`` + 1."""
    plan = ImportPlan()
    existing = _existing(session, [row.key for row in rows])
    for row in rows:
        old = existing.get(row.key)
        if old is None:
            plan.inserts.append(dict(row.values))
        elif old[2:] == tuple(row.values[f] for f in _FIELDS):
            plan.unchanged += 1
        else:
            plan.updates.append(dict(row.values, id=old[0], version=old[1] + 1))
    plan.warnings.extend(_new_kelurahan_warnings(session, rows))
    return plan


def apply_customers(session: Session, plan: ImportPlan) -> None:
    """Write the plan with bulk statements (one executemany each)."""
    if plan.inserts:
        session.execute(insert(cast(Table, Customer.__table__)), plan.inserts)  # Core: fast
    if plan.updates:
        session.execute(update(Customer), plan.updates)


def _existing(session: Session, numbers: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """``connection_no → (id, version, *_FIELDS)`` of the customers already stored."""
    columns = [getattr(Customer, f) for f in ("id", "version", *_FIELDS)]
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(numbers), CHUNK):
        chunk = numbers[start:start + CHUNK]
        query = select(*columns).where(Customer.connection_no.in_(chunk))
        found.update((row[2], tuple(row)) for row in session.execute(query))
    return found


def _new_kelurahan_warnings(session: Session,
                            rows: Sequence[ValidRow]) -> list[ImportProblem]:
    """Kelurahan neither in Kota Kupang's list nor among this branch's customers (a
    possible typo); only a warning."""
    known = {k.lower() for k in session.scalars(select(Customer.kelurahan).distinct())}
    known.update(name.lower() for _, villages in KECAMATAN for name, _ in villages)
    new: dict[str, list[int]] = {}
    for row in rows:
        name = row.values["kelurahan"]
        if name.lower() not in known:
            new.setdefault(name, []).append(row.line)
    return [ImportProblem.of(ProblemCode.KELURAHAN_UNKNOWN, "kelurahan", name,
                             rows=len(lines), first_line=lines[0])
            for name, lines in sorted(new.items())]
