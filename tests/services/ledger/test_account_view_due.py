"""The account view says whether the plan takes payments and what the next one asks for."""

from __future__ import annotations

import datetime as dt

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.account_views import EnrolmentView
from app.services.ledger.accounts import get_account
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.plans import check_broken_plans
from tests.support.fakes import add_customer, monthly_bills

NO = "10012345"


@pytest.fixture
def enrolled(branch: BranchDatabase, cashier: Actor) -> None:
    """Rp 2.400.000 owed, Rp 1.200.000 down, 3 × Rp 400.000 to go."""
    add_customer(branch, NO, bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(1_200_000, 1_200_000)))


def plan(branch: BranchDatabase) -> EnrolmentView:
    view = get_account(branch.reading(), NO).enrolment
    assert view is not None
    return view


def pay(branch: BranchDatabase, cashier: Actor, amount: int) -> None:
    pay_instalment(branch.writing(), cashier, InstalmentRequest(NO, Tender(amount, amount)))


def test_the_next_payment_asks_for_the_rest_of_the_oldest_open_instalment(
        branch: BranchDatabase, cashier: Actor, enrolled: None) -> None:
    fresh = plan(branch)
    assert fresh.payable and fresh.next_instalment is not None
    assert (fresh.next_instalment.number, fresh.next_instalment_due) == (1, 400_000)
    pay(branch, cashier, 250_000)
    part_paid = plan(branch)
    assert part_paid.next_instalment is not None
    assert (part_paid.next_instalment.number, part_paid.next_instalment_due) == (1, 150_000)
    pay(branch, cashier, 150_000 + 400_000)
    last = plan(branch)
    assert last.next_instalment is not None
    assert (last.next_instalment.number, last.next_instalment_due, last.balance) == (
        3, 400_000, 400_000)


def test_a_paid_off_plan_takes_no_payment_and_asks_for_nothing(
        branch: BranchDatabase, cashier: Actor, enrolled: None) -> None:
    pay(branch, cashier, 1_200_000)
    done = plan(branch)
    assert done.state == "completed" and not done.payable
    assert done.next_instalment is None and done.next_instalment_due == 0


def test_a_broken_plan_takes_no_payment(branch: BranchDatabase, cashier: Actor, enrolled: None,
                                        system: Actor) -> None:
    check_broken_plans(branch.writing(), system, dt.date(2026, 6, 1))
    broken = plan(branch)
    assert broken.state == "broken" and not broken.payable
    assert broken.next_instalment is not None and broken.next_instalment_due == 400_000
