"""Generated authorisation test: for every event type and each reference it carries, an
event from a foreign branch, or whose references disagree, is refused through the real
server and changes nothing head office holds (money only ever becomes a credit)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.ledger.instalments import InstalmentRequest, pay_instalment
from app.services.ledger.payments import Tender
from app.services.ledger.workorders import confirm_work_order
from headoffice.models import (
    Bill,
    ChangeRequest,
    Customer,
    Enrolment,
    Payment,
    ShiftOwner,
)
from tests.headoffice.conftest import (
    CUSTOMER,
    HeadOffice,
    device_of,
    enrol,
    open_second_branch,
    outbox,
    statuses,
)

OEB_CUSTOMER, PLANLESS = "50400002", "50400003"
# What an OEB counter gets for sending KPG's event of each type as its own.
FOREIGN = {"enrolment.paid": "foreign_enrolment", "instalment.paid": "foreign_enrolment",
           "plan.broken": "foreign_enrolment", "payment.voided": "foreign_payment",
           "work_order.done": "foreign_customer", "shift.opened": "foreign_shift",
           "shift.counted": "foreign_shift", "shift.closed": "foreign_shift"}
# The reference fields of each type; ``shift_uuid`` only takes other real shifts (a new
# uuid in a shift.opened is simply a new shift).
REFERENCES = {
    "enrolment.paid": ("enrolment_uuid", "connection_no", "counter"),
    "instalment.paid": ("enrolment_uuid", "connection_no", "counter"),
    "plan.broken": ("enrolment_uuid", "connection_no", "counter"),
    "payment.voided": ("payment_uuid", "receipt_no", "amount", "kind", "enrolment_uuid",
                       "counter"),
    "work_order.done": ("connection_no", "counter"),
    "shift.opened": ("shift_uuid", "counter"),
    "shift.counted": ("shift_uuid", "counter"),
    "shift.closed": ("shift_uuid", "counter"),
    "customer.change_requested": ("connection_no", "counter"),
}
REFUSALS = {"foreign_enrolment", "foreign_payment", "foreign_customer", "foreign_shift",
            "references_disagree", "unknown_enrolment", "unknown_payment", "unknown_customer",
            "already_enrolled", "plan_not_active", "invalid_payload", "duplicate_payment",
            "text_invalid"}  # a made-up reference holding a control character


@dataclass
class World:
    """KPG's and OEB's books at head office, the templates and who sent what."""

    ho: HeadOffice
    kpg: tuple[str, str]
    oeb: tuple[str, str]
    templates: dict[str, dict[str, Any]]
    pool: dict[str, list[Any]]
    seq: dict[str, int] = field(default_factory=dict)

    def send(self, sender: tuple[str, str], branch: str, kind: str,
             payload: dict[str, Any]) -> dict[str, Any]:
        device, token = sender
        self.seq[device] += 1
        event = {"id": str(uuid.uuid4()), "seq": self.seq[device], "type": kind,
                 "created_at": "2025-11-26T10:00:00", "payload": payload}
        response = self.ho.push(token, device, [event], branch=branch)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()["results"][0]
        return result


def _held(ho: HeadOffice) -> tuple[object, ...]:
    """Everything an event could change: plans, bills, applied payments, customers,
    shifts and change requests (credits are compared apart)."""
    with ho.db.reading() as session:
        return (
            sorted((e.uuid, e.state, e.branch_code) for e in session.scalars(select(Enrolment))),
            sorted((b.customer_id, b.period, b.settled, b.settled_by or "", b.enrolment_uuid or "")
                   for b in session.scalars(select(Bill))),
            sorted((p.uuid, p.voided, p.enrolment_uuid or "", p.connection_no) for p in
                   session.scalars(select(Payment).where(Payment.applied.is_(True)))),
            sorted((c.connection_no, c.status, c.version)
                   for c in session.scalars(select(Customer))),
            sorted((s.uuid, s.device_id) for s in session.scalars(select(ShiftOwner))),
            len(session.scalars(select(ChangeRequest)).all()))


def _credits(ho: HeadOffice) -> list[tuple[str, str]]:
    with ho.db.reading() as session:
        return [(p.branch_code, p.connection_no) for p in session.scalars(
            select(Payment).where(Payment.applied.is_(False)))]


@pytest.fixture
def world(ho: HeadOffice, branch: BranchDatabase, cashier: Actor, kpg: tuple[str, str],
          tmp_path: Path, clock: FixedClock) -> Iterator[World]:
    """KPG holds a plan (down payment, one instalment, its unseal order done) and a
    shift; OEB holds a plan of another customer and a shift; a third customer has none."""
    ho.add_customer(OEB_CUSTOMER)
    ho.add_customer(PLANLESS)
    receipt = enrol(branch, cashier)
    pay_instalment(branch.writing(), cashier, InstalmentRequest(CUSTOMER, Tender(100_000,
                                                                                 100_000)))
    assert receipt.work_order_no is not None
    confirm_work_order(branch.writing(), cashier, receipt.work_order_no, dt.date(2025, 11, 25),
                       "Yohanes")
    oeb_branch, oeb_cashier = open_second_branch(tmp_path, clock)
    try:
        oeb_receipt = enrol(oeb_branch, oeb_cashier, OEB_CUSTOMER)
        oeb = (device_of(oeb_branch), ho.register(device_of(oeb_branch), "OEB"))
        kpg_events, oeb_events = outbox(branch), outbox(oeb_branch)
    finally:
        oeb_branch.close()
    assert set(statuses(ho.push(*reversed(kpg), kpg_events))) == {"applied"}
    assert set(statuses(ho.push(oeb[1], oeb[0], oeb_events, branch="OEB"))) == {"applied"}
    templates = {e["type"]: e["payload"] for e in kpg_events}
    paid = templates["instalment.paid"]
    templates["plan.broken"] = {**{k: paid[k] for k in ("branch", "counter", "cashier", "at",
                                                         "enrolment_uuid", "connection_no")},
                                "checked_on": "2025-11-26", "missed_instalment": 2}
    templates["payment.voided"] = {
        **{k: paid[k] for k in ("branch", "counter", "cashier", "at", "receipt_no",
                                "payment_uuid", "enrolment_uuid", "amount")},
        "void_uuid": "", "reason": "salah input", "kind": "instalment"}
    templates["shift.counted"] = dict(templates["shift.opened"], counted=0, expected=0)
    templates["shift.closed"] = dict(templates["shift.opened"], counted=0, expected=0)
    templates["customer.change_requested"] = {
        **{k: paid[k] for k in ("branch", "counter", "cashier", "at", "connection_no")},
        "request_uuid": "", "seen_version": 1, "fields": {"phone": "0812"}, "previous": {},
        "reason": "nomor baru"}
    oeb_shift = next(e for e in oeb_events if e["type"] == "shift.opened")["payload"]
    pool = {
        "enrolment_uuid": [receipt.enrolment_uuid, oeb_receipt.enrolment_uuid],
        "payment_uuid": [receipt.payment_uuid, oeb_receipt.payment_uuid, paid["payment_uuid"]],
        "receipt_no": [receipt.receipt_no, oeb_receipt.receipt_no, paid["receipt_no"]],
        "connection_no": [CUSTOMER, OEB_CUSTOMER, PLANLESS, "' OR '1'='1"],
        "shift_uuid": [templates["shift.opened"]["shift_uuid"], oeb_shift["shift_uuid"]],
        "kind": ["down_payment", "instalment"], "counter": ["L01", "L02"],
        "amount": [100_000, 500_000]}
    seq = {kpg[0]: kpg_events[-1]["seq"], oeb[0]: oeb_events[-1]["seq"]}
    yield World(ho, kpg, oeb, templates, pool, seq)


def _fresh(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The template with new ids of its own (so that only the reference under test is
    wrong, never a repeated payment, void or request)."""
    fresh = dict(payload)
    for name in ("void_uuid", "request_uuid"):
        if name in fresh:
            fresh[name] = str(uuid.uuid4())
    if kind in ("enrolment.paid", "instalment.paid"):
        fresh["payment_uuid"] = str(uuid.uuid4())
    return fresh


