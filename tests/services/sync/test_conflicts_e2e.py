"""Two branches in conflict over one customer, end to end: real branch databases (KPG and
SBU) syncing through the real head-office server, on SQLite and on PostgreSQL.

Both branches get the customer master the way they do in production: head office's
customers are every branch's, and each counter pulls them at its first sync.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.accounts import get_account, quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.sync import (
    SyncReport,
    pending_events,
    pull_changes,
    push_outbox,
    rejected_list,
    run_sync,
)
from headoffice.changes import current_enrolment
from headoffice.ledger import customer_balance
from tests.support.office_server import NO, RunningOffice
from tests.support.sync_conflict_helpers import (
    Counter,
    assert_counted_once,
    branch_payments,
    branch_template,
    copy_branch,
    credits,
    exception_ids,
    exceptions,
    office_bills,
    office_says,
    register,
    running_office,
    voided,
)
from tests.support.sync_fakes import Killer, SimulatedCrash, pay, void

ALL_BILLS = (600_000, tuple(f"2024-{m:02d}" for m in range(1, 7)))


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningOffice]:
    with running_office(request.param, tmp_path) as running:
        yield running


@pytest.fixture
def kpg(office: RunningOffice, branch: BranchDatabase, cashier: Actor) -> Counter:
    return register(office, branch, cashier)


@pytest.fixture(scope="module")
def sbu_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return branch_template(tmp_path_factory.mktemp("sbu") / "branch", "SBU")


@pytest.fixture
def sbu(office: RunningOffice, sbu_template: Path, tmp_path: Path,
        clock: FixedClock) -> Iterator[Counter]:
    """Branch SBU's counter (KPG's is the ``branch`` fixture's), registered."""
    opened, cashier = copy_branch(sbu_template, tmp_path / "branch-SBU", clock)
    yield register(office, opened, cashier)
    opened.close()


def both_online(kpg: Counter, sbu: Counter) -> None:
    """Both counters sync: each gets the customer and the six bills from head office."""
    for counter in (kpg, sbu):
        assert counter.sync().pulled == 7
        assert counter.arrears() == ALL_BILLS


def enrol(counter: Counter, down_payment: int) -> PaymentReceipt:
    """The customer enrols at the counter, the rest in three instalments."""
    return enrol_and_pay(counter.branch.writing(), counter.cashier, EnrolRequest(
        NO, 3, Tender(down_payment, down_payment)))


def enrolled_at(office: RunningOffice) -> str | None:
    with office.db.reading() as session:
        enrolment = current_enrolment(session, NO)
        return None if enrolment is None else enrolment.branch_code


def balance(office: RunningOffice) -> dict[str, int]:
    with office.db.reading() as session:
        return customer_balance(session, NO)


def test_one_customer_paid_at_two_branches_offline_both_payments_count(
        office: RunningOffice, kpg: Counter, sbu: Counter, clock: FixedClock) -> None:
    both_online(kpg, sbu)
    # Both links go down. The customer enrols at KPG (Rp 300,000 down settles three bills)
    # and pays an instalment; the next day they pay again at SBU, whose counter has not
    # heard of KPG's plan.
    enrol(kpg, 300_000)
    pay(kpg.branch, kpg.cashier, NO, 100_000)
    clock.advance(days=1)
    at_sbu = enrol(sbu, 300_000).payment_uuid

    assert kpg.sync().rejected == ()  # KPG's link comes back first
    refused = sbu.sync()
    assert [(e.type, e.reason) for e in refused.rejected] == [("enrolment.paid",
                                                               "already_enrolled")]
    kpg.sync()

    assert office.money() == (3, 700_000)
    assert balance(office) == {"open_bills": 2, "open_principal": 200_000, "open_penalty": 0,
                               "paid": 400_000, "credit": 300_000}
    shown = office_says(office, "customer", NO)
    assert "open bills: 2, principal Rp 200.000" in shown
    assert "payments received: Rp 400.000; kept as credit: Rp 300.000" in shown
    assert enrolled_at(office) == "KPG"
    assert kpg.arrears() == office_bills(office) == (200_000, ("2024-05", "2024-06"))
    assert [e.reason for e in rejected_list(sbu.branch.reading())] == ["already_enrolled"]
    assert credits(office) == {at_sbu}
    assert_counted_once(office, kpg, sbu)


