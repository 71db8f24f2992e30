"""Ownership at head office: a counter changes only what its own branch holds, and every
reference in an event agrees with the others (docs/sync-protocol.md, "Who may change what")."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from headoffice.models import Bill, Enrolment, Payment, SyncException
from tests.headoffice.conftest import CUSTOMER, HeadOffice, enrol, outbox, statuses


def _foreign(kind: str, payload: dict[str, Any], seq: int = 1, **changes: Any) -> dict[str, Any]:
    """An event of ``kind`` sent by OEB's counter with ``payload`` (changed by ``changes``)."""
    body = dict(payload, branch="OEB", counter="L01", cashier="kasir", **changes)
    return {"id": str(uuid.uuid4()), "seq": seq, "type": kind,
            "created_at": "2025-11-25T10:00:00", "payload": body}


def _kpg_books(branch: BranchDatabase, cashier: Actor) -> list[dict[str, Any]]:
    """KPG enrols ``CUSTOMER`` and pays one instalment: its outbox."""
    enrol(branch, cashier)
    pay_instalment(branch.writing(), cashier, InstalmentRequest(CUSTOMER, Tender(100_000,
                                                                                 100_000)))
    return outbox(branch)


def _kpg_plan(ho: HeadOffice, branch: BranchDatabase, cashier: Actor,
              kpg: tuple[str, str]) -> list[dict[str, Any]]:
    """KPG's books, applied by head office."""
    events = _kpg_books(branch, cashier)
    assert set(statuses(ho.push(kpg[1], kpg[0], events))) == {"applied"}
    return events


def _state(ho: HeadOffice) -> tuple[list[tuple[str, str]], list[tuple[str, bool]], int]:
    """What a foreign event must not change: plans, bills settled, payments applied."""
    with ho.db.reading() as session:
        plans = [(e.uuid, e.state) for e in session.scalars(select(Enrolment))]
        bills = [(b.period, b.settled) for b in session.scalars(select(Bill).order_by(Bill.id))]
        applied = len(session.scalars(select(Payment).where(Payment.applied.is_(True))).all())
    return plans, bills, applied


def _one(ho: HeadOffice, event: dict[str, Any]) -> dict[str, Any]:
    token = ho.register(oeb := str(uuid.uuid4()), "OEB")
    response = ho.push(token, oeb, [event], branch="OEB")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["results"][0]
    return result


