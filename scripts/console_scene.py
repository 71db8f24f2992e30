"""A head office with work waiting, for the console's screenshots and benchmark.

The demo head office (``create_demo``: its branches, customers, bills, terms and one
staff user per role), a registered counter per branch, and pushed through the real
sync rules: customer change requests, a rejected enrolment whose down payment is kept
as a credit, events of a type head office does not know, and a branch's reconciliation
report that disagrees on one day.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from headoffice import reconcile
from headoffice.auth import issue_code, register_device
from headoffice.db import Database, utcnow
from headoffice.demo import DEMO_BRANCHES, create_demo
from headoffice.masterdata import add_branch
from headoffice.models import Customer, Device
from headoffice.push import IncomingEvent, push


def build_scene(url: str, customers: int, branches: int = len(DEMO_BRANCHES)) -> Database:
    """Make the scene in the (empty) database at ``url``; returns it opened. More
    ``branches`` than the demo's three are added as ``CB04``, ``CB05``, …"""
    db = Database(url)
    db.create_tables()
    with db.writing() as session:
        create_demo(session, customers=customers)
        for code in extra_branches(branches):
            add_branch(session, code, f"Kantor Pelayanan Cabang {code[2:]}")
        devices = {}
        for branch in ("KPG", "OEB", "ALK"):
            device = str(uuid.uuid4())
            code = issue_code(session, branch, "L01").code
            register_device(session, code, device, branch, "L01")
            devices[branch] = device
        issue_code(session, "OEB", "L02")
        numbers = list(session.scalars(select(Customer.connection_no)
                                       .order_by(Customer.id).limit(8)))
    now = dt.datetime(2025, 11, 24, 9, 30)
    requests = [
        {"phone": "081339120044"},
        {"address": "Jl. Timor Raya No. 12", "rt": "004"},
        {"name": "Yosefina Bere Tallo"},
        {"phone": "085237001122", "kelurahan": "Oesapa"},
    ]
    kpg = [IncomingEvent(str(uuid.uuid4()), i + 1, "customer.change_requested",
                         now + dt.timedelta(minutes=i * 17),
                         {"cashier": "kasir", "branch": "KPG", "connection_no": numbers[i],
                          "seen_version": 1, "fields": fields,
                          "reason": "pelanggan datang ke loket"})
           for i, fields in enumerate(requests)]
    kpg.append(IncomingEvent(str(uuid.uuid4()), len(kpg) + 1, "meter.photo",
                             now + dt.timedelta(hours=2), {"cashier": "kasir", "branch": "KPG"}))
    push(db, devices["KPG"], "KPG", kpg)
    push(db, devices["OEB"], "OEB", [IncomingEvent(
        str(uuid.uuid4()), 1, "instalment.paid", now, {
            "cashier": "kasir2", "branch": "OEB", "payment_uuid": str(uuid.uuid4()),
            "receipt_no": "OEB-L01-0042",
            "connection_no": numbers[5], "enrolment_uuid": str(uuid.uuid4()),
            "amount": 350_000, "method": "cash", "kind": "instalment",
            "paid_at": now.isoformat(), "settled_periods": []})])
    with db.writing() as session:
        silent = session.get(Device, devices["ALK"])  # registered days ago, never heard from
        assert silent is not None
        silent.registered_at -= dt.timedelta(days=3)
        for branch in ("KPG", "OEB"):  # as the sync API notes a push it accepted
            pushed = session.get(Device, devices[branch])
            assert pushed is not None
            pushed.last_push_at = utcnow()
        device = session.get(Device, devices["KPG"])
        assert device is not None
        reconcile.store_report(session, device, len(kpg), [reconcile.DayTotal(
            now.date(), "customer.change_requested", "applied", len(requests) + 1, 0)])
    return db


def extra_branches(branches: int) -> list[str]:
    """The codes of the branches beyond the demo's three, for a scene of ``branches``."""
    return [f"CB{n:02d}" for n in range(len(DEMO_BRANCHES) + 1, branches + 1)]
