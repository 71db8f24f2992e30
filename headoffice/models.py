"""Typed SQLAlchemy models of the head-office database.

Times received or set at head office (``*_at`` without a branch) are naive UTC; event
times and business dates are the branch's local ones, as sent. Money is integer rupiah.
Tokens and one-time codes are stored as SHA-256 hashes only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.base import NAMING_CONVENTION


class Base(DeclarativeBase):
    """Base class of every head-office table (a metadata apart from the branch's)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # 64-bit whole numbers on PostgreSQL (money can exceed 2^31 rupiah); SQLite's
    # INTEGER is 64-bit already and must stay INTEGER for its primary keys.
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON, int: BigInteger().with_variant(Integer, "sqlite")}


class BranchOffice(Base):
    __tablename__ = "branch"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    utc_offset_minutes: Mapped[int] = mapped_column(default=480)


class Device(Base):
    """A counter PC, known by the device id its branch database made; one token each."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    branch_code: Mapped[str] = mapped_column(ForeignKey("branch.code"))
    counter: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_expires_at: Mapped[dt.datetime]
    registered_at: Mapped[dt.datetime]
    revoked: Mapped[bool] = mapped_column(default=False)
    revoked_at: Mapped[dt.datetime | None]
    last_seq: Mapped[int] = mapped_column(default=0)
    public_key: Mapped[str | None] = mapped_column(String(64))  # Ed25519, hex; None: older
    last_push_at: Mapped[dt.datetime | None]  # the last push head office accepted
    last_pull_at: Mapped[dt.datetime | None]  # the last pull head office answered


class EnrolmentCode(Base):
    """A one-time device registration code for one branch counter (hash only)."""

    __tablename__ = "enrolment_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    branch_code: Mapped[str] = mapped_column(ForeignKey("branch.code"))
    counter: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))
    attempt_hash: Mapped[str | None] = mapped_column(String(64))


class Event(Base):
    """A pushed outbox event, kept forever under its id with the result it was given."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        Index("ix_event_reconcile", "branch_code", "business_date"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    branch_code: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int]
    type: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]
    payload: Mapped[dict[str, Any]]
    cashier: Mapped[str] = mapped_column(String(40), default="")
    business_date: Mapped[dt.date]
    amount: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40), default="")
    message: Mapped[str] = mapped_column(String(400), default="")
    received_at: Mapped[dt.datetime]


class Payment(Base):
    """A payment taken at a branch. ``applied`` is False for money kept as a credit
    (its event was rejected); every payment received counts, exactly once."""

    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(40), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    branch_code: Mapped[str] = mapped_column(String(16))
    device_id: Mapped[str] = mapped_column(String(36))
    connection_no: Mapped[str] = mapped_column(String(20), index=True)
    enrolment_uuid: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int]
    method: Mapped[str] = mapped_column(String(16))
    business_date: Mapped[dt.date]
    paid_at: Mapped[dt.datetime]
    applied: Mapped[bool] = mapped_column(default=True)
    voided: Mapped[bool] = mapped_column(default=False)
    void_event_id: Mapped[str | None] = mapped_column(String(36))


class Enrolment(Base):
    """A customer's enrolment in a programme, as the first branch to send it made it."""

    __tablename__ = "enrolment"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    connection_no: Mapped[str] = mapped_column(String(20), index=True)
    branch_code: Mapped[str] = mapped_column(String(16))
    programme: Mapped[str] = mapped_column(String(40))
    terms_version: Mapped[int]
    state: Mapped[str] = mapped_column(String(16))
    arrears: Mapped[int]
    penalty: Mapped[int]
    penalty_waived: Mapped[int]
    down_payment: Mapped[int]
    instalment_count: Mapped[int]
    business_date: Mapped[dt.date]
    event_id: Mapped[str] = mapped_column(String(36))


class Customer(Base):
    """Customer master data; ``version`` grows with every change head office makes."""

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200))
    rt: Mapped[str] = mapped_column(String(4), default="")
    rw: Mapped[str] = mapped_column(String(4), default="")
    kelurahan: Mapped[str] = mapped_column(String(60))
    kecamatan: Mapped[str] = mapped_column(String(60))
    tariff_group: Mapped[str] = mapped_column(String(8))
    meter_no: Mapped[str] = mapped_column(String(24))
    phone: Mapped[str] = mapped_column(String(24), default="")
    status: Mapped[str] = mapped_column(String(16))
    status_date: Mapped[dt.date]
    version: Mapped[int] = mapped_column(default=1)


