"""Branch snapshots: a branch's master data at a change-log cursor, for a first pull.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "branch_snapshot",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("branch_code", sa.String(length=16), nullable=False),
        sa.Column("epoch", sa.String(length=40), nullable=False),
        sa.Column("last_change_id", WHOLE, nullable=False),
        sa.Column("changes", WHOLE, nullable=False),
        sa.Column("size", WHOLE, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_snapshot")))
    op.create_index("ix_branch_snapshot_branch", "branch_snapshot",
                    ["branch_code", "last_change_id"])


def downgrade() -> None:
    op.drop_table("branch_snapshot")
