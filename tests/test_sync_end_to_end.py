"""The branch against the real head-office server (uvicorn on 127.0.0.1, SQLite)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import Branch
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.enrolment import EnrolRequest, enrol_and_pay
from app.services.payments import Tender
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    export_bundle,
    import_reply,
    open_transport,
    pending_events,
    register_device,
    run_sync,
)
from headoffice.auth import issue_code
from headoffice.bundle import import_bundle
from headoffice.changes import bills_changed, customer_changed
from headoffice.db import Database
from headoffice.masterdata import add_branch
from headoffice.models import Bill, Customer, Payment
from headoffice.serve import make_server
from tests.sync_fakes import Killer, MemoryKeyring, SimulatedCrash, branch_net_paid, outbox, pay

NO = "10000001"


@dataclass
class RunningOffice:
    url: str
    db: Database

    def code(self) -> str:
        with self.db.writing() as session:
            return issue_code(session, "KPG", "L01").code

    def money(self) -> tuple[int, int]:
        """(payments held, their total), voided ones excluded."""
        with self.db.reading() as session:
            count, total = session.execute(select(func.count(), func.sum(Payment.amount))
                                           .where(Payment.voided.is_(False))).one()
            return int(count), int(total or 0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    """A head office with branch KPG and one sealed customer with six Rp 100,000 bills."""
    url = f"sqlite:///{(tmp_path / 'headoffice.sqlite3').as_posix()}"
    port = free_port()
    server = make_server(url, port=port, log_level="warning")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the head-office server did not start"
    db = Database(url)
    with db.writing() as session:
        add_branch(session, "KPG", "Kantor Pelayanan Kota Kupang")
        customer = Customer(
            connection_no=NO, name="Maria Bere", address="Jl. Timor Raya 5", rt="003", rw="001",
            kelurahan="Oesapa", kecamatan="Kelapa Lima", tariff_group="R2", meter_no="M1",
            phone="", status="sealed", status_date=dt.date(2022, 3, 1), version=1)
        session.add(customer)
        session.flush()
        bills = [Bill(customer_id=customer.id, period=f"2024-{m:02d}", water_charge=95_000,
                      fees=5_000, penalty=0, due_date=dt.date(2024, m, 20), settled=False,
                      reading_start=0, reading_end=0, usage_m3=0) for m in range(1, 7)]
        session.add_all(bills)
        session.flush()
        customer_changed(session, customer)
        bills_changed(session, customer, bills)
    yield RunningOffice(f"http://127.0.0.1:{port}", db)
    server.should_exit = True
    thread.join(15)
    db.dispose()


def test_a_counter_registers_pulls_pays_and_syncs_with_the_real_head_office(
        branch: Branch, cashier: Actor, office: RunningOffice, tmp_path: Path) -> None:
    store = KeyringTokenStore(MemoryKeyring())
    register_device(branch.writing(), HttpTransport(office.url, timeout=10), office.url,
                    office.code(), store=store)
    transport = open_transport(branch.reading(), store, timeout=10)

    first = run_sync(branch.writing, transport)  # the customer and bills come down
    assert first.ok and first.pulled == 7

    enrol_and_pay(branch.writing(), cashier, EnrolRequest(NO, 3, Tender(300_000, 300_000)))
    pay(branch, cashier, NO, 100_000)
    with pytest.raises(SimulatedCrash):  # killed between head office's answer and the ack
        run_sync(Killer(branch, crash_at=2), transport)
    assert office.money() == (2, 400_000) and pending_events(branch.reading()) > 0
    clock = branch.clock
    assert isinstance(clock, FixedClock)
    clock.advance(minutes=11)

    again = run_sync(branch.writing, transport)
    assert again.ok and again.duplicates == again.acked > 0 and not again.rejected
    assert office.money() == (2, 400_000) == (2, branch_net_paid(branch))

    pay(branch, cashier, NO, 50_000)  # then the link goes down: a bundle on a stick
    bundle = export_bundle(branch.writing, store, tmp_path / "kpg-l01.zip")
    reply = tmp_path / "reply.zip"
    reply.write_bytes(import_bundle(office.db, bundle.path.read_bytes()).data)
    result = import_reply(branch.writing, store, reply)
    assert result.acks is not None and result.acks.acked == bundle.events == 1
    assert pending_events(branch.reading()) == 0
    assert office.money() == (3, 450_000) == (3, branch_net_paid(branch))
    assert {e.ack_result for e in outbox(branch)} == {"applied"}
    assert run_sync(branch.writing, transport).ok