class Bill(Base):
    """A monthly bill from the billing system. ``settled_by`` is the payment (uuid) that
    settled it at a branch; ``enrolment_uuid`` the plan that took it over."""

    __tablename__ = "bill"
    __table_args__ = (UniqueConstraint("customer_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    period: Mapped[str] = mapped_column(String(7))
    reading_start: Mapped[int] = mapped_column(default=0)
    reading_end: Mapped[int] = mapped_column(default=0)
    usage_m3: Mapped[int] = mapped_column(default=0)
    water_charge: Mapped[int]
    fees: Mapped[int] = mapped_column(default=0)
    penalty: Mapped[int] = mapped_column(default=0)
    due_date: Mapped[dt.date]
    settled: Mapped[bool] = mapped_column(default=False)
    settled_by: Mapped[str | None] = mapped_column(String(36), index=True)
    enrolment_uuid: Mapped[str | None] = mapped_column(String(36), index=True)


class Terms(Base):
    """A published version of a programme's promotion terms (canonical JSON)."""

    __tablename__ = "terms"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[dt.datetime]


class User(Base):
    """A counter user managed by head office (``branch_code`` None: every branch)."""

    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    branch_code: Mapped[str | None] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1)


class Change(Base):
    """The change log branches pull, in (``txid``, ``id``) order: ``txid`` is the writing
    transaction's id on PostgreSQL (set by the database; pushes commit side by side, so
    ids alone need not follow commit order), 0 on SQLite (one writer: ids do). Only the
    newest change of a (kind, key) is kept. ``branch_code`` None: for all."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_kind_key", "kind", "key"),
                      Index("ix_change_log_txid_id", "txid", "id"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    txid: Mapped[int] = mapped_column(server_default=text("0"))
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(80))
    branch_code: Mapped[str | None] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]


class Epoch(Base):
    """A life of this database; a new one starts after a restore from a backup."""

    __tablename__ = "epoch"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    started_at: Mapped[dt.datetime]
    note: Mapped[str] = mapped_column(String(200), default="")


class SyncException(Base):
    """Something for head-office staff to look at: a rejected event, or a branch whose
    sequence went backwards (``event_id`` then names the refused event)."""

    __tablename__ = "sync_exception"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str | None] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    branch_code: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[dt.datetime]
    resolved_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(String(400), default="")


class ReconcileReport(Base):
    """What a device reported it sent: counts and sums per business day, type, status."""

    __tablename__ = "reconcile_report"
    __table_args__ = (Index("ix_reconcile_report_device", "device_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    branch_code: Mapped[str] = mapped_column(String(16))
    through_seq: Mapped[int]
    business_date: Mapped[dt.date]
    type: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    count: Mapped[int]
    amount: Mapped[int]
    reported_at: Mapped[dt.datetime]


class ChangeRequest(Base):
    """A customer edit asked for at a branch (``fields``: field → requested value), made
    against master ``seen_version``; head-office staff approve or reject it."""

    __tablename__ = "change_request"
    __table_args__ = (Index("ix_change_request_state", "state", "branch_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    branch_code: Mapped[str] = mapped_column(String(16))
    device_id: Mapped[str] = mapped_column(String(36))
    cashier: Mapped[str] = mapped_column(String(40))
    connection_no: Mapped[str] = mapped_column(String(20), index=True)
    seen_version: Mapped[int]
    fields: Mapped[dict[str, Any]]
    reason: Mapped[str] = mapped_column(String(400), default="")
    state: Mapped[str] = mapped_column(String(16), default="pending")
    requested_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(String(400), default="")


class BranchSnapshot(Base):
    """A branch's master data at a change-log cursor, as one compressed file
    (``headoffice/snapshot.py``); ``id`` is the file's SHA-256."""

    __tablename__ = "branch_snapshot"
    __table_args__ = (Index("ix_branch_snapshot_branch", "branch_code", "last_change_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(16))
    epoch: Mapped[str] = mapped_column(String(40))
    last_change_id: Mapped[int]
    last_txid: Mapped[int] = mapped_column(server_default=text("0"))
    changes: Mapped[int]
    size: Mapped[int]
    created_at: Mapped[dt.datetime]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ShiftOwner(Base):
    """The counter (device) whose shift this is: the first to send an event naming it.
    Only that device may count or close it."""

    __tablename__ = "shift_owner"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    branch_code: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str] = mapped_column(String(36))


class AuditAnchor(Base):
    """A counter's audit-chain head as head office received it with a push: ``anchored``
    (it extends the one before) or ``flagged`` (it does not; ``exception_id`` is the
    exceptions-queue entry staff resolve to accept the counter's chain as it is now)."""

    __tablename__ = "audit_anchor"
    __table_args__ = (Index("ix_audit_anchor_device", "device_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.datetime]
    exception_id: Mapped[int | None]
