"""Customer search at the counter: by number, name, address or kelurahan, and "did you mean".

``search_customers`` finds every customer whose search text (connection number, meter
number, name, address, kelurahan) holds each whitespace-separated fragment of the query,
ignoring case, and returns the best ``limit`` of them with the number found; see
:mod:`app.services.search.engine` for the ranking and :mod:`app.services.search.query`
for the matching rule. ``suggest_similar_names`` offers names close to a mistyped query;
``compact_search_index`` tidies the index after a bulk load.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from app.services.search.engine import find
from app.services.search.index import page_cache_restored, respace_keys, search_index
from app.services.search.query import parse_query
from app.services.search.suggest import similar_names
from app.services.unit_of_work import UnitOfWork

MAX_BOUND_IDS = 500
ARREARS_ON_NEW_BILL = "customer_search_arrears_bill_ai"


@dataclass(frozen=True)
class CustomerHit:
    id: int
    connection_no: str
    name: str
    address: str
    kelurahan: str
    status: str
    """``"active"``, ``"sealed"`` or ``"disconnected"``."""
    arrears: int
    """Outstanding rupiah (amount due less paid) over the customer's unsettled bills."""


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[CustomerHit, ...]
    total: int
    total_is_exact: bool


def search_customers(uow: UnitOfWork, text: str, limit: int = 50) -> SearchResult:
    """The best ``limit`` customers matching ``text``; an empty query finds nobody.

    ``total`` counts the matches up to 500; beyond, ``total`` is 500 and
    ``total_is_exact`` is False.
    """
    query = parse_query(text)
    if query.is_empty or limit <= 0:
        return SearchResult(text, (), 0, True)
    with uow.driver_reading() as (db, memo):
        found = find(db, search_index(db, memo), query, limit)
        hits = load_hits(db, found.ids)
    return SearchResult(text, hits, found.total, found.total_is_exact)


def suggest_similar_names(uow: UnitOfWork, text: str, limit: int = 5) -> tuple[CustomerHit, ...]:
    """Customers whose names look like ``text`` though they may not contain it (for "no
    match — did you mean"): see :func:`app.services.search.suggest.similar_names`."""
    if limit <= 0:
        return ()
    with uow.driver_reading() as (db, memo):
        return load_hits(db, similar_names(db, search_index(db, memo).has_trigrams, text, limit))


def prepare_search(uow: UnitOfWork) -> int:
    """Describe the search index (a sample of its names, read once per database) and
    warm a connection's page cache before the first customer, so the first search of
    the day takes no longer than any other; returns the number of customers."""
    with uow:
        db, memo = raw_connection(uow)
        return search_index(db, memo).customers


def compact_search_index(uow: UnitOfWork) -> None:
    """Lay the search index out afresh after a bulk load (demo branch, large import): keys
    evenly spaced in name order, full-text indexes merged. Searches are faster and the
    index smaller afterwards; nothing a search finds changes. Takes a writing unit of
    work; a few seconds at 100,000 customers."""
    with uow:
        db, memo = raw_connection(uow)
        with page_cache_restored(db):
            respace_keys(db, search_index(db, memo).has_trigrams)
        uow.commit()


@contextmanager
def bulk_loading(uow: UnitOfWork) -> Iterator[None]:
    """Inside ``uow``'s transaction, for loading many customers at once (a new counter's
    branch snapshot): the full-text indexes and the customers' arrears are not kept up
    row by row (as while the keys are respaced) but once at the end, and the index is
    laid out afresh."""
    db, memo = raw_connection(uow)
    db.execute("UPDATE customer_search_state SET respacing = 1")
    paused = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                        "AND name = ?", (ARREARS_ON_NEW_BILL,)).fetchall()
    for name, _ in paused:  # a customer's arrears summed again at every bill: not now
        db.execute(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in paused:
        db.execute(sql)
    if paused:  # touch one bill of each customer: its trigger sums the arrears once
        db.execute("UPDATE bill SET settled = settled WHERE id IN "
                   "(SELECT min(id) FROM bill GROUP BY customer_id)")
    with page_cache_restored(db):
        respace_keys(db, search_index(db, memo).has_trigrams)


def raw_connection(uow: UnitOfWork) -> tuple[sqlite3.Connection, MutableMapping[Any, Any]]:
    """The SQLite connection under the unit of work's session (inside its transaction),
    and a dictionary that lives as long as that connection."""
    pooled = uow.session.connection().connection
    return cast(sqlite3.Connection, pooled.driver_connection), pooled.info


def load_hits(db: sqlite3.Connection, ids: Sequence[int]) -> tuple[CustomerHit, ...]:
    """The customers ``ids`` as hits with their arrears, in the order given (the arrears
    are kept per customer by triggers on ``bill``: migration 0005)."""
    if not ids:
        return ()
    params: tuple[int | str, ...] = tuple(ids)
    wanted = ", ".join("?" * len(ids))
    if len(ids) > MAX_BOUND_IDS:
        wanted, params = "SELECT value FROM json_each(?)", (json.dumps(list(ids)),)
    rows = db.execute(
        "SELECT c.id, c.connection_no, c.name, c.address, c.kelurahan, c.status, "
        "coalesce(a.amount, 0) FROM customer AS c "
        "LEFT JOIN customer_search_arrears AS a ON a.customer_id = c.id "
        f"WHERE c.id IN ({wanted})", params)
    by_id = {row[0]: row for row in rows}
    return tuple(CustomerHit(*by_id[i]) for i in ids if i in by_id)
