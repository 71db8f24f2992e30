"""Many counters pushing at once: the events, the head office they push to, the pushes.

Used by ``benchmarks/sync.py``. The events are the ones a counter's services make — one
real counter enrols a customer (down payment, then three instalments paid) and its
outbox is the template — given to each counter with fresh ids, receipts, plans and
customers of its own, as if each had served its own customers: head office applies
every event through its real rules and rejects none. Head office runs in a process of
its own (``loket-headoffice serve``), so the pushing clients do not share its CPU time
slices with it, as on a real head-office server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from app.bootstrap import open_branch
from app.models import OutboxEvent
from app.services.clock import BusinessDateClock
from app.services.ledger.accounts import quote
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.setup import BranchSetup, initialise_branch
from app.services.shifts import open_shift
from app.services.users import add_user
from headoffice.auth import issue_code
from headoffice.db import Database
from headoffice.masterdata import add_branch
from headoffice.models import Event, Payment
from tests.support.fakes import DEMO_DAY, actor_for, add_customer, monthly_bills
from tests.support.office_server import free_port, publish_customer

PROTOCOL = {"X-Loket-Protocol": "1"}
TEMPLATE_CUSTOMER = "50400001"


@dataclass(frozen=True)
class PushingCounter:
    branch: str
    counter: str
    device_id: str
    token: str
    events: list[dict[str, Any]]
    money: int  # rupiah its events carry


@dataclass(frozen=True)
class PushAnswer:
    counter: str
    status: int
    seconds: float  # from the moment all pushes started to this one's acknowledgement
    acked: int


def template_events(folder: Path) -> list[dict[str, Any]]:
    """A real counter's outbox after one enrolment and three instalments paid (the
    customer: 10 unpaid bills of Rp 100,000): enrolment.paid, then instalment.paid ×3."""
    branch = open_branch(folder / "template", create=True, clock=BusinessDateClock(DEMO_DAY))
    try:
        system = initialise_branch(branch.writing(), BranchSetup(counter_code="L01"))
        add_user(branch.writing(), system, "kasir", "Kasir", "cashier", "kasir123")
        actor = actor_for(branch, "kasir")
        open_shift(branch.writing(), actor, 500_000)
        add_customer(branch, TEMPLATE_CUSTOMER, bills=monthly_bills("2024-01", 10, 100_000))
        offer = quote(branch.reading(), TEMPLATE_CUSTOMER)
        enrol_and_pay(branch.writing(), actor, EnrolRequest(
            TEMPLATE_CUSTOMER, offer.instalments, Tender(offer.down_payment,
                                                         offer.down_payment)))
        for line in offer.schedule:
            pay_instalment(branch.writing(), actor, InstalmentRequest(
                TEMPLATE_CUSTOMER, Tender(line.amount, line.amount)))
        with branch.reading() as uow:
            rows = uow.session.scalars(select(OutboxEvent).where(OutboxEvent.type.in_(
                ("enrolment.paid", "instalment.paid"))).order_by(OutboxEvent.seq))
            return [{"type": r.type, "created_at": r.created_at.isoformat(),
                     "payload": json.loads(r.payload)} for r in rows]
    finally:
        branch.close()


def counter_events(template: list[dict[str, Any]], branch: str, counter: str,
                   customers: list[str], wanted: int) -> list[dict[str, Any]]:
    """``wanted`` events of one counter: its shift opened, then the template for each of
    ``customers`` in turn, with ids, receipts, plans and payments of its own."""
    at = template[0]["created_at"]
    events = [{"type": "shift.opened", "created_at": at, "payload": {
        "at": at, "branch": branch, "cashier": "kasir", "counter": counter,
        "opening_float": 500_000, "shift_uuid": str(uuid.uuid4())}}]
    receipt = 0
    for connection_no in customers:
        plan = str(uuid.uuid4())
        for source in template:
            receipt += 1
            payload = dict(source["payload"], branch=branch, counter=counter,
                           connection_no=connection_no, enrolment_uuid=plan,
                           payment_uuid=str(uuid.uuid4()),
                           receipt_no=f"{branch}-{counter}-2025-{receipt:06d}")
            if "work_order_uuid" in payload:
                payload["work_order_uuid"] = str(uuid.uuid4())
                payload["work_order"] = f"SPK-{branch}-{counter}-2025-{receipt:05d}"
            events.append({"type": source["type"], "created_at": source["created_at"],
                           "payload": payload})
    events = events[:wanted]
    return [dict(e, id=str(uuid.uuid4()), seq=seq) for seq, e in enumerate(events, start=1)]


def prepare(url: str, template: list[dict[str, Any]], counters: int, each: int,
            first_customer: int = 60_000_001, first_branch: int = 1
            ) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Head office gets ``counters`` counters' worth of customers (as the template's: 10
    unpaid Rp 100,000 bills), two counters a branch from ``P{first_branch:02d}`` on;
    (branch, counter, events) for each counter."""
    per_customer = len(template)
    needed = -(-(each - 1) // per_customer)
    db = Database(url)
    plans = []
    with db.writing() as session:
        for number in range(counters):
            branch = f"P{number // 2 + first_branch:02d}"
            counter = f"L{number % 2 + 1:02d}"
            if number % 2 == 0:
                add_branch(session, branch, f"Kantor Pelayanan Uji {branch}")
            customers = [str(first_customer + number * needed + i) for i in range(needed)]
            for connection_no in customers:
                publish_customer(session, connection_no, bills=10)
            plans.append((branch, counter, counter_events(template, branch, counter,
                                                          customers, each)))
    db.dispose()
    return plans


def register(base_url: str, url: str, plans: list[tuple[str, str, list[dict[str, Any]]]]
             ) -> list[PushingCounter]:
    """Each counter registered the way a counter registers (a code, then the API)."""
    db = Database(url)
    ready = []
    with httpx.Client(base_url=base_url, headers=PROTOCOL, timeout=60) as client:
        for branch, counter, events in plans:
            with db.writing() as session:
                code = issue_code(session, branch, counter).code
            device = str(uuid.uuid4())
            answer = client.post("/api/v1/devices/register", json={
                "code": code, "device_id": device, "branch": branch, "counter": counter})
            answer.raise_for_status()
            money = sum(e["payload"].get("amount", 0) for e in events
                        if e["type"] != "shift.opened")
            ready.append(PushingCounter(branch, counter, device, answer.json()["token"],
                                        events, money))
    db.dispose()
    return ready


def push_all_at_once(base_url: str, counters: list[PushingCounter],
                     batch: int = 500) -> list[PushAnswer]:
    """Every counter pushes its events (batches of ``batch``) from its own thread, all
    starting together; the time each had its last batch acknowledged."""
    answers: list[PushAnswer] = []
    start = threading.Barrier(len(counters) + 1)

    def send(counter: PushingCounter) -> None:
        with httpx.Client(base_url=base_url, headers=PROTOCOL, timeout=300) as client:
            start.wait()
            status, acked = 0, 0
            for first in range(0, len(counter.events), batch):
                answer = client.post("/api/v1/push", headers={
                    "Authorization": f"Bearer {counter.token}"}, json={
                    "device_id": counter.device_id, "branch": counter.branch,
                    "events": counter.events[first:first + batch]})
                status = answer.status_code
                if status != 200:
                    break
                acked = answer.json()["acked_through"]
            answers.append(PushAnswer(f"{counter.branch}/{counter.counter}", status,
                                      time.perf_counter() - began, acked))

    threads = [threading.Thread(target=send, args=(c,)) for c in counters]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return sorted(answers, key=lambda a: a.seconds)


def held(url: str, counters: list[PushingCounter]) -> tuple[int, int, int, int]:
    """(events held, distinct event ids, payments held, rupiah held) of these devices."""
    db = Database(url)
    devices = [c.device_id for c in counters]
    with db.reading() as session:
        events, distinct = session.execute(select(
            func.count(), func.count(func.distinct(Event.id))).where(
            Event.device_id.in_(devices))).one()
        payments, money = session.execute(select(
            func.count(), func.coalesce(func.sum(Payment.amount), 0)).where(
            Payment.device_id.in_(devices))).one()
    db.dispose()
    return int(events), int(distinct), int(payments), int(money)


@dataclass(frozen=True)
class OfficeProcess:
    base: str  # its base URL
    pid: int

    def cpu(self) -> float:
        """Its CPU seconds so far (Linux: ``/proc``; -1 where the system does not say)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return -1.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def settled(self, longest: float = 90.0) -> float:
        """Wait until head office has finished what its start and the registrations set
        off in the background (snapshots, the console's figures) — a server in service
        has long done so — and return the seconds waited (-1 where the CPU is not known)."""
        started = time.monotonic()
        before = self.cpu()
        if before < 0:
            return -1.0
        while time.monotonic() - started < longest:
            time.sleep(0.5)
            now = self.cpu()
            if now - before < 0.03:
                break
            before = now
        return time.monotonic() - started


@contextmanager
def office_process(url: str) -> Iterator[OfficeProcess]:
    """``loket-headoffice serve`` over ``url`` in a process of its own."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "headoffice.cli", "serve", "--database-url", url,
             "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError("head office did not start: "
                                       + log.read().decode(errors="replace")[-2000:])
                time.sleep(0.2)
            yield OfficeProcess(base, process.pid)
        finally:
            process.terminate()
            process.wait(120)  # a snapshot being built in the background ends first
