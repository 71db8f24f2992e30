"""Sync in the counter window: register, sync with progress, refusals, review, bundles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.sync import TokenStore, Transport, last_sync, pending_events, run_sync
from app.services.sync.protocol import local_device
from app.services.sync.token_store import device_token
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.sync.dialogs import SyncDialog, SyncServices
from app.ui.sync.register_dialog import RegisterDialog
from app.ui.sync.views import SyncReviewDialog
from app.ui.tasks import TaskRunner
from tests.support.fakes import SUPERVISOR, actor_for
from tests.support.sync_fakes import (
    FakeHeadOffice,
    FakeLink,
    MemoryTokenStore,
    enrol,
    give_signing_key,
    outbox,
)
from tests.support.ui_shell_helpers import top_level

WAIT_MS = 5000


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


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


class Office:
    """A fake head office, the counter's token store and the links the window opens."""

    def __init__(self, branch: BranchDatabase) -> None:
        self.office, self.store = FakeHeadOffice(), MemoryTokenStore()
        with branch.reading() as uow:
            self.device = local_device(uow.session)
        self.next_links: list[Transport] = []

    def services(self) -> SyncServices:
        return SyncServices(token_store=self.store, register_link=self._register_link,
                            sync_link=self._sync_link)

    def _register_link(self, url: str, ca_file: Path | None) -> Transport:
        assert url == "https://pusat.example:8443" and ca_file is None
        return self.office.link("")

    def _sync_link(self, _branch: BranchDatabase, store: TokenStore) -> Transport:
        if self.next_links:
            return self.next_links.pop(0)
        return self.office.link(device_token(store, self.device.device_id))

    def link(self) -> FakeLink:
        return self.office.link(self.store.load(self.device.device_id) or "")

    def register_directly(self) -> None:
        self.store.save(self.device.device_id, self.office.enrol_device(
            self.device.device_id, self.device.branch, self.device.counter))
        give_signing_key(self.office, self.store, self.device.device_id)


@pytest.fixture
def office(branch: BranchDatabase) -> Office:
    return Office(branch)


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(4)  # a blocked sync must leave threads for the rest
    yield pool
    pool.waitForDone(WAIT_MS)


def make_window(qtbot: QtBot, branch: BranchDatabase, actor: Actor, office: Office,
                pool: QThreadPool) -> MainWindow:
    ctx = UiContext(branch, actor=actor, lang="en", tasks=TaskRunner(pool=pool))
    window = MainWindow(ctx, sync=office.services())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def sync_dialog(window: MainWindow) -> SyncDialog:
    dialogs = [d for d in window.findChildren(SyncDialog) if d.isVisible()]
    assert dialogs, "no sync dialog is open"
    return dialogs[-1]


def wait_finished(qtbot: QtBot, dialog: SyncDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)


def test_register_then_sync_sends_everything_and_the_status_bar_says_so(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool) -> None:
    window = make_window(qtbot, branch, cashier, office, pool)
    window.actions_by_name["register"].trigger()
    dialog = window.findChild(RegisterDialog, "registerDialog")
    assert dialog is not None and dialog.isVisible()
    code = office.office.issue_code(office.device.branch, office.device.counter)
    qtbot.keyClicks(dialog.url, "https://pusat.example:8443")
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=WAIT_MS)
    assert office.store.load(office.device.device_id)  # the token is in the store
    told = window.sync.message
    assert told is not None and told.text() == (
        "This counter is now registered with head office.")
    qtbot.keyClick(told, Qt.Key.Key_Return)

    enrol(branch, cashier, "10000001")  # a payment taken through the services
    window.status.refresh()
    pending = pending_events(branch.reading())
    assert pending > 0
    assert window.value_of("statusSync") == f"Unsent: {pending} · last sync: never"

    assert window.actions_by_name["sync"].shortcut().toString() == "F12"
    qtbot.waitUntil(lambda: window.sync.message is None, timeout=WAIT_MS)
    window.activateWindow()  # the offscreen platform does not hand activation back itself
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
    progress = sync_dialog(window)
    wait_finished(qtbot, progress)

    assert progress.report is not None and progress.report.ok
    assert progress.message.text().startswith(f"Sync finished: {pending} changes sent")
    assert progress.phase.text() == "Finished" and "B" in progress.traffic.text()
    assert window.value_of("statusSync") == (
        "Unsent: 0 · last sync: 24 November 2025 09:00 · online")
    assert pending_events(branch.reading()) == 0
    assert progress.button.text() == "Close"
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert not progress.isVisible()


def test_a_second_f12_while_one_runs_brings_that_sync_forward(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool) -> None:
    office.register_directly()
    enrol(branch, cashier, "10000001")
    gated = GatedLink(office.link())
    office.next_links.append(gated)
    window = make_window(qtbot, branch, cashier, office, pool)

    first = window.sync.sync_now()
    assert gated.entered.wait(WAIT_MS)
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
        assert window.sync.sync_now() is first
        assert [d for d in window.findChildren(SyncDialog) if d.isVisible()] == [first]
        assert first.running and window.search.field.isEnabled()  # the cashier keeps working
    finally:
        gated.release.set()
    wait_finished(qtbot, first)
    assert first.report is not None and first.report.ok
    assert pending_events(branch.reading()) == 0


