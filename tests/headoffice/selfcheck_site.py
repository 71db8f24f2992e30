"""A head office serving the demo (80 customers) with ``/cek`` on 24 November 2025, its
limits on a clock the test moves; visitors with their own cookies; plans made at head
office the way a received enrolment leaves them."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from headoffice.db import Database, utcnow
from headoffice.demo import create_demo
from headoffice.models import Bill, Customer, Device, Enrolment, Event, Payment
from headoffice.offers import OfficeOffer, offers_for
from headoffice.selfcheck.limits import Limits
from headoffice.selfcheck.lookup import meter_factor
from headoffice.selfcheck.page import Settings
from tests.headoffice.conftest import serving

CUSTOMERS = 80
DAY = dt.date(2025, 11, 24)


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class Person:
    number: str
    name: str
    factor: str
    phone: str
    address: str


@dataclass
class Site:
    url: str
    db: Database
    settings: Settings
    clock: FakeClock

    def fresh_limits(self) -> None:
        self.settings.limits = Limits(clock=self.clock)

    def eligible(self, index: int = 0, options: int = 1) -> Person:
        """The ``index``-th customer the programme would take today (offered at least
        ``options`` instalment counts)."""
        return person([c for c, o in self._offers()
                       if o.eligible and len(o.options) >= options][index])

    def without_arrears(self) -> Person:
        return person(next(c for c, o in self._offers() if not o.arrears))

    def _offers(self) -> list[tuple[Customer, OfficeOffer]]:
        with self.db.reading() as session:
            people = list(session.scalars(select(Customer).order_by(Customer.connection_no)))
            return list(zip(people, offers_for(session, people, DAY), strict=True))


def person(c: Customer) -> Person:
    return Person(c.connection_no, c.name, meter_factor(c.meter_no), c.phone, c.address)


@contextmanager
def running_site(database_url: str) -> Iterator[Site]:
    db = Database(database_url)
    db.create_tables()
    with db.writing() as session:
        create_demo(session, customers=CUSTOMERS)
    clock = FakeClock()
    settings = Settings(limits=Limits(clock=clock), today=lambda: DAY)

    def configure(app: FastAPI) -> None:
        app.state.selfcheck = settings

    try:
        with serving(database_url, configure=configure) as port:
            yield Site(f"http://127.0.0.1:{port}", db, settings, clock)
    finally:
        db.dispose()


class Visitor:
    """A phone's browser without script: opens the form, sends it with its token."""

    def __init__(self, url: str, source: str = "127.0.0.1") -> None:
        self.client = httpx.Client(base_url=url, timeout=30, transport=httpx.HTTPTransport(
            local_address=source))

    def open(self, lang: str = "id") -> httpx.Response:
        return self.client.get("/cek", params={"lang": lang} if lang != "id" else None)

    def ask(self, number: str, factor: str, lang: str = "id",
            headers: dict[str, str] | None = None) -> httpx.Response:
        if "loket_cek" not in self.client.cookies:
            self.open()
        return self.client.post("/cek", data={
            "token": self.client.cookies["loket_cek"], "nomor": number, "meter": factor,
            "lang": lang}, headers=headers)

    def close(self) -> None:
        self.client.close()


def text_of(html: str) -> str:
    """The page's visible words (tags out, spaces folded)."""
    body = html.split("<main>", 1)[-1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


def enrol_at_office(db: Database, number: str, schedule: list[tuple[str, int]],
                    paid: int = 0, branch: str = "OEB") -> str:
    """A plan of ``number`` held by ``branch`` with ``schedule`` (due date, amount) and
    ``paid`` rupiah of instalments received; its bills taken over. Returns its uuid."""
    plan = str(uuid.uuid4())
    now = utcnow()
    with db.writing() as session:
        device = f"dev-{branch}"
        if session.get(Device, device) is None:
            session.add(Device(id=device, branch_code=branch, counter="L01",
                               token_hash=uuid.uuid4().hex * 2, token_expires_at=now,
                               registered_at=now))
            session.flush()
        event = str(uuid.uuid4())
        seq = len(list(session.scalars(select(Event.id).where(Event.device_id == device))))
        session.add(Event(id=event, device_id=device, branch_code=branch, seq=seq + 1,
                          type="enrolment.paid", created_at=now, business_date=DAY,
                          status="applied", received_at=now, payload={"schedule": [
                              {"number": i + 1, "due_date": due, "amount": amount}
                              for i, (due, amount) in enumerate(schedule)]}))
        session.add(Enrolment(uuid=plan, connection_no=number, branch_code=branch,
                              programme="BUKA-SEGEL", terms_version=1, state="active",
                              arrears=sum(a for _d, a in schedule) * 2, penalty=0,
                              penalty_waived=0, down_payment=sum(a for _d, a in schedule),
                              instalment_count=len(schedule), business_date=DAY,
                              event_id=event))
        customer = session.scalar(select(Customer).where(Customer.connection_no == number))
        assert customer is not None
        for bill in session.scalars(select(Bill).where(Bill.customer_id == customer.id,
                                                       Bill.settled.is_(False))):
            bill.enrolment_uuid = plan
        if paid:
            session.add(Payment(uuid=str(uuid.uuid4()), receipt_no=f"R-{plan[:8]}",
                                event_id=event, branch_code=branch, device_id=device,
                                connection_no=number, enrolment_uuid=plan, kind="instalment",
                                amount=paid, method="cash", business_date=DAY, paid_at=now))
    return plan