@st.composite
def tampered(draw: st.DrawFn, world: World) -> tuple[str, str, str, object]:
    """(mode, event type, reference field, value): "foreign" sends KPG's event from OEB's
    counter; "disagree" sends it from KPG's with one reference replaced."""
    mode = draw(st.sampled_from(["foreign", "disagree"]))
    if mode == "foreign":
        return mode, draw(st.sampled_from(sorted(FOREIGN))), "", None
    kind = draw(st.sampled_from(sorted(REFERENCES)))
    name = draw(st.sampled_from(REFERENCES[kind]))
    original = world.templates[kind].get(name)
    known = st.sampled_from(world.pool[name])
    if (kind, name) == ("customer.change_requested", "connection_no"):  # any branch may ask
        known = st.sampled_from(world.pool[name][3:])
    made_up = st.one_of(st.text(max_size=40), st.integers(-(10**6), 10**13), st.none())
    value = draw((known if name == "shift_uuid" else st.one_of(known, made_up)).filter(
        lambda v: v != original or type(v) is not type(original)))
    return mode, kind, name, value


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_foreign_or_disagreeing_event_is_refused_and_changes_nothing(
        world: World, data: st.DataObject) -> None:
    held, credits = _held(world.ho), len(_credits(world.ho))
    mode, kind, name, value = data.draw(tampered(world))
    payload = _fresh(kind, world.templates[kind])
    if mode == "foreign":
        result = world.send(world.oeb, "OEB", kind, dict(payload, branch="OEB"))
        assert (result["status"], result["reason"]) == ("rejected", FOREIGN[kind]), result
        assert "KPG" in result["message"] or "device" in result["message"]
    else:
        result = world.send(world.kpg, "KPG", kind, dict(payload, **{name: value}))
        assert result["status"] == "rejected" and result["reason"] in REFUSALS, result
    assert _held(world.ho) == held
    new_credits = _credits(world.ho)[credits:]
    assert len(new_credits) <= 1
    assert all(number in {"", *world.pool["connection_no"][:3]} for _, number in new_credits)
