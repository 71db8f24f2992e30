"""head office's verdicts kept at the branch: refused enrolments, who holds each
customer's enrolment, bill changes held while a local plan covers the bill

The enrolment state ``refused`` needs no change: the state column is a plain VARCHAR(16).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('enrolment_refusal',
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('message', sa.String(length=400), nullable=False),
    sa.Column('previous_state', sa.Enum('active', 'completed', 'broken', 'cancelled', 'refused',
                                        name='enrolmentstate', native_enum=False, length=16),
              nullable=False),
    sa.Column('refused_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolment.id'],
                            name=op.f('fk_enrolment_refusal_enrolment_id_enrolment')),
    sa.PrimaryKeyConstraint('enrolment_id', name=op.f('pk_enrolment_refusal'))
    )
    op.create_table('office_enrolment',
    sa.Column('connection_no', sa.String(length=20), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('programme', sa.String(length=40), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('branch', sa.String(length=16), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('connection_no', name=op.f('pk_office_enrolment'))
    )
    op.create_table('held_bill_change',
    sa.Column('connection_no', sa.String(length=20), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('change_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('connection_no', 'period', name=op.f('pk_held_bill_change'))
    )


def downgrade() -> None:
    op.drop_table('held_bill_change')
    op.drop_table('office_enrolment')
    op.drop_table('enrolment_refusal')
