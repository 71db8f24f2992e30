"""Progress of a sync as the counter window and ``loket-admin sync`` show it: phase,
items and bytes, and (:class:`RateMeter`) the rate and the time left of a download."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from app.services.sync.transport import Transport


@dataclass(frozen=True)
class SyncProgress:
    """``phase`` is ``push``, ``snapshot`` (``done``/``total`` in bytes of the branch
    snapshot), ``pull`` or ``reconcile``; ``total`` is 0 when unknown."""

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


@dataclass(frozen=True)
class Rate:
    """Bytes received a second (over the last few seconds) and the seconds left of the
    snapshot at that rate (``None`` while unknown)."""

    bytes_per_second: float
    seconds_left: float | None


class RateMeter:
    """Turns successive progress reports into a rate and a time left."""

    def __init__(self, window: float = 5.0, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self._window, self._clock = window, clock
        self._samples: list[tuple[float, int]] = []

    def update(self, progress: SyncProgress) -> Rate:
        now = self._clock()
        self._samples.append((now, progress.bytes_received))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self._window:
            self._samples.pop(0)
        (first_at, first), (last_at, last) = self._samples[0], self._samples[-1]
        rate = (last - first) / (last_at - first_at) if last_at > first_at else 0.0
        left = None
        if progress.phase == "snapshot" and progress.total and rate > 0:
            left = max(0.0, (progress.total - progress.done) / rate)
        return Rate(rate, left)
