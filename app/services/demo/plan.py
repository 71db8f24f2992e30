"""The shape of the demo branch: who is sealed, since when, on which tariff.

The published figures (17,405 customers, about 7,000 sealed, about Rp 4.7 billion of
arrears) scale with the number of customers. Sealing months are drawn so that the
arrears land near the target, then single customers are moved a month earlier or later
until the total is within half a monthly charge of it; every charge stays a real tariff.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from app.services.demo.billing import LAST_PERIOD, R1, TARIFFS, month_number
from app.services.demo.dice import Dice

FULL_CUSTOMERS = 17_405
FULL_SEALED = 7_000
FULL_DISCONNECTED = 300
FULL_ARREARS = 4_700_000_000
ACTIVE_UNPAID_SHARE = 0.3      # active customers whose last bill is still open
UNIFORM_SHARE = 0.12           # sealed customers whose sealing month is spread evenly
FIRST_SEALED_PERIOD = month_number(2019, 1)
MAX_SEALED_MONTHS = LAST_PERIOD - FIRST_SEALED_PERIOD + 1
FIRST_DISCONNECTION = month_number(2019, 6)
LAST_DISCONNECTION = month_number(2025, 8)
FEATURED_MONTHS = 48           # 2021-11 … 2025-10

ACTIVE, SEALED, DISCONNECTED = 0, 1, 2


@dataclass
class Plan:
    """Per customer (by position): status, tariff index, unpaid months and one extra number.

    ``extra`` is the usage of an open last bill for an active customer (0: none) and the
    month of disconnection for a disconnected one.
    """

    featured: int
    status: list[int]
    tariff: list[int]
    months: list[int]
    extra: list[int]
    target: int
    expected_arrears: int


def make_plan(customers: int, dice: Dice) -> Plan:
    """Draw statuses and tariffs, then sealing months that meet the arrears target."""
    sealed = max(1, round(FULL_SEALED * customers / FULL_CUSTOMERS))
    disconnected = min(customers - sealed, round(FULL_DISCONNECTED * customers / FULL_CUSTOMERS))
    others = [SEALED] * (sealed - 1) + [DISCONNECTED] * disconnected
    others += [ACTIVE] * (customers - sealed - disconnected)
    dice.shuffle(others)
    featured = customers // 3
    status = [*others[:featured], SEALED, *others[featured:]]
    shares = list(itertools.accumulate(tariff.share for tariff in TARIFFS))
    tariff = [dice.weighted(shares) for _ in range(customers)]
    tariff[featured] = R1
    plan = Plan(featured, status, tariff, [0] * customers, [0] * customers,
                round(FULL_ARREARS * customers / FULL_CUSTOMERS), 0)
    fixed = _draw_active_and_disconnected(plan, dice)
    plan.months[featured] = FEATURED_MONTHS
    fixed += FEATURED_MONTHS * TARIFFS[R1].minimum_principal
    sealed_total = _draw_sealed_months(plan, dice, plan.target - fixed)
    plan.expected_arrears = fixed + sealed_total
    return plan


def _draw_active_and_disconnected(plan: Plan, dice: Dice) -> int:
    """Open last bills of some active customers and the unpaid months of disconnected ones."""
    arrears = 0
    for i, status in enumerate(plan.status):
        tariff = TARIFFS[plan.tariff[i]]
        if status == ACTIVE and dice.chance(ACTIVE_UNPAID_SHARE):
            usage = dice.number(*tariff.usage)
            plan.extra[i] = usage
            arrears += tariff.principal(usage)
        elif status == DISCONNECTED:
            plan.months[i] = dice.number(3, 6)
            plan.extra[i] = dice.number(FIRST_DISCONNECTION, LAST_DISCONNECTION)
            arrears += plan.months[i] * tariff.minimum_principal
    return arrears


def _draw_sealed_months(plan: Plan, dice: Dice, needed: int) -> int:
    """Months unpaid per sealed customer (featured excluded); returns their arrears."""
    chosen = [i for i, s in enumerate(plan.status) if s == SEALED and i != plan.featured]
    charge = [TARIFFS[plan.tariff[i]].minimum_principal for i in chosen]
    base = sum(charge)
    if not chosen:
        return 0
    mean = needed / base
    uniform_mean = (MAX_SEALED_MONTHS + 1) / 2
    geometric_mean = max(1.0, (mean - UNIFORM_SHARE * uniform_mean) / (1 - UNIFORM_SHARE))
    months = [_sealed_months(dice, geometric_mean) for _ in chosen]
    if needed <= base:
        months = [1] * len(chosen)
    elif needed >= base * MAX_SEALED_MONTHS:
        months = [MAX_SEALED_MONTHS] * len(chosen)
    else:
        _meet_target(dice, months, charge, needed)
    for i, m in zip(chosen, months, strict=True):
        plan.months[i] = m
    return sum(c * m for c, m in zip(charge, months, strict=True))


def _sealed_months(dice: Dice, geometric_mean: float) -> int:
    if dice.chance(UNIFORM_SHARE):
        return dice.number(1, MAX_SEALED_MONTHS)
    if geometric_mean <= 1.0:
        return 1
    drawn = 1 + int(math.log(1.0 - dice.fraction()) / math.log(1.0 - 1.0 / geometric_mean))
    return min(drawn, MAX_SEALED_MONTHS)


def _meet_target(dice: Dice, months: list[int], charge: list[int], needed: int) -> None:
    """Move random customers a month at a time until within half a charge of ``needed``."""
    diff = needed - sum(c * m for c, m in zip(charge, months, strict=True))
    band = max(charge) // 2
    last = len(months) - 1
    while abs(diff) > band:
        j = dice.number(0, last)
        if diff > 0 and months[j] < MAX_SEALED_MONTHS:
            months[j] += 1
            diff -= charge[j]
        elif diff < 0 and months[j] > 1:
            months[j] -= 1
            diff += charge[j]
