"""What branch and head office exchange (``docs/sync-protocol.md``) and where the branch
keeps its sync state (rows of ``setting``).

Also the checks every answer from head office goes through: an answer of the wrong
shape is a ``SYNC_BAD_RESPONSE`` error before anything local is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.models import OutboxEvent, Setting
from app.services.context import Actor, local_counter, system_actor
from app.services.errors import DomainError, ErrorCode
from app.services.unit_of_work import UnitOfWork

PROTOCOL_VERSION = 1
MAX_BATCH = 500
PULL_LIMIT = 1000

REGISTER_PATH = "/api/v1/devices/register"
PUSH_PATH = "/api/v1/push"
PULL_PATH = "/api/v1/pull"
RECONCILE_PATH = "/api/v1/reconcile"

CURSOR_KEY = "sync_cursor"
LAST_SYNC_KEY = "last_sync_at"
URL_KEY = "headoffice_url"
CA_FILE_KEY = "headoffice_ca_file"
REGISTRATION_KEY = "headoffice_registration"
ACKED_THROUGH_KEY = "headoffice_acked_through"
LOCK_KEY = "sync_lock"
RECONCILE_KEY = "last_reconcile"

SYNC_ACTOR = "sync"
UowFactory = Callable[[], UnitOfWork]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Device:
    """This counter as head office knows it."""

    device_id: str
    branch: str
    counter: str


def local_device(session: Session) -> Device:
    counter, branch = local_counter(session)
    return Device(counter.device_id, branch.code, counter.code)


def sync_actor(session: Session) -> Actor:
    """The actor named in audit records written by a sync."""
    return system_actor(session, SYNC_ACTOR)


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def drop_setting(session: Session, key: str) -> None:
    session.execute(delete(Setting).where(Setting.key == key))


def max_seq(session: Session, device_id: str) -> int:
    """The highest sequence number this device has written (0 before any event)."""
    value = session.scalar(select(func.max(OutboxEvent.seq))
                           .where(OutboxEvent.device_id == device_id))
    return int(value or 0)


def first_pending_seq(session: Session, device_id: str) -> int | None:
    value = session.scalar(select(func.min(OutboxEvent.seq)).where(
        OutboxEvent.device_id == device_id, OutboxEvent.acked_at.is_(None)))
    return None if value is None else int(value)


def pending_count(session: Session, device_id: str) -> int:
    """Events of this device head office has not acknowledged yet."""
    return int(session.scalar(select(func.count()).select_from(OutboxEvent).where(
        OutboxEvent.device_id == device_id, OutboxEvent.acked_at.is_(None))) or 0)


def acked_prefix(session: Session, device_id: str) -> int:
    """The highest seq such that every event up to it is acknowledged."""
    first = first_pending_seq(session, device_id)
    return max_seq(session, device_id) if first is None else first - 1


MONEY_TYPES = ("enrolment.paid", "instalment.paid", "payment.voided")


def event_amount(event_type: str, payload: dict[str, Any]) -> int:
    """The rupiah an event counts for in totals: a payment's or a void's integer
    ``amount``; 0 for every other event."""
    amount = payload.get("amount")
    if event_type in MONEY_TYPES and isinstance(amount, int) and not isinstance(amount, bool):
        return amount
    return 0


def event_to_wire(event: OutboxEvent) -> dict[str, Any]:
    """An outbox row as it travels in a push or a bundle."""
    return {"id": event.id, "seq": event.seq, "type": event.type,
            "created_at": event.created_at.isoformat(), "payload": json.loads(event.payload)}


def bad_response(problem: str) -> DomainError:
    return DomainError(ErrorCode.SYNC_BAD_RESPONSE, problem=problem)


def need(data: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """``data[key]`` when ``data`` is an object holding a value of ``kind`` there."""
    if not isinstance(data, dict) or key not in data:
        raise bad_response(f"{where} lacks '{key}'")
    value = data[key]
    if (isinstance(value, bool) and kind is int) or not isinstance(value, kind):
        raise bad_response(f"{where}: '{key}' has the wrong type")
    return value


def need_int(data: Any, key: str, where: str, *, minimum: int = 0) -> int:
    value: int = need(data, key, int, where)
    if value < minimum:
        raise bad_response(f"{where}: '{key}' is below {minimum}")
    return value


def parse_time(text: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def refusal(status: int, body: Any) -> DomainError:
    """The error for an answer that is not a success (see "Common" in the protocol)."""
    data = body if isinstance(body, dict) else {}
    code = str(data.get("error") or "")
    message = str(data.get("message") or "")
    if f"HTTP {status}" not in message:
        message = f"{message} (HTTP {status})" if message else f"HTTP {status}"
    if code == "device_revoked":
        return DomainError(ErrorCode.SYNC_DEVICE_REVOKED)
    if status == 401 or code == "unauthorised":
        return DomainError(ErrorCode.SYNC_UNAUTHORISED)
    if status == 426 or code == "protocol_unsupported":
        supported = data.get("supported")
        listed = ", ".join(map(str, supported)) if isinstance(supported, list) else "?"
        return DomainError(ErrorCode.SYNC_PROTOCOL_UNSUPPORTED, version=PROTOCOL_VERSION,
                           supported=listed or "?")
    if status >= 500:
        return DomainError(ErrorCode.SYNC_UNREACHABLE, problem=f"head office failed: {message}")
    return DomainError(ErrorCode.SYNC_REFUSED, problem=message, status=status, error=code)


def error_code(body: Any) -> str:
    return str(body.get("error", "")) if isinstance(body, dict) else ""
