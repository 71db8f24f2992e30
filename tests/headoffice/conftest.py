"""Head-office fixtures: a real uvicorn server on 127.0.0.1 over SQLite and PostgreSQL.

Every test module runs once per database: SQLite always, PostgreSQL when
``LOKET_TEST_POSTGRES_URL`` is set (each module gets a schema of its own, dropped after).
Tables are emptied before each test; the branches KPG, OEB and ALK are always there.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, func, select

from app.bootstrap import BranchDatabase, open_branch
from app.models import OutboxEvent
from app.services.clock import Clock
from app.services.context import Actor, local_counter
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.users import add_user
from headoffice.auth import issue_code
from headoffice.db import Database, start_epoch
from headoffice.masterdata import add_branch
from headoffice.models import Base, Event, Payment
from headoffice.serve import make_server
from tests.support.fakes import actor_for, add_customer, monthly_bills
from tests.support.office_server import postgres_schema, publish_customer

CUSTOMER = "50400001"
BRANCHES = (("KPG", "Kantor Pelayanan Kota Kupang"), ("OEB", "Kantor Pelayanan Oebobo"),
            ("ALK", "Kantor Pelayanan Alak"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty head-office database for the module."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("headoffice") / "headoffice.sqlite3"
        yield f"sqlite:///{path.as_posix()}"
        return
    with postgres_schema() as url:
        yield url


@dataclass
class HeadOffice:
    """The running server, a client for it, and direct access to its database."""

    url: str
    db: Database
    client: httpx.Client

    def register(self, device_id: str, branch: str = "KPG", counter: str = "L01", *,
                 public_key: str | None = None) -> str:
        """Register a device the way a counter would; returns its token."""
        with self.db.writing() as session:
            code = issue_code(session, branch, counter).code
        response = self.client.post("/api/v1/devices/register", json={
            "code": code, "device_id": device_id, "branch": branch, "counter": counter,
            "public_key": public_key})
        assert response.status_code == 200, response.text
        token: str = response.json()["token"]
        return token

    def push(self, token: str, device_id: str, events: list[dict[str, Any]],
             branch: str = "KPG", *, gzipped: bool = False) -> httpx.Response:
        body = json.dumps({"device_id": device_id, "branch": branch, "events": events}).encode()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        if gzipped:
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        return self.client.post("/api/v1/push", content=body, headers=headers)

    def pull(self, token: str, cursor: str = "", limit: int = 1000) -> httpx.Response:
        return self.client.get("/api/v1/pull", params={"cursor": cursor, "limit": limit},
                               headers={"Authorization": f"Bearer {token}"})

    def add_customer(self, connection_no: str, *, bills: int = 10, principal: int = 100_000,
                     status: str = "sealed") -> None:
        """A customer with ``bills`` unpaid monthly bills from 2024-01 (as in
        tests/support/fakes.py)."""
        with self.db.writing() as session:
            publish_customer(session, connection_no, bills=bills, principal=principal,
                             status=status)

    def count(self, model: type[Base]) -> int:
        with self.db.reading() as session:
            return session.scalar(select(func.count()).select_from(model)) or 0

    def money(self) -> tuple[int, int]:
        """(payments held, their total) — voided ones excluded."""
        with self.db.reading() as session:
            count, total = session.execute(select(func.count(), func.sum(Payment.amount))
                                           .where(Payment.voided.is_(False))).one()
            return int(count), int(total or 0)

    def events(self) -> int:
        return self.count(Event)


def reset(db: Database) -> None:
    """Empty every table; a new epoch; the three branches again."""
    with db.writing() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))
        start_epoch(session, "test")
        for code, name in BRANCHES:
            add_branch(session, code, name)


@contextmanager
def serving(database_url: str, *, tls_cert: Path | None = None,
            tls_key: Path | None = None,
            configure: Callable[[FastAPI], None] | None = None,
            in_lulls: bool = False) -> Iterator[int]:
    """``loket-headoffice serve``'s server in a thread on a free port of 127.0.0.1
    (``configure`` sees its app before it starts; ``in_lulls``: its work after changes
    waits for their lull, as in service)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uvicorn_server = make_server(database_url, "127.0.0.1", port, tls_cert=tls_cert,
                                 tls_key=tls_key, log_level="warning", in_lulls=in_lulls)
    if configure is not None:
        app = uvicorn_server.config.app
        assert isinstance(app, FastAPI)
        configure(app)
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]},
                              daemon=True)
    try:
        thread.start()
        deadline = time.monotonic() + 20
        while not uvicorn_server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        yield port
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=20)
        sock.close()


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[HeadOffice]:
    """The server running over the module's database, with a client and the database."""
    db = Database(database_url)
    try:
        with serving(database_url) as port:
            base_url = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base_url, headers={"X-Loket-Protocol": "1"},
                              timeout=30) as client:
                yield HeadOffice(base_url, db, client)
    finally:
        db.dispose()


