"""Push: the rows a batch leaves at head office, whether written a statement per table
(PostgreSQL) or through the session (SQLite), and whatever the batch mixes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.workorders import confirm_work_order
from headoffice.evaluation.tables import PlanInstalment, PlanTrack
from headoffice.models import Bill, Customer, Device, Enrolment, Event, Payment, SyncException
from tests.headoffice.conftest import CUSTOMER, HeadOffice, enrol, outbox, statuses

SECOND = "50400002"
PAYMENTS = ("enrolment.paid", "instalment.paid")


def _pay(branch: BranchDatabase, cashier: Actor, connection_no: str) -> None:
    pay_instalment(branch.writing(), cashier, InstalmentRequest(connection_no, Tender(
        166_600, 166_600)))


def _pulled(ho: HeadOffice, token: str) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor = ""
    while True:
        body = ho.pull(token, cursor).json()
        changes.extend(body["changes"])
        if not body["changes"]:
            return changes
        cursor = body["cursor"]


def test_repeated_and_new_events_in_one_batch_leave_each_row_once_as_the_rules_made_it(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    """Events already held are answered as duplicates; the new ones leave their payments
    (in the events' order), plans, schedule lines, settled bills, the events with their
    results, the device's sequence and last sync, and one change per customer and bill."""
    device, token = kpg
    ho.add_customer(SECOND)
    enrol(branch, cashier)
    first = outbox(branch)
    assert statuses(ho.push(token, device, first)) == ["applied"] * len(first)
    _pay(branch, cashier, CUSTOMER)
    enrol(branch, cashier, SECOND)
    _pay(branch, cashier, SECOND)
    events = outbox(branch)
    response = ho.push(token, device, events)
    assert response.status_code == 200, response.text
    assert statuses(response) == (["duplicate"] * len(first)
                                  + ["applied"] * (len(events) - len(first)))
    paid = [e["payload"] for e in events if e["type"] in PAYMENTS]
    plans = {e["payload"]["connection_no"]: e["payload"] for e in events
             if e["type"] == "enrolment.paid"}
    settled = {(p["connection_no"], period): p["payment_uuid"] for p in paid
               for period in p["settled_periods"]}
    with ho.db.reading() as session:
        payments = session.scalars(select(Payment).order_by(Payment.id)).all()
        bills = session.execute(select(Customer.connection_no, Bill.period, Bill.settled,
                                       Bill.settled_by, Bill.enrolment_uuid)
                                .join(Customer, Customer.id == Bill.customer_id)).all()
        enrolments = {e.connection_no: e for e in session.scalars(select(Enrolment))}
        lines = session.scalars(select(PlanInstalment)).all()
        held = session.execute(select(Event.id, Event.seq, Event.status, Event.payload)
                               .order_by(Event.seq)).all()
        counter = session.get(Device, device)
    assert [(p.uuid, p.receipt_no, p.amount, p.connection_no, p.enrolment_uuid, p.applied,
             p.voided) for p in payments] == [
        (p["payment_uuid"], p["receipt_no"], p["amount"], p["connection_no"],
         p["enrolment_uuid"], True, False) for p in paid]
    assert len(bills) == 20 and settled
    for number, period, is_settled, settled_by, plan in bills:
        assert (is_settled, settled_by) == ((number, period) in settled,
                                            settled.get((number, period)))
        assert plan == plans[number]["enrolment_uuid"]
    assert {number: (e.uuid, e.state, e.down_payment, e.instalment_count)
            for number, e in enrolments.items()} == {
        number: (p["enrolment_uuid"], "active", p["amount"], len(p["schedule"]))
        for number, p in plans.items()}
    assert len(lines) == sum(len(p["schedule"]) for p in plans.values())
    assert [(row.id, row.seq, row.status, row.payload) for row in held] == [
        (e["id"], e["seq"], "applied", e["payload"]) for e in events]
    assert counter is not None and counter.last_seq == events[-1]["seq"]
    assert counter.last_push_at is not None
    changes = _pulled(ho, token)
    keys = [(c["kind"], c["key"]) for c in changes]
    assert len(keys) == len(set(keys))
    customers = {c["key"]: c["data"] for c in changes if c["kind"] == "customer"}
    assert {number: customers[number]["enrolment"]["uuid"] for number in plans} == {
        number: p["enrolment_uuid"] for number, p in plans.items()}
    pulled_bills = {c["key"]: c["data"] for c in changes if c["kind"] == "bill"}
    assert {key for key, data in pulled_bills.items() if data["settled"]} == {
        f"{number}:{period}" for number, period in settled}


def test_a_batch_mixing_held_new_and_refused_events_answers_each_and_keeps_the_money(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    """Held events are duplicates, an instalment into a plan head office does not hold
    is refused into the exceptions queue with its money kept once as a credit, and the
    events around it apply."""
    device, token = kpg
    enrol(branch, cashier)
    first = outbox(branch)
    assert ho.push(token, device, first).status_code == 200
    _pay(branch, cashier, CUSTOMER)
    _pay(branch, cashier, CUSTOMER)
    events = outbox(branch)
    stray = next(e for e in events[len(first):] if e["type"] == "instalment.paid")
    refused = dict(stray, payload=dict(stray["payload"], enrolment_uuid=str(uuid.uuid4())))
    batch = [refused if e is stray else e for e in events]
    response = ho.push(token, device, batch)
    assert response.status_code == 200, response.text
    answers = {r["id"]: (r["status"], r["reason"]) for r in response.json()["results"]}
    assert [answers[e["id"]] for e in batch] == [
        ("duplicate", "") if n < len(first) else
        ("rejected", "unknown_enrolment") if e is refused else ("applied", "")
        for n, e in enumerate(batch)]
    with ho.db.reading() as session:
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
        exception = session.scalars(select(SyncException)).one()
        statuses_held = {row.id: row.status for row in session.execute(
            select(Event.id, Event.status))}
    assert (credit.uuid, credit.amount) == (refused["payload"]["payment_uuid"], 166_600)
    assert (exception.event_id, exception.reason) == (refused["id"], "unknown_enrolment")
    assert statuses_held == {e["id"]: "rejected" if e is refused else "applied"
                             for e in batch}
    assert ho.money() == (3, 500_000 + 2 * 166_600)  # the credit once among them
    assert statuses(ho.push(token, device, batch)) == ["duplicate"] * len(batch)


def test_text_of_any_script_and_line_breaks_is_held_as_it_was_sent(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    paid = next(e for e in events if e["type"] == "enrolment.paid")
    paid["payload"]["reference"] = 'Bu Śri "Ñoña" 水道 🚰\tbaris\ndua \\ selesai'
    response = ho.push(token, device, events)
    assert statuses(response) == ["applied"] * len(events)
    with ho.db.reading() as session:
        held = session.get(Event, paid["id"])
    assert held is not None and held.payload == paid["payload"]


def test_a_plan_whose_seal_is_opened_or_that_breaks_in_its_own_batch_keeps_those_days(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    """A plan's field-work row is written with the batch's other rows: the seal opened
    and the plan broken by later events of the same batch are held on it all the same."""
    device, token = kpg
    ho.add_customer(SECOND)
    receipt = enrol(branch, cashier)
    confirm_work_order(branch.writing(), cashier, receipt.work_order_no, dt.date(2025, 11, 25),
                       "Yohanes")
    enrol(branch, cashier, SECOND)
    events = outbox(branch)
    second = next(e["payload"] for e in events if e["type"] == "enrolment.paid"
                  and e["payload"]["connection_no"] == SECOND)
    broken = dict(events[-1], id=str(uuid.uuid4()), seq=events[-1]["seq"] + 1,
                  type="plan.broken", payload={
                      **{k: second[k] for k in ("branch", "counter", "cashier", "at",
                                                "enrolment_uuid", "connection_no")},
                      "checked_on": "2025-11-26", "missed_instalment": 1})
    response = ho.push(token, device, [*events, broken])
    assert statuses(response) == ["applied"] * (len(events) + 1)
    with ho.db.reading() as session:
        tracks = {t.enrolment_uuid: t for t in session.scalars(select(PlanTrack))}
        lines = session.scalars(select(PlanInstalment)).all()
    first = next(e["payload"] for e in events if e["type"] == "enrolment.paid"
                 and e["payload"]["connection_no"] == CUSTOMER)
    day = dt.datetime.fromisoformat(broken["created_at"]).date()
    assert {plan: (t.unseal_order is not None, t.opened_on, t.broken_on)
            for plan, t in tracks.items()} == {
        first["enrolment_uuid"]: (True, dt.date(2025, 11, 25), None),
        second["enrolment_uuid"]: (True, None, day)}
    assert len(lines) == 6
