"""The lists' date field: dates typed naturally, however the cashier got into the field;
absurd dates refused in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.context import UiContext
from app.ui.lists import OverduePage
from app.ui.lists.date_field import DateField
from app.ui.tasks import TaskRunner


@pytest.fixture
def ctx(branch: BranchDatabase, cashier: Actor) -> Iterator[UiContext]:
    context = UiContext(branch, cashier, TaskRunner())
    yield context
    context.tasks.wait()


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> OverduePage:
    shown = OverduePage(ctx)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded):
        shown.refresh()
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def test_shift_tab_into_the_date_then_digits_gives_that_day(
        qtbot: QtBot, page: OverduePage) -> None:
    page.filter.setFocus()
    qtbot.waitUntil(page.filter.hasFocus)
    qtbot.keyClick(page.filter, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert page.focusWidget() is page.as_of
    with qtbot.waitSignal(page.loaded):
        qtbot.keyClicks(page.as_of, "31122025")  # the trial's keys
        qtbot.keyClick(page.as_of, Qt.Key.Key_Return)
    assert page.as_of_date() == dt.date(2025, 12, 31)
    assert page.as_of.text() == "31/12/2025" and page.message.text() == ""


@pytest.mark.parametrize("typed", ["31123112", "31/12/3112", "32122025", "31022026", "2025",
                                   "01011900", ""])
def test_an_absurd_date_is_refused_in_words_and_the_list_stays(
        qtbot: QtBot, page: OverduePage, typed: str) -> None:
    before = page.as_of_date()
    page.as_of.setFocus()
    page.as_of.selectAll()
    with qtbot.assertNotEmitted(page.loaded, wait=100):
        qtbot.keyClicks(page.as_of, typed) if typed else qtbot.keyClick(page.as_of,
                                                                        Qt.Key.Key_Delete)
        qtbot.keyClick(page.as_of, Qt.Key.Key_Return)
    assert page.as_of_date() == before
    message = page.message.text()
    assert "is not a date this field takes" in message and "between" in message
    assert page.as_of.text() == typed and page.as_of.selectedText() == typed  # to retype


@pytest.mark.parametrize(("typed", "day"), [
    ("311225", dt.date(2025, 12, 31)), ("1-2-2026", dt.date(2026, 2, 1)),
    ("01.02.26", dt.date(2026, 2, 1)), ("1/2/2026", dt.date(2026, 2, 1))])
def test_short_forms_are_read_as_cashiers_mean_them(
        qtbot: QtBot, typed: str, day: dt.date) -> None:
    field = DateField(dt.date(2025, 11, 24))
    qtbot.addWidget(field)
    field.setFocus()
    field.selectAll()
    with qtbot.waitSignal(field.dateChanged) as changed:
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert changed.args == [day] and field.value() == day and not field.problem


def test_letters_cannot_be_typed_into_a_date(qtbot: QtBot) -> None:
    field = DateField(dt.date(2025, 11, 24))
    qtbot.addWidget(field)
    field.selectAll()
    qtbot.keyClicks(field, "3a1b1225")
    assert field.text() == "311225"
