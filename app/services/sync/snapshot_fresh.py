"""Loading a branch snapshot into a counter that holds no customers or bills yet.

A new counter's first pull is most of its first minutes: 17,000 customers and 200,000
bills. With nothing there yet, nothing can be covered by a local plan or payment, and
nothing needs comparing: the rows go straight from the snapshot's checked values into
SQLite (one ``executemany`` of prepared tuples per table, no ORM objects), with the
tables' secondary indexes and row triggers taken off for the load and put back after,
and the search index and arrears built once, in bulk, from the loaded rows. The values
pass the same checks as a pulled page (``typed_rows``); when one does not, or the
counter already holds customers, this returns None and the general path applies the
snapshot (and says precisely what it refuses).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.models import Bill, Customer
from app.services.ledger.office_enrolments import store_office_enrolments
from app.services.search.customers import raw_connection
from app.services.search.index import fill_search_text
from app.services.sync.apply import (
    KINDS,
    ApplyCounts,
    Change,
    apply_changes,
    customer_details,
    newest_of_each_key,
)
from app.services.sync.held_bills import hold
from app.services.sync.typed_rows import bill_rows, customer_rows
from app.services.unit_of_work import UnitOfWork

_BARE = ("customer", "bill")  # tables loaded without their secondary indexes and triggers


def load_fresh(uow: UnitOfWork, device_id: str, changes: Sequence[Change]) -> ApplyCounts | None:
    """Load ``changes`` into a counter without customers or bills, inside ``uow``'s
    transaction (the caller holds ``search.bulk_loading``); None when this path does
    not apply (the caller then takes the general one)."""
    session = uow.session
    if session.scalar(select(Customer.id).limit(1)) is not None \
            or session.scalar(select(Bill.id).limit(1)) is not None:
        return None
    of = newest_of_each_key(changes)
    customers, bills = customer_rows(of["customer"]), bill_rows(of["bill"])
    if customers is None or bills is None:
        return None
    versions, enrolments = customer_details(of["customer"], {r.line: r.key for r in customers})
    db, _ = raw_connection(uow)
    with _bare(db, _BARE):
        _insert(db, session, Customer, [dict(r.values, version=versions[r.key])
                                        for r in customers])
        ids = dict(db.execute("SELECT connection_no, id FROM customer").fetchall())
        known = [r for r in bills if r.key in ids]
        _insert(db, session, Bill, [dict(r.values, customer_id=ids[r.key],
                                         settled_at=uow.now if r.values["settled"] else None)
                                    for r in known])
        fill_search_text(db)
    by_id = {c.change_id: c for c in of["bill"]}
    hold(session, uow.now, [((r.key, str(r.values["period"])), r.line, by_id[r.line].data)
                            for r in bills if r.key not in ids])  # their customer comes later
    store_office_enrolments(session, enrolments)
    rest = apply_changes(session, uow.now, device_id, [
        c for kind in KINDS if kind not in _BARE for c in of[kind]])
    return ApplyCounts(len(customers), len(known), len(bills) - len(known), rest.terms,
                       rest.users, rest.acks, rest.bills_released)


def _insert(db: sqlite3.Connection, session: Session, model: type[Any],
            rows: list[dict[str, Any]]) -> None:
    """One ``executemany`` of tuples, each value as SQLAlchemy would store it; columns
    a row does not give take their default (the id: SQLite's next rowid). Made column
    by column: a branch has a few dozen distinct dates, so each is converted once."""
    if not rows:
        return
    table: Table = model.__table__
    dialect = session.get_bind().dialect
    names, columns = [], []
    for column in table.columns:
        if column.primary_key:
            continue
        default = getattr(column.default, "arg", None)
        values = [row.get(column.name, None if callable(default) else default) for row in rows]
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            stored: dict[Any, Any] = {None: None}
            values = [stored[v] if v in stored else stored.setdefault(v, process(v))
                      for v in values]
        names.append(f'"{column.name}"')
        columns.append(values)
    db.executemany(f'INSERT INTO "{table.name}" ({", ".join(names)}) '
                   f'VALUES ({", ".join("?" * len(names))})', zip(*columns, strict=True))


@contextmanager
def _bare(db: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """The tables' named indexes and triggers dropped for the block and made again after
    (inside the caller's transaction: a failure leaves them as they were)."""
    wanted = ", ".join("?" * len(tables))
    saved = db.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ({wanted}) "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL", tuple(tables)).fetchall()
    for kind, name, _ in saved:
        db.execute(f'DROP {kind.upper()} "{name}"')
    yield
    for _, _, sql in sorted(saved, key=lambda s: s[0]):  # indexes, then triggers
        db.execute(sql)
