"""The Buka Segel programme worked at the demo head office's three branches, for the
evaluation page's screenshot and benchmark.

A counter per branch (``L09``) pushes, through the real sync rules, what its cashiers
did from 17 November to 24 December 2025: enrolments of sealed customers in arrears
(about four in ten), their down payments and unseal orders, seals opened a few days
later, instalments paid (some late, some not at all) and a few cancelled enrolments
(their down payment voided). No plan breaks yet: the first instalments fall due on 20
December and a plan breaks 30 days after a missed one. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update

from headoffice.auth import issue_code, register_device
from headoffice.db import Database, utcnow
from headoffice.models import Bill, Customer, Device
from headoffice.push import IncomingEvent, push

START, LAST = dt.date(2025, 11, 17), dt.date(2025, 12, 24)
BRANCHES = ("KPG", "OEB", "ALK")
BATCH = 400


def add_programme_activity(db: Database, *, share: float = 0.4, seed: int = 2025,
                           branches: Sequence[str] = BRANCHES) -> int:
    """Push the programme's events to ``db`` (``share`` of the sealed customers in arrears
    enrol, each at one of ``branches``); returns how many events were applied."""
    dice = random.Random(seed)
    with db.writing() as session:
        devices = {}
        for branch in branches:
            device = str(uuid.uuid4())
            register_device(session, issue_code(session, branch, "L09").code, device, branch,
                            "L09")
            devices[branch] = device
        arrears = session.execute(
            select(Customer.connection_no, func.sum(Bill.water_charge + Bill.fees),
                   func.sum(Bill.penalty), func.count())
            .join(Bill, Bill.customer_id == Customer.id)
            .where(Customer.status == "sealed", Bill.settled.is_(False))
            .group_by(Customer.connection_no).order_by(Customer.connection_no)).all()
    events: dict[str, list[tuple[dt.datetime, str, dict[str, Any]]]] = defaultdict(list)
    for number, principal, penalty, _bills in arrears:
        if dice.random() < share:
            _plan(dice, events, dice.choice(branches), str(number), int(principal),
                  int(penalty))
    applied = 0
    for branch, todo in events.items():
        todo.sort(key=lambda e: e[0])
        batch: list[IncomingEvent] = []
        for seq, (at, kind, payload) in enumerate(todo, start=1):
            batch.append(IncomingEvent(str(uuid.uuid4()), seq, kind, at,
                                       {"cashier": "kasir", "branch": branch, **payload}))
            if len(batch) == BATCH:
                applied += _send(db, devices[branch], branch, batch)
                batch = []
        applied += _send(db, devices[branch], branch, batch)
    with db.writing() as session:  # as the sync API notes a push it accepted
        session.execute(update(Device).where(Device.id.in_(list(devices.values())))
                        .values(last_push_at=utcnow()))
    return applied


def _send(db: Database, device: str, branch: str, batch: list[IncomingEvent]) -> int:
    if not batch:
        return 0
    result = push(db, device, branch, batch)
    return sum(r.status == "applied" for r in result.results)


def _plan(dice: random.Random,
          events: dict[str, list[tuple[dt.datetime, str, dict[str, Any]]]],
          branch: str, number: str, principal: int, penalty: int) -> None:
    day = START + dt.timedelta(days=int(dice.expovariate(1 / 9)) % ((LAST - START).days + 1))
    at = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=dice.randrange(480))
    down = -(-principal // 2 // 100) * 100
    count = 1 if principal - down <= 100_000 else dice.choice((2, 3, 5, 8))
    remainder = principal - down
    each = remainder // count // 100 * 100
    schedule = [{"number": n, "due_date": _due(day, n).isoformat(),
                 "amount": each if n < count else remainder - each * (count - 1)}
                for n in range(1, count + 1)]
    enrolment, order, payment = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    receipt = f"{branch}-L09-{uuid.uuid4().hex[:8]}"
    out = events[branch]
    out.append((at, "enrolment.paid", {
        "receipt_no": receipt, "payment_uuid": payment, "enrolment_uuid": enrolment,
        "connection_no": number, "programme": "BUKA-SEGEL", "terms_version": 1,
        "arrears": principal, "penalty": penalty, "penalty_waived": penalty, "amount": down,
        "method": "cash", "settled_periods": [], "schedule": schedule,
        "work_order": f"SPK-{receipt}", "work_order_uuid": order}))
    if dice.random() < 0.03:  # a wrong customer: the down payment voided the same day
        out.append((at + dt.timedelta(minutes=20), "payment.voided", {
            "payment_uuid": payment, "receipt_no": receipt, "amount": down}))
        return
    if dice.random() < 0.85:
        opened = day + dt.timedelta(days=1 + int(dice.expovariate(1 / 3)))
        out.append((at + dt.timedelta(days=(opened - day).days, hours=1), "work_order.done", {
            "uuid": order, "kind": "unseal", "connection_no": number,
            "done_on": opened.isoformat()}))
    payer = dice.random()
    for line in schedule:
        due = dt.date.fromisoformat(str(line["due_date"]))
        paid_on = due - dt.timedelta(days=dice.randrange(10)) if payer < 0.7 else \
            due + dt.timedelta(days=dice.randrange(1, 20))
        if payer > 0.9 or paid_on > LAST:
            break
        out.append((dt.datetime.combine(paid_on, dt.time(10)), "instalment.paid", {
            "payment_uuid": str(uuid.uuid4()), "receipt_no": f"{receipt}-{line['number']}",
            "enrolment_uuid": enrolment, "connection_no": number, "amount": line["amount"],
            "method": "cash", "settled_periods": [],
            "plan_completed": line["number"] == len(schedule)}))


def _due(day: dt.date, n: int) -> dt.date:
    """The 20th of the ``n``-th month after ``day``."""
    month = day.month - 1 + n
    return dt.date(day.year + month // 12, month % 12 + 1, 20)