def test_a_branch_that_pulled_another_branchs_enrolment_refuses_to_enrol_the_customer(
        office: RunningOffice, kpg: Counter, sbu: Counter) -> None:
    both_online(kpg, sbu)
    enrol(kpg, 300_000)
    kpg.sync()
    sbu.sync()  # SBU's customer now says: enrolled at KPG
    assert sbu.arrears() == office_bills(office) == (300_000, ("2024-04", "2024-05", "2024-06"))

    offer = quote(sbu.branch.reading(), NO)
    assert not offer.eligible
    assert [(r.code, "at branch KPG on 2025-11-24" in r.text) for r in offer.reasons] == [
        ("enrolled_elsewhere", True)]
    with pytest.raises(DomainError) as refused:
        enrol(sbu, 150_000)  # half of the Rp 300,000 SBU sees owing
    assert refused.value.code == ErrorCode.ENROLLED_ELSEWHERE
    assert refused.value.params["branch"] == "KPG"
    assert branch_payments(sbu.branch) == {}  # nothing taken, nothing for head office

    pay(kpg.branch, kpg.cashier, NO, 100_000)
    kpg.sync()
    sbu.sync()
    assert office.money() == (2, 400_000) and exceptions(office) == []
    assert kpg.arrears() == sbu.arrears() == office_bills(office) == (
        200_000, ("2024-05", "2024-06"))
    assert_counted_once(office, kpg, sbu)


def test_the_refused_branch_takes_no_instalment_and_shows_head_offices_bills_after_refunding(
        office: RunningOffice, kpg: Counter, sbu: Counter, clock: FixedClock) -> None:
    both_online(kpg, sbu)
    enrol(kpg, 300_000)  # both offline: KPG enrols the customer at 09:00 ...
    clock.advance(hours=1)
    down = enrol(sbu, 300_000)  # ... and SBU an hour later
    kpg.sync()
    refused = sbu.sync()  # KPG's arrived first: SBU's plan is refused, its money a credit
    assert [(e.type, e.reason) for e in refused.rejected] == [("enrolment.paid",
                                                               "already_enrolled")]

    with pytest.raises(DomainError) as stopped:  # SBU's cashier takes no instalment on it
        pay(sbu.branch, sbu.cashier, NO, 100_000)
    assert stopped.value.code == ErrorCode.PLAN_REFUSED_ENROLLED_ELSEWHERE
    assert stopped.value.params["branch"] == "KPG"
    assert stopped.value.params["receipt_no"] == down.receipt_no
    plan = get_account(sbu.branch.reading(), NO).enrolment
    assert plan is not None and plan.state == "refused"
    assert [e.reason for e in rejected_list(sbu.branch.reading())] == ["already_enrolled"]

    pay(kpg.branch, kpg.cashier, NO, 100_000)  # KPG's plan goes on
    kpg.sync()
    sbu.sync()
    void(sbu.branch, sbu.cashier, down.receipt_no)  # SBU's supervisor refunds the customer
    assert sbu.sync().rejected == ()

    assert exceptions(office) == [] and voided(office) == {down.payment_uuid}
    assert office.money() == (2, 400_000)
    assert sbu.arrears() == kpg.arrears() == office_bills(office) == (
        200_000, ("2024-05", "2024-06"))
    with pytest.raises(DomainError) as again:
        enrol(sbu, 100_000)
    assert again.value.code == ErrorCode.ENROLLED_ELSEWHERE
    assert_counted_once(office, kpg, sbu)


def test_one_customer_enrolled_at_two_branches_offline_the_first_to_arrive_wins(
        office: RunningOffice, kpg: Counter, sbu: Counter, clock: FixedClock) -> None:
    both_online(kpg, sbu)
    # Both links are down: KPG enrols the customer at 09:00, and takes an instalment ...
    first = enrol(kpg, 300_000).payment_uuid
    then = pay(kpg.branch, kpg.cashier, NO, 100_000).payment_uuid
    clock.advance(hours=1)
    enrol(sbu, 300_000)  # ... and SBU enrols the customer an hour later

    assert sbu.sync().rejected == ()  # SBU's link comes back first: SBU's enrolment wins
    late = kpg.sync()
    assert [(e.type, e.reason) for e in late.rejected] == [
        ("enrolment.paid", "already_enrolled"), ("instalment.paid", "unknown_enrolment")]
    sbu.sync()

    assert enrolled_at(office) == "SBU"
    assert office.money() == (3, 700_000)  # KPG's Rp 400,000 is kept, as a credit
    assert balance(office) == {"open_bills": 3, "open_principal": 300_000, "open_penalty": 0,
                               "paid": 300_000, "credit": 400_000}
    assert credits(office) == {first, then}
    assert sbu.arrears() == office_bills(office)
    assert_counted_once(office, kpg, sbu)

    # Head-office staff find both refused payments in the exceptions queue ...
    listed = [line for line in office_says(office, "exceptions").splitlines()
              if line.startswith("#")]
    assert len(listed) == 2
    assert "[OPEN] KPG enrolment.paid" in listed[0] and "Rp 300.000 already_enrolled" in listed[0]
    assert "enrolled first at branch SBU" in listed[0] and "kept as a credit" in listed[0]
    assert "[OPEN] KPG instalment.paid" in listed[1] and "Rp 100.000 unknown_enrolment" in listed[1]
    # ... and KPG's supervisor sees them in the counter's list of refused events.
    assert [(e.type, e.reason) for e in rejected_list(kpg.branch.reading())] == [
        ("enrolment.paid", "already_enrolled"), ("instalment.paid", "unknown_enrolment")]
    assert rejected_list(sbu.branch.reading()) == []


