"""The money rules hold for any terms and any bills, not just the press story's numbers.

Pure rules (quoting, allocation) are checked over many random terms and bill sets; the
last test drives the real services through a database: enrol, pay instalments, void.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from hypothesis import event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.bootstrap import BranchDatabase, open_branch
from app.models import (
    Bill,
    BillAllocation,
    Customer,
    Enrolment,
    Instalment,
    InstalmentAllocation,
    Payment,
    User,
    Void,
    WorkOrder,
)
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.context import system_actor
from app.services.ledger.accounts import get_account, quote
from app.services.ledger.allocation import allocate_oldest_first
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.programmes import load_terms
from app.services.quoting import (
    BillFacts,
    CustomerFacts,
    ScheduleLine,
    allowed_counts,
    make_offer,
    schedule,
    waived_penalty,
)
from app.services.shifts import open_shift
from app.services.terms import PromotionTerms, terms_from_dict
from tests.support.fakes import CASHIER, DEMO_DAY, SUPERVISOR, BillSpec, actor_for, add_customer

STEPS = (1, 100, 500, 1000)
PROGRAMME = "PROP"


@st.composite
def promotion_terms(draw: st.DrawFn) -> PromotionTerms:
    """Any terms a utility could load: validated by the same parser as a terms file."""
    min_count = draw(st.integers(1, 3))
    limits = sorted(draw(st.lists(st.integers(1, 30_000_000), max_size=3, unique=True)))
    counts = draw(st.lists(st.integers(min_count, 24), min_size=len(limits) + 1,
                           max_size=len(limits) + 1))
    tiers: list[dict[str, int]] = [
        {"up_to": u, "max_count": c} for u, c in zip(limits, counts[:-1], strict=True)]
    tiers.append({"max_count": counts[-1]})
    return terms_from_dict({
        "code": PROGRAMME, "version": 1, "name": "Random terms",
        "valid_from": "2025-11-17", "valid_to": "2025-12-31",
        "penalty_waiver_percent": draw(st.integers(0, 100)),
        "down_payment_percent": draw(st.integers(1, 100)),
        "down_payment_step": draw(st.sampled_from(STEPS)),
        "instalments": {
            "tiers": tiers, "min_count": min_count,
            "min_amount": draw(st.one_of(st.sampled_from([50_000, 100_000]),
                                         st.integers(1, 1_000_000))),
            "rounding_step": draw(st.sampled_from(STEPS)),
            "due_day": draw(st.integers(1, 28)),
        },
    })


bill_amounts = st.tuples(st.integers(0, 800_000), st.integers(0, 100_000))
enrolment_days = st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))


def facts_of(bills: list[tuple[int, int]]) -> CustomerFacts:
    return CustomerFacts("sealed", "R2", tuple(
        BillFacts(f"P{i:03d}", principal, penalty) for i, (principal, penalty) in enumerate(bills)))


def check_plan(terms: PromotionTerms, remainder: int, count: int, enrolled_on: dt.date) -> None:
    """A schedule that sums exactly, with sensible amounts, due monthly on ``due_day``."""
    rules = terms.instalments
    assert count <= terms.max_instalments_for(remainder) or remainder == 0
    plan = schedule(terms, remainder, count, enrolled_on)
    assert [line.number for line in plan] == list(range(1, count + 1))
    assert sum(line.amount for line in plan) == remainder
    assert all(line.amount > 0 for line in plan)
    if count > 1:
        assert all(line.amount >= rules.min_amount for line in plan)
        base = plan[0].amount
        assert {line.amount for line in plan[:-1]} == {base}
        assert base % rules.rounding_step == 0
        assert 0 <= plan[-1].amount - base < count * rules.rounding_step
    check_due_dates(plan, rules.due_day, enrolled_on)


def check_due_dates(plan: tuple[ScheduleLine, ...], due_day: int, enrolled_on: dt.date) -> None:
    dates = [line.due_date for line in plan]
    assert all(d.day == due_day for d in dates)
    assert all(a < b for a, b in itertools.pairwise(dates))
    months = [d.year * 12 + d.month for d in dates]
    first = enrolled_on.year * 12 + enrolled_on.month + 1
    assert months == list(range(first, first + len(plan)))


@given(terms=promotion_terms(), bills=st.lists(bill_amounts, max_size=60), on=enrolment_days,
       data=st.data())
def test_down_payment_and_schedule_add_up_to_the_amount_due(
    terms: PromotionTerms, bills: list[tuple[int, int]], on: dt.date, data: st.DataObject
) -> None:
    offer = make_offer(terms, facts_of(bills), on)
    penalty = sum(p for _, p in bills)
    waived = sum(waived_penalty(p, terms.penalty_waiver_percent) for _, p in bills)
    assert (offer.arrears, offer.penalty, offer.penalty_waived) == (
        sum(b for b, _ in bills), penalty, waived)
    assert 0 <= waived <= penalty
    assert offer.amount_due == offer.arrears + penalty - waived
    due, down = offer.amount_due, offer.down_payment
    assert 0 <= down <= due
    assert down % terms.down_payment_step == 0 or down == due
    assert down * 100 >= due * terms.down_payment_percent  # never less than dp%
    assert down == due or (down - terms.down_payment_step) * 100 < due * terms.down_payment_percent
    for count in offer.allowed_instalments:
        check_plan(terms, due - down, count, on)
        assert down + sum(x.amount for x in schedule(terms, due - down, count, on)) == due
    # Paying more than the down payment up front: the smaller remainder still adds up.
    paid = data.draw(st.integers(down, due), label="paid up front")
    allowed = allowed_counts(terms, due - paid)
    assert allowed == tuple(sorted(set(allowed))) and allowed
    if paid == due:
        assert allowed == (0,) and schedule(terms, 0, 0, on) == ()
    for count in allowed:
        check_plan(terms, due - paid, count, on)


@given(terms=promotion_terms(), remainder=st.integers(1, 60_000_000))
def test_allowed_counts_respect_the_tiers(terms: PromotionTerms, remainder: int) -> None:
    allowed = allowed_counts(terms, remainder)
    assert allowed and max(allowed) <= terms.max_instalments_for(remainder)
    assert all(count >= 1 for count in allowed)
    rules = terms.instalments
    for count in allowed:
        if count > 1:
            assert remainder // count >= rules.min_amount


@given(amount=st.integers(0, 100_000_000), owed=st.lists(st.integers(0, 5_000_000), max_size=60))
def test_a_payment_fills_the_oldest_debts_first(amount: int, owed: list[int]) -> None:
    shares = allocate_oldest_first(amount, list(enumerate(owed)))
    keys = [key for key, _ in shares]
    assert keys == sorted(set(keys))
    assert all(0 < share <= owed[key] for key, share in shares)
    assert sum(share for _, share in shares) == min(amount, sum(owed))
    got = dict(shares)
    if shares:
        last = keys[-1]
        assert all(got.get(k, 0) == owed[k] for k in range(last))  # everything older is full
        assert all(k not in got for k in range(last + 1, len(owed)))
        if got[last] < owed[last]:
            assert sum(got.values()) == amount


# --- Through the database ------------------------------------------------------------

CONNECTION_NO = "30000001"
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
_copies = itertools.count()


@pytest.fixture(scope="module")
def quick_template(branch_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The branch template with the cashier's shift open and the supervisor's password
    stored under light argon2 settings, so that the real password checks of voids stay
    quick."""
    copy = tmp_path_factory.mktemp("quick-template") / "branch"
    copy.mkdir()
    shutil.copyfile(branch_template, database_path(copy))
    opened = open_branch(copy, clock=FixedClock(DEMO_DAY))
    with opened.writing() as uow:
        uow.session.execute(update(User).where(User.username == SUPERVISOR[0])
                            .values(password_hash=CHEAP_HASHER.hash(SUPERVISOR[1])))
        uow.commit()
    open_shift(opened.writing(), actor_for(opened, CASHIER[0]), 500_000)
    opened.close()
    return database_path(copy)


