"""customer search index

A trigram full-text index over the searchable fields of ``customer`` (connection and
meter number, name, address, kelurahan), kept in step by triggers, plus indexes on the
lower-cased connection and meter numbers for prefix search. Where the SQLite library has
no FTS5 trigram tokenizer, only the indexes are made and search falls back to a scan.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:00:00
"""

from __future__ import annotations

import sqlite3

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FIELDS = ("connection_no", "meter_no", "name", "address", "kelurahan")
_COLUMNS = ", ".join(FIELDS)
_NEW = ", ".join(f"new.{f}" for f in FIELDS)
_OLD = ", ".join(f"old.{f}" for f in FIELDS)


def trigram_available() -> bool:
    """Whether this SQLite library has FTS5 with the trigram tokenizer (3.34+)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def upgrade() -> None:
    op.execute("CREATE INDEX ix_customer_connection_no_lower ON customer (lower(connection_no))")
    op.execute("CREATE INDEX ix_customer_meter_no_lower ON customer (lower(meter_no))")
    if not trigram_available():
        return
    op.execute(
        f"CREATE VIRTUAL TABLE customer_search USING fts5({_COLUMNS}, "
        "content='customer', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN "
        f"INSERT INTO customer_search (rowid, {_COLUMNS}) VALUES (new.id, {_NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN "
        f"INSERT INTO customer_search (customer_search, rowid, {_COLUMNS}) "
        f"VALUES ('delete', old.id, {_OLD}); END"
    )
    op.execute(
        f"CREATE TRIGGER customer_search_au AFTER UPDATE OF id, {_COLUMNS} ON customer BEGIN "
        f"INSERT INTO customer_search (customer_search, rowid, {_COLUMNS}) "
        f"VALUES ('delete', old.id, {_OLD}); "
        f"INSERT INTO customer_search (rowid, {_COLUMNS}) VALUES (new.id, {_NEW}); END"
    )
    op.execute("INSERT INTO customer_search (customer_search) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("customer_search_au", "customer_search_ad", "customer_search_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS customer_search")
    op.execute("DROP INDEX IF EXISTS ix_customer_meter_no_lower")
    op.execute("DROP INDEX IF EXISTS ix_customer_connection_no_lower")