def test_two_branches_syncing_their_enrolments_at_the_same_moment_one_wins(
        office: RunningOffice, kpg: Counter, sbu: Counter) -> None:
    both_online(kpg, sbu)
    enrol(kpg, 300_000)
    enrol(sbu, 300_000)
    reports: dict[str, SyncReport] = {}
    syncs = [threading.Thread(target=lambda c=c: reports.update({c.code: c.sync()}))
             for c in (kpg, sbu)]
    for thread in syncs:
        thread.start()
    for thread in syncs:
        thread.join(60)

    refused = {code: [e.reason for e in r.rejected] for code, r in reports.items()}
    winner = enrolled_at(office)
    loser = "SBU" if winner == "KPG" else "KPG"
    assert refused == {winner: [], loser: ["already_enrolled"]}
    assert exceptions(office) == [(loser, "already_enrolled")]
    assert office.money() == (2, 600_000)
    assert_counted_once(office, kpg, sbu)


def test_once_the_winning_plan_is_voided_head_office_applies_the_refused_one(
        office: RunningOffice, kpg: Counter, sbu: Counter, clock: FixedClock) -> None:
    both_online(kpg, sbu)
    won = enrol(sbu, 300_000)
    clock.advance(hours=1)
    enrol(kpg, 300_000)
    pay(kpg.branch, kpg.cashier, NO, 100_000)
    sbu.sync()
    assert len(kpg.sync().rejected) == 2
    void(sbu.branch, sbu.cashier, won.receipt_no)  # SBU takes its enrolment back
    sbu.sync()

    for number in exception_ids(office):  # head-office staff re-apply the refused events
        assert "applied now" in office_says(office, "exceptions", "--reapply", str(number))
    kpg.sync()
    sbu.sync()
    assert enrolled_at(office) == "KPG" and credits(office) == set()
    assert exceptions(office) == []
    assert rejected_list(kpg.branch.reading()) == []  # the counter hears of it at its sync
    assert office.money() == (2, 400_000)
    two_left = (200_000, ("2024-05", "2024-06"))
    assert kpg.arrears() == sbu.arrears() == office_bills(office) == two_left
    assert_counted_once(office, kpg, sbu)


def test_a_void_pushed_with_its_payment_leaves_the_payment_out_once(
        office: RunningOffice, kpg: Counter, sbu: Counter) -> None:
    both_online(kpg, sbu)
    enrol(kpg, 300_000)
    wrong = pay(kpg.branch, kpg.cashier, NO, 100_000)
    void(kpg.branch, kpg.cashier, wrong.receipt_no)  # before the payment was ever synced

    assert kpg.sync().rejected == ()
    assert kpg.transport.pushes[-1] == ["enrolment.paid", "instalment.paid", "payment.voided"]
    sbu.sync()
    assert office.money() == (1, 300_000)
    assert voided(office) == {wrong.payment_uuid}
    assert exceptions(office) == []
    three_left = (300_000, ("2024-04", "2024-05", "2024-06"))
    assert kpg.arrears() == sbu.arrears() == office_bills(office) == three_left
    assert_counted_once(office, kpg, sbu)


