"""Pushing the outbox to head office: acknowledged only after the answer, never twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.backup.restore_block import ReleaseRequest, release_payments
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sync import (
    check_not_behind,
    pending_events,
    push_outbox,
    restored_from_backup,
    run_sync,
)
from tests.support.fakes import CASHIER, SUPERVISOR, actor_for
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    Killer,
    SimulatedCrash,
    acked_net_paid,
    branch_net_paid,
    connect,
    enrol,
    outbox,
    pay,
)


@pytest.fixture
def office() -> FakeHeadOffice:
    return FakeHeadOffice()


@pytest.fixture
def link(branch: BranchDatabase, office: FakeHeadOffice) -> FakeLink:
    return connect(branch, office)


def held_once(office: FakeHeadOffice) -> bool:
    return all(count == 1 for count in office.state.applied.values())


def test_push_sends_the_outbox_in_order_and_acks_after_the_answer(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    pay(branch, cashier, "10000001", 100_000)
    events = outbox(branch)
    assert pending_events(branch.reading()) == len(events)

    result = push_outbox(branch.writing, link)

    assert restored_from_backup(branch.reading()) is None
    assert result.sent == result.acked == len(events) and not result.rejected
    assert [e.seq for e in office.events_of(events[0].device_id)] == [e.seq for e in events]
    assert pending_events(branch.reading()) == 0
    assert {e.ack_result for e in outbox(branch)} == {"applied"}
    assert office.net_paid() == branch_net_paid(branch) == 400_000


def test_batches_are_bounded_and_each_is_acked_in_its_own_transaction(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    for n in range(3):
        enrol(branch, cashier, f"1000000{n}")
    total = len(outbox(branch))
    office.fail_next("drop", "/api/v1/push")  # the first batch never arrives
    with pytest.raises(DomainError):
        push_outbox(branch.writing, link, batch_size=4)
    assert pending_events(branch.reading()) == total

    result = push_outbox(branch.writing, link, batch_size=4)

    assert office.pushes() == [200] * -(-total // 4)
    assert result.acked == total and pending_events(branch.reading()) == 0


def test_too_large_a_batch_is_split(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    office.max_events = 3
    result = push_outbox(branch.writing, link)
    assert result.acked == len(outbox(branch))
    assert 413 in office.pushes() and pending_events(branch.reading()) == 0


def test_a_lost_answer_is_retried_and_nothing_is_counted_twice(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    office.fail_next("lose_answer", "/api/v1/push")
    with pytest.raises(DomainError) as lost:
        push_outbox(branch.writing, link)
    assert lost.value.code == ErrorCode.SYNC_UNREACHABLE
    held = len(office.state.events)
    assert held == len(outbox(branch)) and pending_events(branch.reading()) == held

    retry = push_outbox(branch.writing, link)

    assert retry.duplicates == held and retry.acked == held
    assert held_once(office) and office.net_paid() == 300_000
    assert {e.ack_result for e in outbox(branch)} == {"applied"}


def test_a_branch_killed_before_the_local_ack_sends_again_and_gets_the_stored_results(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    killer = Killer(branch, crash_at=2)  # 1: the sync lock; 2: the acknowledgement
    with pytest.raises(SimulatedCrash):
        run_sync(killer, link)
    assert len(office.state.events) == len(outbox(branch)) > 0
    assert pending_events(branch.reading()) == len(outbox(branch))

    branch.clock.advance(minutes=11)  # type: ignore[attr-defined]  # the dead sync's lock expires
    report = run_sync(branch.writing, link)

    assert report.duplicates == report.acked == len(outbox(branch))
    assert held_once(office) and office.net_paid() == branch_net_paid(branch) == 300_000
    assert report.reconciliation is not None and report.reconciliation.ok


@pytest.mark.parametrize("fault", ["truncate", "garble"])
def test_a_damaged_answer_is_a_clear_error_and_nothing_is_acked(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        fault: str) -> None:
    enrol(branch, cashier, "10000001")
    office.fail_next(fault, "/api/v1/push")
    with pytest.raises(DomainError) as damaged:
        push_outbox(branch.writing, link)
    assert damaged.value.code == ErrorCode.SYNC_BAD_RESPONSE
    assert "nothing was marked as sent" in damaged.value.message
    assert pending_events(branch.reading()) == len(outbox(branch))
    assert push_outbox(branch.writing, link).duplicates == len(outbox(branch))


def test_an_answer_not_listing_every_event_acks_nothing(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    real = office.push

    def forgetful(device, events):  # type: ignore[no-untyped-def]
        status, body = real(device, events)
        body["results"] = body["results"][:-1]
        return status, body

    office.push = forgetful  # type: ignore[method-assign]
    with pytest.raises(DomainError) as short:
        push_outbox(branch.writing, link)
    assert short.value.code == ErrorCode.SYNC_BAD_RESPONSE
    assert pending_events(branch.reading()) == len(outbox(branch))


def test_head_office_restored_from_a_backup_gets_the_acked_events_again(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink) -> None:
    enrol(branch, cashier, "10000001")
    push_outbox(branch.writing, link)
    backup = office.backup()
    pay(branch, cashier, "10000001", 100_000)
    push_outbox(branch.writing, link)
    office.restore(backup)  # head office lost the instalment
    assert office.net_paid() == 300_000

    # nothing pending: the probe finds what head office lacks
    result = push_outbox(branch.writing, link)
    assert result.resent == 1 and office.net_paid() == 400_000

    office.restore(backup)
    pay(branch, cashier, "10000001", 50_000)  # now with an event pending: a sequence gap
    result = push_outbox(branch.writing, link)
    assert 409 in office.pushes() and result.resent == 1 and result.acked == 1
    assert office.net_paid() == branch_net_paid(branch) == acked_net_paid(branch) == 450_000
    assert held_once(office)


def restore_branch_from(branch: BranchDatabase, backup: Path) -> BranchDatabase:
    """Close ``branch`` and put an older copy of its database in place."""
    branch.close()
    shutil.copyfile(backup, database_path(branch.data_dir))
    return open_branch(branch.data_dir, clock=FixedClock(branch.clock.now()))


def test_a_branch_restored_from_an_old_backup_stops_with_a_clear_error(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        tmp_path: Path) -> None:
    enrol(branch, cashier, "10000001")
    push_outbox(branch.writing, link)
    branch.close()
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(database_path(branch.data_dir), backup)
    branch = open_branch(branch.data_dir, clock=FixedClock(branch.clock.now()))
    pay(branch, cashier, "10000001", 100_000)
    push_outbox(branch.writing, link)
    held = office.net_paid()

    old = restore_branch_from(branch, backup)
    try:
        with pytest.raises(DomainError) as behind:
            check_not_behind(old.writing, link)  # at start-up, before any payment
        assert behind.value.code == ErrorCode.SYNC_BRANCH_RESTORED
        assert "restored from an older backup" in behind.value.message
        assert behind.value.params["office_seq"] > behind.value.params["local_seq"]
        with pytest.raises(DomainError) as probe:
            push_outbox(old.writing, link)
        assert probe.value.code == ErrorCode.SYNC_BRANCH_RESTORED

        notice = restored_from_backup(old.reading())
        assert notice is not None and notice["office_seq"] >= notice["local_seq"]
        with pytest.raises(DomainError) as refused:  # its next number is on paper already
            pay(old, actor_for(old, CASHIER[0]), "10000001", 100_000)
        assert refused.value.code == ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE
        assert pending_events(old.reading()) == 0 and office.net_paid() == held

        release_payments(old.writing(), actor_for(old, CASHIER[0]),
                         ReleaseRequest(*SUPERVISOR, "head office asked us to go on"))
        pay(old, actor_for(old, CASHIER[0]), "10000001", 100_000)  # on the supervisor's word
        with pytest.raises(DomainError) as gap:
            push_outbox(old.writing, link)
        assert gap.value.code == ErrorCode.SYNC_BRANCH_RESTORED
        assert office.net_paid() == held
    finally:
        old.close()


@pytest.mark.parametrize(("setup", "code"), [
    ("revoke", ErrorCode.SYNC_DEVICE_REVOKED),
    ("bad_token", ErrorCode.SYNC_UNAUTHORISED),
    ("protocol", ErrorCode.SYNC_PROTOCOL_UNSUPPORTED),
    ("server_error", ErrorCode.SYNC_UNREACHABLE),
])
def test_refusals_are_clear_and_leave_the_events_pending(
        branch: BranchDatabase, cashier: Actor, office: FakeHeadOffice, link: FakeLink,
        setup: str, code: ErrorCode) -> None:
    enrol(branch, cashier, "10000001")
    if setup == "revoke":
        office.devices[link.token].revoked = True
    elif setup == "bad_token":
        link = office.link("not-a-token")
    elif setup == "protocol":
        link = office.link(link.token, protocol=2)
    else:
        office.fail_next("server_error")
    with pytest.raises(DomainError) as refused:
        run_sync(branch.writing, link)
    assert refused.value.code == code
    assert pending_events(branch.reading()) == len(outbox(branch))
    assert run_sync(branch.writing, connect(branch, office)).acked == len(outbox(branch))
