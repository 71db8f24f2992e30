"""A cashier who never stops: the process the crash-safety test kills at random moments.

Run as ``python -m tests.support.crash_worker DATA_DIR SEED`` from the project folder. It opens
the branch on a fixed clock, prints ``ready``, then takes payments forever: it enrols
sealed customers (enrol-and-pay) and takes instalments of active plans. After each
committed payment it prints ``<kind> <receipt_no> <connection_no> <amount>`` and flushes,
so every line the parent reads names a payment the database must still have.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.models import Customer, Enrolment, EnrolmentState
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.accounts import get_account, quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import PaymentReceipt, Tender
from tests.support.fakes import CASHIER, DEMO_DAY, actor_for


def customers_by_state(branch: BranchDatabase) -> tuple[list[str], list[str]]:
    """(connection numbers never enrolled, connection numbers with an active plan)."""
    with branch.reading() as uow:
        enrolled = dict(uow.session.execute(
            select(Customer.connection_no, Enrolment.state)
            .join(Enrolment, Enrolment.customer_id == Customer.id)).all())
        everyone = uow.session.scalars(select(Customer.connection_no)).all()
    fresh = [c for c in everyone if c not in enrolled]
    active = [c for c, state in enrolled.items() if state == EnrolmentState.ACTIVE]
    return fresh, active


def tender(rng: random.Random, amount: int) -> Tender:
    """Cash (sometimes with change) or a transfer with its reference."""
    if rng.random() < 0.2:
        return Tender(amount, amount, "transfer", f"TRF{rng.randrange(10**8):08d}")
    return Tender(amount, amount + rng.choice([0, 0, 500, 50_000]))


def enrol(branch: BranchDatabase, cashier: Actor, rng: random.Random,
          connection_no: str) -> PaymentReceipt:
    offer = quote(branch.reading(), connection_no)
    if rng.random() < 0.1:  # pays everything at once: no instalments
        return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
            connection_no, 0, tender(rng, offer.amount_due)))
    count = rng.choice(offer.allowed_instalments)
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        connection_no, count, tender(rng, offer.down_payment)))


def pay(branch: BranchDatabase, cashier: Actor, rng: random.Random,
        connection_no: str) -> PaymentReceipt:
    plan = get_account(branch.reading(), connection_no).enrolment
    assert plan is not None and plan.balance > 0
    next_one = next(i.amount - i.paid_amount for i in plan.instalments
                    if i.paid_amount < i.amount)
    amount = rng.choice([next_one, next_one, rng.randint(1, plan.balance), plan.balance])
    return pay_instalment(branch.writing(), cashier, InstalmentRequest(
        connection_no, tender(rng, amount)))


def main(argv: list[str]) -> None:
    data_dir, rng = Path(argv[1]), random.Random(int(argv[2]))
    branch = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    cashier = actor_for(branch, CASHIER[0])
    fresh, active = customers_by_state(branch)
    rng.shuffle(fresh)
    print("ready", flush=True)
    while True:
        if active and (not fresh or rng.random() < 0.6):
            connection_no = rng.choice(active)
            receipt = pay(branch, cashier, rng, connection_no)
            if receipt.plan_balance == 0:
                active.remove(connection_no)
        elif fresh:
            connection_no = fresh.pop()
            receipt = enrol(branch, cashier, rng, connection_no)
            if receipt.plan_balance > 0:
                active.append(connection_no)
        else:
            time.sleep(0.05)  # nothing left to pay: wait to be killed
            continue
        print(receipt.kind, receipt.receipt_no, connection_no, receipt.amount, flush=True)


if __name__ == "__main__":
    main(sys.argv)