@pytest.mark.parametrize("link", ["one_event_per_push", "answer_lost"])
def test_a_void_pushed_after_its_payment_but_before_its_acknowledgement_counts_once(
        office: RunningOffice, kpg: Counter, sbu: Counter, clock: FixedClock,
        link: str) -> None:
    both_online(kpg, sbu)
    down = enrol(kpg, 300_000)
    if link == "answer_lost":  # head office applied the payment; its answer never came back
        with pytest.raises(SimulatedCrash):
            run_sync(Killer(kpg.branch, crash_at=2), kpg.transport)
        assert office.money() == (1, 300_000)
        assert pending_events(kpg.branch.reading()) == 1
        clock.advance(minutes=11)  # the dead sync's lock runs out
    void(kpg.branch, kpg.cashier, down.receipt_no)
    if link == "one_event_per_push":
        push_outbox(kpg.branch.writing, kpg.transport, batch_size=1)

    report = kpg.sync()
    assert report.rejected == ()
    assert kpg.transport.pushes[-2:] == [["enrolment.paid"], (
        ["payment.voided"] if link == "one_event_per_push"
        else ["enrolment.paid", "payment.voided"])]
    sbu.sync()
    assert office.money() == (0, 0)
    assert voided(office) == {down.payment_uuid}
    assert enrolled_at(office) is None  # the voided down payment cancelled the plan
    assert exceptions(office) == []
    assert kpg.arrears() == sbu.arrears() == office_bills(office) == ALL_BILLS
    assert_counted_once(office, kpg, sbu)


def test_a_void_after_its_payment_was_synced_counts_once_and_frees_the_customer(
        office: RunningOffice, kpg: Counter, sbu: Counter) -> None:
    both_online(kpg, sbu)
    down = enrol(kpg, 300_000)
    kpg.sync()
    sbu.sync()
    assert sbu.arrears() == (300_000, ("2024-04", "2024-05", "2024-06"))

    void(kpg.branch, kpg.cashier, down.receipt_no)
    assert kpg.sync().rejected == ()
    sbu.sync()
    assert office.money() == (0, 0)
    assert voided(office) == {down.payment_uuid}
    assert kpg.arrears() == sbu.arrears() == office_bills(office) == ALL_BILLS

    enrol(sbu, 300_000)  # the cancelled plan no longer stands in the way
    assert sbu.sync().rejected == ()
    kpg.sync()
    assert enrolled_at(office) == "SBU"
    assert office.money() == (1, 300_000)
    assert kpg.arrears() == office_bills(office) == (300_000, ("2024-04", "2024-05", "2024-06"))
    assert_counted_once(office, kpg, sbu)


def test_a_branch_refunding_the_payments_kept_as_credit_takes_them_out_once(
        office: RunningOffice, kpg: Counter, sbu: Counter, clock: FixedClock) -> None:
    both_online(kpg, sbu)
    enrol(sbu, 300_000)
    clock.advance(hours=1)
    late = enrol(kpg, 300_000)
    then = pay(kpg.branch, kpg.cashier, NO, 100_000)
    sbu.sync()
    assert len(kpg.sync().rejected) == 2
    assert credits(office) == {late.payment_uuid, then.payment_uuid}
    assert exceptions(office) == [("KPG", "already_enrolled"), ("KPG", "unknown_enrolment")]

    # KPG's supervisor sees the refusals and gives the customer the money back: nothing is
    # left for head-office staff to settle (no second refund from head office).
    void(kpg.branch, kpg.cashier, then.receipt_no)
    assert kpg.sync().rejected == ()
    assert exceptions(office) == [("KPG", "already_enrolled")]
    void(kpg.branch, kpg.cashier, late.receipt_no)
    assert kpg.sync().rejected == ()
    assert exceptions(office) == []
    closed = office_says(office, "exceptions", "--all")
    assert f"receipt {late.receipt_no} was voided at branch KPG" in closed
    assert "the credit was given back" in closed
    assert office.money() == (1, 300_000)
    assert voided(office) == {late.payment_uuid, then.payment_uuid}
    assert enrolled_at(office) == "SBU"
    assert_counted_once(office, kpg, sbu)


def test_a_counter_pulling_from_the_start_after_an_enrolment_gets_every_bill(
        office: RunningOffice, kpg: Counter, sbu: Counter) -> None:
    """Head office re-records the customer after the bills its plan took over, so a
    counter's first pull meets those bills before the customer: they wait for it."""
    assert kpg.sync().pulled == 7
    enrol(kpg, 300_000)
    kpg.sync()
    first = pull_changes(sbu.branch.writing, sbu.transport, limit=2)  # small pages
    assert first.counts.bills_released > 0
    assert sbu.arrears() == kpg.arrears() == office_bills(office)
    assert sbu.sync().ok
    assert_counted_once(office, kpg, sbu)
