"""The instalment dialog (F8) after the cashier's trial: the change whole and large in both
languages, the shortfall and its refusal whole, the reference hint whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.account.payment_dialog import LARGEST_AMOUNT, PaymentDialog
from app.ui.context import UiContext
from tests.support import ui_account_helpers as h
from tests.support.ui_fit import edit_fits, label_fits
from tests.support.ui_trial_helpers import assert_fits, language

Key = Qt.Key


@pytest.fixture(params=["id", "en"])
def lang(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from language(qapp, request.param)


def instalment_dialog(qtbot: QtBot, branch: BranchDatabase, cashier: Actor,
                      ctx: UiContext) -> PaymentDialog:
    """F8 on a customer whose next instalment is Rp 400.000."""
    h.press_customer(branch)
    h.enrol(branch, cashier)
    page = h.open_account(qtbot, ctx, h.PRESS)
    page.pay()
    return h.current_dialog(page, PaymentDialog)


def type_into(qtbot: QtBot, dialog: PaymentDialog, amount: str, tendered: str) -> None:
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, amount)
    dialog.tendered.clear()
    qtbot.keyClicks(dialog.tendered, tendered)


def test_the_change_is_whole_and_large(qtbot: QtBot, branch: BranchDatabase, cashier: Actor,
                                       ctx: UiContext, lang: str) -> None:
    dialog = instalment_dialog(qtbot, branch, cashier, ctx)
    type_into(qtbot, dialog, "350000", "400000")
    expected = {"id": "Kembalian: Rp 50.000", "en": "Change: Rp 50.000"}[lang]
    assert dialog.change.text() == expected
    assert dialog.change.font().pixelSize() >= 20 and dialog.change.font().bold()
    assert_fits(qtbot, dialog)
    # The room is kept for the largest change and shortfall the line can name.
    for amount, tendered in ((0, LARGEST_AMOUNT), (LARGEST_AMOUNT, 0)):
        dialog.change.setText(dialog.change_text(amount, tendered))
        assert "999.999.999.999" in dialog.change.text()
        assert label_fits(dialog.change), dialog.change.text()


def test_a_shortfall_and_its_refusal_are_whole(qtbot: QtBot, branch: BranchDatabase, cashier: Actor,
                                               ctx: UiContext, lang: str) -> None:
    dialog = instalment_dialog(qtbot, branch, cashier, ctx)
    type_into(qtbot, dialog, "350000", "300000")
    assert dialog.change.text() == {"id": "Kurang: Rp 50.000",
                                    "en": "Short by: Rp 50.000"}[lang]
    qtbot.keyClick(dialog.tendered, Key.Key_Return)
    assert dialog.isVisible() and dialog.tendered_problem.isVisible()
    assert "Rp 300.000" in dialog.tendered_problem.text()
    assert_fits(qtbot, dialog)


def test_an_absurd_amount_is_refused_whole(qtbot: QtBot, branch: BranchDatabase, cashier: Actor,
                                           ctx: UiContext, lang: str) -> None:
    dialog = instalment_dialog(qtbot, branch, cashier, ctx)
    type_into(qtbot, dialog, "999999999999", "999999999999")
    qtbot.keyClick(dialog.tendered, Key.Key_Return)
    assert dialog.amount_problem.isVisible() and "999.999.999.999" in \
        dialog.amount_problem.text()
    assert_fits(qtbot, dialog)


def test_the_reference_hint_is_whole(qtbot: QtBot, branch: BranchDatabase, cashier: Actor,
                                     ctx: UiContext, lang: str) -> None:
    dialog = instalment_dialog(qtbot, branch, cashier, ctx)
    dialog.method.setCurrentIndex(dialog.method.findData("transfer"))
    assert dialog.reference.isEnabled() and not dialog.reference.text()
    assert edit_fits(dialog.reference), dialog.reference.placeholderText()
    assert_fits(qtbot, dialog)
