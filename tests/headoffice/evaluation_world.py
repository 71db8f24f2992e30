"""Two demo branches (KPG, OEB) working the Buka Segel programme against a real head
office holding the same demo: enrolments, instalments, a cancelled plan, a plan refused
(the customer enrolled at both branches), seals opened and plans broken — all at the
counter services, synced over HTTP. The evaluation tests compare head office's figures
with each branch's own progress report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import Customer, CustomerStatus, Enrolment, Instalment
from app.services.clock import FixedClock
from app.services.demo.branch import generate_demo
from app.services.ledger.accounts import quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.plans import check_broken_plans
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.ledger.workorders import confirm_work_order, list_work_orders
from headoffice.db import Database
from headoffice.demo import create_demo
from tests.support.fakes import DEMO_DAY, SUPERVISOR
from tests.support.office_server import RunningOffice, serving
from tests.support.sync_conflict_helpers import Counter, branch_template, copy_branch, register

CUSTOMERS = 120
BROKEN_CHECK = dt.date(2026, 1, 20)


@dataclass
class World:
    office: RunningOffice
    counters: dict[str, Counter]
    clock: FixedClock

    def branch(self, code: str) -> BranchDatabase:
        return self.counters[code].branch


def sealed_customers(branch: BranchDatabase, count: int) -> list[str]:
    """The first ``count`` sealed customers eligible for the programme today."""
    chosen: list[str] = []
    with branch.reading() as uow:
        numbers = list(uow.session.scalars(select(Customer.connection_no).where(
            Customer.status == CustomerStatus.SEALED).order_by(Customer.connection_no)))
    for number in numbers:
        if quote(branch.reading(), number, instalments=1).eligible:
            chosen.append(number)
        if len(chosen) == count:
            return chosen
    raise AssertionError(f"the demo has only {len(chosen)} eligible sealed customers")


def enrol(counter: Counter, number: str, instalments: int) -> str:
    """Enrol ``number`` paying exactly the down payment; returns the receipt number."""
    offer = quote(counter.branch.reading(), number, instalments=instalments)
    tender = Tender(offer.down_payment, offer.down_payment)
    return enrol_and_pay(counter.branch.writing(), counter.cashier,
                         EnrolRequest(number, instalments, tender)).receipt_no


def pay(counter: Counter, number: str, amount: int) -> str:
    return pay_instalment(counter.branch.writing(), counter.cashier, InstalmentRequest(
        number, Tender(amount, amount))).receipt_no


def first_instalment(counter: Counter, number: str) -> int:
    """The amount of the first instalment of the customer's plan."""
    with counter.branch.reading() as uow:
        return int(uow.session.scalars(
            select(Instalment.amount).join(Enrolment, Enrolment.id == Instalment.enrolment_id)
            .join(Customer, Customer.id == Enrolment.customer_id)
            .where(Customer.connection_no == number).order_by(Instalment.number)).first()
            or 0)


def open_seal(counter: Counter, number: str, on: dt.date) -> None:
    order = next(o for o in list_work_orders(counter.branch.reading())
                 if o.connection_no == number and o.kind == "unseal")
    confirm_work_order(counter.branch.writing(), counter.cashier, order.number, on, "Yohanis")


@contextmanager
def evaluation_world(tmp_path: Path, url: str | None = None) -> Iterator[World]:
    """The world described above, the head office still serving."""
    url = url or f"sqlite:///{(tmp_path / 'headoffice.sqlite3').as_posix()}"
    db = Database(url)
    db.create_tables()
    with db.writing() as session:
        create_demo(session, customers=CUSTOMERS)
    clock = FixedClock(DEMO_DAY)
    with serving(url) as port:
        office = RunningOffice(f"http://127.0.0.1:{port}", db)
        counters = {}
        for code in ("KPG", "OEB"):
            branch, cashier = copy_branch(branch_template(tmp_path / f"t-{code}", code),
                                          tmp_path / code, clock)
            generate_demo(branch, customers=CUSTOMERS)
            counters[code] = register(office, branch, cashier)
        try:
            _work(counters, clock)
            yield World(office, counters, clock)
        finally:
            for counter in counters.values():
                counter.branch.close()
            db.dispose()


def _work(counters: dict[str, Counter], clock: FixedClock) -> None:
    kpg, oeb = counters["KPG"], counters["OEB"]
    a, b, c, d, e, x = sealed_customers(kpg.branch, 6)
    enrol(kpg, a, 3)
    cancelled = enrol(kpg, b, 2)
    enrol(kpg, d, 1)
    enrol(kpg, x, 1)
    enrol(oeb, c, 3)
    enrol(oeb, x, 1)  # offline: refused by head office, KPG was first
    enrol(oeb, e, 1)
    kpg.sync()
    oeb.sync()
    clock.advance(days=1)  # 25 November
    pay(kpg, a, first_instalment(kpg, a))
    void_payment(kpg.branch.writing(), kpg.cashier, VoidRequest(
        cancelled, "salah pelanggan", SUPERVISOR[0], SUPERVISOR[1]))
    open_seal(oeb, c, dt.date(2025, 11, 25))
    open_seal(kpg, a, dt.date(2025, 11, 27))
    kpg.sync()
    oeb.sync()
    clock.at = dt.datetime(2025, 12, 18, 10, 0)
    pay(oeb, e, first_instalment(oeb, e) // 2)  # part of it: still owed
    oeb.sync()
    clock.at = dt.datetime.combine(BROKEN_CHECK, dt.time(8, 0))
    check_broken_plans(kpg.branch.writing(), kpg.cashier, BROKEN_CHECK)
    kpg.sync()
    oeb.sync()
