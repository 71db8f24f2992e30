"""What the programme evaluation shows: frozen figures for the whole programme, per
branch, kecamatan, kelurahan and day.

The figures a branch's own progress report also shows are dated and counted the same
way (``app.services.reports.progress_data``): *enrolled* — enrolments made in the range,
not cancelled; *down payments* / *instalments* — payments taken in the range, not voided,
towards plans head office holds; *arrears in plans* / *penalty waived* — of the enrolled;
*seals opened* — unseal orders of the programme done in the range; *broken* /
*cancelled* — by the day it happened. A branch's figures are those of the enrolments it
made and the payments it took.

Head office adds: the *population at the start* (customers sealed before the programme
began or when they enrolled, with bills of the months before it still unpaid at its
start — as head office's bills and payments tell — count and principal); *instalments
due / paid / overdue* and *outstanding* as of the range's last day (of the plans enrolled
in the range); *seals ordered* (enrolments of sealed customers) and the days from
enrolment to opening.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from headoffice.outreach.results import Campaign


@dataclass(frozen=True)
class Figures:
    population: int = 0  # sealed customers with arrears at the start
    population_arrears: int = 0
    enrolled: int = 0
    down_payments: int = 0
    instalments: int = 0
    arrears_in_plans: int = 0
    penalty_waived: int = 0
    instalments_due: int = 0
    instalments_paid: int = 0
    instalments_overdue: int = 0
    overdue_amount: int = 0
    outstanding: int = 0
    broken: int = 0
    cancelled: int = 0
    seals_ordered: int = 0
    seals_opened: int = 0
    days_to_open: int = 0  # summed over the seals opened

    @property
    def collected(self) -> int:
        """The arrears recovered: down payments and instalments received."""
        return self.down_payments + self.instalments

    @property
    def enrolled_share(self) -> float | None:
        """Enrolled / the population at the start (``None`` without one)."""
        return self.enrolled / self.population if self.population else None

    @property
    def mean_days_to_open(self) -> float | None:
        return self.days_to_open / self.seals_opened if self.seals_opened else None

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


FIGURE_NAMES = tuple(f.name for f in fields(Figures))


@dataclass(frozen=True)
class AreaLine:
    """A branch, kecamatan or kelurahan (``kecamatan`` set for a kelurahan)."""

    name: str
    figures: Figures
    kecamatan: str = ""


@dataclass(frozen=True)
class DayLine:
    day: dt.date
    figures: Figures
    cumulative_enrolled: int
    cumulative_collected: int


@dataclass(frozen=True)
class Evaluation:
    programme_code: str
    programme_name: str
    programme_version: int
    valid_from: dt.date
    valid_to: dt.date
    date_from: dt.date
    date_to: dt.date
    branch: str | None  # the evaluation of one branch only
    target_customers: int  # the programme's targets, from its terms
    target_arrears: int
    totals: Figures
    by_branch: tuple[AreaLine, ...]  # every branch, most collected first
    by_kecamatan: tuple[AreaLine, ...]
    by_kelurahan: tuple[AreaLine, ...]  # kelurahan with activity or population
    by_day: tuple[DayLine, ...]  # every day of the range
    made_at: dt.datetime  # naive UTC
    campaign: Campaign = field(default_factory=Campaign)  # invitations and reminders

    @property
    def customers_share(self) -> float | None:
        """Enrolled / the target sealed customers (``None`` without a target)."""
        return self.totals.enrolled / self.target_customers if self.target_customers else None

    @property
    def arrears_share(self) -> float | None:
        """Arrears recovered / the target arrears (``None`` without a target)."""
        return self.totals.collected / self.target_arrears if self.target_arrears else None

    @property
    def running(self) -> bool:
        """The range ends before the programme does: the figures are provisional."""
        return self.date_to < self.valid_to
