"""After a restore from a backup the counter takes no payment until head office has
confirmed it (a sync) or a supervisor has released the block with a reason."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import BranchDatabase, open_branch
from app.cli.main import main as admin
from app.models import AuditRecord, OutboxEvent
from app.models.database import database_path
from app.services.audit.journal import verify_chain
from app.services.backup.copies import backup_now
from app.services.backup.restore import restore
from app.services.backup.restore_block import ReleaseRequest, current_block, release_payments
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.voids import VoidRequest, void_payment
from app.services.reports.issue import issue_lpp
from app.services.sync import export_bundle, import_reply, run_sync
from app.services.worklists import receipts_for_day
from tests.support.fakes import CASHIER, DEMO_DAY, SUPERVISOR, actor_for
from tests.support.sync_fakes import (
    FakeHeadOffice,
    MemoryTokenStore,
    connect,
    enrol,
    give_signing_key,
    outbox,
    pay,
)

BLOCKED = ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE


def restored(branch: BranchDatabase, tmp_path: Path, *, later_payments: int = 1) -> BranchDatabase:
    """Back the branch up, take ``later_payments`` more, then restore the backup (as
    ``loket-admin restore`` does) and open the restored branch."""
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    cashier = actor_for(branch, CASHIER[0])
    for n in range(later_payments):
        enrol(branch, cashier, f"2000010{n}")
    branch.close()
    restore(backup.path, branch.data_dir)
    return open_branch(branch.data_dir, clock=FixedClock(DEMO_DAY))


@pytest.fixture
def after_restore(branch: BranchDatabase, cashier: Actor,
                  tmp_path: Path) -> Iterator[BranchDatabase]:
    """A branch with one enrolment, restored from a backup taken after it."""
    enrol(branch, cashier, "20000001")
    opened = restored(branch, tmp_path)
    yield opened
    opened.close()


def cashier_of(branch: BranchDatabase) -> Actor:
    return actor_for(branch, CASHIER[0])


def release_record(branch: BranchDatabase) -> tuple[str, dict[str, object]] | None:
    """The actor and details of the release's audit record (None: no release)."""
    with branch.reading() as uow:
        record = uow.session.scalars(select(AuditRecord).where(
            AuditRecord.action == "restore.release")).first()
        return None if record is None else (record.actor, json.loads(record.details))


def release(branch: BranchDatabase, actor: Actor, supervisor: tuple[str, str] = SUPERVISOR,
            reason: str = "no link to head office since Monday") -> None:
    release_payments(branch.writing(), actor, ReleaseRequest(supervisor[0], supervisor[1],
                                                             reason))


def test_after_a_restore_payments_are_refused_but_voids_and_reports_go_on(
        after_restore: BranchDatabase) -> None:
    cashier = cashier_of(after_restore)
    with pytest.raises(DomainError) as enrolment:
        enrol(after_restore, cashier, "20000002")
    assert enrolment.value.code is BLOCKED
    assert "sync with head office before taking payments" in enrolment.value.message
    assert "restore-block release" in enrolment.value.message
    with pytest.raises(DomainError) as instalment:
        pay(after_restore, cashier, "20000001", 100_000)
    assert instalment.value.code is BLOCKED

    receipts = receipts_for_day(after_restore.reading(), cashier.counter_id)
    assert len(receipts) == 1  # the enrolment of the backup; nothing was added
    report = issue_lpp(after_restore.reading(), after_restore.data_dir)
    assert report.pdf.startswith(b"%PDF")
    void_payment(after_restore.writing(), cashier, VoidRequest(
        receipts[0].receipt_no, "salah input", SUPERVISOR[0], SUPERVISOR[1]))
    assert receipts_for_day(after_restore.reading(), cashier.counter_id)[0].voided


def test_the_first_successful_sync_lifts_the_block(after_restore: BranchDatabase) -> None:
    office = FakeHeadOffice()
    link = connect(after_restore, office)
    cashier = cashier_of(after_restore)
    with pytest.raises(DomainError):
        pay(after_restore, cashier, "20000001", 100_000)
    assert run_sync(after_restore.writing, link).ok
    assert current_block(after_restore.reading()) is None
    with after_restore.reading() as uow:  # the auditor sees when and why payments resumed
        record = uow.session.scalars(select(AuditRecord).where(
            AuditRecord.action == "restore.confirmed")).one()
        assert record.actor == "sync" and "acked_through" in json.loads(record.details)
        assert verify_chain(uow.session).ok
    receipt = pay(after_restore, cashier, "20000001", 100_000)
    assert receipt.amount == 100_000


