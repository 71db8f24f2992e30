"""A whole sync: one at a time per device, progress, cancel, reconciliation, rejections."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.bootstrap import BranchDatabase, open_branch
from app.models import AuditRecord, Counter, OutboxEvent, new_uuid
from app.models.database import database_path
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.shifts import open_shift
from app.services.sync import (
    SyncProgress,
    last_sync,
    pending_events,
    push_outbox,
    reconciliation_status,
    rejected_list,
    run_sync,
)
from tests.support.fakes import CASHIER, DEMO_DAY, SUPERVISOR, actor_for
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    branch_net_paid,
    connect,
    enrol,
    outbox,
    pay,
    publish_customer,
    void,
)


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


class GatedLink:
    """A link whose first push waits until the test lets it go on."""

    def __init__(self, inner: FakeLink) -> None:
        self.inner, self.traffic = inner, inner.traffic
        self.entered, self.release = threading.Event(), threading.Event()

    def post(self, path: str, json_body: Any, headers: Any = None) -> tuple[int, Any]:
        self.entered.set()
        assert self.release.wait(10)
        return self.inner.post(path, json_body, headers)

    def get(self, path: str, params: Any = None, headers: Any = None) -> tuple[int, Any]:
        return self.inner.get(path, params, headers)


def test_a_sync_reports_what_it_did_and_when(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    publish_customer(office, "20000001", periods=2)
    assert last_sync(branch.reading()) is None
    seen: list[SyncProgress] = []

    report = run_sync(branch.writing, link, progress=seen.append)

    assert report.acked == report.pushed == len(outbox(branch)) and report.pulled == 3
    assert report.ok and report.finished_at == DEMO_DAY
    assert last_sync(branch.reading()) == DEMO_DAY and pending_events(branch.reading()) == 0
    assert [p.phase for p in seen] == ["push", "pull", "reconcile", "reconcile"]
    assert seen[0].done == seen[0].total == report.acked
    assert seen[-1].bytes_sent > 0 and seen[-1].bytes_received > 0
    assert report.bytes_sent == link.traffic.sent
    assert reconciliation_status(branch.reading())["mismatches"] == 0  # type: ignore[index]
    reported = office.reports[cashier.device_id]  # head office keeps the branch's figures
    paid = [r for r in reported["days"] if r["type"] == "enrolment.paid"]
    assert paid == [{"business_date": "2025-11-24", "type": "enrolment.paid",
                     "status": "applied", "count": 1, "amount": 300_000}]

    office.takes_reports = False  # a head office that only answers questions
    assert run_sync(branch.writing, link).ok


def test_a_second_sync_on_the_same_device_is_refused_while_one_runs(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    gated = GatedLink(link)
    results: list[Any] = []
    first = threading.Thread(target=lambda: results.append(run_sync(branch.writing, gated)))
    first.start()
    assert gated.entered.wait(10)
    # the other "process": its own engines on the same database file
    other = open_branch(branch.data_dir, clock=FixedClock(DEMO_DAY))
    try:
        with pytest.raises(DomainError) as refused:
            run_sync(other.writing, link)
        assert refused.value.code == ErrorCode.SYNC_ALREADY_RUNNING
        assert "already running" in refused.value.message
    finally:
        gated.release.set()
        first.join(10)
        other.close()
    assert results and results[0].acked == len(outbox(branch))
    assert run_sync(branch.writing, link).ok  # the lock was given back


def test_cancel_stops_between_batches_and_keeps_what_was_acknowledged(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    enrol(branch, cashier, "10000002")
    checks: list[int] = []

    def cancel() -> bool:
        checks.append(1)
        return len(checks) > 1  # after the first batch

    result = push_outbox(branch.writing, link, cancel=cancel, batch_size=3)
    assert result.cancelled and result.acked == 3
    assert pending_events(branch.reading()) == len(outbox(branch)) - 3

    report = run_sync(branch.writing, link, cancel=lambda: True)
    assert report.cancelled and not report.ok and last_sync(branch.reading()) is None


def test_a_reconciliation_mismatch_is_reported_loudly_and_not_fixed(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    office.reconcile_skew["enrolment.paid"] = -100_000  # head office counts less money
    report = run_sync(branch.writing, link)

    assert report.reconciliation is not None and not report.ok
    [line] = report.reconciliation.mismatches
    assert (line.type, line.branch_amount, line.office_amount) == (
        "enrolment.paid", 300_000, 200_000)
    assert reconciliation_status(branch.reading())["mismatches"] == 1  # type: ignore[index]
    with branch.reading() as uow:
        audit = uow.session.scalars(select(AuditRecord.action)).all()
    assert "sync.mismatch" in audit
    assert branch_net_paid(branch) == 300_000  # nothing was "corrected"


def second_branch(tmp_path: Path, template: Path) -> tuple[BranchDatabase, Actor]:
    """Another counter (L02, its own device id) of the same branch, a cashier on shift."""
    data_dir = tmp_path / "other"
    data_dir.mkdir()
    shutil.copyfile(template, database_path(data_dir))
    other = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    with other.writing() as uow:  # a counter that has not synced yet: give it its own id
        device_id = new_uuid()
        uow.session.execute(update(Counter).values(code="L02", device_id=device_id))
        for event in uow.session.scalars(select(OutboxEvent)):
            event.id, event.device_id = new_uuid(), device_id
        uow.commit()
    actor = actor_for(other, CASHIER[0])
    open_shift(other.writing(), actor, 0)
    return other, actor


def test_one_customer_enrolled_at_two_counters_offline_goes_to_exceptions_once(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        tmp_path: Path, branch_template: Path) -> None:
    other, other_cashier = second_branch(tmp_path, branch_template)
    try:
        enrol(branch, cashier, "10000001")
        enrol(other, other_cashier, "10000001")  # the same customer, offline
        pay(branch, cashier, "10000001", 100_000)  # both counters take instalments
        pay(other, other_cashier, "10000001", 50_000)
        run_sync(branch.writing, link)

        report = run_sync(other.writing, connect(other, office))

        [rejected] = report.rejected
        assert (rejected.type, rejected.reason) == ("enrolment.paid", "already_enrolled")
        assert rejected_list(other.reading()) == [rejected]
        assert pending_events(other.reading()) == 0  # later events were not blocked
        assert office.state.credits == {"10000001": 300_000}
        assert office.net_paid() == 300_000 + 100_000 + 50_000
        assert report.reconciliation is not None and report.reconciliation.ok
    finally:
        other.close()


def test_a_void_synced_after_its_payment_cancels_it_at_head_office(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    receipt = pay(branch, cashier, "10000001", 100_000)
    run_sync(branch.writing, link)
    void(branch, actor_for(branch, SUPERVISOR[0]), receipt.receipt_no)
    run_sync(branch.writing, link)
    assert office.net_paid() == branch_net_paid(branch) == 300_000


def test_a_poison_event_goes_to_exceptions_and_later_events_still_count(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    office.poison["shift.opened"] = "shift_unknown"
    enrol(branch, cashier, "10000001")
    report = run_sync(branch.writing, link)
    [poisoned] = report.rejected
    assert (poisoned.type, poisoned.reason) == ("shift.opened", "shift_unknown")
    assert pending_events(branch.reading()) == 0 and office.net_paid() == 300_000
    assert [e.seq for e in rejected_list(branch.reading())] == [poisoned.seq]

    # head office resolves it from its exceptions queue and says so in the change log
    office.publish("ack", poisoned.id, {"device_id": cashier.device_id, "id": poisoned.id,
                                        "seq": poisoned.seq, "status": "applied", "reason": ""})
    run_sync(branch.writing, link)
    assert rejected_list(branch.reading()) == []
