"""Request and response bodies of the sync API (they make the OpenAPI document)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator

from headoffice.push import MAX_EVENTS

DeviceId = Annotated[str, Field(pattern=r"^[0-9A-Za-z-]{8,36}$", description="device UUID")]
EventId = Annotated[str, Field(pattern=r"^[0-9A-Za-z-]{8,36}$", description="event UUID")]
BranchCode = Annotated[str, Field(min_length=1, max_length=16)]
Count = Annotated[StrictInt, Field(ge=0, le=10**15)]
MAX_SEQ = 2**53


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore")


class RegisterRequest(_Body):
    code: Annotated[str, Field(min_length=1, max_length=40)]
    device_id: DeviceId
    branch: BranchCode
    counter: Annotated[str, Field(min_length=1, max_length=16)]
    public_key: Annotated[str | None, Field(
        pattern=r"^[0-9a-f]{64}$", description="the counter's Ed25519 public key (hex) that "
        "its sync bundles are signed with")] = None
    attempt_key: Annotated[str | None, Field(
        min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
        description="random per attempt, kept by the counter: the same code may be redeemed "
        "again by the same device with the same attempt key for a short while (an answer "
        "lost on the way)")] = None


class RegisterResponse(_Body):
    token: str
    branch: str
    counter: str
    epoch: str
    acked_through: int


class PushEvent(_Body):
    id: EventId
    seq: Annotated[StrictInt, Field(ge=1, le=MAX_SEQ)]
    type: Annotated[str, Field(min_length=1, max_length=40)]
    created_at: dt.datetime = Field(description="branch-local time, ISO 8601")
    payload: dict[str, Any]

    @field_validator("created_at", mode="before")
    @classmethod
    def _iso_text(cls, value: object) -> object:
        if not isinstance(value, str):
            raise ValueError("created_at must be an ISO 8601 date and time")
        return value

    @field_validator("created_at")
    @classmethod
    def _local(cls, value: dt.datetime) -> dt.datetime:
        return value.replace(tzinfo=None)


class AuditHeadBody(_Body):
    """The counter's audit chain as it is now (docs/sync-protocol.md, "Books anchored")."""

    head_id: Count = Field(description="the newest audit record (0: none)")
    head_hash: Annotated[str, Field(max_length=64)]
    anchor_id: Count = Field(description="the record head office anchored last, as its "
                                         "last answer said (0: none known)")
    anchor_hash: Annotated[str, Field(max_length=64)] = Field(
        description="the hash the counter now holds for that record")
    problem: Annotated[str, Field(max_length=300)] = Field(
        "", description="what the counter's own check of its chain found; empty when none")


class AuditAnchorBody(_Body):
    status: Literal["anchored", "flagged", "stale"] = Field(
        description="stale: the push named an older anchor; send the head again naming "
                    "anchor_id")
    anchor_id: int = Field(description="the last head head office accepted")
    anchor_hash: str
    message: str = Field(description="why the chain was flagged; empty when anchored")


class PushRequest(_Body):
    device_id: DeviceId
    branch: BranchCode
    events: Annotated[list[PushEvent], Field(max_length=MAX_EVENTS)]
    audit: AuditHeadBody | None = Field(None, description="the counter's audit-chain head")


class EventResultBody(_Body):
    id: str
    seq: int
    status: Literal["applied", "rejected", "duplicate"]
    reason: str = Field(description="why it was rejected (a code); empty when applied")
    message: str = Field(description="the rejection in an English sentence")
    original: Literal["applied", "rejected"] | None = Field(
        None, description="for a duplicate: the result it was given the first time")


class PushResponse(_Body):
    results: list[EventResultBody]
    acked_through: int = Field(description="highest seq head office now holds for the device")
    audit: AuditAnchorBody | None = Field(
        None, description="the chain head's check, when the push carried one")


class ChangeBody(_Body):
    change_id: int
    kind: Literal["customer", "bill", "terms", "user", "ack", "change_request"]
    key: str
    data: dict[str, Any]


class PullResponse(_Body):
    epoch: str
    changes: list[ChangeBody]
    cursor: str
    more: bool


class SnapshotResponse(_Body):
    id: Annotated[str, Field(description="SHA-256 of the file, hex")]
    epoch: str
    cursor: str
    size: int
    changes: int
    created_at: dt.datetime


class DayTotalBody(_Body):
    business_date: dt.date
    type: Annotated[str, Field(max_length=40)]
    status: Literal["applied", "rejected"]
    count: Count
    amount: Annotated[StrictInt, Field(ge=-(10**15), le=10**15)]


class ReconcileResponse(_Body):
    device_id: str
    through_seq: int
    days: list[DayTotalBody]


class ReconcileReportRequest(_Body):
    device_id: DeviceId
    through_seq: Count
    days: Annotated[list[DayTotalBody], Field(max_length=20_000)]


class DifferenceBody(_Body):
    business_date: dt.date
    type: str
    status: str
    head_office_count: int
    head_office_amount: int
    branch_count: int
    branch_amount: int


class ReconcileReportResponse(_Body):
    matches: bool
    days: list[DayTotalBody] = Field(description="head office's figures for the same range")
    differences: list[DifferenceBody]


class HealthResponse(_Body):
    status: Literal["ok"]
    protocol: list[int]
    epoch: str


class ErrorBody(BaseModel):
    """Every refusal: a stable code, an English sentence, and details such as
    ``expected_seq``, ``epoch``, ``acked_through`` or ``supported``."""

    model_config = ConfigDict(extra="allow")
    error: str
    message: str
