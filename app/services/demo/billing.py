"""Tariffs, billing periods and bill rows of the demo branch (amounts in whole rupiah).

Every charge is a multiple of Rp 1,000 so that the 10% penalty is exact to the Rp 100.
A sealed meter draws the monthly minimum: 10 m³ at the first block rate plus the fees.
Periods are month numbers (``year * 12 + month - 1``); a bill for period P is due on the
20th of the month after P.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.services.demo.dice import Dice

MINIMUM_M3 = 10
PENALTY_PERCENT = 10
PENALTY_MIN = 2_000
PENALTY_MAX = 50_000
DUE_DAY = 20
LATE_SHARE = 0.12            # share of paid bills that were paid after the due date


def month_number(year: int, month: int) -> int:
    return year * 12 + month - 1


LAST_PERIOD = month_number(2025, 10)     # the last bill issued before the demo business date
LAST_PAYMENT_DAY = dt.date(2025, 11, 23)  # the day before the demo business date


@dataclass(frozen=True)
class Tariff:
    """A tariff group: two block rates per m³, the fees per bill and a typical usage."""

    code: str
    name: str
    block1: int
    block2: int
    fees: int
    usage: tuple[int, int]
    share: int

    def water_charge(self, usage_m3: int) -> int:
        first = min(usage_m3, MINIMUM_M3)
        return first * self.block1 + (usage_m3 - first) * self.block2

    @property
    def minimum_water(self) -> int:
        return MINIMUM_M3 * self.block1

    @property
    def minimum_principal(self) -> int:
        return self.minimum_water + self.fees

    def principal(self, usage_m3: int) -> int:
        return self.water_charge(usage_m3) + self.fees


TARIFFS: tuple[Tariff, ...] = (
    Tariff("S1", "Sosial", 2_000, 3_000, 5_000, (10, 35), 3),
    Tariff("R1", "Rumah Tangga 1", 4_000, 5_000, 10_000, (6, 18), 24),
    Tariff("R2", "Rumah Tangga 2", 5_000, 6_000, 10_000, (10, 25), 38),
    Tariff("R3", "Rumah Tangga 3", 6_000, 8_000, 12_000, (15, 40), 20),
    Tariff("N1", "Niaga", 8_000, 10_000, 15_000, (20, 80), 10),
    Tariff("I1", "Instansi", 7_000, 9_000, 15_000, (30, 150), 3),
    Tariff("K1", "Industri", 10_000, 13_000, 20_000, (60, 300), 2),
)
R1 = 1  # index of the Rumah Tangga 1 group in TARIFFS


def penalty_for(principal: int) -> int:
    """Late-payment penalty of one bill: 10%, at least Rp 2,000, at most Rp 50,000."""
    return min(PENALTY_MAX, max(PENALTY_MIN, principal * PENALTY_PERCENT // 100))


def period_text(period: int) -> str:
    year, month0 = divmod(period, 12)
    return f"{year:04d}-{month0 + 1:02d}"


def due_date(period: int) -> dt.date:
    year, month0 = divmod(period + 1, 12)
    return dt.date(year, month0 + 1, DUE_DAY)


def month_day(period: int, day: int) -> dt.date:
    year, month0 = divmod(period, 12)
    return dt.date(year, month0 + 1, day)


BILL_COLUMNS = ("customer_id", "period", "reading_start", "reading_end", "usage_m3",
                "water_charge", "fees", "penalty", "penalty_waived", "due_date",
                "paid_amount", "settled", "settled_at")
BillRow = tuple[int, str, int, int, int, int, int, int, int, str, int, int, str | None]


# Times of day a counter takes payments, as stored after the date ("HH:MM:SS.ffffff").
PAYMENT_TIMES = tuple(f"{h:02d}:{m:02d}:00.000000" for h in range(8, 16) for m in range(60))


@dataclass(frozen=True)
class _Month:
    text: str                 # the period, "YYYY-MM"
    due: str                  # its due date, ISO
    pay_days: tuple[str, ...]  # "YYYY-MM-DD " for days 1–28 of the month after, capped


def _month(period: int) -> _Month:
    days = tuple(f"{min(month_day(period + 1, d), LAST_PAYMENT_DAY).isoformat()} "
                 for d in range(1, 29))
    return _Month(period_text(period), due_date(period).isoformat(), days)


@dataclass
class BillWriter:
    """Collects bill rows (as tuples in ``BILL_COLUMNS`` order) and sums the arrears."""

    dice: Dice
    rows: list[BillRow] = field(default_factory=list)
    arrears: int = 0
    _months: dict[int, _Month] = field(default_factory=dict)

    def _month(self, period: int) -> _Month:
        known = self._months.get(period)
        if known is None:
            known = self._months[period] = _month(period)
        return known

    def paid(self, customer_id: int, period: int, tariff: Tariff, reading: int) -> int:
        """A bill settled in full (on time, or late with its penalty); returns the reading."""
        dice = self.dice
        usage = dice.number(*tariff.usage)
        water = tariff.water_charge(usage)
        principal = water + tariff.fees
        month = self._month(period)
        if dice.chance(LATE_SHARE):
            penalty = penalty_for(principal)
            day = month.pay_days[dice.number(DUE_DAY, 27)]
        else:
            penalty = 0
            day = month.pay_days[dice.number(0, DUE_DAY - 1)]
        self.rows.append((customer_id, month.text, reading, reading + usage, usage, water,
                          tariff.fees, penalty, 0, month.due, principal + penalty, 1,
                          day + dice.pick(PAYMENT_TIMES)))
        return reading + usage

    def unpaid(self, customer_id: int, period: int, tariff: Tariff, reading: int,
               usage: int | None = None) -> int:
        """An unpaid, past-due bill; ``usage=None`` is a sealed meter's minimum charge."""
        water = tariff.minimum_water if usage is None else tariff.water_charge(usage)
        used = usage or 0
        principal = water + tariff.fees
        month = self._month(period)
        self.rows.append((customer_id, month.text, reading, reading + used, used, water,
                          tariff.fees, penalty_for(principal), 0, month.due, 0, 0, None))
        self.arrears += principal
        return reading + used

    def take(self) -> list[BillRow]:
        rows, self.rows = self.rows, []
        return rows
