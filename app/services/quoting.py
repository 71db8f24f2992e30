"""The money rules of a programme, as pure functions (no database, no clock).

* penalty waived: per bill, ``penalty × waiver% / 100`` rounded down (the customer
  never pays more than the terms say is waived);
* down payment: ``amount_due × dp% / 100`` rounded UP to ``down_payment_step``,
  never more than the amount due;
* instalments: ``remainder / n`` rounded DOWN to ``rounding_step``; the last one
  takes what is left, so the schedule sums to the remainder exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.services.arguments import whole_number
from app.services.money import round_down_to_step, round_up_to_step
from app.services.terms import PromotionTerms


@dataclass(frozen=True)
class BillFacts:
    period: str
    principal: int
    penalty: int


@dataclass(frozen=True)
class CustomerFacts:
    status: str
    tariff_group: str
    open_bills: tuple[BillFacts, ...]


@dataclass(frozen=True)
class Reason:
    """Why a customer cannot join; ``code`` is for translation, ``text`` is English and
    ``values`` holds what a translation fills in (amounts as integer rupiah)."""

    code: str
    text: str
    values: Mapping[str, object] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ScheduleLine:
    number: int
    due_date: dt.date
    amount: int


@dataclass(frozen=True)
class Offer:
    eligible: bool
    reasons: tuple[Reason, ...]
    arrears: int
    penalty: int
    penalty_waived: int
    amount_due: int
    down_payment: int
    allowed_instalments: tuple[int, ...]


def waived_penalty(penalty: int, waiver_percent: int) -> int:
    return penalty * waiver_percent // 100


def make_offer(terms: PromotionTerms, facts: CustomerFacts, on: dt.date) -> Offer:
    """Eligibility with every reason, the amounts, and the instalment counts allowed."""
    arrears = sum(b.principal for b in facts.open_bills)
    penalty = sum(b.penalty for b in facts.open_bills)
    waived = sum(waived_penalty(b.penalty, terms.penalty_waiver_percent) for b in facts.open_bills)
    amount_due = arrears + penalty - waived
    down = down_payment_for(terms, amount_due)
    reasons = eligibility_reasons(terms, facts, arrears, on)
    return Offer(
        eligible=not reasons,
        reasons=reasons,
        arrears=arrears,
        penalty=penalty,
        penalty_waived=waived,
        amount_due=amount_due,
        down_payment=down,
        allowed_instalments=allowed_counts(terms, amount_due - down),
    )


def down_payment_for(terms: PromotionTerms, amount_due: int) -> int:
    exact_ceiling = -(-amount_due * terms.down_payment_percent // 100)
    return min(amount_due, round_up_to_step(exact_ceiling, terms.down_payment_step))


def eligibility_reasons(
    terms: PromotionTerms, facts: CustomerFacts, arrears: int, on: dt.date
) -> tuple[Reason, ...]:
    rules = terms.eligibility
    reasons: list[Reason] = []
    if not terms.is_open_on(on):
        reasons.append(Reason(
            "programme_closed",
            f"{terms.name} runs {terms.valid_from} to {terms.valid_to}, not on {on}",
            {"name": terms.name, "valid_from": terms.valid_from, "valid_to": terms.valid_to,
             "on": on},
        ))
    if facts.status not in rules.statuses:
        statuses = "/".join(rules.statuses)
        reasons.append(Reason(
            "status", f"status is {facts.status}; the programme is for {statuses}",
            {"status": facts.status, "statuses": statuses},
        ))
    if len(facts.open_bills) < rules.min_unpaid_bills:
        reasons.append(Reason("no_arrears", "there are no unpaid bills"))
    if rules.tariff_groups and facts.tariff_group not in rules.tariff_groups:
        reasons.append(Reason("tariff", f"tariff group {facts.tariff_group} is not included",
                              {"tariff_group": facts.tariff_group}))
    if rules.min_arrears is not None and arrears < rules.min_arrears:
        reasons.append(Reason("arrears_low", f"arrears below the minimum {rules.min_arrears}",
                              {"arrears": arrears, "minimum": rules.min_arrears}))
    if rules.max_arrears is not None and arrears > rules.max_arrears:
        reasons.append(Reason("arrears_high", f"arrears above the maximum {rules.max_arrears}",
                              {"arrears": arrears, "maximum": rules.max_arrears}))
    return tuple(reasons)


def allowed_counts(terms: PromotionTerms, remainder: int) -> tuple[int, ...]:
    """Instalment counts the terms allow for ``remainder`` (``(0,)`` when nothing is left)."""
    if whole_number(remainder, "the remainder") <= 0:
        return (0,)
    rules = terms.instalments
    counts = [
        n for n in range(rules.min_count, terms.max_instalments_for(remainder) + 1)
        if n == 1 or round_down_to_step(remainder // n, rules.rounding_step) >= rules.min_amount
    ]
    return tuple(counts) or (1,)


def schedule(
    terms: PromotionTerms, remainder: int, count: int, enrolled_on: dt.date
) -> tuple[ScheduleLine, ...]:
    """Due dates and amounts for ``count`` instalments of ``remainder`` (sums exactly)."""
    whole_number(remainder, "the remainder")
    if whole_number(count, "the instalment count") == 0:
        return ()
    base = round_down_to_step(remainder // count, terms.instalments.rounding_step)
    amounts = [base] * (count - 1) + [remainder - base * (count - 1)]
    return tuple(
        ScheduleLine(i + 1, monthly_due_date(enrolled_on, i + 1, terms.instalments.due_day), amt)
        for i, amt in enumerate(amounts)
    )


def monthly_due_date(start: dt.date, months_ahead: int, day: int) -> dt.date:
    """``day`` of the month ``months_ahead`` after ``start``'s month."""
    month_index = start.month - 1 + months_ahead
    return dt.date(start.year + month_index // 12, month_index % 12 + 1, day)
