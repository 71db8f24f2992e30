"""Loading the demo's rows into a branch in chunks, one transaction per chunk.

A branch of a million customers has about 5.6 million bills: in one transaction its
write-ahead log would grow past a gigabyte and nothing would be usable until the end.
Here the tables' named indexes and triggers (the search index's and the arrears'
upkeep, row by row) are taken off in a transaction of their own, then every
:data:`CHUNK_CUSTOMERS` customers and their bills are inserted and committed (SQLite
copies the log into the database after each commit, so the log stays the size of one
chunk, about 17 MB), and a last transaction builds the search tables in bulk
(:func:`app.services.search.rebuild.build_search_tables`), puts the indexes and
triggers back and records the generation (its log is the largest, about half a
gigabyte at a million customers, until the branch is closed). If any of it fails, the
rows loaded so far are deleted and the indexes and triggers put back: the branch is as
it was (a process killed midway leaves a half-made branch; delete it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from app.models import Bill, Customer
from app.services.demo.billing import BILL_COLUMNS
from app.services.demo.rows import CUSTOMER_COLUMNS, RowBuilder
from app.services.search.customers import raw_connection
from app.services.search.rebuild import SEARCH_TABLES, build_search_tables
from app.services.unit_of_work import UnitOfWork

CHUNK_CUSTOMERS = 25_000
"""Customers (and their bills) per transaction."""
BATCH_CUSTOMERS = 5_000
"""Customers whose rows are built and inserted at once within a chunk."""
LOAD_CACHE_KIB = 65_536
"""SQLite's page cache while loading (the connection's own is restored after)."""
BARE_TABLES = (Customer.__tablename__, Bill.__tablename__, *SEARCH_TABLES)

Progress = Callable[[int, int], None]
"""Called with the customers loaded so far and the number to load, after each chunk."""
Finish = Callable[[UnitOfWork, int], None]
"""Called inside the last transaction, after the search tables are built, with the
number of bills loaded (to record the generation); the transaction is committed after."""


class WritableBranch(Protocol):
    """What the loader needs of a branch: a unit of work for writing."""

    def writing(self) -> UnitOfWork: ...


SavedSchema = list[tuple[str, str, str]]  # (type, name, sql) of the indexes and triggers


def load_demo_rows(branch: WritableBranch, builder: RowBuilder, customers: int, *,
                   finish: Finish, chunk: int = CHUNK_CUSTOMERS,
                   progress: Progress | None = None) -> int:
    """Insert customers ``1 … customers`` from ``builder`` and their bills into a branch
    without any, ``chunk`` customers per transaction; returns the number of bills."""
    with branch.writing() as uow:
        saved = _take_off(raw_connection(uow)[0], BARE_TABLES)
        uow.commit()
    loaded = bills = 0
    try:
        for start in range(0, customers, chunk):
            stop = min(start + chunk, customers)
            with branch.writing() as uow, _loading(uow) as db:
                bills += _insert_chunk(db, builder, start, stop)
                uow.commit()
            loaded = stop
            if progress is not None:
                progress(stop, customers)
        with branch.writing() as uow, _loading(uow) as db:
            build_search_tables(db)
            _put_back(db, saved)
            finish(uow, bills)
            uow.commit()
    except BaseException:
        with branch.writing() as uow:
            db = raw_connection(uow)[0]
            if loaded:
                _delete_loaded(db)
            _put_back(db, saved)
            uow.commit()
        raise
    return bills


_CUSTOMER_SQL = (f"INSERT INTO {Customer.__tablename__} ({', '.join(CUSTOMER_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(CUSTOMER_COLUMNS))})")
_BILL_SQL = (f"INSERT INTO {Bill.__tablename__} ({', '.join(BILL_COLUMNS)}) "
             f"VALUES ({', '.join('?' * len(BILL_COLUMNS))})")


def _insert_chunk(db: sqlite3.Connection, builder: RowBuilder, start: int, stop: int) -> int:
    bills = 0
    for first in range(start, stop, BATCH_CUSTOMERS):
        customer_rows, bill_rows = builder.rows(first, min(first + BATCH_CUSTOMERS, stop))
        db.executemany(_CUSTOMER_SQL, customer_rows)
        db.executemany(_BILL_SQL, bill_rows)
        bills += len(bill_rows)
    return bills


@contextmanager
def _loading(uow: UnitOfWork) -> Iterator[sqlite3.Connection]:
    """The unit of work's SQLite connection with a large page cache for the block."""
    db = raw_connection(uow)[0]
    previous = int(db.execute("PRAGMA cache_size").fetchone()[0])
    db.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        yield db
    finally:
        db.execute(f"PRAGMA cache_size = {previous}")


def _take_off(db: sqlite3.Connection, tables: Sequence[str]) -> SavedSchema:
    """Drop the tables' named indexes and triggers; returns them to put back."""
    wanted = ", ".join("?" * len(tables))
    saved: SavedSchema = db.execute(
        f"SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ({wanted}) "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
        tuple(tables)).fetchall()
    for kind, name, _ in saved:
        db.execute(f'DROP {kind.upper()} "{name}"')
    return saved


def _put_back(db: sqlite3.Connection, saved: SavedSchema) -> None:
    """Create the saved indexes, then the triggers (indexes sort before triggers)."""
    for _, _, sql in saved:
        db.execute(sql)


def _delete_loaded(db: sqlite3.Connection) -> None:
    for table in (*reversed(SEARCH_TABLES), Bill.__tablename__, Customer.__tablename__):
        db.execute(f"DELETE FROM {table}")

