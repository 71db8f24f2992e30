"""The sync window while the branch's data comes: bytes, rate, time left, and a cut link.

The first test feeds the dialog progress reports with a fake clock; the second syncs a
new counter with a real head office through a link cut at 90% of the branch snapshot,
then presses Sync again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.bootstrap import BranchDatabase
from app.models import Customer
from app.services.context import Actor
from app.services.errors import DomainError, ErrorCode
from app.services.sync import (
    HttpTransport,
    KeyringTokenStore,
    SyncProgress,
    TokenStore,
    Transport,
    open_transport,
    register_device,
)
from app.services.sync.progress import RateMeter
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.sync.dialogs import SyncDialog, SyncServices
from app.ui.tasks import TaskRunner
from headoffice.snapshot_ahead import snapshots
from tests.services.sync.test_snapshot import CUSTOMERS, publish_varied
from tests.support.lossy_proxy import LossyProxy
from tests.support.office_server import RunningOffice, start_office
from tests.support.sync_fakes import MemoryKeyring

pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English

WAIT_MS = 20_000


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_dialog_shows_bytes_rate_and_time_left_of_the_branch_data(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor) -> None:
    dialog = SyncDialog(UiContext(branch, actor=cashier, lang="en"), SyncServices())
    qtbot.addWidget(dialog)
    clock = Clock()
    dialog.meter = RateMeter(clock=clock)
    dialog.show_progress(SyncProgress("snapshot", 0, 1_228_800, 600, 1_000))
    clock.now += 10
    dialog.show_progress(SyncProgress("snapshot", 614_400, 1_228_800, 600, 615_400))
    assert dialog.phase.text() == "Receiving the branch's data (first sync)"
    assert dialog.items.text() == "600,0\u00a0KB of 1,2\u00a0MB"
    assert dialog.rate.text() == "60,0\u00a0KB/s · 10 s left"
    assert (dialog.bar.value(), dialog.bar.maximum()) == (614_400, 1_228_800)
    clock.now += 10  # the link slows down to a third
    dialog.show_progress(SyncProgress("snapshot", 819_200, 1_228_800, 600, 820_200))
    assert dialog.rate.text() == "20,0\u00a0KB/s · 20 s left"
    dialog.meter = RateMeter(window=1.0, clock=clock)
    dialog.show_progress(SyncProgress("snapshot", 819_200, 1_228_800, 600, 820_200))
    clock.now += 2
    dialog.show_progress(SyncProgress("snapshot", 827_392, 1_228_800, 600, 828_392))
    assert dialog.rate.text() == "4,0\u00a0KB/s · 1 min 38 s left"


def test_a_wrapped_kept_sentence_never_parts_a_size_from_its_unit(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor) -> None:
    dialog = SyncDialog(UiContext(branch, actor=cashier, lang="en"), SyncServices())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_progress(SyncProgress("snapshot", 9_800_000, 120_000_000, 2_048, 9_800_000))
    part = branch.data_dir / "snapshot-cut.part"
    part.write_bytes(b"\0" * 9_800_000)
    dialog._failed(DomainError(ErrorCode.SYNC_UNREACHABLE, problem="connection reset"))
    text = dialog.message.text()
    assert "9,3\u00a0MB of 114,4\u00a0MB" in text, text
    assert not re.search(r"\d [KM]?B\b", text), "a line may end between a figure and its unit"


@pytest.fixture
def office(tmp_path: Path) -> Iterator[RunningOffice]:
    with start_office(tmp_path) as running:
        publish_varied(running, CUSTOMERS)
        yield running


def test_a_cut_link_says_what_is_kept_and_sync_continues_from_there(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor, office: RunningOffice) -> None:
    tokens = KeyringTokenStore(MemoryKeyring())
    pool = QThreadPool()
    with LossyProxy(("127.0.0.1", office.port), rate=None) as link:
        register_device(branch.writing(), HttpTransport(office.url, timeout=10), link.url,
                        office.code(), store=tokens)

        def sync_link(counter: BranchDatabase, store: TokenStore) -> Transport:
            return open_transport(counter.reading(), store, timeout=10)

        window = MainWindow(UiContext(branch, actor=cashier, lang="en",
                                      tasks=TaskRunner(pool=pool)),
                            sync=SyncServices(token_store=tokens, sync_link=sync_link))
        qtbot.addWidget(window)
        size = snapshots().current(office.db, "KPG")[0].size
        link.cut_response_after = int(size * 0.9)

        first = window.sync.sync_now()
        qtbot.waitUntil(lambda: not first.running, timeout=WAIT_MS)
        text = first.message.text()
        assert text.startswith("Head office cannot be reached")
        assert "of the branch's data is kept; press Sync to continue from there." in text
        assert first.button.text() == "Close" and first.rate.text() == "–"
        first.button.click()

        link.cut_response_after = None
        again = window.sync.sync_now()
        qtbot.waitUntil(lambda: not again.running, timeout=WAIT_MS)
        assert again.message.text().startswith("Sync finished"), again.message.text()
        with branch.reading() as uow:
            assert uow.session.scalar(select(func.count()).select_from(Customer)) == \
                CUSTOMERS + 1
        again.button.click()
    pool.waitForDone(WAIT_MS)
