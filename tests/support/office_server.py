"""A real head-office server (uvicorn on a free port of 127.0.0.1) for branch tests.

:func:`start_office` runs ``loket-headoffice serve``'s server in a thread over a fresh
database (SQLite in ``tmp_path`` unless a URL is given) with the branches KPG, SBU and
OBA, and one sealed customer (:data:`NO`) with six unpaid Rp 100,000 bills.
:class:`RunningOffice` gives its URL, one-time codes and the money it holds.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from app.bootstrap import BranchDatabase
from app.services.sync import register_device
from app.services.sync.token_store import KeyringTokenStore
from app.services.sync.transport import HttpTransport
from headoffice.auth import issue_code
from headoffice.changes import bills_changed, customer_changed
from headoffice.db import Database, normalise_url
from headoffice.masterdata import add_branch
from headoffice.models import Bill, Customer, Payment
from headoffice.serve import make_server
from tests.support.sync_fakes import MemoryKeyring

NO = "10000001"
POSTGRES_VARIABLE = "LOKET_TEST_POSTGRES_URL"
BRANCHES = (("KPG", "Kantor Pelayanan Kota Kupang"), ("SBU", "Kantor Pelayanan Sikumana"),
            ("OBA", "Kantor Pelayanan Oebobo"))


@dataclass
class RunningOffice:
    """The running server's address and direct access to its database."""

    url: str
    db: Database

    @property
    def port(self) -> int:
        port = urllib.parse.urlsplit(self.url).port
        assert port is not None
        return port

    def code(self, branch: str = "KPG", counter: str = "L01") -> str:
        """A one-time enrolment code, as ``loket-headoffice device register`` prints."""
        with self.db.writing() as session:
            return issue_code(session, branch, counter).code

    def register(self, branch: BranchDatabase, via: str | None = None, *, code: str | None = None,
                 ) -> KeyringTokenStore:
        """Register ``branch``'s counter (a fresh one-time code unless ``code``), answering
        at ``via`` from then on (default: the server itself); returns its token store."""
        tokens = KeyringTokenStore(MemoryKeyring())
        register_device(branch.writing(), HttpTransport(self.url, timeout=10),
                        via or self.url, code or self.code(), store=tokens)
        return tokens

    def add_customer(self, connection_no: str, *, bills: int = 6, principal: int = 100_000,
                     status: str = "sealed") -> None:
        """A customer with ``bills`` unpaid monthly bills from 2024-01, published to branches."""
        with self.db.writing() as session:
            publish_customer(session, connection_no, bills=bills, principal=principal,
                             status=status, readings=0)

    def money(self) -> tuple[int, int]:
        """(payments held, their total), voided ones excluded."""
        with self.db.reading() as session:
            count, total = session.execute(select(func.count(), func.sum(Payment.amount))
                                           .where(Payment.voided.is_(False))).one()
            return int(count), int(total or 0)


def publish_customer(session: Session, connection_no: str, *, bills: int,
                     principal: int = 100_000, status: str = "sealed",
                     readings: int | None = None) -> None:
    """Add a customer with ``bills`` unpaid monthly bills from 2024-01 to head office's
    master data and publish both to the branches (the change log)."""
    customer = Customer(
        connection_no=connection_no, name="Pelanggan Uji", address="Jl. Uji No. 1",
        rt="001", rw="002", kelurahan="Penkase Oeleta", kecamatan="Alak",
        tariff_group="R2", meter_no=f"M{connection_no}", phone="081234567890",
        status=status, status_date=dt.date(2021, 11, 1), version=1)
    session.add(customer)
    session.flush()
    rows = [Bill(customer_id=customer.id, period=f"{2024 + i // 12}-{i % 12 + 1:02d}",
                 water_charge=principal - 5_000, fees=5_000, penalty=0,
                 due_date=dt.date(2024 + (i + 1) // 12, (i + 1) % 12 + 1, 20),
                 settled=False, reading_start=readings, reading_end=readings,
                 usage_m3=readings)
            for i in range(bills)]
    session.add_all(rows)
    session.flush()
    customer_changed(session, customer)
    bills_changed(session, customer, rows)


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (just now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _seed(db: Database) -> None:
    """The three branches and the sealed customer ``NO`` with six Rp 100,000 bills."""
    with db.writing() as session:
        for code, name in BRANCHES:
            add_branch(session, code, name)
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


@contextmanager
def serving(url: str, *, in_lulls: bool = False) -> Iterator[int]:
    """``loket-headoffice serve``'s server over ``url`` in a thread on a free port of
    127.0.0.1 (yielded); stopped on exit. ``in_lulls``: its work after changes waits for
    their lull, as in service (``headoffice/lull.py``)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port: int = sock.getsockname()[1]
    server = make_server(url, port=port, log_level="warning", in_lulls=in_lulls)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    try:
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, \
                "the head-office server did not start"
            time.sleep(0.05)
        yield port
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


@contextmanager
def start_office(tmp_path: Path, *, url: str | None = None) -> Iterator[RunningOffice]:
    """A head office serving over ``url`` (an empty database; default SQLite in
    ``tmp_path``) with branches KPG, SBU, OBA and customer ``NO``; stopped on exit."""
    url = url or f"sqlite:///{(tmp_path / 'headoffice.sqlite3').as_posix()}"
    with serving(url) as port:
        db = Database(url)
        try:
            _seed(db)
            yield RunningOffice(f"http://127.0.0.1:{port}", db)
        finally:
            db.dispose()


@contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL schema (dropped after), from
    ``LOKET_TEST_POSTGRES_URL``; the test is skipped when that is not set."""
    base = os.environ.get(POSTGRES_VARIABLE)
    if not base:
        pytest.skip(f"{POSTGRES_VARIABLE} not set")
    schema = f"loket_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        joiner = "&" if "?" in base else "?"
        try:
            yield f"{base}{joiner}options=-csearch_path%3D{schema}"
        finally:
            with admin.connect() as connection:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        admin.dispose()

