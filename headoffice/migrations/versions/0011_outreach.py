"""Outreach: message templates with versions, the messages made and each gateway
attempt, customers who asked not to be contacted, the gateway's settings.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "outreach_template",
        sa.Column("id", WHOLE, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("version", WHOLE, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_template")),
        sa.UniqueConstraint("kind", "version", name=op.f("uq_outreach_template_kind")))
    op.create_table(
        "outreach_message",
        sa.Column("id", WHOLE, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("connection_no", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("template_version", WHOLE, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("attempts", WHOLE, nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_message")),
        sa.UniqueConstraint("uuid", name=op.f("uq_outreach_message_uuid")),
        sa.UniqueConstraint("kind", "connection_no", "subject", "day",
                            name=op.f("uq_outreach_message_kind")))
    op.create_index("ix_outreach_message_state", "outreach_message", ["state"])
    op.create_index("ix_outreach_message_customer", "outreach_message", ["connection_no"])
    op.create_table(
        "outreach_attempt",
        sa.Column("id", WHOLE, nullable=False),
        sa.Column("message_id", WHOLE, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("http_status", WHOLE, nullable=True),
        sa.Column("answer", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(["message_id"], ["outreach_message.id"],
                                name=op.f("fk_outreach_attempt_message_id_outreach_message")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_attempt")))
    op.create_index(op.f("ix_outreach_attempt_message_id"), "outreach_attempt", ["message_id"])
    op.create_table(
        "outreach_opt_out",
        sa.Column("connection_no", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("connection_no", name=op.f("pk_outreach_opt_out")))
    op.create_table(
        "outreach_gateway",
        sa.Column("id", WHOLE, autoincrement=False, nullable=False),
        sa.Column("url", sa.String(length=400), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("auth_header", sa.String(length=60), nullable=False),
        sa.Column("auth_value", sa.String(length=200), nullable=False),
        sa.Column("timeout_seconds", WHOLE, nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_gateway")))


def downgrade() -> None:
    for table in ("outreach_gateway", "outreach_opt_out", "outreach_attempt",
                  "outreach_message", "outreach_template"):
        op.drop_table(table)
