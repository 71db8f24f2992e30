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

import datetime as dt
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
    apply_changes,
    customer_details,
    newest_of_each_key,
)
from app.services.sync.held_bills import hold
from app.services.sync.snapshot_file import Snapshot
from app.services.sync.typed_rows import bill_columns, customer_rows
from app.services.unit_of_work import UnitOfWork

LOAD_CACHE_KIB = 65_536  # SQLite's page cache during the load (restored after)
_BARE = ("customer", "bill")  # tables loaded without their secondary indexes and triggers


def load_fresh(uow: UnitOfWork, device_id: str, snapshot: Snapshot) -> ApplyCounts | None:
    """Load ``snapshot`` into a counter without customers or bills, inside ``uow``'s
    transaction (the caller holds ``search.bulk_loading``); None when this path does
    not apply (the caller then takes the general one)."""
    session = uow.session
    if session.scalar(select(Customer.id).limit(1)) is not None \
            or session.scalar(select(Bill.id).limit(1)) is not None:
        return None
    bill_groups = [g for g in snapshot.groups if g.kind == "bill"]
    if any(key is not None for g in bill_groups for key in g.keys):
        return None  # keys not following from the data: the general path reads them
    of = newest_of_each_key(snapshot.changes_of(*(k for k in KINDS if k != "bill")))
    customers = customer_rows(of["customer"])
    bills = bill_columns([(g.names, g.columns) for g in bill_groups])
    if customers is None or bills is None:
        return None
    versions, enrolments = customer_details(of["customer"], {r.line: r.key for r in customers})
    db, _ = raw_connection(uow)
    with _bare(db, _BARE):
        rows = [dict(r.values, version=versions[r.key]) for r in customers]
        _insert(db, session, Customer, {name: [r[name] for r in rows] for name in rows[0]}
                if rows else {})
        ids = dict(db.execute("SELECT connection_no, id FROM customer").fetchall())
        owners = [ids.get(number) for number in bills["connection_no"]]
        lines = [n for g in bill_groups for n in range(g.before + 1, g.before + 1 + len(g.keys))]
        known = [n for n, owner in enumerate(owners) if owner is not None]
        if len(known) < len(owners):  # their customer comes later: held until then
            _hold_orphans(session, uow.now, snapshot, {
                lines[n]: (bills["connection_no"][n], bills["period"][n])
                for n, owner in enumerate(owners) if owner is None})
            bills = {name: [values[n] for n in known] for name, values in bills.items()}
            owners = [owners[n] for n in known]
        now = uow.now
        _insert(db, session, Bill, dict(bills, customer_id=owners, settled_at=[
            now if settled else None for settled in bills["settled"]]))
        fill_search_text(db)
    store_office_enrolments(session, enrolments)
    rest = apply_changes(session, uow.now, device_id, [
        c for kind in KINDS if kind not in _BARE for c in of[kind]])
    return ApplyCounts(len(customers), len(known), len(lines) - len(known),
                       rest.terms, rest.users, rest.acks, rest.bills_released)


def _hold_orphans(session: Session, now: dt.datetime, snapshot: Snapshot,
                  orphans: dict[int, tuple[str, str]]) -> None:
    """Bills whose customer the snapshot does not hold (change id → their key): their
    changes kept until it comes (``hold``)."""
    hold(session, now, [(orphans[c.change_id], c.change_id, c.data)
                        for c in snapshot.changes_of("bill") if c.change_id in orphans])


def _insert(db: sqlite3.Connection, session: Session, model: type[Any],
            given: dict[str, list[Any]]) -> None:
    """One ``executemany`` of tuples, each value as SQLAlchemy would store it, from the
    values ``given`` column by column; columns not given take their default (the id:
    SQLite's next rowid). A branch has a few dozen distinct dates, so each is
    converted once."""
    count = max((len(values) for values in given.values()), default=0)
    if not count:
        return
    table: Table = model.__table__
    dialect = session.get_bind().dialect
    names, columns = [], []
    for column in table.columns:
        if column.primary_key:
            continue
        default = getattr(column.default, "arg", None)
        values = given.get(column.name) or [None if callable(default) else default] * count
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
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")  # the indexes built in memory
    try:
        yield
        for _, _, sql in sorted(saved, key=lambda s: s[0]):  # indexes, then triggers
            db.execute(sql)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")