def test_a_sync_running_elsewhere_on_this_counter_is_refused_with_the_services_words(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool) -> None:
    office.register_directly()
    enrol(branch, cashier, "10000001")
    gated = GatedLink(office.link())
    elsewhere = threading.Thread(target=lambda: run_sync(branch.writing, gated))
    elsewhere.start()
    window = make_window(qtbot, branch, cashier, office, pool)
    try:
        assert gated.entered.wait(WAIT_MS)
        dialog = window.sync.sync_now()
        wait_finished(qtbot, dialog)
        assert dialog.message.text().startswith("A sync is already running on this counter")
        assert dialog.report is None
        assert not window.value_of("statusSync").endswith("online")
    finally:
        gated.release.set()
        elsewhere.join(WAIT_MS / 1000)
    assert pending_events(branch.reading()) == 0


def test_an_unreachable_head_office_is_said_plainly_and_nothing_is_marked_sent(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool) -> None:
    office.register_directly()
    enrol(branch, cashier, "10000001")
    before = pending_events(branch.reading())
    office.office.fail_next("drop")
    window = make_window(qtbot, branch, cashier, office, pool)

    dialog = window.sync.sync_now()
    wait_finished(qtbot, dialog)

    assert dialog.message.text().startswith("Head office cannot be reached (connection reset)")
    assert "Nothing was marked as sent" in dialog.message.text()
    assert pending_events(branch.reading()) == before
    assert all(event.acked_at is None for event in outbox(branch))
    assert last_sync(branch.reading()) is None
    assert window.value_of("statusSync") == (
        f"Unsent: {before} · last sync: never · offline")


def test_an_unregistered_counter_is_told_to_register(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool) -> None:
    window = make_window(qtbot, branch, cashier, office, pool)
    dialog = window.sync.sync_now()
    wait_finished(qtbot, dialog)
    assert "not registered with head office" in dialog.message.text()
    pending = pending_events(branch.reading())
    assert window.value_of("statusSync") == (
        f"Unsent: {pending} · last sync: never · sync failed")

    again = window.sync.sync_now()  # F12 again over the error: one sync window, a new sync
    wait_finished(qtbot, again)
    assert again is not dialog and not (shiboken6.isValid(dialog) and dialog.isVisible())
    assert [d for d in window.findChildren(SyncDialog) if d.isVisible()] == [again]
    assert "online" not in window.value_of("statusSync")


def test_the_supervisor_view_lists_rejected_events_and_a_mismatch_in_red(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool) -> None:
    office.register_directly()
    office.office.poison["shift.opened"] = "shift_unknown"
    office.office.reconcile_skew["enrolment.paid"] = -100_000
    enrol(branch, cashier, "10000001")
    window = make_window(qtbot, branch, actor_for(branch, SUPERVISOR[0]), office, pool)
    dialog = window.sync.sync_now()
    wait_finished(qtbot, dialog)
    assert "1 changes were refused by head office" in dialog.message.text()
    assert "THE TOTALS DO NOT MATCH" in dialog.message.text()

    window.actions_by_name["sync_review"].trigger()
    review = window.findChild(SyncReviewDialog, "syncReviewDialog")
    assert review is not None and review.isVisible()
    [(_seq, kind, reason)] = review.rejected_rows()
    assert (kind, reason) == ("shift.opened", "shift_unknown")
    status = review.reconciliation
    assert status.text().startswith("MISMATCH: 1 totals differ from head office")
    assert "#b3261e" in status.styleSheet() and status.property("state") == "mismatch"
    assert review.mismatches.isVisible() and review.mismatches.rowCount() == 1
    assert review.mismatches.item(0, 2).text() == "1 · Rp 300.000"
    assert not review.restored.isVisible()


def test_export_writes_a_zip_and_a_refused_reply_is_explained(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: Office,
        pool: QThreadPool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    office.register_directly()
    enrol(branch, cashier, "10000001")
    target = tmp_path / "usb" / "kpg-l01"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window(qtbot, branch, cashier, office, pool)

    window.actions_by_name["export_bundle"].trigger()
    qtbot.waitUntil(lambda: top_level(QMessageBox, "bundleExported") is not None
                    or window.sync.message is not None, timeout=WAIT_MS)
    box = window.sync.message
    assert box is not None and box.objectName() == "bundleExported"
    written = target.with_suffix(".zip")
    assert written.read_bytes()[:2] == b"PK"
    assert f"{len(outbox(branch))} changes (numbers 1 to" in box.text()
    box.accept()

    junk = tmp_path / "usb" / "reply.zip"
    junk.write_bytes(b"not a zip at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(junk), "")))
    window.actions_by_name["import_reply"].trigger()
    qtbot.waitUntil(lambda: window.sync.message is not None, timeout=WAIT_MS)
    refused = window.sync.message
    assert refused is not None and refused.objectName() == "syncRefused"
    assert refused.text().startswith("The sync bundle reply.zip cannot be used")
