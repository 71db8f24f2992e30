"""Head office's verdicts at the branch: a refused enrolment stops its plan, a customer
enrolled at another branch is not enrolled here, and bill changes skipped while a local
plan covered the bill are applied once it no longer does."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord, Enrolment, HeldBillChange
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import get_account, quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.sync import pending_events, pull_changes, push_outbox, rejected_list
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    Killer,
    SimulatedCrash,
    bill_data,
    connect,
    customer_data,
    outbox,
    pay,
    publish_customer,
    void,
)

NO = "10000001"
AT_SBU = {"uuid": "5b0d7c1e-0000-4000-8000-00000000a5b0", "programme": "BUKA-SEGEL",
          "state": "active", "branch": "SBU", "business_date": "2025-11-23"}


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


def enrol(branch: BranchDatabase, cashier: Actor, amount: int = 300_000) -> PaymentReceipt:
    """The customer (pulled from head office: six Rp 100,000 bills) enrols, 3 instalments."""
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        NO, 3, Tender(amount, amount)))


def refused(code: ErrorCode, call: Any, *args: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args)
    assert caught.value.code == code, caught.value.message
    return caught.value


def plan_state(branch: BranchDatabase) -> str:
    with branch.reading() as uow:
        states = uow.session.scalars(select(Enrolment.state).order_by(Enrolment.id)).all()
        return states[-1].value


def audit(branch: BranchDatabase, action: str) -> list[dict[str, Any]]:
    with branch.reading() as uow:
        return [json.loads(r.details) for r in uow.session.scalars(
            select(AuditRecord).where(AuditRecord.action == action))]


def unpaid(branch: BranchDatabase) -> tuple[int, tuple[str, ...]]:
    """What the account screen shows: arrears and the open bills' periods."""
    account = get_account(branch.reading(), NO)
    return account.arrears, tuple(line.period for line in account.open_bills)


def enrolled_first_at_sbu(branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice,
                          link: FakeLink) -> tuple[PaymentReceipt, PaymentReceipt]:
    """The customer enrols here and pays an instalment, offline; SBU's enrolment of the
    same customer reached head office first, so head office refuses this one."""
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    down, then = enrol(branch, cashier), pay(branch, cashier, NO, 100_000)
    office.state.enrolled[NO] = AT_SBU["uuid"]
    return down, then


