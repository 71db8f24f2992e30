"""Amount fields group thousands as the cashier types; the blind count takes one Enter and
its result offers one way out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.shifts import current_shift
from app.ui.context import UiContext
from app.ui.kit.money_edit import MoneyEdit
from app.ui.session.shift_dialogs import CloseShiftDialog
from tests.support.fakes import SUPERVISOR
from tests.support.ui_shell_helpers import WAIT_MS, close_shift_dialog, context_fixture, submit

Key = Qt.Key


@pytest.fixture
def ctx(branch: BranchDatabase) -> Iterator[UiContext]:
    yield from context_fixture(branch)


@pytest.fixture
def field(qtbot: QtBot) -> MoneyEdit:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    edit.show()
    return edit


def test_thousands_are_grouped_as_the_cashier_types(qtbot: QtBot, field: MoneyEdit) -> None:
    shown = []
    for key in "1100000":
        qtbot.keyClicks(field, key)
        shown.append(field.text())
    assert shown == ["1", "11", "110", "1.100", "11.000", "110.000", "1.100.000"]
    assert field.cursorPosition() == len("1.100.000") and field.amount() == 1_100_000


def test_the_cursor_stays_after_the_same_digit(qtbot: QtBot, field: MoneyEdit) -> None:
    qtbot.keyClicks(field, "1100000")
    field.setCursorPosition(len("1.100"))  # 1.100|.000
    qtbot.keyClick(field, Key.Key_Backspace)
    assert (field.text(), field.cursorPosition()) == ("110.000", len("110"))
    qtbot.keyClicks(field, "5")
    assert (field.text(), field.cursorPosition()) == ("1.105.000", len("1.105"))
    field.setCursorPosition(len("1."))  # Backspace over a separator deletes the digit
    qtbot.keyClick(field, Key.Key_Backspace)
    assert (field.text(), field.amount()) == ("105.000", 105_000)
    assert field.cursorPosition() == 0


def test_the_cashiers_own_format_is_left_alone(qtbot: QtBot, field: MoneyEdit) -> None:
    qtbot.keyClicks(field, "2,4 jt")
    assert (field.text(), field.amount()) == ("2,4 jt", 2_400_000)
    field.clear()
    qtbot.keyClicks(field, "2.4jt")
    assert (field.text(), field.amount()) == ("2.4jt", 2_400_000)
    field.clear()
    qtbot.keyClicks(field, "25000")
    assert field.text() == "25.000"


def close_dialog(qtbot: QtBot, ctx: UiContext) -> CloseShiftDialog:
    return close_shift_dialog(qtbot, ctx)


def test_one_enter_records_the_blind_count(qtbot: QtBot, ctx: UiContext,
                                           cashier: Actor) -> None:
    ctx.actor = cashier
    dialog = close_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.note_fields[0], "4")
    qtbot.keyClick(dialog.note_fields[0], Key.Key_Return)  # moves on to the next value
    assert dialog.pages.currentIndex() == 0
    dialog.coins.setFocus()
    qtbot.keyClicks(dialog.coins, "100000")
    assert dialog.coins.text() == "100.000"
    qtbot.keyClick(dialog.coins, Key.Key_Return)
    assert dialog.pages.currentIndex() == 1, "one Enter in the last field records the count"
    assert dialog.counted_value.text() == "Rp 500.000"


def test_the_signed_off_result_offers_one_way_out(qtbot: QtBot, ctx: UiContext,
                                                  cashier: Actor) -> None:
    ctx.actor = cashier
    dialog = close_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.note_fields[0], "5")
    dialog.record_count()
    qtbot.keyClicks(dialog.supervisor, SUPERVISOR[0])
    with qtbot.waitSignal(dialog.closed, timeout=WAIT_MS):
        submit(qtbot, dialog.supervisor_password, SUPERVISOR[1])
    page = dialog.pages.currentWidget()
    box = page.findChild(QDialogButtonBox)
    assert box is not None
    shown = [b.text() for b in box.findChildren(QPushButton) if b.isVisible()]
    assert shown == ["Done"]
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.focusWidget(), Key.Key_Return)
    assert current_shift(ctx.branch.reading(), cashier) is None
