"""A counter whose audit chain head office flagged: the payment dialog and the release
dialog say what happened, and a supervisor's release alone does not end it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.backup.restore_block import ReleaseRequest, current_block, release_payments
from app.services.context import Actor
from app.services.sync.chain_anchor import take_answer
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.backup.restore_release_dialog import RestoreReleaseDialog
from app.ui.context import UiContext
from app.ui.sync.actions import SyncActions
from app.ui.sync.dialogs import SyncServices
from tests.support import ui_account_helpers as h
from tests.support.fakes import CASHIER, SUPERVISOR, actor_for

pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


@pytest.fixture
def flagged(branch: BranchDatabase, cashier: Actor) -> BranchDatabase:
    """The press customer enrolled; then a sync's answer: head office flagged the chain."""
    h.press_customer(branch)
    h.enrol(branch, cashier)
    with branch.writing() as uow:
        take_answer(uow.session, uow.now, {"audit": {
            "status": "flagged", "anchor_id": 3, "anchor_hash": "a" * 64,
            "message": "audit record 3 ... its audit chain was rewritten"}})
        uow.commit()
    return branch


@pytest.fixture
def ctx(flagged: BranchDatabase) -> Iterator[UiContext]:
    yield from h.ui_context(flagged, actor_for(flagged, CASHIER[0]))


def test_payments_wait_and_a_supervisor_alone_does_not_end_it(
        qtbot: QtBot, flagged: BranchDatabase, ctx: UiContext, tmp_path: Path) -> None:
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.pay()
    pay = h.current_dialog(page, PaymentDialog)
    qtbot.keyClicks(pay.tendered, "400000")
    qtbot.keyClick(pay.tendered, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pay.message.kind == "error", timeout=5000)
    assert pay.message.text().startswith("Head office found that this counter's books no "
                                         "longer match what it holds (")
    assert pay.grab().save(str(tmp_path / "chain-flag-payment.png"))
    pay.close()

    window = QWidget()
    qtbot.addWidget(window)
    dialog = SyncActions(ctx, SyncServices(), window).allow_payments()
    assert isinstance(dialog, RestoreReleaseDialog)
    assert "no longer match what it holds (the audit chain)" in dialog.explanation.text()
    assert dialog.grab().save(str(tmp_path / "chain-flag-release.png"))
    dialog.close()

    release_payments(flagged.writing(), ctx.signed_in(),
                     ReleaseRequest(*SUPERVISOR, "checked the receipts"))
    assert current_block(flagged.reading()) is not None  # head office has not cleared it