@contextmanager
def fresh_branch(template: Path, root: Path) -> Iterator[BranchDatabase]:
    data_dir = root / f"example-{next(_copies)}"
    data_dir.mkdir()
    shutil.copyfile(template, database_path(data_dir))
    opened = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    try:
        yield opened
    finally:
        opened.close()
        shutil.rmtree(data_dir, ignore_errors=True)


def bill_states(branch: BranchDatabase) -> dict[str, tuple[Any, ...]]:
    with branch.reading() as uow:
        return {b.period: (b.paid_amount, b.penalty_waived, b.settled, b.settled_at,
                           b.enrolment_id) for b in uow.session.scalars(select(Bill))}


def check_books(branch: BranchDatabase) -> tuple[str, int, list[str]]:
    """Assert the books balance; returns (enrolment state, plan balance, live receipts)."""
    with branch.reading() as uow:
        s = uow.session
        enrolment = s.scalars(select(Enrolment)).one()
        voided = set(s.scalars(select(Void.payment_id)))
        live = [p for p in s.scalars(select(Payment).order_by(Payment.id)) if p.id not in voided]
        check_allocations(s, live)
        balance = sum(i.outstanding for i in s.scalars(select(Instalment)))
        state, due = enrolment.state.value, enrolment.amount_due
        paid, receipts = sum(p.amount for p in live), [p.receipt_no for p in live]
    if state != "cancelled":
        assert paid + balance == due
        assert state == ("completed" if balance == 0 else "active")
        account = get_account(branch.reading(), CONNECTION_NO)  # what the cashier sees
        assert account.enrolment is not None
        assert account.total_due == account.enrolment.balance == balance
        assert account.enrolment.paid_total == paid
    return state, balance, receipts


