"""the audit chain keyed per counter: each record says how its hash was made
(0: plain SHA-256, as every record written before; 1: HMAC-SHA256 with the counter's key)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_record') as batch:
        batch.add_column(sa.Column('chain', sa.Integer(), server_default=sa.text('0'),
                                   nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('audit_record') as batch:
        batch.drop_column('chain')
