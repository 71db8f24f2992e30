"""Counter-held bundle-signing keys, and registrations that can be completed again.

``device.public_key``: the Ed25519 public key a counter gave at registration (64 hex
digits; empty for counters registered before, whose bundles are refused until they
register again). ``enrolment_code.attempt_hash``: SHA-256 of the attempt key the counter
sent with the code, so the same counter may redeem it again shortly after an answer
that was lost.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("device", sa.Column("public_key", sa.String(length=64), nullable=True))
    op.add_column("enrolment_code",
                  sa.Column("attempt_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enrolment_code") as table:
        table.drop_column("attempt_hash")
    with op.batch_alter_table("device") as table:
        table.drop_column("public_key")
