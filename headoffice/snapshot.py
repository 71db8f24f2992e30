"""Branch snapshots: a branch's whole master data at a change-log cursor, in one file.

A new counter's first pull takes one snapshot instead of every page of the change log.
The file is LZMA-compressed JSON (format 1) holding, per kind of change, the changes the
branch would pull from the start — the change log keeps only the newest change of each
key, so this is the branch's current state, not its history — stored column by column
(all values of one field together compress far better than row after row), grouped by
the fields a change carries so that a change without a field stays without it:

``{"format": 1, "epoch", "branch", "cursor": "<epoch>:<id>", "changes": N,
"kinds": {kind: [{"fields": [...], "keys": [...], "columns": [[...], ...]}]}}``

Snapshots are kept in ``branch_snapshot`` (the file's SHA-256 is its id, so a counter
resumes a cut download by id) and built again in the background once the branch's change
log has grown by :data:`REBUILD_AFTER` changes since, or the epoch changed
(``snapshot_ahead``); the counter pages the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import lzma
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, cast, delete, func, or_, select
from sqlalchemy.orm import Session, defer

from headoffice.db import Database, current_epoch, utcnow
from headoffice.errors import bad_body
from headoffice.models import BranchSnapshot, Change
from headoffice.pull import Position, after, format_cursor, settled

FORMAT = 1
REBUILD_AFTER = 2_000  # changes for the branch since the snapshot's cursor
BUNDLE_MEMBER = "snapshot.xz"  # in a reply bundle for a counter that never pulled
KEEP = 2  # snapshots kept per branch (a download under way finishes on the older one)
_KEY_FROM_DATA = {"customer": ("connection_no",), "bill": ("connection_no", "period")}


@dataclass(frozen=True)
class SnapshotInfo:
    """What a counter needs to fetch a snapshot and to trust it."""

    id: str
    branch: str
    epoch: str
    cursor: str
    changes: int
    size: int
    created_at: dt.datetime


def info(row: BranchSnapshot) -> SnapshotInfo:
    cursor = format_cursor(row.epoch, Position(row.last_txid, row.last_change_id))
    return SnapshotInfo(row.id, row.branch_code, row.epoch, cursor, row.changes, row.size,
                        row.created_at)


def branch_filter(branch: str) -> Any:
    return or_(Change.branch_code.is_(None), Change.branch_code == branch)


def build(session: Session, branch: str) -> tuple[bytes, str, Position, int]:
    """(file bytes, epoch, position of its last change, changes) of the branch's snapshot
    now: every settled change of the branch (``pull.settled``), read in one statement as
    plain rows (the JSON text decoded once here, no ORM objects) and compressed once."""
    epoch = current_epoch(session)
    upto = Position()
    groups: dict[tuple[str, tuple[str, ...]], _Group] = {}
    count = 0
    query = select(Change.txid, Change.id, Change.kind, Change.key,
                   cast(Change.data, Text)).where(branch_filter(branch))
    horizon = settled(session)
    if horizon is not None:
        query = query.where(horizon)
    loads, last = json.loads, (0, 0)
    for txid, change_id, kind, key, value in session.execute(
            query.order_by(Change.txid, Change.id)):
        data = loads(value)
        fields = tuple(data)
        group = groups.get((kind, fields))
        if group is None:
            group = groups[kind, fields] = _Group(kind, fields)
        group.add(key, data)
        last = txid, change_id
        count += 1
    if count:
        upto = Position(*last)
    kinds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in groups.values():
        kinds[group.kind].append(group.as_json())
    doc = {"format": FORMAT, "epoch": epoch, "branch": branch,
           "cursor": format_cursor(epoch, upto), "changes": count, "kinds": kinds}
    plain = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return lzma.compress(plain, preset=6), epoch, upto, count


class _Group:
    """The changes of one kind carrying the same fields, column by column; a key the
    counter derives from the data (``_KEY_FROM_DATA``) is written as null."""

    def __init__(self, kind: str, fields: tuple[str, ...]) -> None:
        self.kind, self.fields = kind, fields
        self.keys: list[str | None] = []
        self.columns: list[list[Any]] = [[] for _ in fields]
        self._appends = [column.append for column in self.columns]
        self._derived = _KEY_FROM_DATA.get(kind)

    def add(self, key: str, data: dict[str, Any]) -> None:
        derived = self._derived
        same = derived is not None and key == ":".join([str(data.get(f)) for f in derived])
        self.keys.append(None if same else key)
        for append, value in zip(self._appends, data.values(), strict=True):
            append(value)

    def as_json(self) -> dict[str, Any]:
        return {"fields": list(self.fields), "keys": self.keys, "columns": self.columns}


def newest(session: Session, branch: str, epoch: str) -> BranchSnapshot | None:
    """The branch's newest kept snapshot of ``epoch`` (its file left unread)."""
    return session.scalar(select(BranchSnapshot).options(defer(BranchSnapshot.data))
                          .where(BranchSnapshot.branch_code == branch,
                                 BranchSnapshot.epoch == epoch)
                          .order_by(BranchSnapshot.last_txid.desc(),
                                    BranchSnapshot.last_change_id.desc(),
                                    BranchSnapshot.created_at.desc()).limit(1))


