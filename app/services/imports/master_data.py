"""Importing customer and bill master data from head-office CSV files.

All or nothing: every row is checked first (cells, duplicates in the file, unknown
customers, protected bills); if any row is rejected nothing is written and
:class:`ImportRejected` carries the report — unless ``skip_invalid`` asks for the valid
rows to be imported anyway. The whole import is one transaction with one audit record
(no outbox event: the data came from head office). Columns: ``docs/import-formats.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.audit.journal import record_change
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.imports.bills import BILL_COLUMNS, apply_bills, check_bill_rows, plan_bills
from app.services.imports.csv_files import CsvRow, FileRefused, RejectedRow, read_table
from app.services.imports.customers import (
    CUSTOMER_COLUMNS,
    apply_customers,
    check_customer_rows,
    plan_customers,
)
from app.services.imports.plan import ImportPlan, ValidRow
from app.services.imports.problems import ImportProblem, ProblemCode
from app.services.search.customers import compact_search_index
from app.services.unit_of_work import UnitOfWork

__all__ = ["ImportRejected", "ImportReport", "RejectedRow", "import_bills", "import_customers"]


@dataclass(frozen=True)
class ImportReport:
    """What an import found and did. ``written`` is False when it was refused."""

    kind: str
    file: str
    sha256: str
    rows: int
    created: int
    updated: int
    unchanged: int
    rejected: tuple[RejectedRow, ...]
    warnings: tuple[ImportProblem, ...]
    written: bool


class ImportRejected(DomainError):
    """Rows were rejected and ``skip_invalid`` was not given: nothing was written."""

    def __init__(self, report: ImportReport) -> None:
        count = len(report.rejected)
        super().__init__(
            ErrorCode.IMPORT_INVALID, file=report.file,
            problem=f"{count} of {report.rows} row(s) rejected; nothing was imported "
                    "(--skip-invalid imports the valid rows)")
        self.report = report


@dataclass(frozen=True)
class _Kind:
    name: str
    columns: tuple[str, ...]
    check: Callable[[Iterable[CsvRow]], tuple[list[ValidRow], list[RejectedRow]]]
    plan: Callable[[Session, Sequence[ValidRow], dt.datetime], ImportPlan]
    apply: Callable[[Session, ImportPlan], None]


COMPACT_AFTER_CREATED = 1_000
"""A customer import creating this many or more lays the search index out afresh."""

_CUSTOMERS = _Kind("customers", CUSTOMER_COLUMNS, check_customer_rows,
                   lambda session, rows, _now: plan_customers(session, rows), apply_customers)
_BILLS = _Kind("bills", BILL_COLUMNS, check_bill_rows, plan_bills, apply_bills)


def import_customers(uow: UnitOfWork, actor: Actor, path: Path, *,
                     skip_invalid: bool = False) -> ImportReport:
    """Insert new customers and update changed ones (``version`` + 1) from ``path``."""
    return _import(uow, actor, path, _CUSTOMERS, skip_invalid)


def import_bills(uow: UnitOfWork, actor: Actor, path: Path, *,
                 skip_invalid: bool = False) -> ImportReport:
    """Insert new bills and update changed ones, by (customer, period), from ``path``."""
    return _import(uow, actor, path, _BILLS, skip_invalid)


def _import(uow: UnitOfWork, actor: Actor, path: Path, kind: _Kind,
            skip_invalid: bool) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(path.name, ImportProblem.of(
            ProblemCode.FILE_UNREADABLE, detail=exc.strerror or str(exc))) from exc
    table = read_table(path.name, data, kind.columns)
    valid, rejected = kind.check(table.rows)
    rejected.extend(table.rejected)
    with uow:
        plan = kind.plan(uow.session, valid, uow.now)
        rejected.extend(plan.rejected)
        report = ImportReport(
            kind=kind.name, file=path.name, sha256=hashlib.sha256(data).hexdigest(),
            rows=len(table.rows) + len(table.rejected), created=len(plan.inserts),
            updated=len(plan.updates), unchanged=plan.unchanged,
            rejected=tuple(sorted(rejected, key=lambda r: r.line)),
            warnings=(*table.warnings, *plan.warnings), written=False)
        if rejected and not skip_invalid:
            raise ImportRejected(report)
        kind.apply(uow.session, plan)
        record_change(uow.session, actor, uow.now, action=f"import.{kind.name}",
                      entity="import", entity_id=path.name[:40], details={
                          "kind": kind.name, "file": path.name, "sha256": report.sha256,
                          "rows": report.rows, "created": report.created,
                          "updated": report.updated, "unchanged": report.unchanged,
                          "rejected": len(report.rejected)}, event_type=None)
        uow.commit()
    if kind is _CUSTOMERS and report.created >= COMPACT_AFTER_CREATED:
        compact_search_index(uow)  # a bulk load: lay the search index out afresh
    return replace(report, written=True)
