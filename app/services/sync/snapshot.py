"""The first pull of a counter with no cursor: the branch snapshot instead of every page.

Head office answers ``GET /api/v1/snapshot`` with the snapshot to fetch (its id is the
file's SHA-256, its epoch and cursor); the file comes from ``GET /api/v1/snapshot/<id>``
in one ranged download, written to ``snapshot-<id>.part`` next to the branch database
as it arrives — a cut link keeps what came, and the next sync continues from there
(``have=<id>`` asks head office for the same file again). The finished file is checked
against its hash and its epoch (another epoch's or a damaged file is dropped and fetched
anew, once), then loaded in one transaction with its cursor (``snapshot_load``); the
ordinary pages continue from that cursor.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.errors import DomainError, ErrorCode
from app.services.sync.progress import ProgressFn, report_progress
from app.services.sync.protocol import (
    CancelCheck,
    UowFactory,
    bad_response,
    error_code,
    local_device,
    need,
    need_int,
    refusal,
)
from app.services.sync.snapshot_load import SnapshotLoaded, load_snapshot, read_snapshot
from app.services.sync.transport import Downloader, Transport

SNAPSHOT_PATH = "/api/v1/snapshot"
ATTEMPTS = 2  # a damaged or stale file is fetched once more, then refused


@dataclass(frozen=True)
class SnapshotOffer:
    """The snapshot head office offers (``GET /api/v1/snapshot``)."""

    id: str
    epoch: str
    cursor: str
    size: int
    changes: int


def work_folder(uow_factory: UowFactory) -> Path:
    """The branch database's folder (a partial download survives a restart there)."""
    with uow_factory() as uow:
        database = uow.session.get_bind().engine.url.database
    if database and database != ":memory:":
        return Path(database).resolve().parent
    return Path(tempfile.gettempdir())


def partial_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("snapshot-*.part"))


def kept_bytes(folder: Path) -> int:
    """Bytes of a cut snapshot download kept for the next sync (0 when none)."""
    return sum(p.stat().st_size for p in partial_files(folder))


def first_pull(uow_factory: UowFactory, transport: Transport, *,
               progress: ProgressFn | None = None,
               cancel: CancelCheck | None = None) -> SnapshotLoaded | None:
    """Fetch and load the branch snapshot; None when this link or head office has none
    (the pull then pages from the start) or the download was cancelled."""
    if not isinstance(transport, Downloader):
        return None
    folder = work_folder(uow_factory)
    with uow_factory() as uow:
        branch = local_device(uow.session).branch
    for attempt in range(1, ATTEMPTS + 1):
        offer = _offer(transport, _partial_id(folder))
        if offer is None:
            return None
        path = folder / f"snapshot-{offer.id}.part"
        for other in partial_files(folder):
            if other != path:
                other.unlink(missing_ok=True)  # another epoch's, or no longer kept
        fetched = _download(transport, offer, path, progress, cancel)
        if fetched is None:  # head office no longer keeps it: ask for the current one
            path.unlink(missing_ok=True)
            continue
        if not fetched:
            return None
        data = path.read_bytes()
        try:
            if hashlib.sha256(data).hexdigest() != offer.id:
                raise bad_response("the snapshot does not match its hash")
            snapshot = read_snapshot(data, offer.epoch, branch)
        except Exception:
            path.unlink(missing_ok=True)
            if attempt == ATTEMPTS:
                raise
            continue
        loaded = load_snapshot(uow_factory, snapshot)
        path.unlink(missing_ok=True)
        report_progress(progress, "pull", loaded.changes, loaded.changes, transport)
        return loaded
    raise bad_response("head office's snapshot could not be fetched whole")


def _partial_id(folder: Path) -> str:
    found = partial_files(folder)
    return found[-1].name.removeprefix("snapshot-").removesuffix(".part") if found else ""


def _offer(transport: Transport, have: str) -> SnapshotOffer | None:
    status, body = transport.get(SNAPSHOT_PATH, {"have": have} if have else None)
    if status == 404 and error_code(body) in ("", "not_found"):
        return None  # a head office without snapshots
    if status != 200:
        raise refusal(status, body)
    where = "the snapshot answer"
    offer = SnapshotOffer(need(body, "id", str, where), need(body, "epoch", str, where),
                          need(body, "cursor", str, where), need_int(body, "size", where),
                          need_int(body, "changes", where))
    if len(offer.id) != 64 or any(c not in "0123456789abcdef" for c in offer.id):
        raise bad_response(f"{where}: the id is not a SHA-256")
    if not offer.cursor.startswith(f"{offer.epoch}:"):
        raise bad_response(f"{where}: the cursor is not of its epoch")
    return offer


def _download(transport: Transport, offer: SnapshotOffer, path: Path,
              progress: ProgressFn | None, cancel: CancelCheck | None) -> bool | None:
    """Fetch the rest of the file into ``path``; False when cancelled before the end,
    None when head office no longer keeps the file."""
    assert isinstance(transport, Downloader)
    with path.open("ab") as sink:
        start = sink.tell()
        if start > offer.size:
            sink.truncate(0)
            start = 0
        if start == offer.size:
            return True
        last = [start]

        def keep_going() -> bool:
            sink.flush()
            done = sink.tell()
            if done - last[0] >= 64 * 1024:
                last[0] = done
                report_progress(progress, "snapshot", done, offer.size, transport)
            return not (cancel is not None and cancel())

        status, body, total = transport.download(f"{SNAPSHOT_PATH}/{offer.id}", start, sink,
                                                 keep_going)
        if status == 404 and error_code(body) == "snapshot_gone":
            return None
        if status not in (200, 206):
            raise refusal(status, _body(body))
        if total != offer.size:
            raise bad_response("the snapshot's size is not the size announced")
        done = sink.tell()
    report_progress(progress, "snapshot", done, offer.size, transport)
    if done >= offer.size:
        return True
    if cancel is not None and cancel():
        return False
    raise DomainError(ErrorCode.SYNC_UNREACHABLE,
                      problem=f"the snapshot download was cut; {done:,} of {offer.size:,} "
                              "bytes are kept and the next sync continues from there")


def _body(body: Any) -> Any:
    return body if isinstance(body, dict) else {}
