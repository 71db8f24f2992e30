"""One sync with head office: push, then pull, then reconcile — one at a time per device.

``run_sync`` is Qt-free and blocking; the counter window runs it off the UI thread with a
progress callback and a cancel flag (checked between batches). A cancelled sync keeps
what was acknowledged and applied so far. ``last_sync_at`` is stored only when a sync
finishes; a refusal or a broken link raises a ``DomainError``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services.sync.acks import RejectedEvent
from app.services.sync.lock import SyncLock
from app.services.sync.progress import ProgressFn, report_progress
from app.services.sync.protocol import LAST_SYNC_KEY, CancelCheck, UowFactory, put_setting
from app.services.sync.pull import PullResult, pull_changes
from app.services.sync.push import PushResult, push_outbox
from app.services.sync.reconcile import ReconcileResult, reconcile
from app.services.sync.transport import Transport


@dataclass(frozen=True)
class SyncReport:
    """What a sync did. ``acked`` events were newly acknowledged; ``rejected`` went to head
    office's exceptions queue; ``resent`` were sent again because head office lacked them."""

    pushed: int
    acked: int
    duplicates: int
    resent: int
    rejected: tuple[RejectedEvent, ...]
    pulled: int
    epoch_changed: bool
    reconciliation: ReconcileResult | None
    finished_at: dt.datetime | None
    cancelled: bool
    bytes_sent: int
    bytes_received: int

    @property
    def ok(self) -> bool:
        """Finished, and head office's totals agree with the branch's."""
        return (not self.cancelled and self.reconciliation is not None
                and self.reconciliation.ok)


def run_sync(uow_factory: UowFactory, transport: Transport,
             progress: ProgressFn | None = None,
             cancel: CancelCheck | None = None) -> SyncReport:
    """Sync this counter with head office; ``SYNC_ALREADY_RUNNING`` if a sync is under way."""
    with SyncLock(uow_factory) as lock:
        def between_batches() -> bool:
            lock.refresh()
            return cancel is not None and cancel()

        pushes = [push_outbox(uow_factory, transport, progress=progress,
                              cancel=between_batches)]
        if pushes[-1].cancelled:
            return _report(transport, pushes, None, None, None)
        pull = pull_changes(uow_factory, transport, progress=progress, cancel=between_batches)
        if pull.cancelled:
            return _report(transport, pushes, pull, None, None)
        if pull.epoch_changed:  # head office was restored: send again what it lacks
            pushes.append(push_outbox(uow_factory, transport, progress=progress,
                                      cancel=between_batches))
            if pushes[-1].cancelled:
                return _report(transport, pushes, pull, None, None)
        report_progress(progress, "reconcile", 0, 1, transport)
        result = reconcile(uow_factory, transport)
        report_progress(progress, "reconcile", 1, 1, transport)
        with uow_factory() as uow:
            finished = uow.now
            put_setting(uow.session, LAST_SYNC_KEY, finished.isoformat())
            uow.commit()
        return _report(transport, pushes, pull, result, finished)


def _report(transport: Transport, pushes: list[PushResult], pull: PullResult | None,
            result: ReconcileResult | None, finished: dt.datetime | None) -> SyncReport:
    return SyncReport(
        pushed=sum(p.sent for p in pushes), acked=sum(p.acked for p in pushes),
        duplicates=sum(p.duplicates for p in pushes), resent=sum(p.resent for p in pushes),
        rejected=tuple(r for p in pushes for r in p.rejected),
        pulled=pull.changes if pull else 0, epoch_changed=bool(pull and pull.epoch_changed),
        reconciliation=result, finished_at=finished, cancelled=finished is None,
        bytes_sent=transport.traffic.sent, bytes_received=transport.traffic.received)
