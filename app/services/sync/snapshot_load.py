"""Reading a branch snapshot file and loading it in one transaction with its cursor.

The file (``headoffice/snapshot.py``) is LZMA-compressed JSON holding, per kind, the
changes a pull from the start would bring, column by column. Nothing in it is trusted
for coming from head office: its shape is checked here, and every change goes through
the same checks as a pulled page (``apply``), with bulk statements — straight into the
tables for a counter that holds no customers yet (``snapshot_fresh``) — in one
transaction that also stores the snapshot's cursor: a crash leaves all of it or none.
"""

from __future__ import annotations

import hashlib
import json
import lzma
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select

from app.models import Customer
from app.services.audit.journal import record_change
from app.services.search.customers import bulk_loading
from app.services.sync.apply import KINDS, ApplyCounts, apply_changes
from app.services.sync.protocol import (
    CURSOR_KEY,
    UowFactory,
    bad_response,
    local_device,
    put_setting,
    sync_actor,
)
from app.services.sync.snapshot_file import KEY_FROM_DATA, Group, Snapshot
from app.services.sync.snapshot_fresh import load_fresh

FORMAT = 1
SNAPSHOT_MEMBER = "snapshot.xz"  # in a reply bundle (``bundle``)
MAX_INFLATED = 512 * 1024 * 1024


@dataclass(frozen=True)
class SnapshotLoaded:
    cursor: str
    changes: int
    counts: ApplyCounts


def read_snapshot(data: bytes, epoch: str, branch: str) -> Snapshot:
    """The snapshot's changes; ``SYNC_BAD_RESPONSE`` for a damaged file, one of another
    epoch than head office announced, or of another branch."""
    inflater = lzma.LZMADecompressor()
    try:
        text = inflater.decompress(data, MAX_INFLATED + 1)
    except lzma.LZMAError as exc:
        raise bad_response("the snapshot is damaged") from exc
    if len(text) > MAX_INFLATED or not inflater.eof:
        raise bad_response("the snapshot is cut off or too large")
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise bad_response("the snapshot is not JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise bad_response(f"the snapshot is not of format {FORMAT}")
    if doc.get("epoch") != epoch:
        raise bad_response("the snapshot is of another epoch than head office's")
    if doc.get("branch") != branch:
        raise bad_response(f"the snapshot is not of branch {branch}")
    cursor = doc.get("cursor")
    if not isinstance(cursor, str) or not cursor.startswith(f"{epoch}:"):
        raise bad_response("the snapshot's cursor is not of its epoch")
    kinds = doc.get("kinds")
    if not isinstance(kinds, dict) or any(k not in KINDS for k in kinds):
        raise bad_response("the snapshot holds an unknown kind of change")
    groups: list[Group] = []
    count = 0
    for kind in KINDS:
        for group in _list(kinds.get(kind, []), kind):
            groups.append(_group(kind, group, count))
            count += len(groups[-1].keys)
    return Snapshot(epoch, branch, cursor, tuple(groups), count)


def bundled_snapshot(manifest: dict[str, Any], data: bytes, branch: str) -> Snapshot:
    """The snapshot a reply bundle carries (its signed manifest names it by hash)."""
    facts = manifest.get("snapshot")
    if not isinstance(facts, dict) or facts.get("id") != hashlib.sha256(data).hexdigest():
        raise bad_response("the bundle's snapshot does not match its manifest")
    snapshot = read_snapshot(data, str(manifest.get("epoch") or ""), branch)
    if snapshot.cursor != facts.get("cursor"):
        raise bad_response("the bundle's snapshot is not at the cursor its manifest names")
    return snapshot


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise bad_response(f"the snapshot's {where} is not a list")
    return value


def _group(kind: str, group: Any, before: int) -> Group:
    """One group of a kind (changes with the same fields), its shape checked."""
    if not isinstance(group, dict):
        raise bad_response(f"the snapshot's {kind} group is not an object")
    names = _list(group.get("fields"), f"{kind} fields")
    keys = _list(group.get("keys"), f"{kind} keys")
    columns = _list(group.get("columns"), f"{kind} columns")
    if len(columns) != len(names) or any(not isinstance(n, str) for n in names) \
            or any(not isinstance(c, list) or len(c) != len(keys) for c in columns):
        raise bad_response(f"the snapshot's {kind} columns do not match its fields")
    kinds_of_key = set(map(type, keys))
    if not kinds_of_key <= ({str, type(None)} if kind in KEY_FROM_DATA else {str}):
        n = next(n for n, k in enumerate(keys) if not isinstance(k, str)
                 and (k is not None or kind not in KEY_FROM_DATA))
        raise bad_response(f"the snapshot's {kind} {before + n + 1} has no key")
    return Group(kind, tuple(names), keys, columns, before)


def load_snapshot(uow_factory: UowFactory, snapshot: Snapshot) -> SnapshotLoaded:
    """Apply every change of the snapshot and store its cursor, in one transaction.

    Only a counter without customers loads in bulk (the search index and the arrears
    made once, for every customer, at the end). A counter that already holds customers
    applies the snapshot as it would a page: the rows the snapshot changes are written,
    and the search index follows them row by row; the rest is left as it is. (Made
    again for a million customers, the index took minutes of a sync that brought
    nothing new.)"""
    with uow_factory() as uow:
        session = uow.session
        device_id = local_device(session).device_id
        if session.scalar(select(Customer.id).limit(1)) is None:
            with bulk_loading(uow):
                counts = load_fresh(uow, device_id, snapshot) or apply_changes(
                    session, uow.now, device_id, snapshot.changes)
        else:
            counts = apply_changes(session, uow.now, device_id, snapshot.changes)
        put_setting(session, CURSOR_KEY, snapshot.cursor)
        record_change(session, sync_actor(session), uow.now, action="sync.snapshot",
                      entity="sync", entity_id=snapshot.cursor[:40],
                      details={"cursor": snapshot.cursor, "changes": snapshot.count,
                               **{f.name: getattr(counts, f.name) for f in fields(counts)}})
        uow.commit()
    return SnapshotLoaded(snapshot.cursor, snapshot.count, counts)
