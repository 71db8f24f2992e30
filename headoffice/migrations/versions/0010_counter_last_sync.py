"""When each counter last pushed and last pulled successfully (the console's "last
sync"), and indexes for the console's per-device and per-programme sums.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("device", sa.Column("last_push_at", sa.DateTime(), nullable=True))
    op.add_column("device", sa.Column("last_pull_at", sa.DateTime(), nullable=True))
    # until now only events told when a counter last pushed
    op.execute("UPDATE device SET last_push_at = (SELECT max(received_at) FROM event "
               "WHERE event.device_id = device.id)")


def downgrade() -> None:
    with op.batch_alter_table("device") as table:
        table.drop_column("last_pull_at")
        table.drop_column("last_push_at")