@pytest.fixture
def ho(server: HeadOffice) -> HeadOffice:
    """The server with an emptied database (three branches, a fresh epoch)."""
    reset(server.db)
    return server


def outbox(branch: BranchDatabase, after_seq: int = 0) -> list[dict[str, Any]]:
    """The branch's outbox events after ``after_seq``, as a push carries them."""
    with branch.reading() as uow:
        rows = uow.session.scalars(select(OutboxEvent).where(OutboxEvent.seq > after_seq)
                                   .order_by(OutboxEvent.seq))
        return [{"id": r.id, "seq": r.seq, "type": r.type,
                 "created_at": r.created_at.isoformat(), "payload": json.loads(r.payload)}
                for r in rows]


def device_of(branch: BranchDatabase) -> str:
    with branch.reading() as uow:
        counter, _ = local_counter(uow.session)
        return counter.device_id


def enrol(branch: BranchDatabase, cashier: Actor, connection_no: str = CUSTOMER) -> PaymentReceipt:
    """Sealed, 10 bills of Rp 100,000: Rp 500,000 down, the rest in 3 instalments."""
    add_customer(branch, connection_no, bills=monthly_bills("2024-01", 10, 100_000))
    return enrol_and_pay(branch.writing(), cashier,
                         EnrolRequest(connection_no, 3, Tender(500_000, 500_000)))


def statuses(response: httpx.Response) -> list[str]:
    return [r["status"] for r in response.json()["results"]]


@pytest.fixture
def kpg(ho: HeadOffice, branch: BranchDatabase, cashier: Actor) -> tuple[str, str]:
    """The branch's device registered with head office (which has ``CUSTOMER``):
    (device id, token)."""
    ho.add_customer(CUSTOMER)
    device = device_of(branch)
    return device, ho.register(device)


@pytest.fixture
def oeb(tmp_path: Path, clock: Clock) -> Iterator[tuple[BranchDatabase, Actor]]:
    """A second branch, Oebobo, with its own device and a cashier whose shift is open."""
    opened, actor = open_second_branch(tmp_path, clock, "OEB")
    yield opened, actor
    opened.close()


@pytest.fixture
def oeb_counter(ho: HeadOffice, oeb: tuple[BranchDatabase, Actor]
                ) -> tuple[BranchDatabase, Actor, str, str]:
    """Oebobo with its device registered with head office: (branch, cashier, device id,
    token)."""
    oeb_branch, oeb_cashier = oeb
    device = device_of(oeb_branch)
    return oeb_branch, oeb_cashier, device, ho.register(device, "OEB")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system's Chromium, one per test module (``tests/headoffice/browser.py``)."""
    from tests.headoffice.browser import chromium  # Playwright only where a test asks

    with chromium() as running:
        yield running


def write_csv(path: Path, header: str, *lines: str) -> Path:
    path.write_text("\n".join((header, *lines)) + "\n", encoding="utf-8")
    return path


def open_second_branch(tmp_path: Path, clock: Clock, code: str = "OEB",
                       counter: str = "L01") -> tuple[BranchDatabase, Actor]:
    """Another branch database (its own device) with a cashier whose shift is open."""
    opened = open_branch(tmp_path / f"branch-{code}-{counter}", create=True, clock=clock)
    system = initialise_branch(opened.writing(), BranchSetup(branch_code=code,
                                                             counter_code=counter))
    add_user(opened.writing(), system, "kasir", "Kasir", "cashier", "kasir123")
    actor = actor_for(opened, "kasir")
    open_shift(opened.writing(), actor, 500_000)
    return opened, actor


@pytest.fixture(scope="module")
def cek_running(database_url: str) -> Iterator[Any]:
    """The demo served with ``/cek`` on 24 November 2025 (``selfcheck_site.Site``)."""
    from tests.headoffice.selfcheck_site import running_site  # it imports this module
    with running_site(database_url) as site:
        yield site


@pytest.fixture
def cek(cek_running: Any) -> Any:
    """The self-check site with its limits counted afresh."""
    cek_running.fresh_limits()
    return cek_running
