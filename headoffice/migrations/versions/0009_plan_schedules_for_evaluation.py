"""The plans' instalment schedules and field work, for the programme evaluation; filled
from the events already received.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    instalment = op.create_table(
        "plan_instalment",
        sa.Column("enrolment_uuid", sa.String(length=36), nullable=False),
        sa.Column("number", WHOLE, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount", WHOLE, nullable=False),
        sa.Column("through", WHOLE, nullable=False),
        sa.PrimaryKeyConstraint("enrolment_uuid", "number", name=op.f("pk_plan_instalment")))
    track = op.create_table(
        "plan_track",
        sa.Column("enrolment_uuid", sa.String(length=36), nullable=False),
        sa.Column("unseal_order", sa.String(length=36), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("broken_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("enrolment_uuid", name=op.f("pk_plan_track")))
    op.create_index(op.f("ix_plan_track_unseal_order"), "plan_track", ["unseal_order"])
    _backfill(instalment, track)


def _backfill(instalment: sa.Table, track: sa.Table) -> None:
    """The plans head office holds, from the events that made and changed them."""
    bind = op.get_bind()
    held = {row[0]: row[1] for row in bind.execute(sa.text(
        "SELECT uuid, event_id FROM enrolment"))}
    if not held:
        return
    events = sa.table("event", sa.column("id"), sa.column("type"), sa.column("payload"),
                      sa.column("status"), sa.column("business_date"))
    rows = bind.execute(sa.select(events.c.id, events.c.type, events.c.payload,
                                  events.c.business_date)
                        .where(events.c.status == "applied",
                               events.c.type.in_(("enrolment.paid", "work_order.done",
                                                  "plan.broken")))
                        .order_by(events.c.business_date))
    plans: dict[str, dict[str, Any]] = {}
    orders: dict[str, str] = {}
    for event_id, kind, payload, day in rows:
        p = json.loads(payload) if isinstance(payload, str) else payload
        uuid = p.get("enrolment_uuid")
        if kind == "enrolment.paid" and held.get(uuid) == event_id:
            order = p.get("work_order_uuid")
            plans[uuid] = {"enrolment_uuid": uuid, "unseal_order": order, "opened_on": None,
                           "broken_on": None, "schedule": p.get("schedule") or []}
            if order:
                orders[order] = uuid
        elif kind == "work_order.done" and p.get("kind") == "unseal" and p.get("uuid") in orders:
            plans[orders[p["uuid"]]]["opened_on"] = dt.date.fromisoformat(p["done_on"])
        elif kind == "plan.broken" and uuid in plans:
            plans[uuid]["broken_on"] = day if isinstance(day, dt.date) else \
                dt.date.fromisoformat(str(day))
    lines = []
    for plan in plans.values():
        through = 0
        for line in plan.pop("schedule"):
            through += int(line["amount"])
            lines.append({"enrolment_uuid": plan["enrolment_uuid"], "number": line["number"],
                          "due_date": dt.date.fromisoformat(line["due_date"]),
                          "amount": int(line["amount"]), "through": through})
    if plans:
        op.bulk_insert(track, list(plans.values()))
    if lines:
        op.bulk_insert(instalment, lines)


def downgrade() -> None:
    op.drop_table("plan_track")
    op.drop_table("plan_instalment")