def test_a_bundle_reply_from_head_office_lifts_it_too(after_restore: BranchDatabase,
                                                     tmp_path: Path) -> None:
    """A branch with no link: the USB bundle's reply confirms the counter as a push does."""
    office = FakeHeadOffice()
    link = connect(after_restore, office)
    store = MemoryTokenStore()
    store.save(outbox(after_restore)[0].device_id, link.token)
    give_signing_key(office, store, outbox(after_restore)[0].device_id)
    bundle = export_bundle(after_restore.writing, store, tmp_path / "bundle.zip")
    assert current_block(after_restore.reading()) is not None  # exported, not yet answered
    reply = tmp_path / "reply.zip"
    reply.write_bytes(office.import_bundle(bundle.path.read_bytes()))
    import_reply(after_restore.writing, store, reply)
    assert current_block(after_restore.reading()) is None
    assert pay(after_restore, cashier_of(after_restore), "20000001", 100_000).amount == 100_000


def test_a_sync_that_finds_the_branch_behind_head_office_does_not_lift_it(
        branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    office = FakeHeadOffice()
    link = connect(branch, office)
    enrol(branch, cashier, "20000001")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    enrol(branch, cashier, "20000002")
    assert run_sync(branch.writing, link).ok  # head office holds the lost enrolment
    branch.close()
    restore(backup.path, branch.data_dir)
    old = open_branch(branch.data_dir, clock=FixedClock(DEMO_DAY))
    try:
        with pytest.raises(DomainError) as behind:
            run_sync(old.writing, link)
        assert behind.value.code is ErrorCode.SYNC_BRANCH_RESTORED
        with pytest.raises(DomainError) as still:
            pay(old, cashier_of(old), "20000001", 100_000)
        assert still.value.code is BLOCKED
    finally:
        old.close()


def test_a_supervisor_releases_the_block_and_the_audit_trail_says_who_and_why(
        after_restore: BranchDatabase) -> None:
    cashier = cashier_of(after_restore)
    release(after_restore, cashier, reason="  no link   since Monday ")
    assert current_block(after_restore.reading()) is None
    assert pay(after_restore, cashier, "20000001", 100_000).amount == 100_000
    actor, details = release_record(after_restore)
    assert (details["supervisor"], details["reason"]) == (SUPERVISOR[0], "no link since Monday")
    assert actor == CASHIER[0] and details["restored_from"].endswith(".sqlite3")
    with after_restore.reading() as uow:
        event = uow.session.scalars(select(OutboxEvent).where(
            OutboxEvent.type == "restore.released")).one()
        assert event.audit_id == uow.session.scalars(select(AuditRecord.id).where(
            AuditRecord.action == "restore.release")).one()
        assert json.loads(event.payload)["supervisor"] == SUPERVISOR[0]
    with pytest.raises(DomainError) as again:
        release(after_restore, cashier)
    assert again.value.code is ErrorCode.PAYMENTS_NOT_BLOCKED


@pytest.mark.parametrize(("who", "reason", "code"), [
    (CASHIER, "no link", ErrorCode.NOT_AUTHORISED),
    ((SUPERVISOR[0], "wrong password"), "no link", ErrorCode.BAD_CREDENTIALS),
    (SUPERVISOR, "   ", ErrorCode.REASON_REQUIRED),
])
def test_only_a_supervisor_with_a_reason_can_release(
        after_restore: BranchDatabase, who: tuple[str, str], reason: str, code: ErrorCode) -> None:
    cashier = cashier_of(after_restore)
    with pytest.raises(DomainError) as refused:
        release(after_restore, cashier, who, reason)
    assert refused.value.code is code
    assert current_block(after_restore.reading()) is not None
    assert release_record(after_restore) is None


def test_a_later_restore_blocks_payments_again(after_restore: BranchDatabase,
                                               tmp_path: Path) -> None:
    release(after_restore, cashier_of(after_restore))
    again = restored(after_restore, tmp_path / "second", later_payments=0)
    try:
        with pytest.raises(DomainError) as refused:
            pay(again, cashier_of(again), "20000001", 100_000)
        assert refused.value.code is BLOCKED
    finally:
        again.close()


def test_loket_admin_shows_and_releases_the_block(
        after_restore: BranchDatabase, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = str(after_restore.data_dir)
    after_restore.close()
    assert admin(["--data-dir", data_dir, "--lang", "en", "restore-block", "status"]) == 0
    assert "Payments are BLOCKED" in capsys.readouterr().out

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{CASHIER[1]}\n"))
    assert admin(["--data-dir", data_dir, "--lang", "en", "restore-block", "release",
                  "--supervisor", CASHIER[0], "--reason", "no link", "--password-stdin"]) == 1
    assert "may not release payments after a restore" in capsys.readouterr().err

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{SUPERVISOR[1]}\n"))
    assert admin(["--data-dir", data_dir, "--json", "restore-block", "release", "--supervisor",
                  SUPERVISOR[0], "--reason", "no link for three days", "--password-stdin"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["released"], done["supervisor"]) == (True, SUPERVISOR[0])
    assert admin(["--data-dir", data_dir, "--lang", "en", "restore-block", "status"]) == 0
    assert "Payments are allowed" in capsys.readouterr().out
    reopened = open_branch(Path(data_dir), clock=FixedClock(DEMO_DAY))
    try:
        actor, details = release_record(reopened)
        assert (actor, details["reason"]) == ("loket-admin", "no link for three days")
    finally:
        reopened.close()
