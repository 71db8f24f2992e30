"""Which counter holds each shift, so that only it may count or close the shift.

Filled from the shift events head office already holds (the first device to name a
shift holds it).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SHIFT_TYPES = ("shift.opened", "shift.counted", "shift.closed")


def upgrade() -> None:
    owners = op.create_table(
        "shift_owner",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("branch_code", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_shift_owner")))
    assert owners is not None
    event = sa.table("event", sa.column("id", sa.String()), sa.column("device_id", sa.String()),
                     sa.column("branch_code", sa.String()), sa.column("type", sa.String()),
                     sa.column("seq", sa.Integer()), sa.column("received_at", sa.DateTime()),
                     sa.column("payload", sa.JSON()))
    seen: dict[str, dict[str, str]] = {}
    rows = op.get_bind().execute(sa.select(event).where(event.c.type.in_(SHIFT_TYPES))
                                 .order_by(event.c.received_at, event.c.seq))
    for row in rows:
        uuid = row.payload.get("shift_uuid") if isinstance(row.payload, dict) else None
        if isinstance(uuid, str) and 0 < len(uuid.strip()) <= 36:
            seen.setdefault(uuid.strip(), {"uuid": uuid.strip(), "device_id": row.device_id,
                                           "branch_code": row.branch_code, "event_id": row.id})
    if seen:
        op.bulk_insert(owners, list(seen.values()))


def downgrade() -> None:
    op.drop_table("shift_owner")
