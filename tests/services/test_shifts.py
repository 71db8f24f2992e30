"""Shifts: no payment outside one, a blind cash count, supervisor sign-off, then locked."""

from __future__ import annotations

import pytest

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.shifts import CashCount, count_cash, current_shift, open_shift, sign_off
from tests.support.fakes import SUPERVISOR, actor_for, add_customer, monthly_bills

NO = "10012345"


@pytest.fixture
def customer(branch: BranchDatabase) -> str:
    add_customer(branch, NO, bills=monthly_bills("2024-01", 10, 60_000))
    return NO


def enrol(branch: BranchDatabase, actor: Actor, method: str = "cash") -> str:
    tender = Tender(300_000, 300_000, method, "REF-1" if method != "cash" else "")
    return enrol_and_pay(branch.writing(), actor, EnrolRequest(NO, 3, tender)).receipt_no


def test_no_payment_without_an_open_shift(branch: BranchDatabase, customer: str) -> None:
    actor = actor_for(branch, "kasir")
    with pytest.raises(DomainError) as refused:
        enrol(branch, actor)
    assert refused.value.code == ErrorCode.SHIFT_NOT_OPEN


def test_one_unclosed_shift_per_counter(branch: BranchDatabase, cashier: Actor) -> None:
    with pytest.raises(DomainError) as refused:
        open_shift(branch.writing(), actor_for(branch, "spv"), 0)
    assert refused.value.code == ErrorCode.SHIFT_ALREADY_OPEN
    assert "kasir" in refused.value.message


def test_blind_count_then_variance_then_sign_off(
    branch: BranchDatabase, cashier: Actor, customer: str
) -> None:
    enrol(branch, cashier)
    shift = current_shift(branch.reading(), cashier)
    assert shift is not None and shift.expected_cash is None  # nothing to peek at
    counted = count_cash(branch.writing(), cashier, CashCount(
        notes={100_000: 7, 50_000: 1, 2_000: 3}, coins=500))
    assert counted.counted_cash == 756_500
    assert counted.expected_cash == 500_000 + 300_000
    assert counted.variance == -43_500
    with pytest.raises(DomainError) as no_more:
        enrol(branch, cashier)
    assert no_more.value.code == ErrorCode.SHIFT_NOT_OPEN
    with pytest.raises(DomainError) as wrong:
        sign_off(branch.writing(), cashier, SUPERVISOR[0], "not-the-password")
    assert wrong.value.code == ErrorCode.BAD_CREDENTIALS
    closed = sign_off(branch.writing(), cashier, *SUPERVISOR, note="selisih dicatat")
    assert closed.state == "closed"
    assert current_shift(branch.reading(), cashier) is None


def test_non_cash_payments_are_not_expected_in_the_drawer(
    branch: BranchDatabase, cashier: Actor, customer: str
) -> None:
    enrol(branch, cashier, "qris")
    counted = count_cash(branch.writing(), cashier, CashCount(notes={100_000: 5}))
    assert counted.expected_cash == 500_000 and counted.variance == 0


def test_closed_shift_receipts_cannot_be_voided_by_the_cashier(
    branch: BranchDatabase, cashier: Actor, customer: str
) -> None:
    receipt_no = enrol(branch, cashier)
    count_cash(branch.writing(), cashier, CashCount(notes={100_000: 8}))
    sign_off(branch.writing(), cashier, *SUPERVISOR)
    request = VoidRequest(receipt_no, "salah pelanggan", *SUPERVISOR)
    with pytest.raises(DomainError) as locked:
        void_payment(branch.writing(), cashier, request)
    assert locked.value.code == ErrorCode.SHIFT_LOCKED
    result = void_payment(branch.writing(), actor_for(branch, "spv"), request)
    assert result.enrolment_state == "cancelled"


@pytest.mark.parametrize("count", [
    CashCount(notes={75_000: 1}), CashCount(notes={100_000: -1}), CashCount(coins=-100),
    CashCount(notes={1_000: 1.5}),  # type: ignore[dict-item]
])
def test_bad_counts_are_refused(branch: BranchDatabase, cashier: Actor, count: CashCount) -> None:
    with pytest.raises(DomainError) as refused:
        count_cash(branch.writing(), cashier, count)
    assert refused.value.code == ErrorCode.COUNT_INVALID
    shift = current_shift(branch.reading(), cashier)
    assert shift is not None and shift.state == "open"


def test_sign_off_needs_a_count_first(branch: BranchDatabase, cashier: Actor) -> None:
    with pytest.raises(DomainError) as refused:
        sign_off(branch.writing(), cashier, *SUPERVISOR)
    assert refused.value.code == ErrorCode.SHIFT_NOT_COUNTED
