"""Paging the change log for a branch behind an opaque cursor ``<epoch>:<change id>``.

A cursor from another epoch, or pointing past the end of the log (head office restored
from a backup), is refused with 410 ``epoch_changed``: the branch pulls from the start
and re-pushes what head office lacks (``acked_through`` says where that starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from headoffice.db import current_epoch
from headoffice.errors import ApiError, bad_body
from headoffice.models import Change, Device

DEFAULT_LIMIT = 1000
MAX_LIMIT = 5000


@dataclass(frozen=True)
class Page:
    epoch: str
    changes: list[dict[str, Any]]
    cursor: str
    more: bool


def parse_cursor(cursor: str) -> tuple[str | None, int]:
    """(epoch, last change id); the empty cursor is (None, 0)."""
    if not cursor:
        return None, 0
    epoch, sep, number = cursor.rpartition(":")
    if not sep or not epoch or not number.isdigit() or len(number) > 18:
        raise bad_body(f"the cursor {cursor[:60]!r} is not one head office gave out")
    return epoch, int(number)


def epoch_changed(epoch: str, device: Device) -> ApiError:
    return ApiError(410, "epoch_changed",
                    "head office's database was restored or renewed since the last sync: "
                    "pull again from the start and re-push the events after acked_through",
                    epoch=epoch, acked_through=device.last_seq)


def cursor_is_stale(session: Session, cursor: str) -> bool:
    """Is ``cursor`` of another epoch, or past the end of the log (a restore)?
    ``bad_body`` for a cursor head office never gave out."""
    cursor_epoch, after = parse_cursor(cursor)
    if cursor_epoch is not None and cursor_epoch != current_epoch(session):
        return True
    return bool(after and after > (session.scalar(select(func.max(Change.id))) or 0))


def pull(session: Session, device: Device, cursor: str, limit: int = DEFAULT_LIMIT) -> Page:
    """The next page of changes for the device's branch after ``cursor``."""
    epoch = current_epoch(session)
    _, after = parse_cursor(cursor)
    if cursor_is_stale(session, cursor):
        raise epoch_changed(epoch, device)
    limit = max(1, min(limit, MAX_LIMIT))
    rows = list(session.scalars(
        select(Change).where(Change.id > after, or_(Change.branch_code.is_(None),
                                                     Change.branch_code == device.branch_code))
        .order_by(Change.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"change_id": r.id, "kind": r.kind, "key": r.key, "data": r.data} for r in rows]
    return Page(epoch, changes, f"{epoch}:{rows[-1].id if rows else after}", more)
