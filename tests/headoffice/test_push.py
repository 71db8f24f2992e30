"""Push: events from a real branch are applied once, whatever is repeated or reordered."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import httpx
from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.backup.copies import backup_now
from app.services.backup.restore import restore
from app.services.backup.restore_block import ReleaseRequest, release_payments
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from headoffice.models import Enrolment, Payment, SyncException
from tests.headoffice.conftest import (
    CUSTOMER,
    HeadOffice,
    enrol,
    outbox,
    statuses,
)
from tests.support.fakes import CASHIER, DEMO_DAY, SUPERVISOR, actor_for


def test_push_applies_events_and_a_repeated_batch_returns_the_stored_results(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    receipt = enrol(branch, cashier)
    events = outbox(branch)
    first = ho.push(token, device, events)
    assert first.status_code == 200, first.text
    assert set(statuses(first)) == {"applied"}
    assert first.json()["acked_through"] == events[-1]["seq"]
    assert ho.money() == (1, 500_000)
    for _ in range(3):
        again = ho.push(token, device, events, gzipped=True)
        assert again.status_code == 200
        assert statuses(again) == ["duplicate"] * len(events)
        assert {r["original"] for r in again.json()["results"]} == {"applied"}
        assert again.json()["acked_through"] == events[-1]["seq"]
    assert ho.money() == (1, 500_000)
    assert ho.events() == len(events)
    with ho.db.reading() as session:
        payment = session.scalars(select(Payment)).one()
        assert (payment.receipt_no, payment.applied) == (receipt.receipt_no, True)
        assert session.get(Enrolment, receipt.enrolment_uuid) is not None


def test_a_gap_or_a_batch_out_of_order_is_refused_with_the_expected_seq(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    assert ho.push(token, device, events[:2]).status_code == 200
    for batch in (events[3:], [events[3], events[2]], events[4:5]):
        refused = ho.push(token, device, batch)
        assert refused.status_code == 409
        body = refused.json()
        assert (body["error"], body["expected_seq"]) == ("sequence_gap", 3)
        assert "expects seq 3" in body["message"]
        assert ho.events() == 2
    assert ho.money() == (0, 0)
    rest = ho.push(token, device, events)
    assert statuses(rest) == ["duplicate"] * 2 + ["applied"] * (len(events) - 2)
    assert ho.money() == (1, 500_000)


def test_a_sequence_going_backwards_with_a_new_event_is_refused_and_reported(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    events = outbox(branch)
    assert ho.push(token, device, events).status_code == 200
    restored = dict(events[-1], id=str(uuid.uuid4()))
    refused = ho.push(token, device, [restored])
    assert refused.status_code == 409
    assert refused.json()["expected_seq"] == events[-1]["seq"] + 1
    assert "backwards" in refused.json()["message"]
    ho.push(token, device, [restored])
    with ho.db.reading() as session:
        alerts = session.scalars(select(SyncException)).all()
    assert [(a.reason, a.event_id) for a in alerts] == [("sequence_backwards", restored["id"])]


def test_a_poison_event_is_rejected_into_exceptions_and_later_events_apply(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    enrol(branch, cashier, "50400002")  # head office has no such customer
    pay_instalment(branch.writing(), cashier, InstalmentRequest(CUSTOMER, Tender(100_000,
                                                                                 100_000)))
    events = outbox(branch)
    response = ho.push(token, device, events)
    assert response.status_code == 200
    results = {r["id"]: r for r in response.json()["results"]}
    poison = next(e for e in events if e["payload"].get("connection_no") == "50400002")
    assert (results[poison["id"]]["status"], results[poison["id"]]["reason"]) == (
        "rejected", "unknown_customer")
    assert results[events[-1]["id"]]["status"] == "applied"
    assert ho.money() == (3, 1_100_000)  # the rejected down payment is kept, as a credit
    with ho.db.reading() as session:
        exceptions = session.scalars(select(SyncException)).all()
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
    assert [e.event_id for e in exceptions] == [poison["id"]]
    assert credit.connection_no == "50400002"


def test_a_malformed_payload_is_rejected_without_inventing_money(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    paid = next(e for e in events if e["type"] == "enrolment.paid")
    paid["payload"]["amount"] = "lima ratus ribu"
    response = ho.push(token, device, events)
    result = next(r for r in response.json()["results"] if r["id"] == paid["id"])
    assert (result["status"], result["reason"]) == ("rejected", "invalid_payload")
    assert ho.money() == (0, 0)
    odd = dict(paid, id=str(uuid.uuid4()), seq=events[-1]["seq"] + 1,
               payload=dict(paid["payload"], amount=10**20, receipt_no="R" * 60))
    response = ho.push(token, device, [odd])
    assert response.json()["results"][0]["reason"] == "invalid_payload"
    assert ho.money() == (0, 0)


def test_an_event_of_another_branch_is_refused_and_nothing_applied(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    events = outbox(branch)
    events[-1]["payload"]["branch"] = "OEB"
    refused = ho.push(token, device, events)
    assert (refused.status_code, refused.json()["error"]) == (403, "wrong_branch")
    assert ho.push(token, device, outbox(branch), branch="OEB").status_code == 403
    assert ho.events() == 0


def test_one_customer_enrolled_at_two_branches_first_wins_and_both_payments_count(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
        oeb_counter: tuple[BranchDatabase, Actor, str, str]) -> None:
    device, token = kpg
    oeb_branch, oeb_cashier, oeb_device, oeb_token = oeb_counter
    enrol(branch, cashier)
    second = enrol(oeb_branch, oeb_cashier)
    assert ho.push(token, device, outbox(branch)).status_code == 200
    response = ho.push(oeb_token, oeb_device, outbox(oeb_branch), branch="OEB")
    paid = next(r for r in response.json()["results"]
                if r["status"] == "rejected")
    assert paid["reason"] == "already_enrolled"
    assert "KPG" in paid["message"] and "credit" in paid["message"]
    assert ho.money() == (2, 1_000_000)
    with ho.db.reading() as session:
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
        enrolments = session.scalars(select(Enrolment)).all()
    assert credit.uuid == second.payment_uuid
    assert [e.branch_code for e in enrolments] == ["KPG"]


def test_an_instalment_paid_at_another_branch_is_refused_and_kept_as_its_credit(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    pay_instalment(branch.writing(), cashier, InstalmentRequest(CUSTOMER, Tender(100_000,
                                                                                 100_000)))
    events = outbox(branch)
    assert ho.push(token, device, events).status_code == 200
    oeb_device = str(uuid.uuid4())
    oeb_token = ho.register(oeb_device, "OEB")
    payload = dict(events[-1]["payload"], branch="OEB", receipt_no="OEB-L01-2025-000001",
                   payment_uuid=str(uuid.uuid4()))  # the same instalment paid again at OEB
    at_oeb = {"id": str(uuid.uuid4()), "seq": 1, "type": "instalment.paid",
              "created_at": events[-1]["created_at"], "payload": payload}
    refused = ho.push(oeb_token, oeb_device, [at_oeb], branch="OEB").json()["results"][0]
    assert (refused["status"], refused["reason"]) == ("rejected", "foreign_enrolment")
    assert "KPG" in refused["message"] and "OEB" in refused["message"]
    assert ho.money() == (3, 700_000)  # both payments count; OEB's is its credit
    with ho.db.reading() as session:
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
    assert (credit.branch_code, credit.receipt_no) == ("OEB", "OEB-L01-2025-000001")


def test_a_void_that_arrives_before_its_payment_is_applied_when_the_payment_comes(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    receipt = enrol(branch, cashier)
    events = outbox(branch)
    other = str(uuid.uuid4())
    other_token = ho.register(other, "KPG", "L02")
    paid = next(e for e in events if e["type"] == "enrolment.paid")
    void = {"id": str(uuid.uuid4()), "seq": 1, "type": "payment.voided",
            "created_at": paid["created_at"], "payload": {
                "branch": "KPG", "counter": "L02", "cashier": "spv", "at": paid["created_at"],
                "receipt_no": receipt.receipt_no, "payment_uuid": receipt.payment_uuid,
                "void_uuid": str(uuid.uuid4()), "reason": "salah input", "amount": 500_000,
                "kind": "down_payment", "enrolment_uuid": receipt.enrolment_uuid}}
    early = ho.push(other_token, other, [void])
    assert (statuses(early), early.json()["results"][0]["reason"]) == (
        ["rejected"], "unknown_payment")
    assert ho.push(token, device, events).status_code == 200
    with ho.db.reading() as session:
        payment = session.scalars(select(Payment)).one()
        exception = session.scalars(select(SyncException)).one()
        enrolment = session.get(Enrolment, receipt.enrolment_uuid)
    assert payment.voided and payment.void_event_id == void["id"]
    assert exception.resolved_at is not None
    assert enrolment is not None and enrolment.state == "cancelled"
    assert ho.money() == (0, 0)
    acks = [c for c in ho.pull(other_token).json()["changes"] if c["kind"] == "ack"]
    assert [(a["key"], a["data"]["status"]) for a in acks] == [(void["id"], "applied")]
    assert statuses(ho.push(other_token, other, [void])) == ["duplicate"]


def test_the_same_batch_pushed_at_once_by_several_syncs_counts_once(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    device, token = kpg
    enrol(branch, cashier)
    events = outbox(branch)
    answers: list[int] = []

    def sync() -> None:
        with httpx.Client(base_url=ho.url, headers={"X-Loket-Protocol": "1"},
                          timeout=60) as client:
            answers.append(client.post("/api/v1/push", json={
                "device_id": device, "branch": "KPG", "events": events},
                headers={"Authorization": f"Bearer {token}"}).status_code)

    threads = [threading.Thread(target=sync) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert answers == [200] * 4
    assert ho.money() == (1, 500_000)
    assert ho.events() == len(events)


def test_a_supervisor_release_after_a_restore_is_taken_as_information(
        ho: HeadOffice, branch: BranchDatabase, kpg: tuple[str, str], tmp_path: Path) -> None:
    device, token = kpg
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    branch.close()
    restore(backup.path, branch.data_dir)
    reopened = open_branch(branch.data_dir, clock=FixedClock(DEMO_DAY))
    try:
        release_payments(reopened.writing(), actor_for(reopened, CASHIER[0]),
                         ReleaseRequest(*SUPERVISOR, "no link to head office since Monday"))
        events = outbox(reopened)
        assert events[-1]["type"] == "restore.released"
        answer = ho.push(token, device, events)
        assert answer.status_code == 200, answer.text
        assert set(statuses(answer)) == {"applied"}
        with ho.db.reading() as session:
            assert session.scalars(select(SyncException)).all() == []
    finally:
        reopened.close()


def test_in_one_batch_a_plan_is_paid_into_and_a_second_enrolment_of_its_customer_refused(
        ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str]) -> None:
    """A batch's own new plan is known to its later events before anything is written:
    an instalment into it applies, and another enrolment of that customer (as if made a
    second time) is refused with its reason, its down payment kept as a credit."""
    device, token = kpg
    enrol(branch, cashier)
    pay_instalment(branch.writing(), cashier, InstalmentRequest(CUSTOMER, Tender(100_000,
                                                                                 100_000)))
    events = outbox(branch)
    enrolment = next(e for e in events if e["type"] == "enrolment.paid")
    again = dict(enrolment, id=str(uuid.uuid4()), seq=events[-1]["seq"] + 1, payload=dict(
        enrolment["payload"], enrolment_uuid=str(uuid.uuid4()),
        payment_uuid=str(uuid.uuid4()), receipt_no="KPG-L01-AGAIN"))
    response = ho.push(token, device, [*events, again])
    assert response.status_code == 200, response.text
    results = {r["id"]: r for r in response.json()["results"]}
    assert {results[e["id"]]["status"] for e in events} == {"applied"}
    assert (results[again["id"]]["status"], results[again["id"]]["reason"]) == (
        "rejected", "already_enrolled")
    assert "KPG" in results[again["id"]]["message"]
    assert ho.money() == (3, 1_100_000)  # both down payments and the instalment
    with ho.db.reading() as session:
        assert len(session.scalars(select(Enrolment)).all()) == 1
        credit = session.scalars(select(Payment).where(Payment.applied.is_(False))).one()
    assert credit.receipt_no == "KPG-L01-AGAIN"
