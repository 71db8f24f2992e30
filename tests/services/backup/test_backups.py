"""Backups and restore: consistent copies while a cashier works, the daily backup and its
retention, a damaged database found at start-up, and a restore that never reuses a
receipt number."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase, open_branch
from app.cli.main import main as admin
from app.models import AuditRecord, Bill, Customer, CustomerStatus, OutboxEvent, Setting
from app.models.database import database_path
from app.models.dbfile import backup_dir
from app.services.audit.integrity import check_integrity
from app.services.audit.journal import verify_chain
from app.services.backup.copies import (
    BackupInfo,
    backup_now,
    backup_to,
    daily_backup_if_due,
    list_backups,
    verify_backup,
)
from app.services.backup.restore import RAISED_WARNING, SYNC_WARNING, restore
from app.services.backup.restore_block import ReleaseRequest, release_payments
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.services.shifts import open_shift
from tests.support.fakes import (
    CASHIER,
    DEMO_DAY,
    SUPERVISOR,
    actor_for,
    add_customer,
    monthly_bills,
)

PROJECT_DIR = Path(__file__).resolve().parents[3]
FROZEN_V1 = Path(__file__).resolve().parents[2] / "data" / "schema_v1.sqlite3"
WORKER_CUSTOMERS = 150


def enrol(branch: BranchDatabase, cashier: Actor, connection_no: str) -> PaymentReceipt:
    """A sealed customer with six Rp 100,000 bills enrols: Rp 300,000 down, 3 instalments."""
    add_customer(branch, connection_no, bills=monthly_bills("2024-01", 6, 100_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        connection_no, 3, Tender(300_000, 300_000)))


def number(receipt_no: str) -> int:
    return int(receipt_no.rpartition("-")[2])


def max_outbox_seq(branch: BranchDatabase) -> int:
    with branch.reading() as uow:
        return uow.session.scalar(select(func.max(OutboxEvent.seq))) or 0


def min_new_outbox_seq(branch: BranchDatabase, after: int) -> int | None:
    with branch.reading() as uow:
        return uow.session.scalar(select(func.min(OutboxEvent.seq))
                                  .where(OutboxEvent.seq > after))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_table(db_file: Path, table: str) -> None:
    """Overwrite the first page of ``table`` with garbage, as a failing disk would."""
    connection = sqlite3.connect(db_file)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                              (table,)).fetchone()[0]
    connection.close()
    with db_file.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def close_copy(branch: BranchDatabase) -> Path:
    """Close the branch (its WAL folds into the file) and return the database file."""
    branch.close()
    return database_path(branch.data_dir)


@pytest.fixture
def busy_branch(tmp_path: Path, branch_template: Path) -> Path:
    """A branch folder with sealed customers and an open shift, for the cashier process."""
    data_dir = tmp_path / "busy"
    data_dir.mkdir()
    shutil.copyfile(branch_template, database_path(data_dir))
    branch = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    with branch.writing() as uow:
        for n in range(WORKER_CUSTOMERS):
            customer = Customer(
                connection_no=f"7{n:07d}", name=f"Pelanggan {n}", name_lower=f"pelanggan {n}",
                address="Jl. Uji", kelurahan="Alak", kecamatan="Alak", tariff_group="R2",
                meter_no=f"M7{n:07d}", status=CustomerStatus.SEALED,
                status_date=dt.date(2022, 1, 1))
            uow.session.add(customer)
            uow.session.flush()
            for month in range(1 + n % 12):
                uow.session.add(Bill(customer_id=customer.id, period=f"2024-{month + 1:02d}",
                                     water_charge=95_000, fees=5_000, penalty=2_000,
                                     due_date=dt.date(2024, month + 1, 20)))
        uow.commit()
    open_shift(branch.writing(), actor_for(branch, CASHIER[0]), 500_000)
    branch.close()
    return data_dir


@pytest.fixture
def cashier_process(busy_branch: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A cashier in another process taking payments non-stop (tests/support/crash_worker.py)."""
    errors = (tmp_path / "cashier-stderr.txt").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_worker", str(busy_branch), "7"],
        cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=errors, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout or ()), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while sum(1 for line in lines if line.startswith(("enrol", "instal"))) < 5:
            if process.poll() is not None or time.monotonic() > deadline:
                errors.seek(0)
                pytest.fail(f"the cashier process took no payments:\n{errors.read()[-3000:]}")
            time.sleep(0.01)
        yield process
    finally:
        process.kill()
        process.wait(timeout=30)
        reader.join(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
        errors.close()


def test_backups_taken_while_a_cashier_process_pays_are_consistent_and_restorable(
        busy_branch: Path, cashier_process: subprocess.Popen[str]) -> None:
    db_file = database_path(busy_branch)
    made: list[BackupInfo] = []
    for _ in range(3):
        made.append(backup_now(db_file, backup_dir(busy_branch)))
        time.sleep(0.1)
    assert cashier_process.poll() is None, "the cashier was blocked or failed"
    with pytest.raises(DomainError) as in_use:
        restore(made[0].path, busy_branch)
    assert in_use.value.code is ErrorCode.DATABASE_IN_USE
    reports = [verify_backup(info.path) for info in made]
    for report in reports:
        assert report.ok, report.problems
        assert report.findings == ()  # no receipt or outbox number missing
    assert reports[0].payments <= reports[1].payments <= reports[2].payments
    assert reports[2].payments > reports[0].payments  # the cashier kept paying meanwhile

    cashier_process.kill()
    cashier_process.wait(timeout=30)
    result = restore(made[1].path, busy_branch)
    branch = open_branch(busy_branch, clock=FixedClock(DEMO_DAY))
    try:
        with branch.reading() as uow:
            assert verify_chain(uow.session).ok
            assert check_integrity(uow.session).payments == reports[1].payments
    finally:
        branch.close()
    assert result.kept_previous is not None and verify_backup(result.kept_previous).ok


def test_restore_is_refused_while_loket_has_the_database_open(
        branch: BranchDatabase, tmp_path: Path) -> None:
    copy = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    before = digest(database_path(branch.data_dir))
    with pytest.raises(DomainError) as refused:
        restore(copy.path, branch.data_dir)
    assert refused.value.code is ErrorCode.DATABASE_IN_USE
    assert "Close Loket" in refused.value.message
    assert digest(database_path(branch.data_dir)) == before


def test_one_daily_backup_a_day_and_thirty_days_kept(branch: BranchDatabase) -> None:
    db_file = database_path(branch.data_dir)
    clock = FixedClock(dt.datetime(2025, 11, 1, 8, 0))
    manual = backup_now(db_file, backup_dir(branch.data_dir), clock=clock)
    made_days = []
    for _day in range(40):
        first = daily_backup_if_due(db_file, clock=clock)
        clock.advance(hours=6)
        second = daily_backup_if_due(db_file, clock=clock)
        assert first.made is not None and second.made is None
        made_days.append(first.made.taken_at.date())
        clock.advance(hours=18)
    daily = [b for b in list_backups(backup_dir(branch.data_dir)) if b.kind == "daily"]
    assert len(made_days) == len(set(made_days)) == 40
    assert [b.taken_at.date() for b in daily] == made_days[:-31:-1]  # the last 30, newest first
    assert manual.path.exists()  # copies made by hand are never removed


def test_backup_to_a_usb_folder_or_file(branch: BranchDatabase, tmp_path: Path) -> None:
    db_file = database_path(branch.data_dir)
    into_folder = backup_to(db_file, tmp_path / "usb")
    assert isinstance(into_folder, BackupInfo) and into_folder.kind == "manual"
    named = backup_to(db_file, tmp_path / "usb" / "kupang.sqlite3")
    assert named == tmp_path / "usb" / "kupang.sqlite3" and verify_backup(named).ok
    with pytest.raises(DomainError) as exists:
        backup_to(db_file, named)
    assert exists.value.code is ErrorCode.BACKUP_FAILED
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == sorted(
        [into_folder.path.name, "kupang.sqlite3"])  # no temporary files left


def test_damaged_database_at_start_up_names_the_newest_good_backup(
        branch: BranchDatabase, cashier: Actor) -> None:
    enrol(branch, cashier, "30000001")
    db_file = database_path(branch.data_dir)
    clock = FixedClock(dt.datetime(2025, 11, 20, 18, 0))
    good = backup_now(db_file, backup_dir(branch.data_dir), "daily", clock=clock)
    clock.advance(days=1)
    newer_but_damaged = backup_now(db_file, backup_dir(branch.data_dir), "daily", clock=clock)
    damage_table(newer_but_damaged.path, "payment")
    damage_table(close_copy(branch), "audit_record")

    with pytest.raises(DomainError) as refused:
        open_branch(branch.data_dir)
    assert refused.value.code is ErrorCode.DATABASE_CORRUPT
    assert refused.value.params["backup"] == str(good.path)
    assert str(db_file) in refused.value.message
    assert f'loket-admin restore "{good.path}"' in refused.value.message

    restore(good.path, branch.data_dir)
    reopened = open_branch(branch.data_dir)
    with reopened.reading() as uow:
        assert verify_chain(uow.session).ok
    reopened.close()


@pytest.mark.parametrize("garbage", [b"", b"this is not a database at all" * 100])
def test_a_file_that_is_no_database_without_backups_says_so(
        branch: BranchDatabase, garbage: bytes) -> None:
    db_file = close_copy(branch)
    db_file.write_bytes(garbage)
    with pytest.raises(DomainError) as refused:
        open_branch(branch.data_dir)
    assert refused.value.code is ErrorCode.DATABASE_CORRUPT_NO_BACKUP
    assert refused.value.params["folder"] == str(backup_dir(branch.data_dir))


def test_the_admin_tool_names_the_way_back(branch: BranchDatabase,
                                           capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    good = backup_now(database_path(branch.data_dir), backup_dir(branch.data_dir))
    damage_table(close_copy(branch), "number_sequence")
    assert admin(["--data-dir", str(branch.data_dir), "summary"]) == 1
    assert f'restore "{good.path}"' in capsys.readouterr().err


@pytest.mark.parametrize("how", ["damaged page", "edited audit record", "not a database"])
def test_restore_refuses_a_corrupt_backup_and_changes_nothing(
        branch: BranchDatabase, cashier: Actor, tmp_path: Path, how: str) -> None:
    enrol(branch, cashier, "30000002")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies").path
    if how == "damaged page":
        damage_table(backup, "payment")
    elif how == "edited audit record":
        with sqlite3.connect(backup) as connection:
            connection.execute("UPDATE audit_record SET details = '{}' WHERE id = 3")
        connection.close()
    else:
        backup.write_bytes(b"PK\x03\x04 a zip file, not a database")
    db_file = close_copy(branch)
    before = digest(db_file)
    with pytest.raises(DomainError) as refused:
        restore(backup, branch.data_dir)
    assert refused.value.code is ErrorCode.BACKUP_CORRUPT
    assert str(backup) in refused.value.message
    assert digest(db_file) == before
    assert list_backups(backup_dir(branch.data_dir)) == []  # nothing kept aside: no restore


def test_restore_keeps_the_replaced_database_and_never_reuses_a_number(
        branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    first = enrol(branch, cashier, "30000003")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    later = [enrol(branch, cashier, f"3000001{n}") for n in range(3)]
    close_copy(branch)

    report = restore(backup.path, branch.data_dir)
    assert report.notices[:2] == (SYNC_WARNING, RAISED_WARNING)
    assert {r.name for r in report.raised} == {"receipt", "work_order"}
    receipt = next(r for r in report.raised if r.name == "receipt")
    assert (receipt.restored, receipt.raised_to) == (number(first.receipt_no),
                                                     number(later[-1].receipt_no))
    kept = report.kept_previous
    assert kept is not None and kept.name.endswith("-before-restore.sqlite3")
    assert verify_backup(kept).payments == 4  # the replaced database, all four payments

    branch = open_branch(branch.data_dir, clock=FixedClock(DEMO_DAY))
    try:
        with branch.reading() as uow:
            settings = {s.key: s.value for s in uow.session.scalars(select(Setting))}
            last = uow.session.scalars(
                select(AuditRecord.action).order_by(AuditRecord.id.desc()).limit(1)).one()
            assert verify_chain(uow.session).ok
        assert settings["restored_from"] == backup.path.name
        assert "restored_at" in settings
        assert last == "branch.restore"
        release_payments(branch.writing(), actor_for(branch, CASHIER[0]), ReleaseRequest(
            SUPERVISOR[0], SUPERVISOR[1], "no link"))  # else payments wait for head office
        outbox_before = max_outbox_seq(branch)
        after = enrol(branch, actor_for(branch, CASHIER[0]), "30000020")
        assert min_new_outbox_seq(branch, outbox_before) == outbox_before + 1
    finally:
        branch.close()
    issued = {number(p.receipt_no) for p in (first, *later)}
    assert number(after.receipt_no) == max(issued) + 1  # no receipt number issued twice


def test_restore_over_an_unreadable_database_continues_from_the_backup_with_a_warning(
        branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    enrol(branch, cashier, "30000004")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    close_copy(branch).write_bytes(b"\x00" * 8192)
    report = restore(backup.path, branch.data_dir)
    assert report.raised == ()
    assert any("could not be read" in w for w in report.warnings)
    assert report.kept_previous is not None and report.kept_previous.read_bytes()[:4] == bytes(4)


def test_a_backup_is_kept_before_every_migration_and_can_be_restored(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    shutil.copyfile(FROZEN_V1, database_path(data_dir))
    open_branch(data_dir, clock=FixedClock(DEMO_DAY)).close()
    kept = list_backups(backup_dir(data_dir))
    assert [b.label for b in kept] == ["pre-migration-0001"]
    report = verify_backup(kept[0].path)
    assert report.ok and report.revision == "0001"
    assert digest(kept[0].path) != digest(database_path(data_dir))

    restore(kept[0].path, data_dir)  # an old schema is brought up to date on restore
    reopened = open_branch(data_dir, clock=FixedClock(DEMO_DAY))
    with reopened.reading() as uow:
        assert verify_chain(uow.session).ok
    reopened.close()
    assert [b.label for b in list_backups(backup_dir(data_dir))].count(
        "pre-migration-0001") == 1  # the restore itself migrated a copy, not the database


def test_admin_backup_list_verify_and_restore(branch: BranchDatabase, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    where = ["--data-dir", str(branch.data_dir), "--lang", "en"]
    assert admin([*where, "backup", "now"]) == 0
    assert "verified" in capsys.readouterr().out
    assert admin([*where, "backup", "now", "--to", str(tmp_path / "usb")]) == 0
    capsys.readouterr()
    assert admin([*where, "backup", "list", "--json"]) == 0
    listed = capsys.readouterr().out
    assert '"kind": "manual"' in listed
    copy = list_backups(backup_dir(branch.data_dir))[0].path
    assert admin([*where, "backup", "verify", str(copy)]) == 0
    assert "audit chain is unbroken" in capsys.readouterr().out
    assert admin([*where, "restore", str(copy)]) == 2  # no --yes, no terminal to ask
    assert "--yes" in capsys.readouterr().err
    branch.close()
    assert admin([*where, "restore", str(copy), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "WARNING: The outbox and the receipt numbers" in out


def test_the_newest_revision_is_read_from_the_scripts_as_alembic_reads_it() -> None:
    from alembic.script import ScriptDirectory

    from app.models.migrate import alembic_config, head_revision, known_revision

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert all(known_revision(script.revision) for script in scripts.walk_revisions())
    assert not known_revision("9999")
