"""The first head-office schema (what ``create_all`` made before there were migrations).

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# 64-bit on PostgreSQL (money can exceed 2^31 rupiah); SQLite keys must stay INTEGER.
WHOLE = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _id() -> sa.Column[Any]:
    return sa.Column("id", WHOLE, nullable=False)


def _text(name: str, length: int, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.String(length=length), nullable=nullable)


def _whole(name: str) -> sa.Column[Any]:
    return sa.Column(name, WHOLE, nullable=False)


def _time(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(), nullable=nullable)


def _date(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Date(), nullable=False)


def _flag(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def upgrade() -> None:
    _people_and_places()
    _money()
    _master_data()
    _sync()


def _people_and_places() -> None:
    op.create_table(
        "app_user",
        _text("username", 40), _text("full_name", 120), _text("role", 16),
        _text("branch_code", 16, nullable=True), _text("password_hash", 200),
        _flag("active"), _whole("version"),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_app_user")))
    op.create_table(
        "branch",
        _text("code", 16), _text("name", 120), _whole("utc_offset_minutes"),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_branch")))
    op.create_table(
        "device",
        _text("id", 36), _text("branch_code", 16), _text("counter", 16),
        _text("token_hash", 64), _time("token_expires_at"), _time("registered_at"),
        _flag("revoked"), _time("revoked_at", nullable=True), _whole("last_seq"),
        sa.ForeignKeyConstraint(["branch_code"], ["branch.code"],
                                name=op.f("fk_device_branch_code_branch")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_device_token_hash")))
    op.create_table(
        "enrolment_code",
        _id(), _text("code_hash", 64), _text("branch_code", 16), _text("counter", 16),
        _time("created_at"), _time("expires_at"), _time("used_at", nullable=True),
        _text("device_id", 36, nullable=True),
        sa.ForeignKeyConstraint(["branch_code"], ["branch.code"],
                                name=op.f("fk_enrolment_code_branch_code_branch")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment_code")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_enrolment_code_code_hash")))


def _money() -> None:
    op.create_table(
        "event",
        _text("id", 36), _text("device_id", 36), _text("branch_code", 16), _whole("seq"),
        _text("type", 40), _time("created_at"), sa.Column("payload", sa.JSON(), nullable=False),
        _text("cashier", 40), _date("business_date"), _whole("amount"), _text("status", 16),
        _text("reason", 40), _text("message", 400), _time("received_at"),
        sa.ForeignKeyConstraint(["device_id"], ["device.id"],
                                name=op.f("fk_event_device_id_device")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("device_id", "seq", name=op.f("uq_event_device_id")))
    op.create_index("ix_event_reconcile", "event", ["branch_code", "business_date"])
    op.create_table(
        "payment",
        _id(), _text("uuid", 36), _text("receipt_no", 40), _text("event_id", 36),
        _text("branch_code", 16), _text("device_id", 36), _text("connection_no", 20),
        _text("enrolment_uuid", 36, nullable=True), _text("kind", 16), _whole("amount"),
        _text("method", 16), _date("business_date"), _time("paid_at"), _flag("applied"),
        _flag("voided"), _text("void_event_id", 36, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
        sa.UniqueConstraint("uuid", name=op.f("uq_payment_uuid")))
    op.create_index(op.f("ix_payment_connection_no"), "payment", ["connection_no"])
    op.create_index(op.f("ix_payment_receipt_no"), "payment", ["receipt_no"])
    op.create_table(
        "enrolment",
        _text("uuid", 36), _text("connection_no", 20), _text("branch_code", 16),
        _text("programme", 40), _whole("terms_version"), _text("state", 16),
        _whole("arrears"), _whole("penalty"), _whole("penalty_waived"),
        _whole("down_payment"), _whole("instalment_count"), _date("business_date"),
        _text("event_id", 36),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_enrolment")))
    op.create_index(op.f("ix_enrolment_connection_no"), "enrolment", ["connection_no"])


def _master_data() -> None:
    op.create_table(
        "customer",
        _id(), _text("connection_no", 20), _text("name", 120), _text("address", 200),
        _text("rt", 4), _text("rw", 4), _text("kelurahan", 60), _text("kecamatan", 60),
        _text("tariff_group", 8), _text("meter_no", 24), _text("phone", 24),
        _text("status", 16), _date("status_date"), _whole("version"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("connection_no", name=op.f("uq_customer_connection_no")))
    op.create_table(
        "bill",
        _id(), _whole("customer_id"), _text("period", 7), _whole("reading_start"),
        _whole("reading_end"), _whole("usage_m3"), _whole("water_charge"), _whole("fees"),
        _whole("penalty"), _date("due_date"), _flag("settled"),
        _text("settled_by", 36, nullable=True), _text("enrolment_uuid", 36, nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                name=op.f("fk_bill_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill")),
        sa.UniqueConstraint("customer_id", "period", name=op.f("uq_bill_customer_id")))
    op.create_index(op.f("ix_bill_enrolment_uuid"), "bill", ["enrolment_uuid"])
    op.create_index(op.f("ix_bill_settled_by"), "bill", ["settled_by"])
    op.create_table(
        "terms",
        _id(), _text("code", 40), _whole("version"), _text("name", 120),
        sa.Column("body", sa.Text(), nullable=False), _text("checksum", 64),
        _time("published_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terms")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_terms_code")))


def _sync() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", WHOLE, autoincrement=True, nullable=False), _text("kind", 16),
        _text("key", 80), _text("branch_code", 16, nullable=True),
        sa.Column("data", sa.JSON(), nullable=False), _time("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        sqlite_autoincrement=True)
    op.create_index("ix_change_log_kind_key", "change_log", ["kind", "key"])
    op.create_table(
        "epoch",
        _text("id", 32), _time("started_at"), _text("note", 200),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_epoch")))
    op.create_table(
        "sync_exception",
        _id(), _text("event_id", 36, nullable=True), _text("device_id", 36),
        _text("branch_code", 16), _text("reason", 40), _text("detail", 400),
        _time("created_at"), _time("resolved_at", nullable=True), _text("note", 400),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_exception")))
    op.create_index(op.f("ix_sync_exception_event_id"), "sync_exception", ["event_id"])
    op.create_table(
        "reconcile_report",
        _id(), _text("device_id", 36), _text("branch_code", 16), _whole("through_seq"),
        _date("business_date"), _text("type", 40), _text("status", 16), _whole("count"),
        _whole("amount"), _time("reported_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconcile_report")))
    op.create_index("ix_reconcile_report_device", "reconcile_report", ["device_id"])


def downgrade() -> None:
    for table in ("reconcile_report", "sync_exception", "epoch", "change_log", "terms", "bill",
                  "customer", "enrolment", "payment", "event", "enrolment_code", "device",
                  "branch", "app_user"):
        op.drop_table(table)
