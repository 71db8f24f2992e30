"""Instalments, voids, work orders and broken plans over one customer's whole story."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Bill, Customer, CustomerStatus
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import get_account
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.plans import check_broken_plans
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.ledger.workorders import confirm_work_order, list_work_orders
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills

NO = "10012345"


@pytest.fixture
def enrolled(branch: BranchDatabase, cashier: Actor) -> PaymentReceipt:
    """The press story: Rp 2,400,000 owed, Rp 1,200,000 down, 3 × Rp 400,000 to go."""
    add_customer(branch, NO, bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        NO, 3, Tender(1_200_000, 1_200_000)))


def pay(branch: BranchDatabase, actor: Actor, amount: int) -> PaymentReceipt:
    return pay_instalment(branch.writing(), actor, InstalmentRequest(
        NO, Tender(amount, amount)))


def void(branch: BranchDatabase, actor: Actor, receipt_no: str, password: str = SUPERVISOR[1]):  # type: ignore[no-untyped-def]
    return void_payment(branch.writing(), actor, VoidRequest(
        receipt_no, "salah input", SUPERVISOR[0], password))


def test_instalments_go_to_the_oldest_first_and_complete_the_plan(
    branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    first = pay(branch, cashier, 250_000)
    assert first.instalments_paid == ((1, 250_000),)
    assert first.plan_balance == 950_000
    second = pay(branch, cashier, 550_000)
    assert second.instalments_paid == ((1, 150_000), (2, 400_000))
    states = [i.state for i in get_account(branch.reading(), NO).enrolment.instalments]  # type: ignore[union-attr]
    assert states == ["paid", "paid", "due"]
    last = pay(branch, cashier, 400_000)
    assert last.plan_balance == 0 and last.next_due is None
    account = get_account(branch.reading(), NO)
    assert account.enrolment is not None and account.enrolment.state == "completed"
    assert account.total_due == 0 and account.open_bills == ()


def test_paying_more_than_the_plan_balance_is_refused(
    branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    with pytest.raises(DomainError) as refused:
        pay(branch, cashier, 1_200_001)
    assert refused.value.code == ErrorCode.AMOUNT_ABOVE_BALANCE
    assert get_account(branch.reading(), NO).enrolment.balance == 1_200_000  # type: ignore[union-attr]


def test_instalment_without_a_plan_is_refused(branch: BranchDatabase, cashier: Actor) -> None:
    add_customer(branch, "30000001", bills=monthly_bills("2024-01", 3, 40_000))
    with pytest.raises(DomainError) as refused:
        pay_instalment(branch.writing(), cashier, InstalmentRequest(
            "30000001", Tender(10_000, 10_000)))
    assert refused.value.code == ErrorCode.NO_ACTIVE_PLAN


def test_void_needs_a_supervisor_and_a_reason(
    branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    receipt = pay(branch, cashier, 400_000)
    for request, code in (
        (VoidRequest(receipt.receipt_no, "salah", SUPERVISOR[0], "wrong-password"),
         ErrorCode.BAD_CREDENTIALS),
        (VoidRequest(receipt.receipt_no, "salah", "kasir", "kasir123"), ErrorCode.NOT_AUTHORISED),
        (VoidRequest(receipt.receipt_no, "  ", *SUPERVISOR), ErrorCode.REASON_REQUIRED),
        (VoidRequest("KPG-L01-2025-999999", "salah", *SUPERVISOR), ErrorCode.PAYMENT_NOT_FOUND),
    ):
        with pytest.raises(DomainError) as refused:
            void_payment(branch.writing(), cashier, request)
        assert refused.value.code == code
    assert get_account(branch.reading(), NO).enrolment.balance == 800_000  # type: ignore[union-attr]
    result = void(branch, cashier, receipt.receipt_no)
    assert result.enrolment_state == "active"
    assert get_account(branch.reading(), NO).enrolment.balance == 1_200_000  # type: ignore[union-attr]
    with pytest.raises(DomainError) as again:
        void(branch, cashier, receipt.receipt_no)
    assert again.value.code == ErrorCode.ALREADY_VOIDED


def test_voiding_the_down_payment_cancels_the_enrolment_and_restores_the_bills(
    branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    later = pay(branch, cashier, 100_000)
    with pytest.raises(DomainError) as refused:
        void(branch, cashier, enrolled.receipt_no)
    assert refused.value.code == ErrorCode.VOID_LATER_PAYMENTS_FIRST
    void(branch, cashier, later.receipt_no)
    result = void(branch, cashier, enrolled.receipt_no)
    assert result.enrolment_state == "cancelled"
    assert result.cancelled_work_order == enrolled.work_order_no
    account = get_account(branch.reading(), NO)
    assert account.enrolment is None
    assert (account.arrears, account.penalty) == (2_400_000, 240_000)
    assert account.work_orders == ()
    with branch.reading() as uow:
        bills = uow.session.scalars(select(Bill)).all()
        assert all(b.paid_amount == 0 and not b.settled and b.enrolment_id is None for b in bills)


def test_voiding_after_the_seal_was_opened_orders_a_reseal(
    branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    assert enrolled.work_order_no is not None
    confirm_work_order(branch.writing(), cashier, enrolled.work_order_no,
                       dt.date(2025, 11, 25), "Yohanes Tefa", meter_reading=1234)
    assert get_account(branch.reading(), NO).customer.status == "active"
    result = void(branch, cashier, enrolled.receipt_no)
    assert result.reseal_work_order is not None
    assert [o.kind for o in list_work_orders(branch.reading())] == ["reseal"]


def test_work_order_confirmation_refuses_bad_input(
    branch: BranchDatabase, cashier: Actor, enrolled: PaymentReceipt
) -> None:
    number = enrolled.work_order_no
    assert number is not None
    for args, code in (((number, dt.date(2025, 11, 25), " "), ErrorCode.FIELD_OFFICER_REQUIRED),
                       (("SPK-X", dt.date(2025, 11, 25), "A"), ErrorCode.WORK_ORDER_NOT_FOUND)):
        with pytest.raises(DomainError) as refused:
            confirm_work_order(branch.writing(), cashier, *args)
        assert refused.value.code == code
    confirm_work_order(branch.writing(), cashier, number, dt.date(2025, 11, 25), "A")
    with pytest.raises(DomainError) as closed:
        confirm_work_order(branch.writing(), cashier, number, dt.date(2025, 11, 26), "A")
    assert closed.value.code == ErrorCode.WORK_ORDER_CLOSED


def test_a_missed_instalment_breaks_the_plan_after_the_grace_days(
    branch: BranchDatabase, cashier: Actor, system: Actor, enrolled: PaymentReceipt,
    clock: FixedClock
) -> None:
    assert enrolled.work_order_no is not None
    confirm_work_order(branch.writing(), cashier, enrolled.work_order_no,
                       dt.date(2025, 11, 25), "Yohanes Tefa")
    # First instalment due 20 Dec 2025; grace 30 days → still fine on 19 Jan 2026.
    assert check_broken_plans(branch.writing(), system, dt.date(2026, 1, 19)).broken == ()
    result = check_broken_plans(branch.writing(), system, dt.date(2026, 1, 20))
    assert result.broken == (NO,) and len(result.reseal_orders) == 1
    again = check_broken_plans(branch.writing(), system, dt.date(2026, 1, 20))
    assert again.broken == () and again.reseal_orders == ()
    clock.at = dt.datetime(2026, 1, 21, 9)
    account = get_account(branch.reading(), NO)
    assert account.enrolment is not None and account.enrolment.state == "broken"
    assert {i.state for i in account.enrolment.instalments} == {"broken"}
    assert account.penalty > 0  # the waived penalty is owed again on the open bills
    with pytest.raises(DomainError) as refused:
        pay(branch, cashier, 400_000)
    assert refused.value.code == ErrorCode.NO_ACTIVE_PLAN
    with branch.reading() as uow:
        customer = uow.session.scalars(select(Customer)).one()
        assert customer.status == CustomerStatus.ACTIVE  # until the field re-seals it


def test_a_plan_broken_before_the_seal_was_opened_cancels_the_unseal_order(
    branch: BranchDatabase, system: Actor, enrolled: PaymentReceipt
) -> None:
    result = check_broken_plans(branch.writing(), system, dt.date(2026, 3, 1))
    assert result.broken == (NO,) and result.reseal_orders == ()
    assert list_work_orders(branch.reading()) == []
