"""The audit-chain heads head office accepted from each counter (its books anchored).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", WHOLE, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", WHOLE, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("exception_id", WHOLE, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")))
    op.create_index("ix_audit_anchor_device", "audit_anchor", ["device_id", "id"])


def downgrade() -> None:
    op.drop_table("audit_anchor")
