"""Paging the change log for a branch behind an opaque cursor ``<epoch>:<change id>``
(or ``<epoch>:<transaction id>.<change id>`` on PostgreSQL).

The log is paged in (transaction id, change id) order. On PostgreSQL pushes commit side
by side, so a change with a lower id may commit after one with a higher id: a page
holds only changes of transactions below the oldest one still in flight (as readers of
a database's write-ahead log do), so a change committed late is never passed over — it
comes on a later page. On SQLite (one writer) every transaction id is 0 and ids follow
commit order.

A cursor from another epoch, or pointing past the end of the log (head office restored
from a backup), is refused with 410 ``epoch_changed``: the branch pulls from the start
and re-pushes what head office lacks (``acked_through`` says where that starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, func, literal_column, or_, select, tuple_
from sqlalchemy.orm import Session

from headoffice.db import WRITER_LOCK, current_epoch
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


@dataclass(frozen=True, order=True)
class Position:
    """Where a branch is in the change log: after this transaction id and change id."""

    txid: int = 0
    change_id: int = 0


def format_cursor(epoch: str, position: Position) -> str:
    if not position.txid:
        return f"{epoch}:{position.change_id}"
    return f"{epoch}:{position.txid}.{position.change_id}"


def parse_cursor(cursor: str) -> tuple[str | None, Position]:
    """(epoch, position); the empty cursor is (None, the start)."""
    if not cursor:
        return None, Position()
    epoch, sep, numbers = cursor.rpartition(":")
    txid, dot, number = numbers.rpartition(".")
    if not sep or not epoch or not number.isdigit() or len(number) > 18 \
            or (dot and (not txid.isdigit() or len(txid) > 18)):
        raise bad_body(f"the cursor {cursor[:60]!r} is not one head office gave out")
    return epoch, Position(int(txid) if dot else 0, int(number))


def after(position: Position) -> ColumnElement[bool]:
    """Changes after ``position`` in paging order."""
    return tuple_(Change.txid, Change.id) > tuple_(position.txid, position.change_id)


# The oldest transaction id a page must stop below, read in the page's own statement
# (so against the snapshot its rows are read with): the newest id the snapshot could
# see, or the oldest transaction it cannot see that may still write this head office's
# change log. Only head office's own writers can: they take the writers' advisory lock
# of this schema (``headoffice.db``) before writing anything, so a transaction still
# running without it — another database, another schema's head office, a report held
# open — is passed over. One that ended between the snapshot and the look at the locks
# cannot be told apart and holds the page back until the next pull. Locks give 32-bit
# transaction ids, the snapshot 64-bit ones: they are compared modulo 2^32.
_HORIZON = f"""(SELECT LEAST(pg_snapshot_xmax(snap.s)::text::bigint, (
    SELECT min(x::text::bigint) FROM pg_snapshot_xip(snap.s) AS x
    WHERE x::text::bigint % 4294967296 NOT IN (
        SELECT t.transactionid::text::bigint FROM pg_locks AS t
        WHERE t.locktype = 'transactionid' AND t.granted AND NOT EXISTS (
            SELECT 1 FROM pg_locks AS w
            WHERE w.locktype = 'advisory' AND w.granted
              AND w.virtualtransaction = t.virtualtransaction
              AND w.database = (SELECT oid FROM pg_database
                                WHERE datname = current_database())
              AND w.classid::text::bigint
                  = hashtext(current_schema())::bigint & 4294967295
              AND w.objid::text::bigint = {WRITER_LOCK} AND w.objsubid = 2))))
  FROM (SELECT pg_current_snapshot() AS s) AS snap)"""


def settled(session: Session) -> ColumnElement[bool] | None:
    """On PostgreSQL: changes of transactions that can no longer commit before any other
    head-office writer's (below the oldest one still in flight); None on SQLite, where
    every committed change is."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return Change.txid < literal_column(_HORIZON, BigInteger)


def epoch_changed(epoch: str, device: Device) -> ApiError:
    return ApiError(410, "epoch_changed",
                    "head office's database was restored or renewed since the last sync: "
                    "pull again from the start and re-push the events after acked_through",
                    epoch=epoch, acked_through=device.last_seq)


def cursor_is_stale(session: Session, cursor: str) -> bool:
    """Is ``cursor`` of another epoch, or past the end of the log (a restore)?
    ``bad_body`` for a cursor head office never gave out."""
    cursor_epoch, position = parse_cursor(cursor)
    if cursor_epoch is not None and cursor_epoch != current_epoch(session):
        return True
    last = position.change_id
    return bool(last and last > (session.scalar(select(func.max(Change.id))) or 0))


def pull(session: Session, device: Device, cursor: str, limit: int = DEFAULT_LIMIT) -> Page:
    """The next page of changes for the device's branch after ``cursor``."""
    epoch = current_epoch(session)
    _, position = parse_cursor(cursor)
    if cursor_is_stale(session, cursor):
        raise epoch_changed(epoch, device)
    limit = max(1, min(limit, MAX_LIMIT))
    query = select(Change).where(after(position), or_(
        Change.branch_code.is_(None), Change.branch_code == device.branch_code))
    horizon = settled(session)
    if horizon is not None:
        query = query.where(horizon)
    rows = list(session.scalars(query.order_by(Change.txid, Change.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"change_id": r.id, "kind": r.kind, "key": r.key, "data": r.data} for r in rows]
    if rows:
        position = Position(rows[-1].txid, rows[-1].id)
    return Page(epoch, changes, format_cursor(epoch, position), more)