def check_allocations(s: Session, live: list[Payment]) -> None:
    """Every live payment is spread in full; bills and instalments hold just that."""
    live_ids = {p.id for p in live}
    bill_allocs = s.execute(select(BillAllocation.payment_id, BillAllocation.bill_id,
                                   BillAllocation.amount)).all()
    inst_allocs = s.execute(select(InstalmentAllocation.payment_id,
                                   InstalmentAllocation.instalment_id,
                                   InstalmentAllocation.amount)).all()
    for payment in live:
        assert sum(a for p, _, a in bill_allocs if p == payment.id) == payment.amount
        if payment.kind.value == "instalment":
            assert sum(a for p, _, a in inst_allocs if p == payment.id) == payment.amount
    for bill in s.scalars(select(Bill)):
        allocated = sum(a for p, b, a in bill_allocs if b == bill.id and p in live_ids)
        assert bill.paid_amount == allocated
        assert 0 <= bill.paid_amount <= bill.amount_due
        assert bill.settled == (bill.outstanding == 0)
    for inst in s.scalars(select(Instalment)):
        allocated = sum(a for p, i, a in inst_allocs if i == inst.id and p in live_ids)
        assert 0 <= inst.paid_amount == allocated <= inst.amount


@settings(max_examples=25, deadline=None)
@given(terms=promotion_terms(),
       bills=st.lists(st.tuples(st.integers(5_000, 800_000), st.integers(0, 100_000)),
                      min_size=1, max_size=60),
       data=st.data())
def test_payments_and_voids_keep_the_books_balanced(
    quick_template: Path, tmp_path_factory: pytest.TempPathFactory, terms: PromotionTerms,
    bills: list[tuple[int, int]], data: st.DataObject,
) -> None:
    with fresh_branch(quick_template, tmp_path_factory.getbasetemp()) as branch:
        with branch.reading() as uow:
            system = system_actor(uow.session)
        load_terms(branch.writing(), system, terms)
        add_customer(branch, CONNECTION_NO, bills=[
            BillSpec(f"{2020 + i // 12}-{i % 12 + 1:02d}", p, pen) for i, (p, pen) in
            enumerate(bills)])
        cashier = actor_for(branch, CASHIER[0])
        before, offer = bill_states(branch), quote(branch.reading(), CONNECTION_NO,
                                                   programme=PROGRAMME)
        amount = data.draw(st.one_of(st.just(offer.down_payment), st.integers(
            offer.down_payment, offer.amount_due)), label="amount paid up front")
        count = data.draw(st.sampled_from(allowed_counts(terms, offer.amount_due - amount)),
                          label="count")
        receipt = enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            CONNECTION_NO, count, Tender(amount, amount), PROGRAMME))
        assert receipt.plan_balance == sum(x.amount for x in receipt.schedule) == (
            offer.amount_due - amount)
        state, balance, live = check_books(branch)
        for _ in range(data.draw(st.integers(0, 5), label="steps")):
            can_pay = state == "active" and balance > 0
            if can_pay and data.draw(st.sampled_from(["pay", "pay", "void"])) == "pay":
                paid = data.draw(st.one_of(st.integers(1, balance), st.just(balance)),
                                 label="instalment payment")
                pay_instalment(branch.writing(), cashier, InstalmentRequest(
                    CONNECTION_NO, Tender(paid, paid)))
            elif live:
                void(branch, live[-1])
            state, balance, live = check_books(branch)
        event(f"plan ended {state}; {len(live)} receipts left to void")
        for receipt_no in reversed(live):  # void what is left, latest first
            void(branch, receipt_no)
            check_books(branch)
        assert check_books(branch)[0] == "cancelled"
        assert bill_states(branch) == before
        with branch.reading() as uow:
            assert all(o.state.value == "cancelled" for o in uow.session.scalars(select(WorkOrder)))
            assert uow.session.scalars(select(Customer)).one().status.value == "sealed"
        again = quote(branch.reading(), CONNECTION_NO, programme=PROGRAMME)
        assert (again.eligible, again.amount_due, again.down_payment) == (
            True, offer.amount_due, offer.down_payment)


def void(branch: BranchDatabase, receipt_no: str) -> None:
    """The cashier voids a receipt with the supervisor's password (a real argon2 check)."""
    void_payment(branch.writing(), actor_for(branch, CASHIER[0]), VoidRequest(
        receipt_no, "typed the wrong amount", SUPERVISOR[0], SUPERVISOR[1]))