# --- 1. the refused branch is stopped ----------------------------------------------------
def test_a_refused_enrolment_stops_its_plan_in_the_transaction_that_records_the_answer(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    down, _ = enrolled_first_at_sbu(branch, cashier, office, link)
    pending = pending_events(branch.reading())
    with pytest.raises(SimulatedCrash):  # killed while recording head office's answer
        push_outbox(Killer(branch, crash_at=1), link)
    assert plan_state(branch) == "active" and pending_events(branch.reading()) == pending
    assert audit(branch, "enrolment.refused") == []

    result = push_outbox(branch.writing, link)  # sent again: head office's stored answer

    assert [(e.type, e.reason) for e in result.rejected] == [
        ("enrolment.paid", "already_enrolled")]
    assert plan_state(branch) == "refused"
    [note] = audit(branch, "enrolment.refused")
    assert (note["reason"], note["previous_state"], note["receipt_no"]) == (
        "already_enrolled", "active", down.receipt_no)
    error = refused(ErrorCode.PLAN_REFUSED, pay, branch, cashier, NO, 100_000)
    assert "already_enrolled" in error.message and down.receipt_no in error.message
    assert [e.reason for e in rejected_list(branch.reading())] == ["already_enrolled"]

    # The pull after the push says whose plan head office holds: the refusal names it.
    office.publish("customer", NO, customer_data(NO, enrolment=AT_SBU))
    pull_changes(branch.writing, link)
    error = refused(ErrorCode.PLAN_REFUSED_ENROLLED_ELSEWHERE, pay, branch, cashier, NO,
                    50_000)
    assert error.params["branch"] == "SBU" and str(error.params["since"]) == "2025-11-23"
    assert "enrolled at branch SBU first" in error.message
    assert "a supervisor should void it" in error.message
    assert [e.type for e in outbox(branch)].count("instalment.paid") == 1  # none taken


def test_the_account_shows_the_refusal_and_a_supervisor_still_refunds_the_plan(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    down, then = enrolled_first_at_sbu(branch, cashier, office, link)
    push_outbox(branch.writing, link)
    office.publish("customer", NO, customer_data(NO, enrolment=AT_SBU))
    pull_changes(branch.writing, link)

    plan = get_account(branch.reading(), NO).enrolment
    assert plan is not None and plan.state == "refused" and plan.next_due is None
    assert plan.refusal is not None and plan.refusal.elsewhere is not None
    assert (plan.refusal.reason, plan.refusal.receipt_no, plan.refusal.elsewhere.branch) == (
        "already_enrolled", down.receipt_no, "SBU")
    assert [line.state for line in plan.instalments] == ["paid", "refused", "refused"]
    assert {"already_enrolled", "enrolled_elsewhere"} <= {
        r.code for r in quote(branch.reading(), NO).reasons}

    void(branch, cashier, then.receipt_no)  # the supervisor refunds, latest receipt first
    void(branch, cashier, down.receipt_no)

    account = get_account(branch.reading(), NO)
    assert account.enrolment is None and plan_state(branch) == "cancelled"
    assert account.office_enrolment is not None and account.office_enrolment.branch == "SBU"
    assert [e.type for e in outbox(branch)][-2:] == ["payment.voided", "payment.voided"]
    assert [r.code for r in quote(branch.reading(), NO).reasons] == ["enrolled_elsewhere"]
    error = refused(ErrorCode.ENROLLED_ELSEWHERE, enrol, branch, cashier)
    assert "already enrolled at branch SBU" in error.message


def test_head_office_applying_the_refused_enrolment_after_all_lets_the_plan_go_on(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrolled_first_at_sbu(branch, cashier, office, link)
    push_outbox(branch.writing, link)
    assert plan_state(branch) == "refused"
    first = outbox(branch)[-2]  # the enrolment.paid event
    assert first.type == "enrolment.paid"

    office.publish("ack", first.id, {"device_id": first.device_id, "id": first.id,
                                     "seq": first.seq, "status": "applied", "reason": ""})
    pull_changes(branch.writing, link)

    assert plan_state(branch) == "active"
    assert audit(branch, "enrolment.accepted")[0]["state"] == "active"
    assert pay(branch, cashier, NO, 100_000).plan_balance == 100_000
    assert rejected_list(branch.reading()) == []


def test_a_plan_voided_before_head_office_refused_it_stays_cancelled(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    down = enrol(branch, cashier)
    void(branch, cashier, down.receipt_no)
    office.state.enrolled[NO] = AT_SBU["uuid"]

    push_outbox(branch.writing, link)

    assert plan_state(branch) == "cancelled"
    assert audit(branch, "enrolment.refused") == []


# --- 2. a customer enrolled at another branch ----------------------------------------------
def test_a_customer_head_office_holds_enrolled_at_another_branch_is_not_enrolled_here(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, NO, enrolment=AT_SBU)
    pull_changes(branch.writing, link)

    offer = quote(branch.reading(), NO)
    assert not offer.eligible
    [reason] = offer.reasons
    assert reason.code == "enrolled_elsewhere" and "branch SBU on 2025-11-23" in reason.text
    error = refused(ErrorCode.ENROLLED_ELSEWHERE, enrol, branch, cashier)
    assert error.params["branch"] == "SBU" and str(error.params["since"]) == "2025-11-23"
    assert get_account(branch.reading(), NO).payments == ()  # nothing was taken

    # SBU's down payment is voided there: head office sends the customer without a plan.
    office.publish("customer", NO, customer_data(NO, enrolment=None))
    pull_changes(branch.writing, link)
    assert quote(branch.reading(), NO).eligible
    assert enrol(branch, cashier).plan_balance == 300_000


@pytest.mark.parametrize(("state", "programme", "blocks"), [
    ("active", "BUKA-SEGEL", True), ("active", "OTHER-2026", True),
    ("completed", "BUKA-SEGEL", True), ("broken", "BUKA-SEGEL", True),
    ("completed", "OTHER-2026", False), ("broken", "OTHER-2026", False)])
def test_head_offices_rule_decides_which_enrolment_elsewhere_blocks(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        state: str, programme: str, blocks: bool) -> None:
    publish_customer(office, NO, enrolment=dict(AT_SBU, state=state, programme=programme))
    pull_changes(branch.writing, link)
    assert quote(branch.reading(), NO).eligible is not blocks


def test_the_branchs_own_enrolment_reported_back_by_head_office_is_no_enrolment_elsewhere(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    down = enrol(branch, cashier)
    ours = dict(AT_SBU, uuid=down.enrolment_uuid, branch="KPG", business_date="2025-11-24")
    office.publish("customer", NO, customer_data(NO, enrolment=ours))
    pull_changes(branch.writing, link)
    assert get_account(branch.reading(), NO).office_enrolment is None

    void(branch, cashier, down.receipt_no)  # head office has not heard of the void yet
    assert quote(branch.reading(), NO).eligible
    enrol(branch, cashier)


def test_a_malformed_enrolment_of_a_customer_refuses_the_page(
        branch: BranchDatabase, office: FakeHeadOffice, link: FakeLink) -> None:
    office.publish("customer", NO, customer_data(NO, enrolment=dict(AT_SBU,
                                                                    business_date="soon")))
    error = refused(ErrorCode.SYNC_BAD_CHANGE, pull_changes, branch.writing, link)
    assert "business_date" in error.message
    refused(ErrorCode.CUSTOMER_NOT_FOUND, get_account, branch.reading(), NO)


# --- 3. bill changes skipped while a local plan covered the bill ---------------------------
def settled_at_sbu(office: FakeHeadOffice, months: int) -> None:
    """SBU's plan settled the first ``months`` bills at head office."""
    for month in range(1, months + 1):
        period = f"2024-{month:02d}"
        office.publish("bill", f"{NO}:{period}", bill_data(NO, period, paid=True))


def held(branch: BranchDatabase) -> list[str]:
    with branch.reading() as uow:
        return list(uow.session.scalars(select(HeldBillChange.period)
                                        .order_by(HeldBillChange.period)))


def test_bill_changes_held_while_a_plan_covers_the_bills_apply_once_it_ends(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    down, then = enrolled_first_at_sbu(branch, cashier, office, link)
    push_outbox(branch.writing, link)
    settled_at_sbu(office, 3)

    counts = pull_changes(branch.writing, link).counts
    assert (counts.bills, counts.bills_kept) == (0, 3)
    assert held(branch) == ["2024-01", "2024-02", "2024-03"]
    assert unpaid(branch) == (200_000, ("2024-05", "2024-06"))  # this branch's plan's view

    void(branch, cashier, then.receipt_no)
    assert pull_changes(branch.writing, link).counts.bills_released == 0  # still covered
    void(branch, cashier, down.receipt_no)  # the plan ends: held changes apply at once
    assert held(branch) == []
    assert unpaid(branch) == (300_000, ("2024-04", "2024-05", "2024-06"))  # head office's
    assert pull_changes(branch.writing, link).counts.bills_released == 0  # nothing left


def test_a_newer_change_of_a_held_bill_wins_over_the_held_one(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    down = enrol(branch, cashier)
    settled_at_sbu(office, 1)
    pull_changes(branch.writing, link)
    assert held(branch) == ["2024-01"]
    void(branch, cashier, down.receipt_no)
    # Head office reopened the bill since, and the billing system added a penalty.
    office.publish("bill", f"{NO}:2024-01", bill_data(NO, "2024-01", penalty=10_000))

    pull_changes(branch.writing, link)

    account = get_account(branch.reading(), NO)
    assert held(branch) == []
    first = account.open_bills[0]
    assert (first.period, first.penalty) == ("2024-01", 10_000)
    assert unpaid(branch)[0] == 600_000


def test_a_bill_head_office_changes_while_the_plan_goes_on_stays_as_the_plan_has_it(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    publish_customer(office, NO)
    pull_changes(branch.writing, link)
    enrol(branch, cashier)
    settled_at_sbu(office, 6)
    pull_changes(branch.writing, link)
    pay(branch, cashier, NO, 100_000)
    assert pull_changes(branch.writing, link).counts.bills_released == 0
    assert unpaid(branch) == (200_000, ("2024-05", "2024-06"))
    assert len(held(branch)) == 6
