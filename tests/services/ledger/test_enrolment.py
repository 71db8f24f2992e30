"""Enrol-and-pay: the press story's numbers, and every refusal leaves nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.models import (
    AuditRecord,
    Bill,
    Enrolment,
    Instalment,
    OutboxEvent,
    Payment,
    WorkOrder,
)
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import get_account, quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from tests.support.fakes import add_customer, monthly_bills

STORY_NO = "10012345"


@pytest.fixture
def story_customer(branch: BranchDatabase) -> str:
    """Sealed since 2021, 48 bills of Rp 50,000 with Rp 5,000 penalty each: Rp 2,400,000."""
    add_customer(branch, STORY_NO, name="Harun Bessie",
                 bills=monthly_bills("2021-11", 48, 50_000, penalty=5_000))
    return STORY_NO


def table_counts(branch: BranchDatabase) -> dict[str, int]:
    with branch.reading() as uow:
        return {model.__tablename__: uow.session.scalar(select(func.count()).select_from(model))
                or 0 for model in (Payment, Enrolment, Instalment, WorkOrder, AuditRecord,
                                   OutboxEvent)}


def test_quote_matches_the_press_story(branch: BranchDatabase, story_customer: str) -> None:
    q = quote(branch.reading(), story_customer)
    assert q.eligible and q.reasons == ()
    assert (q.arrears, q.penalty, q.penalty_waived) == (2_400_000, 240_000, 240_000)
    assert q.down_payment == 1_200_000
    assert q.allowed_instalments == (1, 2, 3)
    assert [(x.due_date, x.amount) for x in q.schedule] == [
        (dt.date(2025, 12, 20), 400_000), (dt.date(2026, 1, 20), 400_000),
        (dt.date(2026, 2, 20), 400_000)]


def test_enrol_and_pay_does_everything_in_one_go(
    branch: BranchDatabase, story_customer: str, cashier: Actor
) -> None:
    before = table_counts(branch)
    receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        story_customer, 3, Tender(1_200_000, tendered=1_250_000)))
    after = table_counts(branch)
    assert {k: after[k] - before[k] for k in after} == {
        "payment": 1, "enrolment": 1, "instalment": 3, "work_order": 1, "audit_record": 1,
        "outbox_event": 1}
    assert receipt.receipt_no == "KPG-L01-2025-000001"
    assert receipt.change == 50_000
    assert receipt.plan_balance == 1_200_000
    assert receipt.work_order_no == "SPK-KPG-L01-2025-00001"
    assert receipt.settled_periods[0] == "2021-11" and len(receipt.settled_periods) == 24
    account = get_account(branch.reading(), story_customer)
    assert account.enrolment is not None and account.enrolment.state == "active"
    assert [i.amount for i in account.enrolment.instalments] == [400_000] * 3
    assert account.total_due == 1_200_000
    assert account.penalty == 0
    assert [w.kind for w in account.work_orders] == ["unseal"]


def test_paying_more_than_the_down_payment_shrinks_the_remainder(
    branch: BranchDatabase, story_customer: str, cashier: Actor
) -> None:
    receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        story_customer, 2, Tender(1_500_000, tendered=1_500_000)))
    assert receipt.plan_balance == 900_000
    assert [x.amount for x in receipt.schedule] == [450_000, 450_000]


BAD_REQUESTS = [
    (EnrolRequest(STORY_NO, 3, Tender(1_199_900, 1_199_900)), ErrorCode.AMOUNT_BELOW_DUE),
    (EnrolRequest(STORY_NO, 3, Tender(2_400_100, 2_400_100)), ErrorCode.AMOUNT_ABOVE_BALANCE),
    (EnrolRequest(STORY_NO, 3, Tender(-5, 0)), ErrorCode.AMOUNT_NOT_POSITIVE),
    (EnrolRequest(STORY_NO, 3, Tender(0, 0)), ErrorCode.AMOUNT_NOT_POSITIVE),
    (EnrolRequest(STORY_NO, 3, Tender(10**12, 10**12)), ErrorCode.AMOUNT_TOO_LARGE),
    (EnrolRequest(STORY_NO, 3, Tender(1.2e6, 1.2e6)), ErrorCode.AMOUNT_MALFORMED),  # type: ignore[arg-type]
    (EnrolRequest(STORY_NO, 3, Tender(1_200_000, 1_000_000)), ErrorCode.TENDERED_BELOW_AMOUNT),
    (EnrolRequest(STORY_NO, 3, Tender(1_200_000, 0, "qris")), ErrorCode.REFERENCE_REQUIRED),
    (EnrolRequest(STORY_NO, 3, Tender(1_200_000, 0, "cheque", "x")), ErrorCode.METHOD_UNKNOWN),
    (EnrolRequest(STORY_NO, 4, Tender(1_200_000, 1_200_000)),
     ErrorCode.INSTALMENT_COUNT_NOT_ALLOWED),
    (EnrolRequest("99999999", 3, Tender(1_200_000, 1_200_000)), ErrorCode.CUSTOMER_NOT_FOUND),
    (EnrolRequest(STORY_NO, 3, Tender(1_200_000, 1_200_000), "NOPE"),
     ErrorCode.PROGRAMME_NOT_FOUND),
]


@pytest.mark.parametrize(("request_", "code"), BAD_REQUESTS, ids=[c.value for _, c in BAD_REQUESTS])
def test_bad_enrolment_is_refused_and_writes_nothing(
    branch: BranchDatabase, story_customer: str, cashier: Actor, request_: EnrolRequest,
    code: ErrorCode
) -> None:
    before = table_counts(branch)
    with pytest.raises(DomainError) as refused:
        enrol_and_pay(branch.writing(), cashier, request_)
    assert refused.value.code == code
    assert refused.value.message  # a sentence for the cashier, not a code
    assert table_counts(branch) == before


def test_double_enrolment_is_refused(branch: BranchDatabase, story_customer: str,
                                     cashier: Actor) -> None:
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        story_customer, 3, Tender(1_200_000, 1_200_000)))
    before = table_counts(branch)
    with pytest.raises(DomainError) as refused:
        enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            story_customer, 3, Tender(600_000, 600_000)))
    assert refused.value.code == ErrorCode.ALREADY_ENROLLED
    assert table_counts(branch) == before
    assert "already_enrolled" in [r.code for r in quote(branch.reading(), story_customer).reasons]


def test_expired_programme_is_refused(
    branch: BranchDatabase, story_customer: str, cashier: Actor, clock: FixedClock
) -> None:
    clock.at = dt.datetime(2026, 1, 2, 9, 0)
    with pytest.raises(DomainError) as refused:
        enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            story_customer, 3, Tender(1_200_000, 1_200_000)))
    assert refused.value.code == ErrorCode.PROGRAMME_NOT_ACTIVE
    q = quote(branch.reading(), story_customer)
    assert not q.eligible and [r.code for r in q.reasons] == ["programme_closed"]


def test_active_customer_is_not_eligible_with_reasons(branch: BranchDatabase,
                                                      cashier: Actor) -> None:
    from app.models import CustomerStatus

    add_customer(branch, "20000001", status=CustomerStatus.ACTIVE)
    q = quote(branch.reading(), "20000001")
    assert not q.eligible
    assert {r.code for r in q.reasons} == {"status", "no_arrears"}
    with pytest.raises(DomainError) as refused:
        enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            "20000001", 1, Tender(1000, 1000)))
    assert refused.value.code == ErrorCode.NOT_ELIGIBLE


def test_bills_keep_their_sum(branch: BranchDatabase, story_customer: str, cashier: Actor) -> None:
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        story_customer, 3, Tender(1_200_000, 1_200_000)))
    with branch.reading() as uow:
        bills = uow.session.scalars(select(Bill)).all()
        assert sum(b.paid_amount for b in bills) == 1_200_000
        assert sum(b.outstanding for b in bills) == 1_200_000
