"""Pulling head office's changes page by page behind an opaque cursor.

A first pull (no cursor) starts with the branch snapshot when head office offers one
(``snapshot``), and pages on from its cursor. Each page is applied in one local
transaction together with its cursor (setting
``sync_cursor``): a crash or a refused page leaves the branch with either the whole
page and its cursor or neither. A cursor of another epoch (head office restored from a
backup) is answered with 410: the cursor is reset and the pull starts again from the
beginning of the new epoch; the caller then pushes again what head office lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from app.services.audit.journal import record_change
from app.services.sync.apply import ApplyCounts, Change, apply_changes, parse_change
from app.services.sync.progress import ProgressFn, report_progress
from app.services.sync.protocol import (
    CURSOR_KEY,
    PULL_LIMIT,
    PULL_PATH,
    CancelCheck,
    UowFactory,
    bad_response,
    error_code,
    get_setting,
    local_device,
    need,
    put_setting,
    refusal,
    sync_actor,
)
from app.services.sync.snapshot import first_pull
from app.services.sync.transport import Transport


@dataclass(frozen=True)
class Page:
    epoch: str
    changes: tuple[Change, ...]
    cursor: str
    more: bool


@dataclass(frozen=True)
class PullResult:
    pages: int
    changes: int
    counts: ApplyCounts
    epoch_changed: bool
    cursor: str
    cancelled: bool = False


def pull_changes(uow_factory: UowFactory, transport: Transport, *,
                 progress: ProgressFn | None = None, cancel: CancelCheck | None = None,
                 limit: int = PULL_LIMIT) -> PullResult:
    """Pull and apply every page head office has after this branch's cursor."""
    with uow_factory() as uow:
        cursor = get_setting(uow.session, CURSOR_KEY) or ""
    pages = changes = 0
    counts, epoch_changed = ApplyCounts(), False
    while True:
        if not cursor:  # a first pull (or a new epoch): the branch snapshot, if offered
            loaded = first_pull(uow_factory, transport, progress=progress, cancel=cancel)
            if loaded is not None:
                cursor, changes = loaded.cursor, changes + loaded.changes
                counts = add_counts(counts, loaded.counts)
        if cancel is not None and cancel():
            return PullResult(pages, changes, counts, epoch_changed, cursor, cancelled=True)
        status, body = transport.get(PULL_PATH, {"cursor": cursor, "limit": str(limit)})
        if status == 410 and error_code(body) == "epoch_changed":
            if epoch_changed or not cursor:
                raise bad_response("head office refuses a pull from the beginning")
            reset_cursor(uow_factory, cursor, body)
            cursor, epoch_changed = "", True
            continue
        if status != 200:
            raise refusal(status, body)
        page = parse_page(body)
        counts = add_counts(counts, apply_page(uow_factory, page))
        pages, changes, cursor = pages + 1, changes + len(page.changes), page.cursor
        report_progress(progress, "pull", changes, 0, transport)
        if not page.more:
            return PullResult(pages, changes, counts, epoch_changed, cursor)
        if not page.changes:
            raise bad_response("head office announced more changes but sent none")


def parse_page(body: Any) -> Page:
    """Check a pull answer's shape (every change) before anything is applied."""
    where = "the pull answer"
    items = need(body, "changes", list, where)
    changes = tuple(parse_change(item, f"change {n + 1} of {where}")
                    for n, item in enumerate(items))
    ids = [c.change_id for c in changes]
    if ids != sorted(set(ids)):
        raise bad_response("the changes of a page are not in change-id order")
    return Page(need(body, "epoch", str, where), changes, need(body, "cursor", str, where),
                need(body, "more", bool, where))


def apply_page(uow_factory: UowFactory, page: Page) -> ApplyCounts:
    """Apply one page and store its cursor, in one transaction."""
    return apply_changes_with_cursor(uow_factory, page.changes, page.cursor)


def apply_changes_with_cursor(uow_factory: UowFactory, changes: Sequence[Change],
                              cursor: str) -> ApplyCounts:
    with uow_factory() as uow:
        session = uow.session
        counts = apply_changes(session, uow.now, local_device(session).device_id, changes)
        put_setting(session, CURSOR_KEY, cursor)
        if changes:
            record_change(session, sync_actor(session), uow.now, action="sync.pull",
                          entity="sync", entity_id=str(changes[-1].change_id),
                          details={"cursor": cursor, "changes": len(changes),
                                   **{f.name: getattr(counts, f.name) for f in fields(counts)}})
        uow.commit()
    return counts


def reset_cursor(uow_factory: UowFactory, old_cursor: str, body: Any) -> None:
    """Head office has a new epoch: forget the cursor (and say so in the audit trail)."""
    epoch = body.get("epoch") if isinstance(body, dict) else None
    with uow_factory() as uow:
        put_setting(uow.session, CURSOR_KEY, "")
        record_change(uow.session, sync_actor(uow.session), uow.now, action="sync.epoch",
                      entity="sync", entity_id=str(epoch or "")[:40],
                      details={"old_cursor": old_cursor, "epoch": epoch})
        uow.commit()


def add_counts(a: ApplyCounts, b: ApplyCounts) -> ApplyCounts:
    return ApplyCounts(**{f.name: getattr(a, f.name) + getattr(b, f.name) for f in fields(a)})
