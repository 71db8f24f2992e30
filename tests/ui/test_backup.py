"""Backups and restore from the counter window, and the way back from a damaged database
at start-up — driven through the menu, the dialogs and the real files."""

from __future__ import annotations

import errno
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase, open_branch
from app.main import main
from app.models import Payment
from app.models.database import database_path
from app.models.dbfile import backup_dir
from app.services.audit.journal import verify_chain
from app.services.backup.copies import (
    backup_failure,
    backup_now,
    backup_to,
    daily_backup_if_due,
    list_backups,
    verify_backup,
)
from app.services.backup.restore_block import ReleaseRequest, release_payments
from app.services.clock import FixedClock
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import PaymentReceipt, Tender
from app.ui.backup.actions import BackupActions, BackupCancelled
from app.ui.backup.list_dialog import BackupsDialog
from app.ui.backup.restore_flow import RestoreConfirmDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.session.flow import AppShell
from tests.support.fakes import (
    ADMIN,
    CASHIER,
    DEMO_DAY,
    SUPERVISOR,
    actor_for,
    add_customer,
    monthly_bills,
)
from tests.support.ui_shell_helpers import WAIT_MS, make_context, submit

RESTORE_WAIT_MS = 20_000


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def enrol(branch: BranchDatabase, cashier: Actor, connection_no: str) -> PaymentReceipt:
    """A sealed customer with six Rp 100,000 bills enrols: Rp 300,000 down."""
    add_customer(branch, connection_no, bills=monthly_bills("2024-01", 6, 100_000))
    return enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        connection_no, 3, Tender(300_000, 300_000)))


def number(receipt_no: str) -> int:
    return int(receipt_no.rpartition("-")[2])


