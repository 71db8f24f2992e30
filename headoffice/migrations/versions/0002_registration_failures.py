"""Refused device registrations, for the limits per client address and per counter.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "registration_failure",
        sa.Column("id", WHOLE, nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("branch_code", sa.String(length=16), nullable=False),
        sa.Column("counter", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("wrong_code", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_failure")))
    op.create_index("ix_registration_failure_address", "registration_failure",
                    ["address", "at"])
    op.create_index("ix_registration_failure_counter", "registration_failure",
                    ["branch_code", "counter", "at"])
    op.create_index(op.f("ix_registration_failure_at"), "registration_failure", ["at"])


def downgrade() -> None:
    op.drop_table("registration_failure")
