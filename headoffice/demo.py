"""The demo head office: three Kota Kupang branches and the demo branch's customers.

Customers and bills come from the same seeded row builder as the demo branch
(``app.services.demo.rows``), so both hold the same people, connection numbers and
bills. The Buka Segel 2025 terms and the demo users are published as well.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.services.demo.branch import DEMO_USERS, FULL_HISTORY_LIMIT
from app.services.demo.dice import Dice
from app.services.demo.plan import FULL_CUSTOMERS, make_plan
from app.services.demo.rows import CUSTOMER_COLUMNS, RowBuilder
from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.changes import bill_key, bill_values_data, customer_data, record_many
from headoffice.console.staff import add_staff
from headoffice.masterdata import add_branch, add_user, publish_terms_file
from headoffice.models import Bill, BranchOffice, Customer
from headoffice.refusals import RefusalCode, Refused

DEMO_BRANCHES = (
    ("KPG", "Kantor Pelayanan Kota Kupang"),
    ("OEB", "Kantor Pelayanan Oebobo"),
    ("ALK", "Kantor Pelayanan Alak"),
)
# The console's demo staff, one per role (user name, password, role, full name).
DEMO_STAFF = (
    ("direktur", "direktur123", "manager", "Yohanes Direktur"),
    ("hublang", "hublang123", "customer_service", "Maria Hubungan Pelanggan"),
    ("keuangan", "keuangan123", "finance", "Agustinus Keuangan"),
    ("ti", "ti-admin123", "it", "Fransiska TI"),
)
CHUNK = 5_000
_SKIP = {"id", "name_lower"}


@dataclass(frozen=True)
class DemoSummary:
    branches: int
    customers: int
    bills: int
    arrears_total: int
    seconds: float


def create_demo(session: Session, *, customers: int = FULL_CUSTOMERS,
                seed: int = 2025) -> DemoSummary:
    """Fill an empty head-office database with the demo (ValueError if not empty)."""
    if not 1 <= customers <= 1_500_000:
        raise Refused(RefusalCode.DEMO_SIZE, customers=customers)
    if session.scalar(select(Customer.id).limit(1)) is not None:
        raise Refused(RefusalCode.DEMO_NOT_EMPTY)
    started = time.perf_counter()
    for code, name in DEMO_BRANCHES:
        if session.get(BranchOffice, code) is None:
            add_branch(session, code, name)
    publish_terms_file(session, DEFAULT_TERMS_FILE)
    for username, password, role, full_name in DEMO_USERS:
        add_user(session, username, full_name, role, password)
    for username, password, role, full_name in DEMO_STAFF:
        add_staff(session, username, role, password, full_name, by="demo")
    plan = make_plan(customers, Dice(f"loket-demo-plan-{seed}"))
    history = 12 if customers <= FULL_HISTORY_LIMIT else 2
    builder = RowBuilder(plan, Dice(f"loket-demo-rows-{seed}"), history)
    bills = 0
    for start in range(0, customers, CHUNK):
        customer_rows, bill_rows = builder.rows(start, min(start + CHUNK, customers))
        bills += _insert_chunk(session, customer_rows, bill_rows)
    return DemoSummary(len(DEMO_BRANCHES), customers, bills, builder.arrears,
                       round(time.perf_counter() - started, 3))


def _insert_chunk(session: Session, customer_rows: list[Any], bill_rows: list[Any]) -> int:
    """Insert one chunk of customers and their bills with their change-log entries."""
    values = [{c: v for c, v in zip(CUSTOMER_COLUMNS, row, strict=True) if c not in _SKIP}
              for row in customer_rows]
    for value in values:
        value["status_date"] = dt.date.fromisoformat(value["status_date"])
    connection = session.connection()
    connection.execute(insert(Customer), values)
    numbers = {row[0]: row[1] for row in customer_rows}  # the builder's id → connection_no
    stored = {c.connection_no: c for c in session.scalars(select(Customer).where(
        Customer.connection_no.in_(list(numbers.values()))))}
    bills = [{"customer_id": stored[numbers[r[0]]].id, "period": r[1], "reading_start": r[2],
              "reading_end": r[3], "usage_m3": r[4], "water_charge": r[5], "fees": r[6],
              "penalty": r[7], "due_date": dt.date.fromisoformat(r[9]), "settled": bool(r[11])}
             for r in bill_rows]
    connection.execute(insert(Bill), bills)
    record_many(session, "customer", [(c.connection_no, customer_data(c, None))
                                      for c in stored.values()], new_keys=True)
    owner = {c.id: c.connection_no for c in stored.values()}
    record_many(session, "bill", [(bill_key(owner[b["customer_id"]], b["period"]),
                                   bill_values_data(b, owner[b["customer_id"]])) for b in bills],
                new_keys=True)
    return len(bills)
