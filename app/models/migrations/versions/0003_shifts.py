"""cashier shifts; payments and voids belong to a shift

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 12:12:02.018794
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('counter_id', sa.Integer(), nullable=False),
    sa.Column('cashier_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('open', 'counted', 'closed', name='shiftstate', native_enum=False, length=16), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('opening_float', sa.Integer(), nullable=False),
    sa.Column('counted_at', sa.DateTime(), nullable=True),
    sa.Column('counted_cash', sa.Integer(), nullable=True),
    sa.Column('count_detail', sa.Text(), nullable=False),
    sa.Column('expected_cash', sa.Integer(), nullable=True),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.String(length=240), nullable=False),
    sa.ForeignKeyConstraint(['cashier_id'], ['user_account.id'], name=op.f('fk_shift_cashier_id_user_account')),
    sa.ForeignKeyConstraint(['counter_id'], ['counter.id'], name=op.f('fk_shift_counter_id_counter')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['user_account.id'], name=op.f('fk_shift_supervisor_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift')),
    sa.UniqueConstraint('uuid', name=op.f('uq_shift_uuid'))
    )
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.create_index('uq_shift_one_unclosed_per_counter', ['counter_id'], unique=True, sqlite_where=sa.text("state != 'closed'"))

    for table in ("payment", "payment_void"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("shift_id", sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_shift_id"), ["shift_id"], unique=False)
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_shift_id_shift"), "shift", ["shift_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table('payment_void', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_payment_void_shift_id_shift'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_payment_void_shift_id'))
        batch_op.drop_column('shift_id')

    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_payment_shift_id_shift'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_payment_shift_id'))
        batch_op.drop_column('shift_id')

    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.drop_index('uq_shift_one_unclosed_per_counter', sqlite_where=sa.text("state != 'closed'"))

    op.drop_table('shift')
