"""customer data change requests made at the counter, pending head office's decision

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('customer_change_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('seen_version', sa.Integer(), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('previous', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=240), nullable=False),
    sa.Column('state', sa.Enum('pending', 'approved', 'rejected', name='changerequeststate',
                               native_enum=False, length=16), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('requested_by', sa.String(length=40), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by', sa.String(length=40), nullable=False),
    sa.Column('note', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'],
                            name=op.f('fk_customer_change_request_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_change_request')),
    sa.UniqueConstraint('event_id', name=op.f('uq_customer_change_request_event_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_customer_change_request_uuid'))
    )
    with op.batch_alter_table('customer_change_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_change_request_customer_id'),
                              ['customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('customer_change_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_change_request_customer_id'))
    op.drop_table('customer_change_request')
