"""Building the search tables at once, for customers and bills loaded without triggers.

A bulk load (the demo branch's generator) takes the triggers that keep the search index
and the stored arrears in step off the ``customer`` and ``bill`` tables, inserts its
rows, and then calls :func:`build_search_tables`: the text table filled in name order
in one statement, the full-text indexes rebuilt and merged from it, every customer's
arrears summed in one pass over the bills. The result is what the triggers and
:func:`app.services.search.customers.compact_search_index` would have made row by row.
"""

from __future__ import annotations

import sqlite3

from app.services.search.index import TRIGRAM_TABLE, WORD_TABLE, fill_search_text

ARREARS_TABLE = "customer_search_arrears"
SEARCH_TABLES = ("customer_search_text", ARREARS_TABLE)
_DUE = "water_charge + fees + penalty - penalty_waived - paid_amount"


def build_search_tables(db: sqlite3.Connection) -> None:
    """Fill the empty search tables from every customer and bill, inside the caller's
    transaction (the search tables' own triggers must be off: nothing is indexed twice)."""
    for table in SEARCH_TABLES:
        if db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None:
            raise ValueError(f"{table} is not empty")
    fill_search_text(db)
    for table in _full_text_tables(db):
        for command in ("rebuild", "optimize"):
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('{command}')")
    db.execute(f"INSERT INTO {ARREARS_TABLE} (customer_id, amount) SELECT customer_id, "
               f"coalesce(sum(CASE WHEN settled = 0 THEN {_DUE} END), 0) FROM bill "
               "GROUP BY customer_id")


def _full_text_tables(db: sqlite3.Connection) -> list[str]:
    """The full-text indexes this database has (none where SQLite lacks trigrams)."""
    return [name for (name,) in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (?, ?) ORDER BY name",
        (TRIGRAM_TABLE, WORD_TABLE))]