def receipts(branch: BranchDatabase) -> set[str]:
    with branch.reading() as uow:
        return set(uow.session.scalars(select(Payment.receipt_no)))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def window_for(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def actions_of(window: MainWindow) -> BackupActions:
    return window.backups


def wait_message(qtbot: QtBot, actions: BackupActions, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: actions.message is not None and shiboken6.isValid(actions.message)
                    and actions.message.objectName() == name and actions.message.isVisible(),
                    timeout=WAIT_MS)
    assert actions.message is not None
    return actions.message


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


@pytest.fixture
def ctx(branch: BranchDatabase) -> Iterator[UiContext]:
    context = make_context(branch)
    yield context
    context.tasks.wait()


# ---------------------------------------------------------------- back up
def test_backup_to_a_folder_while_a_payment_is_written_verifies(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, ctx: UiContext,
        tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    ctx.actor = actor_for(branch, SUPERVISOR[0])
    window = window_for(qtbot, ctx)
    actions = actions_of(window)
    actions.choose_folder = lambda _parent: usb
    paid: list[PaymentReceipt] = []
    stop = threading.Event()

    def cashier_at_work() -> None:  # another thread keeps taking payments meanwhile
        n = 0
        while not stop.is_set() and n < 40:
            paid.append(enrol(branch, cashier, f"4000{n:04d}"))
            n += 1

    worker = threading.Thread(target=cashier_at_work)
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(paid) >= 2, timeout=WAIT_MS)
        window.actions_by_name["backup_to"].trigger()
        box = wait_message(qtbot, actions, "backupDone")
    finally:
        stop.set()
        worker.join(timeout=30)

    copies = list_backups(usb)
    assert [c.kind for c in copies] == ["manual"] and files_in(usb) == [copies[0].path.name]
    assert str(copies[0].path) in box.text() and "checked: the copy is sound" in box.text()
    report = verify_backup(copies[0].path)
    assert report.ok and 2 <= report.payments <= len(paid)


@pytest.mark.parametrize("place", ["a file, not a folder", "a folder that is gone"])
def test_a_target_that_cannot_be_written_says_so_and_leaves_no_file(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext, tmp_path: Path, place: str) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    if place == "a file, not a folder":
        target = usb / "LOKET"
        target.write_bytes(b"not a folder")
        expected = "Loket cannot write the backup to"
    else:
        target = usb / "stick-pulled-out"
        expected = "is not there. Is the USB stick plugged in?"
    ctx.actor = actor_for(branch, ADMIN[0])
    window = window_for(qtbot, ctx)
    actions = actions_of(window)
    actions.choose_folder = lambda _parent: target
    before = files_in(usb)

    window.actions_by_name["backup_to"].trigger()
    box = wait_message(qtbot, actions, "backupFailed")
    assert expected in box.text() and "Nothing was written." in box.text()
    assert files_in(usb) == before
    assert list_backups(backup_dir(branch.data_dir)) == []


def test_a_disk_that_fills_up_or_a_cancel_during_the_copy_leaves_no_half_file(
        branch: BranchDatabase, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()

    def full(_done: int, _total: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DomainError) as refused:
        backup_to(database_path(branch.data_dir), usb, progress=full)
    assert refused.value.code is ErrorCode.BACKUP_DISK_FULL
    assert files_in(usb) == []

    def cancelled(_done: int, _total: int) -> None:
        raise BackupCancelled

    with pytest.raises(BackupCancelled):  # Cancel in the progress dialog
        backup_to(database_path(branch.data_dir), usb, progress=cancelled)
    assert files_in(usb) == []
    denied = backup_failure(PermissionError(errno.EACCES, "Permission denied"), usb)
    read_only = sqlite3.OperationalError("unable to open database file")
    read_only.sqlite_errorcode = 14  # type: ignore[attr-defined]  # SQLITE_CANTOPEN
    assert denied.code is backup_failure(read_only, usb).code is ErrorCode.BACKUP_NOT_WRITABLE


def test_entries_follow_the_role(qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    seen = {}
    for username in (CASHIER[0], SUPERVISOR[0], ADMIN[0]):
        ctx.actor = actor_for(branch, username)
        window = window_for(qtbot, ctx)
        seen[username] = [name for name in ("backup_to", "backups", "restore")
                          if window.actions_by_name[name].isEnabled()
                          and window.actions_by_name[name].isVisible()]
        window.close()
    assert seen == {"kasir": [], "spv": ["backup_to", "backups"],
                    "admin": ["backup_to", "backups", "restore"]}


# ---------------------------------------------------------------- the list
def test_the_backups_list_shows_daily_and_manual_copies_and_verifies_one(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    db_file = database_path(branch.data_dir)
    daily = daily_backup_if_due(db_file, clock=FixedClock(DEMO_DAY)).made
    manual = backup_now(db_file, backup_dir(branch.data_dir),
                        clock=FixedClock(DEMO_DAY.replace(hour=17, minute=30)))
    assert daily is not None
    ctx.actor = actor_for(branch, SUPERVISOR[0])
    window = window_for(qtbot, ctx)
    window.actions_by_name["backups"].trigger()
    dialog = window.findChild(BackupsDialog, "backupsDialog")
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert [row[:2] + row[3:] for row in rows] == [
        ["24 November 2025 17:30", "by hand", manual.path.name],
        ["24 November 2025 09:00", "daily", daily.path.name]]
    assert all(row[2].endswith(" KB") for row in rows)  # sizes, e.g. "420 KB"
    assert not dialog.restore_button.isVisible()  # a supervisor does not restore

    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "passes the check" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.message.text().startswith(manual.path.name)
    assert "audit trail" in dialog.message.text()


# ---------------------------------------------------------------- restore from the window
@pytest.fixture
def shell(ctx: UiContext) -> Iterator[AppShell]:
    app_shell = AppShell(ctx, offer_shift=False)
    yield app_shell
    for widget in (app_shell.login, app_shell.window, app_shell.message):
        if widget is not None and shiboken6.isValid(widget):
            widget.close()
            widget.deleteLater()


def confirm_dialog(qtbot: QtBot, window: MainWindow) -> RestoreConfirmDialog:
    found: list[RestoreConfirmDialog] = []

    def shown() -> bool:
        dialog = window.findChild(RestoreConfirmDialog, "restoreConfirm")
        found[:] = [dialog] if dialog is not None and dialog.isVisible() else []
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def start_restore(qtbot: QtBot, shell: AppShell, backup: Path) -> RestoreConfirmDialog:
    """The admin's window: Loket → Restore from backup…, the file chosen; the check passes."""
    window = shell.enter(actor_for(shell.ctx.branch, ADMIN[0]))
    window.backups.choose_file = lambda _parent, start: backup
    window.actions_by_name["restore"].trigger()
    return confirm_dialog(qtbot, window)


def test_restore_from_the_window_goes_back_in_time_without_reusing_a_number(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, shell: AppShell,
        tmp_path: Path) -> None:
    first = enrol(branch, cashier, "30000001")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "usb")
    later = enrol(branch, cashier, "30000002")  # after the backup: the restore loses it
    confirm = start_restore(qtbot, shell, backup.path)
    warning = confirm.findChild(QWidget, "restoreWarning")
    assert "Payments, enrolments and voids made after it are not in it" in warning.text()
    assert "Sync this counter with head office before taking any payment" in warning.text()

    qtbot.keyClicks(confirm.password, ADMIN[1])
    qtbot.mouseClick(confirm.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.message is not None and shell.message.isVisible(),
                    timeout=RESTORE_WAIT_MS)
    done = shell.message
    assert done is not None and done.objectName() == "restoreDone", done.text()
    assert shell.window is None and shell.ctx.actor is None  # everyone was logged out
    assert f"restored from {backup.path.name}" in done.text()
    assert "Until then Loket refuses payments" in done.text()
    assert (f"Receipt numbers of counter L01 (2025) continue after {number(later.receipt_no)}; "
            f"the backup ended at {number(first.receipt_no)}.") in done.text()
    kept = [b for b in list_backups(backup_dir(branch.data_dir)) if b.kind == "before-restore"]
    assert len(kept) == 1 and str(kept[0].path) in done.text()

    qtbot.mouseClick(done.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.login is not None and shell.login.isVisible(), timeout=WAIT_MS)
    assert receipts(branch) == {first.receipt_no}  # the later payment is gone
    login = shell.login
    qtbot.keyClicks(login.user, CASHIER[0])
    submit(qtbot, login.password, CASHIER[1])
    actor = shell.ctx.actor
    assert shell.window is not None and actor is not None
    with pytest.raises(DomainError) as blocked:  # payments wait for head office …
        enrol(shell.ctx.branch, actor, "30000003")
    assert blocked.value.code is ErrorCode.PAYMENTS_BLOCKED_AFTER_RESTORE
    release_payments(shell.ctx.branch.writing(), actor, ReleaseRequest(
        SUPERVISOR[0], SUPERVISOR[1], "no link to head office today"))  # … or a supervisor
    after = enrol_and_pay(shell.ctx.branch.writing(), actor, EnrolRequest(
        "30000003", 3, Tender(300_000, 300_000)))  # the branch works again
    assert number(after.receipt_no) > number(later.receipt_no)  # no number issued twice
    with branch.reading() as uow:
        assert verify_chain(uow.session).ok


def test_a_wrong_password_refuses_the_restore(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, shell: AppShell,
        tmp_path: Path) -> None:
    enrol(branch, cashier, "30000011")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "usb")
    later = enrol(branch, cashier, "30000012")
    confirm = start_restore(qtbot, shell, backup.path)

    submit(qtbot, confirm.password, "salah-salah")
    problem = confirm.findChild(QWidget, "restorePasswordProblem")
    assert problem.text() == "Wrong user name or password."
    assert confirm.isVisible() and confirm.password.text() == ""
    qtbot.keyClick(confirm.password, Qt.Key.Key_Escape)
    assert not confirm.isVisible()
    assert shell.window is not None and shell.ctx.actor is not None  # still at work
    assert later.receipt_no in receipts(branch)
    assert [b.kind for b in list_backups(backup_dir(branch.data_dir))] == []


def test_a_restore_that_fails_reopens_the_current_database_and_says_so(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, shell: AppShell,
        tmp_path: Path) -> None:
    enrol(branch, cashier, "30000041")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "usb")
    later = enrol(branch, cashier, "30000042")
    other_pc = open_branch(branch.data_dir)  # Loket still open elsewhere on this database
    try:
        assert later.receipt_no in receipts(other_pc)
        confirm = start_restore(qtbot, shell, backup.path)
        submit(qtbot, confirm.password, ADMIN[1])
        qtbot.waitUntil(lambda: shell.message is not None and shell.message.isVisible(),
                        timeout=RESTORE_WAIT_MS)
    finally:
        other_pc.close()
    failed = shell.message
    assert failed is not None and failed.objectName() == "restoreFailed"
    assert "The restore did not happen" in failed.text() and "is in use" in failed.text()
    assert "The current database is unchanged and open again." in failed.text()
    qtbot.mouseClick(failed.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.login is not None and shell.login.isVisible(), timeout=WAIT_MS)
    assert later.receipt_no in receipts(shell.ctx.branch)  # untouched, and open again


def test_a_tampered_backup_is_refused_before_anything_changes(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, shell: AppShell,
        tmp_path: Path) -> None:
    enrol(branch, cashier, "30000021")
    backup = backup_now(database_path(branch.data_dir), tmp_path / "usb").path
    with sqlite3.connect(backup) as connection:  # someone "corrects" an audit record
        connection.execute("UPDATE audit_record SET details = '{}' WHERE id = 3")
    connection.close()
    later = enrol(branch, cashier, "30000022")
    window = shell.enter(actor_for(branch, ADMIN[0]))
    window.backups.choose_file = lambda _parent, _start: backup
    window.actions_by_name["restore"].trigger()

    box = wait_message(qtbot, window.backups, "restoreRefused")
    assert box.text().startswith("This backup cannot be restored: audit chain")
    assert box.text().endswith("Nothing was changed.")
    assert window.findChild(RestoreConfirmDialog, "restoreConfirm") is None
    assert later.receipt_no in receipts(branch) and shell.window is window
    assert list_backups(backup_dir(branch.data_dir)) == []  # nothing kept aside: no restore


# ---------------------------------------------------------------- at start-up
class Robot:
    """Answers the windows ``main()`` shows, in order, from a timer (they are modal)."""

    def __init__(self, steps: list[tuple[str, Callable[[QWidget], None]]]) -> None:
        self.steps = steps
        self.seen: list[str] = []
        self.texts: dict[str, str] = {}
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(50)
        self.deadline = time.monotonic() + RESTORE_WAIT_MS / 1000

    def _tick(self) -> None:
        if time.monotonic() > self.deadline:  # stuck: end main() instead of hanging
            self.timer.stop()
            QApplication.closeAllWindows()
            QApplication.exit(1)
            return
        if not self.steps:  # keep watching: main() should end by itself now
            return
        name, act = self.steps[0]
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == name and widget.isVisible():
                self.steps.pop(0)
                self.seen.append(name)
                self.texts[name] = widget.text() if isinstance(widget, QMessageBox) else ""
                act(widget)
                return


def click(button_name: str) -> Callable[[QWidget], None]:
    def act(widget: QWidget) -> None:
        button = widget.findChild(QPushButton, button_name)
        assert button is not None, button_name
        button.click()
    return act


def press_ok(widget: QWidget) -> None:
    assert isinstance(widget, QMessageBox)
    widget.button(QMessageBox.StandardButton.Ok).click()


def test_a_damaged_database_at_start_up_offers_the_last_backup_and_loket_starts(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> None:
    first = enrol(branch, cashier, "30000031")
    good = backup_now(database_path(branch.data_dir), backup_dir(branch.data_dir),
                      "daily", clock=FixedClock(DEMO_DAY.replace(hour=18)))
    branch.close()
    damage_table(database_path(branch.data_dir), "audit_record")
    robot = Robot([("databaseDamaged", click("restoreLastBackup")),
                   ("restoreDone", press_ok),
                   ("loginDialog", click("quitButton"))])  # Loket started: log-in shown

    try:
        code = main(["--data-dir", str(branch.data_dir), "--lang", "en"])
    finally:
        robot.timer.stop()
    assert robot.seen == ["databaseDamaged", "restoreDone", "loginDialog"] and code == 0
    offer = robot.texts["databaseDamaged"]
    assert "is damaged" in offer and f"{good.path.name}, taken 24 November 2025 18:00" in offer
    assert f"restored from {good.path.name}" in robot.texts["restoreDone"]
    reopened = open_branch(branch.data_dir)
    try:
        assert receipts(reopened) == {first.receipt_no}
        with reopened.reading() as uow:
            assert verify_chain(uow.session).ok
            assert uow.session.scalar(select(func.count()).select_from(Payment)) == 1
    finally:
        reopened.close()
    assert any(b.kind == "before-restore" for b in list_backups(backup_dir(branch.data_dir)))


def test_an_admin_restores_from_the_list_after_the_same_check(
        qtbot: QtBot, branch: BranchDatabase, ctx: UiContext) -> None:
    daily = daily_backup_if_due(database_path(branch.data_dir), clock=FixedClock(DEMO_DAY)).made
    assert daily is not None
    ctx.actor = actor_for(branch, ADMIN[0])
    window = window_for(qtbot, ctx)
    dialog = window.backups.show_backups()
    assert dialog.restore_button.isVisible() and dialog.selected() == daily
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    confirm = confirm_dialog(qtbot, window)
    assert str(daily.path) in confirm.findChild(QWidget, "restoreFacts").text()
    assert "taken 24 November 2025 09:00" in confirm.findChild(QWidget, "restoreFacts").text()
    qtbot.keyClick(confirm.password, Qt.Key.Key_Escape)
    assert not confirm.isVisible() and ctx.actor is not None  # cancelled: nothing happened
