"""Importing the billing system's customer and bill CSV exports, all or nothing.

The files are the ones ``loket-admin`` imports at a branch (``docs/import-formats.md``):
the same reading and cell checks (``app.services.imports.csv_files`` and the row checks)
are reused. Any rejected row refuses the whole file; otherwise one transaction writes
the rows and their change-log entries. Every refusal and warning is coded
(``app.services.imports.problems``): the console says it in the reader's language.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.imports.bills import BILL_COLUMNS, check_bill_rows
from app.services.imports.csv_files import CsvRow, FileRefused, RejectedRow, read_table
from app.services.imports.customers import CUSTOMER_COLUMNS, check_customer_rows
from app.services.imports.plan import ValidRow
from app.services.imports.problems import ImportProblem, ProblemCode
from headoffice.changes import bill_data, bill_key, customer_data, record_many
from headoffice.models import Bill, Customer, Enrolment

CHUNK = 500
CUSTOMER_FIELDS = tuple(c for c in CUSTOMER_COLUMNS if c != "connection_no")
BILL_FIGURES = ("reading_start", "reading_end", "usage_m3", "water_charge", "fees", "penalty",
                "due_date")
Checker = Callable[[Iterable[CsvRow]], tuple[list[ValidRow], list[RejectedRow]]]


@dataclass(frozen=True)
class ImportSummary:
    kind: str
    file: str
    sha256: str
    rows: int
    created: int
    updated: int
    unchanged: int
    warnings: tuple[ImportProblem, ...]


class ImportRefused(ValueError):
    """Rows were rejected: nothing was imported. ``rejected`` lists each with its reasons."""

    def __init__(self, file: str, rows: int, rejected: Sequence[RejectedRow]) -> None:
        super().__init__(f"{file}: {len(rejected)} of {rows} row(s) rejected; nothing was "
                         "imported")
        self.file, self.rows = file, rows
        self.rejected = tuple(sorted(rejected, key=lambda r: r.line))


class FileProblem(ValueError):
    """The file as a whole cannot be imported (empty, not UTF-8, a column missing, …)."""

    def __init__(self, file: str, problem: ImportProblem) -> None:
        super().__init__(f"{file}: {problem.text}")
        self.file = file
        self.problem = problem


def import_customers(session: Session, path: Path) -> ImportSummary:
    """Insert new customers, update changed ones (``version`` + 1)."""
    data, valid, rows, warnings, rejected = _checked(path, CUSTOMER_COLUMNS,
                                                     check_customer_rows)
    if rejected:
        raise ImportRefused(path.name, rows, rejected)
    existing = _customers(session, [row.key for row in valid])
    created: list[Customer] = []
    updated: list[Customer] = []
    for row in valid:
        values = {f: _plain(row.values[f]) for f in CUSTOMER_FIELDS}
        customer = existing.get(row.key)
        if customer is None:
            customer = Customer(connection_no=row.key, version=1, **values)
            session.add(customer)
            created.append(customer)
        elif any(getattr(customer, f) != v for f, v in values.items()):
            for field, value in values.items():
                setattr(customer, field, value)
            customer.version += 1
            updated.append(customer)
    session.flush()
    enrolments = _enrolments(session, [c.connection_no for c in updated])
    for group, new in ((created, True), (updated, False)):
        record_many(session, "customer", [(c.connection_no, customer_data(
            c, enrolments.get(c.connection_no))) for c in group], new_keys=new)
    return ImportSummary("customers", path.name, _sha(data), rows, len(created), len(updated),
                         len(valid) - len(created) - len(updated), warnings)


def import_bills(session: Session, path: Path) -> ImportSummary:
    """Insert new bills and update changed ones; a bill settled at a branch or in a plan
    keeps its figures (a row changing them is rejected)."""
    data, valid, rows, warnings, rejected = _checked(path, BILL_COLUMNS, check_bill_rows)
    customers = _customers(session, sorted({row.key for row in valid}))
    bills = _bills(session, [c.id for c in customers.values()])
    created: list[tuple[str, Bill]] = []
    updated: list[tuple[str, Bill]] = []
    for row in valid:
        customer = customers.get(row.key)
        if customer is None:
            rejected.append(RejectedRow(row.line, row.key, (ImportProblem.of(
                ProblemCode.UNKNOWN_CUSTOMER, "connection_no", row.key),)))
            continue
        figures = {f: row.values[f] for f in BILL_FIGURES}
        bill = bills.get((customer.id, row.values["period"]))
        if bill is None:
            bill = Bill(customer_id=customer.id, period=row.values["period"],
                        settled=row.values["settled"], **figures)
            session.add(bill)
            created.append((row.key, bill))
        elif all(getattr(bill, f) == v for f, v in figures.items()) and (
                bill.settled == row.values["settled"] or _protected(bill)):
            continue
        elif _protected(bill):
            rejected.append(RejectedRow(row.line, row.key, (ImportProblem.of(
                ProblemCode.BILL_SETTLED_OR_IN_PLAN, "period", bill.period,
                period=bill.period),)))
            continue
        else:
            for field, value in figures.items():
                setattr(bill, field, value)
            bill.settled = row.values["settled"]
            updated.append((row.key, bill))
    if rejected:
        raise ImportRefused(path.name, rows, rejected)
    session.flush()
    for group, new in ((created, True), (updated, False)):
        record_many(session, "bill", [(bill_key(conn, b.period), bill_data(b, conn))
                                      for conn, b in group], new_keys=new)
    return ImportSummary("bills", path.name, _sha(data), rows, len(created), len(updated),
                         len(valid) - len(created) - len(updated), warnings)


def _checked(path: Path, columns: Sequence[str],
             check: Checker) -> tuple[bytes, list[ValidRow], int, tuple[ImportProblem, ...],
                                      list[RejectedRow]]:
    """The file read and every row's cells checked: the valid rows and the rejected ones
    (the bills' are refused together with those the database refuses)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(path.name, ImportProblem.of(
            ProblemCode.FILE_UNREADABLE, detail=exc.strerror or str(exc))) from exc
    try:
        table = read_table(path.name, data, columns)
    except FileRefused as exc:
        raise FileProblem(path.name, exc.problem) from exc
    valid, rejected = check(table.rows)
    rows = len(table.rows) + len(table.rejected)
    return data, valid, rows, table.warnings, [*rejected, *table.rejected]