def test_another_branch_cannot_break_a_plan_it_does_not_hold(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    events = _kpg_plan(ho, branch, cashier, kpg)
    paid = next(e for e in events if e["type"] == "enrolment.paid")["payload"]
    before = _state(ho)
    result = _one(ho, _foreign("plan.broken", {
        "enrolment_uuid": paid["enrolment_uuid"], "connection_no": CUSTOMER,
        "checked_on": "2025-11-25", "missed_instalment": 1}))
    assert (result["status"], result["reason"]) == ("rejected", "foreign_enrolment")
    assert "KPG" in result["message"]
    assert _state(ho) == before
    with ho.db.reading() as session:
        assert [x.reason for x in session.scalars(select(SyncException))] == ["foreign_enrolment"]


def test_another_branch_cannot_pay_into_a_plan_it_does_not_hold(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    events = _kpg_plan(ho, branch, cashier, kpg)
    before = _state(ho)
    instalment = events[-1]["payload"]
    result = _one(ho, _foreign("instalment.paid", instalment, receipt_no="OEB-L01-2025-000001",
                               payment_uuid=str(uuid.uuid4()), settled_periods=["2024-10"]))
    assert (result["status"], result["reason"]) == ("rejected", "foreign_enrolment")
    assert _state(ho) == before
    with ho.db.reading() as session:
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
    assert (credit.branch_code, credit.amount, credit.enrolment_uuid) == ("OEB", 100_000, None)
    assert ho.money() == (3, 700_000)  # the money is held once, as a credit


def test_an_instalment_naming_another_connection_number_is_refused(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    events = _kpg_books(branch, cashier)
    events[-1]["payload"]["connection_no"] = "' OR '1'='1"
    response = ho.push(token, device, events)
    result = response.json()["results"][-1]
    assert (result["status"], result["reason"]) == ("rejected", "references_disagree")
    with ho.db.reading() as session:
        numbers = set(session.scalars(select(Payment.connection_no)))
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
    assert numbers == {CUSTOMER}  # nothing is stored under the made-up number
    assert credit.amount == 100_000


def test_another_branch_cannot_void_a_payment_it_did_not_take(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    events = _kpg_plan(ho, branch, cashier, kpg)
    paid = next(e for e in events if e["type"] == "enrolment.paid")["payload"]
    before = _state(ho)
    result = _one(ho, _foreign("payment.voided", {
        "receipt_no": paid["receipt_no"], "payment_uuid": paid["payment_uuid"],
        "void_uuid": str(uuid.uuid4()), "reason": "salah input", "amount": paid["amount"],
        "kind": "down_payment", "enrolment_uuid": paid["enrolment_uuid"]}))
    assert (result["status"], result["reason"]) == ("rejected", "foreign_payment")
    assert _state(ho) == before
    with ho.db.reading() as session:
        assert not any(session.scalars(select(Payment.voided)))


def test_a_void_whose_amount_or_plan_disagrees_with_the_payment_is_refused(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    events = _kpg_plan(ho, branch, cashier, kpg)
    paid = next(e for e in events if e["type"] == "enrolment.paid")
    base = {"receipt_no": paid["payload"]["receipt_no"],
            "payment_uuid": paid["payload"]["payment_uuid"], "void_uuid": str(uuid.uuid4()),
            "reason": "salah input", "amount": 500_000, "kind": "down_payment",
            "enrolment_uuid": paid["payload"]["enrolment_uuid"], "branch": "KPG",
            "counter": "L01", "cashier": "spv"}
    before = _state(ho)
    seq = events[-1]["seq"]
    for n, changes in enumerate(({"amount": 1}, {"enrolment_uuid": str(uuid.uuid4())},
                                 {"receipt_no": "KPG-L01-2025-999999"},
                                 {"kind": "instalment"}), start=1):
        void = {"id": str(uuid.uuid4()), "seq": seq + n, "type": "payment.voided",
                "created_at": paid["created_at"], "payload": dict(base, **changes)}
        result = ho.push(token, device, [void]).json()["results"][0]
        assert (result["status"], result["reason"]) == ("rejected", "references_disagree"), \
            changes
    assert _state(ho) == before


def test_a_work_order_for_a_customer_whose_plan_another_branch_holds_is_refused(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    _kpg_plan(ho, branch, cashier, kpg)
    result = _one(ho, _foreign("work_order.done", {
        "number": "WO-OEB-L01-2025-000001", "uuid": str(uuid.uuid4()), "kind": "reseal",
        "connection_no": CUSTOMER, "done_on": "2025-11-25", "field_officer": "Yohanes",
        "meter_reading": None}))
    assert (result["status"], result["reason"]) == ("rejected", "foreign_customer")
    with ho.db.reading() as session:
        assert session.scalars(select(SyncException.reason)).all() == ["foreign_customer"]


def test_another_counter_cannot_close_a_shift_it_did_not_open(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    events = _kpg_plan(ho, branch, cashier, kpg)
    opened = next(e for e in events if e["type"] == "shift.opened")["payload"]
    result = _one(ho, _foreign("shift.closed", {
        "shift_uuid": opened["shift_uuid"], "supervisor_id": 2, "counted": 0, "expected": 0,
        "note": ""}))
    assert (result["status"], result["reason"]) == ("rejected", "foreign_shift")


def test_an_event_naming_another_counter_than_its_device_is_refused(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    paid = next(e for e in events if e["type"] == "enrolment.paid")
    paid["payload"]["counter"] = "L07"
    result = next(r for r in ho.push(token, device, events).json()["results"]
                  if r["id"] == paid["id"])
    assert (result["status"], result["reason"]) == ("rejected", "references_disagree")
    assert ho.money() == (1, 500_000)  # kept as a credit
