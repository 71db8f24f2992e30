"""receipt print attempts: printed state and reprint count of each receipt

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 13:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('receipt_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_no', sa.String(length=40), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.Column('copy_no', sa.Integer(), nullable=False),
    sa.Column('printer', sa.String(length=120), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('error', sa.String(length=240), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipt_print'))
    )
    with op.batch_alter_table('receipt_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receipt_print_receipt_no'), ['receipt_no'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('receipt_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receipt_print_receipt_no'))
    op.drop_table('receipt_print')