def _protected(bill: Bill) -> bool:
    return bill.settled_by is not None or bill.enrolment_uuid is not None


def _plain(value: Any) -> Any:
    """Enum members as their text (the customer status)."""
    return getattr(value, "value", value)


def _customers(session: Session, numbers: Sequence[str]) -> dict[str, Customer]:
    found: dict[str, Customer] = {}
    for start in range(0, len(numbers), CHUNK):
        found.update((c.connection_no, c) for c in session.scalars(select(Customer).where(
            Customer.connection_no.in_(numbers[start:start + CHUNK]))))
    return found


def _bills(session: Session, customer_ids: Sequence[int]) -> dict[tuple[int, str], Bill]:
    found: dict[tuple[int, str], Bill] = {}
    for start in range(0, len(customer_ids), CHUNK):
        found.update(((b.customer_id, b.period), b) for b in session.scalars(select(Bill).where(
            Bill.customer_id.in_(customer_ids[start:start + CHUNK]))))
    return found


def _enrolments(session: Session, numbers: Sequence[str]) -> dict[str, Enrolment]:
    found: dict[str, Enrolment] = {}
    for start in range(0, len(numbers), CHUNK):
        for e in session.scalars(select(Enrolment).where(
                Enrolment.connection_no.in_(numbers[start:start + CHUNK]),
                Enrolment.state != "cancelled").order_by(Enrolment.business_date)):
            found[e.connection_no] = e
    return found


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

