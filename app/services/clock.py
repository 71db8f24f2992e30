"""Branch-local time. Services never call ``datetime.now()``; they ask a clock."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Branch-local wall-clock time, naive."""
        ...


class SystemClock:
    """Real time at a fixed UTC offset (Indonesia has no daylight saving)."""

    def __init__(self, utc_offset_minutes: int = 480) -> None:
        self._tz = dt.timezone(dt.timedelta(minutes=utc_offset_minutes))

    def now(self) -> dt.datetime:
        return dt.datetime.now(self._tz).replace(tzinfo=None, microsecond=0)


class BusinessDateClock:
    """A fixed business date with the real time of day (the demo branch lives in 2025)."""

    def __init__(self, business_date: dt.date, utc_offset_minutes: int = 480) -> None:
        self._date = business_date
        self._system = SystemClock(utc_offset_minutes)

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._date, self._system.now().time())


class FixedClock:
    """A clock that says what it is told (tests, back-dated admin checks)."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at = self.at + dt.timedelta(**delta)
