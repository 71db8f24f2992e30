"""Change-log rows carry their writing transaction's id, so pushes can commit side by side.

On PostgreSQL the column defaults to ``pg_current_xact_id()``: a branch pages the log in
(transaction id, change id) order and only below the oldest transaction still in flight,
so a change committed late is never passed over. Rows written before keep 0 (their ids
followed commit order), and so does every row on SQLite (one writer at a time). A branch
snapshot remembers the transaction id of its last change.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("change_log", sa.Column("txid", WHOLE, nullable=False,
                                          server_default=sa.text("0")))
    op.add_column("branch_snapshot", sa.Column("last_txid", WHOLE, nullable=False,
                                               server_default=sa.text("0")))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE change_log ALTER COLUMN txid "
                   "SET DEFAULT (pg_current_xact_id()::text::bigint)")
    op.create_index("ix_change_log_txid_id", "change_log", ["txid", "id"])


def downgrade() -> None:
    op.drop_index("ix_change_log_txid_id", table_name="change_log")
    op.drop_column("branch_snapshot", "last_txid")
    op.drop_column("change_log", "txid")
