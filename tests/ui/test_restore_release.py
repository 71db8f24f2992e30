"""After a restore the payment dialog says why it cannot take the money; a supervisor
allows payments in a small dialog reached from the Sync actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase, open_branch
from app.models.database import database_path
from app.services.backup.copies import backup_now
from app.services.backup.restore import restore
from app.services.backup.restore_block import current_block
from app.services.clock import FixedClock
from app.services.context import Actor
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.backup.restore_release_dialog import RestoreReleaseDialog
from app.ui.context import UiContext
from app.ui.sync.actions import SyncActions
from app.ui.sync.dialogs import SyncServices
from tests.support import ui_account_helpers as h
from tests.support.fakes import CASHIER, DEMO_DAY, SUPERVISOR, actor_for

Key = Qt.Key


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


@pytest.fixture
def restored(branch: BranchDatabase, cashier: Actor, tmp_path: Path) -> Iterator[BranchDatabase]:
    """The press customer enrolled, then the branch restored from a backup of that."""
    h.press_customer(branch)
    h.enrol(branch, cashier)
    backup = backup_now(database_path(branch.data_dir), tmp_path / "copies")
    branch.close()
    restore(backup.path, branch.data_dir)
    opened = open_branch(branch.data_dir, clock=FixedClock(DEMO_DAY))
    yield opened
    opened.close()


@pytest.fixture
def ctx(restored: BranchDatabase) -> Iterator[UiContext]:
    yield from h.ui_context(restored, actor_for(restored, CASHIER[0]))


def test_the_payment_dialog_says_to_sync_first(qtbot: QtBot, restored: BranchDatabase,
                                               ctx: UiContext) -> None:
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.pay()
    pay = h.current_dialog(page, PaymentDialog)
    qtbot.keyClicks(pay.tendered, "400000")
    qtbot.keyClick(pay.tendered, Key.Key_Return)
    qtbot.waitUntil(lambda: pay.message.kind == "error", timeout=5000)
    assert pay.message.text().startswith("This counter was restored from a backup (")
    assert "Sync with head office (F12) before taking payments" in pay.message.text()
    assert pay.isVisible() and len(h.receipts_of(restored, h.PRESS)) == 1


def test_a_supervisor_allows_payments_in_the_dialog(qtbot: QtBot, restored: BranchDatabase,
                                                    ctx: UiContext, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = SyncActions(ctx, SyncServices(), window)
    dialog = actions.allow_payments()
    assert isinstance(dialog, RestoreReleaseDialog)
    assert "restored from the backup loket-" in dialog.explanation.text()
    assert dialog.grab().save(str(tmp_path / "restore-release.png"))

    qtbot.keyClick(dialog.reason, Key.Key_Return)
    assert dialog.reason_problem.text() == "Give a reason."
    qtbot.keyClicks(dialog.reason, "no link since Monday")
    qtbot.keyClicks(dialog.supervisor, CASHIER[0])
    qtbot.keyClicks(dialog.password, CASHIER[1])
    qtbot.keyClick(dialog.password, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.kind == "error", timeout=5000)
    assert dialog.message.text() == "'kasir' may not do this."
    assert dialog.password.text() == "" and current_block(restored.reading()) is not None

    dialog.supervisor.clear()
    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    qtbot.keyClicks(dialog.password, SUPERVISOR[1])
    with qtbot.waitSignal(dialog.released, timeout=5000):
        qtbot.keyClick(dialog.password, Key.Key_Return)
    assert current_block(restored.reading()) is None
    told = actions.message
    assert isinstance(told, QMessageBox) and told.objectName() == "paymentsAllowedMessage"
    told.close()
    assert h.pay(restored, ctx.signed_in(), 400_000).amount == 400_000
