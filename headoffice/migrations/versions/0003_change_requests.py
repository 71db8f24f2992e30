"""Customer change requests from the branches, for head-office staff to decide.

Revision ID: 0003
Revises: 0002
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "change_request",
        sa.Column("id", WHOLE, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("branch_code", sa.String(length=16), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("cashier", sa.String(length=40), nullable=False),
        sa.Column("connection_no", sa.String(length=20), nullable=False),
        sa.Column("seen_version", WHOLE, nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_request")),
        sa.UniqueConstraint("event_id", name=op.f("uq_change_request_event_id")))
    op.create_index(op.f("ix_change_request_connection_no"), "change_request",
                    ["connection_no"])
    op.create_index("ix_change_request_state", "change_request", ["state", "branch_code"])


def downgrade() -> None:
    op.drop_table("change_request")
