"""The void that ends a plan applies head office's bill changes held back while the plan
covered the bills, in its own transaction: the account right after the refund shows
head office's bills, without waiting for the next sync."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord, HeldBillChange
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import get_account
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.sync import pull_changes, push_outbox
from tests.support.fakes import SUPERVISOR
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    Killer,
    SimulatedCrash,
    bill_data,
    connect,
    outbox,
    pay,
    publish_customer,
    void,
)

NO = "10000001"
SBU_PLAN = "5b0d7c1e-0000-4000-8000-00000000a5b0"


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


def unpaid(branch: BranchDatabase) -> tuple[int, tuple[str, ...]]:
    """What the account screen shows: arrears and the open bills' periods."""
    account = get_account(branch.reading(), NO)
    return account.arrears, tuple(line.period for line in account.open_bills)


def held(branch: BranchDatabase) -> list[str]:
    with branch.reading() as uow:
        return list(uow.session.scalars(select(HeldBillChange.period)
                                        .order_by(HeldBillChange.period)))


def void_details(branch: BranchDatabase) -> list[dict[str, Any]]:
    with branch.reading() as uow:
        return [json.loads(r.details) for r in uow.session.scalars(
            select(AuditRecord).where(AuditRecord.action == "payment.void")
            .order_by(AuditRecord.id))]


def refused_with_bills_settled_at_sbu(branch: BranchDatabase, cashier: Actor,
                                      office: FakeHeadOffice,
                                      link: FakeLink) -> tuple[PaymentReceipt, PaymentReceipt]:
    """The customer (six Rp 100,000 bills from head office) enrols here and pays an
    instalment; head office refuses the plan (SBU's came first), and SBU's plan settled
    the first three bills; this branch holds those changes while its plan covers them.
    Head office has also added a penalty to the fourth bill since."""
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    down = enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000,
                                                                              300_000)))
    then = pay(branch, cashier, NO, 100_000)
    office.state.enrolled[NO] = SBU_PLAN
    push_outbox(branch.writing, link)
    for period in ("2024-01", "2024-02", "2024-03"):
        office.publish("bill", f"{NO}:{period}", bill_data(NO, period, paid=True))
    office.publish("bill", f"{NO}:2024-04", bill_data(NO, "2024-04", penalty=10_000))
    counts = pull_changes(branch.writing, link).counts
    assert (counts.bills, counts.bills_kept) == (0, 4)
    assert held(branch) == ["2024-01", "2024-02", "2024-03", "2024-04"]
    return down, then


def test_the_refund_shows_head_offices_bills_at_once(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    down, then = refused_with_bills_settled_at_sbu(branch, cashier, office, link)
    assert unpaid(branch) == (200_000, ("2024-05", "2024-06"))  # this branch's plan's view

    void(branch, cashier, then.receipt_no)  # the plan goes on: its bills stay covered
    assert len(held(branch)) == 4 and unpaid(branch)[0] == 300_000
    void(branch, cashier, down.receipt_no)  # the plan ends

    assert held(branch) == []
    account = get_account(branch.reading(), NO)
    assert account.enrolment is None
    assert [(b.period, b.penalty, b.in_plan) for b in account.open_bills] == [
        ("2024-04", 10_000, False), ("2024-05", 0, False), ("2024-06", 0, False)]
    assert account.arrears == 300_000 and account.penalty == 10_000
    assert [d.get("bills_released") for d in void_details(branch)] == [
        None, ["2024-01", "2024-02", "2024-03", "2024-04"]]
    last = json.loads(outbox(branch)[-1].payload)
    assert (last["kind"], last["bills_released"]) == ("down_payment", [
        "2024-01", "2024-02", "2024-03", "2024-04"])
    # The next sync finds nothing left to apply and changes nothing.
    assert pull_changes(branch.writing, link).counts.bills_released == 0
    assert unpaid(branch) == (300_000, ("2024-04", "2024-05", "2024-06"))


def test_a_void_killed_before_its_commit_applies_no_held_change(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    down, then = refused_with_bills_settled_at_sbu(branch, cashier, office, link)
    void(branch, cashier, then.receipt_no)
    request = VoidRequest(down.receipt_no, "refused by head office", *SUPERVISOR)

    with pytest.raises(SimulatedCrash):
        void_payment(Killer(branch, crash_at=1)(), cashier, request)

    assert len(held(branch)) == 4 and unpaid(branch)[0] == 300_000  # nothing happened
    assert get_account(branch.reading(), NO).enrolment is not None
    void_payment(branch.writing(), cashier, request)
    assert held(branch) == [] and unpaid(branch)[0] == 300_000


def test_a_refused_void_applies_no_held_change(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    down, _ = refused_with_bills_settled_at_sbu(branch, cashier, office, link)
    with pytest.raises(DomainError) as caught:  # the instalment must be voided first
        void(branch, cashier, down.receipt_no)
    assert caught.value.code == ErrorCode.VOID_LATER_PAYMENTS_FIRST
    assert len(held(branch)) == 4 and unpaid(branch) == (200_000, ("2024-05", "2024-06"))


def test_a_void_of_a_plan_with_nothing_held_changes_only_the_plan(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    down = enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000,
                                                                              300_000)))
    void(branch, cashier, down.receipt_no)
    assert unpaid(branch)[0] == 600_000
    assert "bills_released" not in void_details(branch)[0]
