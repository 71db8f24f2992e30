"""Customer and bill rows of the demo branch, built customer by customer from the plan.

Active customers have a run of paid bills (the last one may still be open); sealed ones
have two paid bills, then an unpaid minimum-charge bill for every month from the month
they were sealed up to the last period; disconnected ones stopped paying 3–6 months
before they were cut off. One customer is fixed: the one from the press story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models import CustomerStatus
from app.services.demo.billing import (
    LAST_PERIOD,
    TARIFFS,
    BillRow,
    BillWriter,
    month_day,
    month_number,
)
from app.services.demo.dice import Dice
from app.services.demo.people import PLACES, People, place_index
from app.services.demo.plan import ACTIVE, SEALED, Plan

CUSTOMER_COLUMNS = ("id", "connection_no", "name", "name_lower", "address", "rt", "rw",
                    "kelurahan", "kecamatan", "tariff_group", "meter_no", "phone", "status",
                    "status_date", "version")
CustomerRow = tuple[int, str, str, str, str, str, str, str, str, str, str, str, str, str, int]

STATUS_TEXT = {0: CustomerStatus.ACTIVE.value, 1: CustomerStatus.SEALED.value,
               2: CustomerStatus.DISCONNECTED.value}
PAID_BEFORE_ARREARS = 2      # paid bills kept before the first unpaid one
RECENT_CONNECTIONS = 0.06    # share of active customers connected in the last 18 months
FIRST_CONNECTION = month_number(1998, 1)


@dataclass(frozen=True)
class FeaturedCustomer:
    """The sealed customer of the press story (Kelurahan Penkase Oeleta); name invented."""

    name: str = "Ahmad Yusuf Bessie"
    kelurahan: str = "Penkase Oeleta"
    address: str = "Jl. Oeleta Raya No. 27"
    rt: str = "008"
    rw: str = "003"
    phone: str = "081339472615"
    serial: int = 3217
    sealed_on: dt.date = dt.date(2021, 11, 16)

    @property
    def connection_no(self) -> str:
        return f"{PLACES[place_index(self.kelurahan)].zone}{self.serial:05d}"


FEATURED = FeaturedCustomer()


class RowBuilder:
    """Turns the plan into rows; call :meth:`rows` for consecutive ranges of customers."""

    def __init__(self, plan: Plan, dice: Dice, history_months: int) -> None:
        self.plan = plan
        self.dice = dice
        self.history_months = history_months
        featured_place = place_index(FEATURED.kelurahan)
        self.people = People(dice, reserved={featured_place: FEATURED.serial})
        self.bills = BillWriter(dice)

    @property
    def arrears(self) -> int:
        return self.bills.arrears

    def rows(self, start: int, stop: int) -> tuple[list[CustomerRow], list[BillRow]]:
        """Rows of customers ``start`` … ``stop - 1`` (ids ``start + 1`` …) and their bills."""
        customers = [self._customer(i) for i in range(start, stop)]
        return customers, self.bills.take()

    def _customer(self, i: int) -> CustomerRow:
        if i == self.plan.featured:
            return self._featured(i)
        dice, people = self.dice, self.people
        status = self.plan.status[i]
        tariff = TARIFFS[self.plan.tariff[i]]
        place_no = people.place()
        place = PLACES[place_no]
        name = people.name(tariff.code, place)
        status_date = self._bills(i, status)
        rt, rw = people.rt_rw()
        meter_year = dice.number(min(2008, status_date.year), max(2008, status_date.year))
        return (i + 1, people.connection_no(place_no), name, name.lower(), people.address(place),
                rt, rw, place.kelurahan, place.kecamatan, tariff.code,
                people.meter_no(i + 1, meter_year),
                people.phone(office=tariff.code in ("I1", "K1")), STATUS_TEXT[status],
                status_date.isoformat(), 1)

    def _bills(self, i: int, status: int) -> dt.date:
        """Write the customer's bills; returns the date of their current status."""
        if status == ACTIVE:
            return self._active(i)
        months = self.plan.months[i]
        if status == SEALED:
            first_unpaid, status_month = LAST_PERIOD - months + 1, LAST_PERIOD - months + 1
        else:
            status_month = self.plan.extra[i]
            first_unpaid = status_month - months
        self._arrears(i, first_unpaid, first_unpaid + months - 1)
        return month_day(status_month, self.dice.number(1, 28))

    def _active(self, i: int) -> dt.date:
        dice, tariff = self.dice, TARIFFS[self.plan.tariff[i]]
        if dice.chance(RECENT_CONNECTIONS):
            connected = dice.number(LAST_PERIOD - 17, LAST_PERIOD - 2)
        else:
            connected = dice.number(FIRST_CONNECTION, LAST_PERIOD - 18)
        first = max(LAST_PERIOD - self.history_months + 1, connected + 1)
        reading = dice.number(100, 3_500)
        open_usage = self.plan.extra[i]
        for period in range(first, LAST_PERIOD + 1):
            if period == LAST_PERIOD and open_usage:
                reading = self.bills.unpaid(i + 1, period, tariff, reading, open_usage)
            else:
                reading = self.bills.paid(i + 1, period, tariff, reading)
        return month_day(connected, dice.number(1, 28))

    def _arrears(self, i: int, first_unpaid: int, last_unpaid: int) -> None:
        """Two paid bills, then unpaid minimum-charge bills ``first_unpaid`` … ``last_unpaid``."""
        tariff = TARIFFS[self.plan.tariff[i]]
        reading = self.dice.number(100, 3_500)
        for period in range(first_unpaid - PAID_BEFORE_ARREARS, first_unpaid):
            reading = self.bills.paid(i + 1, period, tariff, reading)
        for period in range(first_unpaid, last_unpaid + 1):
            reading = self.bills.unpaid(i + 1, period, tariff, reading)

    def _featured(self, i: int) -> CustomerRow:
        tariff = TARIFFS[self.plan.tariff[i]]
        sealed = month_number(FEATURED.sealed_on.year, FEATURED.sealed_on.month)
        self._arrears(i, sealed, LAST_PERIOD)
        place = PLACES[place_index(FEATURED.kelurahan)]
        return (i + 1, FEATURED.connection_no, FEATURED.name, FEATURED.name.lower(),
                FEATURED.address, FEATURED.rt, FEATURED.rw, place.kelurahan, place.kecamatan,
                tariff.code, self.people.meter_no(i + 1, 2019), FEATURED.phone,
                STATUS_TEXT[SEALED], FEATURED.sealed_on.isoformat(), 1)