def behind(session: Session, snapshot: BranchSnapshot, up_to: int) -> int:
    """How many changes of its branch came after ``snapshot`` (counted up to ``up_to``)."""
    newer = select(Change.id).where(
        after(Position(snapshot.last_txid, snapshot.last_change_id)),
        branch_filter(snapshot.branch_code)).limit(up_to).subquery()
    return session.scalar(select(func.count()).select_from(newer)) or 0


def store(db: Database, branch: str, built: tuple[bytes, str, Position, int]) -> SnapshotInfo:
    """Keep a snapshot ``build`` made (and only the newest :data:`KEEP` of the branch)."""
    return _store(db, branch, *built)


def _store(db: Database, branch: str, data: bytes, epoch: str, upto: Position,
           count: int) -> SnapshotInfo:
    digest = hashlib.sha256(data).hexdigest()
    with db.writing() as session:
        row = session.get(BranchSnapshot, digest)
        if row is None:
            row = BranchSnapshot(id=digest, branch_code=branch, epoch=epoch,
                                 last_change_id=upto.change_id, last_txid=upto.txid,
                                 changes=count, size=len(data),
                                 created_at=utcnow(), data=data)
            session.add(row)
            session.flush()
        kept = list(session.scalars(
            select(BranchSnapshot.id).where(BranchSnapshot.branch_code == branch)
            .order_by(BranchSnapshot.last_txid.desc(), BranchSnapshot.last_change_id.desc(),
                      BranchSnapshot.created_at.desc()).limit(KEEP)))
        session.execute(delete(BranchSnapshot).where(
            BranchSnapshot.branch_code == branch, BranchSnapshot.id.not_in(kept)))
        return info(row)


def parse_range(header: str | None) -> tuple[int, int | None]:
    """``bytes=START-`` or ``bytes=START-END`` (the only forms a counter sends);
    a missing header is the whole file."""
    if header is None:
        return 0, None
    unit, _, spec = header.strip().partition("=")
    first, dash, last = spec.partition("-")
    if unit.strip() != "bytes" or not dash or not first.isdigit() or len(first) > 12 \
            or (last and (not last.isdigit() or len(last) > 12 or int(last) < int(first))):
        raise bad_body(f"the range {header[:40]!r} is not bytes=START- or bytes=START-END")
    return int(first), int(last) if last else None


def read_part(db: Database, branch: str, snapshot_id: str, start: int,
              end: int | None) -> tuple[bytes, int] | None:
    """Bytes ``start``..``end`` (inclusive; None: to the end) of a kept snapshot of the
    branch, and its whole size; None when head office no longer keeps it."""
    with db.reading() as session:
        row = session.get(BranchSnapshot, snapshot_id)
        if row is None or row.branch_code != branch:
            return None
        stop = row.size if end is None else min(end + 1, row.size)
        return bytes(row.data[start:stop]), row.size
