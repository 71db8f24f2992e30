"""Progress of a sync as the counter window shows it: phase, items and bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.services.sync.transport import Transport


@dataclass(frozen=True)
class SyncProgress:
    """``phase`` is ``push``, ``pull`` or ``reconcile``; ``total`` is 0 when unknown."""

    phase: str
    done: int
    total: int
    bytes_sent: int
    bytes_received: int


ProgressFn = Callable[[SyncProgress], None]


def report_progress(progress: ProgressFn | None, phase: str, done: int, total: int,
                    transport: Transport) -> None:
    if progress is not None:
        progress(SyncProgress(phase, done, total, transport.traffic.sent,
                              transport.traffic.received))
