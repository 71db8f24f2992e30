"""Customer data changes at the counter are requests for head office, never local edits."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord, Customer, CustomerChangeRequest, OutboxEvent
from app.services.audit.journal import verify_chain
from app.services.context import Actor
from app.services.customer_changes import (
    apply_decisions,
    list_change_requests,
    request_customer_change,
)
from app.services.errors import DomainError, ErrorCode
from app.services.sync.apply import Change, apply_changes
from tests.support.fakes import add_customer

NO = "0103003217"


@pytest.fixture
def customer(branch: BranchDatabase) -> str:
    add_customer(branch, NO, name="Ahmad Yusuf Bessie", address="Jl. Oeleta Raya No. 27")
    with branch.writing() as uow:
        row = uow.session.scalars(select(Customer).where(Customer.connection_no == NO)).one()
        row.version = 4  # as head office's pulls left it
        uow.commit()
    return NO


def counts(branch: BranchDatabase) -> tuple[int, int, int]:
    """(requests, audit records, outbox events) in the branch database."""
    with branch.reading() as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (CustomerChangeRequest, AuditRecord, OutboxEvent))  # type: ignore[return-value]


def stored_customer(branch: BranchDatabase) -> dict[str, Any]:
    with branch.reading() as uow:
        c = uow.session.scalars(select(Customer).where(Customer.connection_no == NO)).one()
        return {f: getattr(c, f) for f in ("name", "address", "rt", "rw", "phone", "version")}


def test_a_request_writes_request_audit_and_event_together_and_leaves_the_customer(
        branch: BranchDatabase, cashier: Actor, customer: str) -> None:
    before, customer_before = counts(branch), stored_customer(branch)
    info = request_customer_change(
        branch.writing(), cashier, NO,
        {"phone": "0813 3912-0044", "address": "Jl. Timor Raya No. 5", "rt": "7",
         "name": "Ahmad Yusuf Bessie"},  # the name is unchanged: left out
        "customer moved house")
    assert counts(branch) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert stored_customer(branch) == customer_before  # head office owns master data
    assert [(c.field, c.before, c.after) for c in info.changes] == [
        ("address", "Jl. Oeleta Raya No. 27", "Jl. Timor Raya No. 5"),
        ("rt", "001", "007"), ("phone", "081234567890", "081339120044")]
    assert (info.state, info.seen_version, info.requested_by) == ("pending", 4, "kasir")
    with branch.reading() as uow:
        event = uow.session.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
        assert event is not None and event.id == info.event_id
        assert event.type == "customer.change_requested"
        payload = json.loads(event.payload)
        assert verify_chain(uow.session).ok
    assert payload["seen_version"] == 4 and payload["connection_no"] == NO
    assert payload["fields"] == {"address": "Jl. Timor Raya No. 5", "rt": "007",
                                 "phone": "081339120044"}
    assert payload["cashier"] == "kasir" and payload["reason"] == "customer moved house"
    assert list_change_requests(branch.reading(), NO) == [info]
    assert list_change_requests(branch.reading(), "0000000000") == []


@pytest.mark.parametrize(("number", "changes", "reason", "code"), [
    ("0999999999", {"phone": "081339120044"}, "new number", ErrorCode.CUSTOMER_NOT_FOUND),
    (NO, {"phone": "081234567890", "rt": "1"}, "same again", ErrorCode.CHANGE_NOTHING),
    (NO, {}, "nothing", ErrorCode.CHANGE_NOTHING),
    (NO, {"phone": "0812-ABC"}, "typo", ErrorCode.PHONE_INVALID),
    (NO, {"phone": "0812"}, "too short", ErrorCode.PHONE_INVALID),
    (NO, {"phone": "+62 812 3456 7890 12345"}, "too long", ErrorCode.PHONE_INVALID),
    (NO, {"address": "   "}, "blank", ErrorCode.CHANGE_VALUE_REQUIRED),
    (NO, {"rw": "12a"}, "letters", ErrorCode.RT_RW_INVALID),
    (NO, {"name": "x" * 121}, "long", ErrorCode.CHANGE_VALUE_TOO_LONG),
    (NO, {"status": "active"}, "opened", ErrorCode.CHANGE_FIELD_NOT_ALLOWED),
    (NO, {"tariff_group": "R1"}, "cheaper", ErrorCode.CHANGE_FIELD_NOT_ALLOWED),
    (NO, {"meter_no": "M2"}, "new meter", ErrorCode.CHANGE_FIELD_NOT_ALLOWED),
    (NO, {"phone": "081339120044"}, "  ", ErrorCode.REASON_REQUIRED),
])
def test_refusals_write_nothing(branch: BranchDatabase, cashier: Actor, customer: str, number: str,
                                changes: dict[str, str], reason: str, code: ErrorCode) -> None:
    before, customer_before = counts(branch), stored_customer(branch)
    with pytest.raises(DomainError) as refused:
        request_customer_change(branch.writing(), cashier, number, changes, reason)
    assert refused.value.code == code
    assert counts(branch) == before
    assert stored_customer(branch) == customer_before


def test_international_phone_and_clearing_the_phone_are_accepted(
        branch: BranchDatabase, cashier: Actor, customer: str) -> None:
    plus = request_customer_change(branch.writing(), cashier, NO,
                                   {"phone": "+62 813-3912-0044"}, "new number")
    cleared = request_customer_change(branch.writing(), cashier, NO, {"phone": ""},
                                      "number no longer in use")
    assert plus.changes[0].after == "+6281339120044" and cleared.changes[0].after == ""
    assert [r.uuid for r in list_change_requests(branch.reading())] == [cleared.uuid,
                                                                         plus.uuid]


def test_head_office_decisions_arrive_with_a_pull(branch: BranchDatabase, cashier: Actor,
                                                  customer: str, system: Actor) -> None:
    approved = request_customer_change(branch.writing(), cashier, NO,
                                       {"phone": "081339120044"}, "new number")
    rejected = request_customer_change(branch.writing(), cashier, NO,
                                       {"name": "Ahmad Bessie"}, "shorter name")
    customer_data = {"connection_no": NO, "name": "Ahmad Yusuf Bessie",
                     "address": "Jl. Oeleta Raya No. 27", "rt": "001", "rw": "002",
                     "kelurahan": "Penkase Oeleta", "kecamatan": "Alak", "tariff_group": "R2",
                     "meter_no": f"M{NO}", "phone": "081339120044", "status": "sealed",
                     "status_date": "2021-11-01", "version": 5}
    page = [
        Change(1, "customer", NO, customer_data),
        Change(2, "change_request", approved.event_id,
               {"id": approved.event_id, "state": "approved", "decided_by": "budi",
                "note": "", "version": 5}),
        Change(3, "change_request", rejected.event_id,
               {"id": rejected.event_id, "state": "rejected", "decided_by": "budi",
                "note": "the name on the ID card is the long one"}),
        Change(4, "change_request", "another-counters-event",
               {"id": "another-counters-event", "state": "approved"}),
    ]
    with branch.writing() as uow:
        apply_changes(uow.session, uow.now, system.device_id, page)
        uow.commit()
    states = {r.uuid: r for r in list_change_requests(branch.reading(), NO)}
    assert (states[approved.uuid].state, states[approved.uuid].decided_by) == ("approved",
                                                                               "budi")
    assert states[rejected.uuid].state == "rejected"
    assert states[rejected.uuid].note == "the name on the ID card is the long one"
    assert stored_customer(branch)["phone"] == "081339120044"
    assert stored_customer(branch)["version"] == 5
    with branch.writing() as uow:  # the same decisions again change nothing
        assert apply_decisions(uow.session, system, uow.now,
                               [(c.key, c.data) for c in page[1:]]) == 0


def test_a_malformed_decision_refuses_the_page(branch: BranchDatabase, cashier: Actor,
                                               customer: str, system: Actor) -> None:
    request = request_customer_change(branch.writing(), cashier, NO,
                                      {"phone": "081339120044"}, "new number")
    with branch.writing() as uow, pytest.raises(DomainError) as refused:
        apply_changes(uow.session, uow.now, system.device_id, [
            Change(9, "change_request", request.event_id,
                   {"id": request.event_id, "state": "maybe"})])
    assert refused.value.code == ErrorCode.SYNC_BAD_CHANGE
    assert list_change_requests(branch.reading(), NO)[0].state == "pending"
