"""The admin's Counter settings dialog: open it from the Loket menu, change, save, read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import BranchDatabase
from app.models import AuditRecord
from app.services.context import Actor
from app.services.settings import PrinterChoice, load_settings
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.settings.counter_dialog import CounterSettingsDialog
from app.ui.tasks import TaskRunner
from tests.support.fakes import ADMIN, CASHIER, SUPERVISOR, actor_for

WAIT_MS = 5000
PRINTERS = ["EPSON TM-T82", "HP LaserJet"]


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.waitForDone(WAIT_MS)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """(the user's settings file, the PC's), neither written yet."""
    return tmp_path / "user" / "settings.json", tmp_path / "machine" / "settings.json"


def make_window(qtbot: QtBot, branch: BranchDatabase, actor: Actor, pool: QThreadPool,
                files: tuple[Path, Path]) -> MainWindow:
    window = MainWindow(UiContext(branch, actor=actor, lang="en", tasks=TaskRunner(pool=pool)))
    qtbot.addWidget(window)
    actions = window.counter_settings
    actions.user_file, actions.machine_file = files
    actions.installed = list(PRINTERS)
    window.show()
    qtbot.waitExposed(window)
    return window


def loket_menu(window: MainWindow) -> QMenu:
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Loket"]
    assert isinstance(menu, QMenu)
    return menu


def open_dialog(qtbot: QtBot, window: MainWindow) -> CounterSettingsDialog:
    window.actions_by_name["counter_settings"].trigger()
    dialog = window.findChild(CounterSettingsDialog, "counterSettingsDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def click_save(qtbot: QtBot, dialog: CounterSettingsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def type_url(qtbot: QtBot, dialog: CounterSettingsDialog, url: str) -> None:
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, url)


def test_an_admin_sets_the_receipt_paper_and_head_office_and_they_load_back(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, files: tuple[Path, Path]) -> None:
    window = make_window(qtbot, branch, actor_for(branch, ADMIN[0]), pool, files)
    entry = window.actions_by_name["counter_settings"]
    assert entry in loket_menu(window).actions()
    assert entry.isVisible() and entry.isEnabled() and entry.text() == "C&ounter settings…"
    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "Counter settings"
    assert not dialog.warnings.isVisible()
    assert dialog.findChild(type(dialog.url), "databaseBranch").text() == "KPG"

    printer, paper = dialog.printers.printers["receipt"], dialog.printers.papers["receipt"]
    assert [paper.itemText(i) for i in range(paper.count())] == [
        "80 mm thermal roll", "58 mm thermal roll", "A5 sheet", "Half-letter sheet"]
    assert [printer.itemText(i) for i in range(printer.count())] == [
        "System default printer", *PRINTERS]
    qtbot.keyClick(printer, Qt.Key.Key_Down)  # EPSON TM-T82
    qtbot.keyClick(paper, Qt.Key.Key_Down)  # 58 mm
    assert paper.currentText() == "58 mm thermal roll"
    type_url(qtbot, dialog, "https://pusat.example/loket")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(CounterSettingsDialog) is None, timeout=WAIT_MS)

    loaded = load_settings(*files)
    assert loaded.warnings == ()
    assert loaded.settings.printer_for("receipt") == PrinterChoice("EPSON TM-T82", "58mm")
    assert loaded.settings.head_office_url == "https://pusat.example/loket"
    assert loaded.settings.printer_for("agreement") == PrinterChoice("", "a4")
    with branch.reading() as uow:
        actions = [(r.actor, r.action) for r in uow.session.scalars(select(AuditRecord))]
    assert actions[-1] == ("admin", "settings.changed")


@pytest.mark.parametrize("username", [CASHIER[0], SUPERVISOR[0]])
def test_a_cashier_or_supervisor_does_not_see_the_entry(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, files: tuple[Path, Path],
        username: str) -> None:
    window = make_window(qtbot, branch, actor_for(branch, username), pool, files)
    entry = window.actions_by_name["counter_settings"]
    assert not entry.isVisible() and not entry.isEnabled()
    visible = [a.text() for a in loket_menu(window).actions() if a.isVisible()]
    assert "C&ounter settings…" not in visible and "&Settings…" in visible
    entry.trigger()
    assert window.findChild(CounterSettingsDialog) is None


@pytest.mark.parametrize("url", ["ftp://pusat.example/loket", "pusat.example", "https://",
                                 "https://pusat example"])
def test_an_address_that_is_not_http_is_refused_with_a_message(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, files: tuple[Path, Path],
        url: str) -> None:
    window = make_window(qtbot, branch, actor_for(branch, ADMIN[0]), pool, files)
    dialog = open_dialog(qtbot, window)
    type_url(qtbot, dialog, url)
    click_save(qtbot, dialog)

    assert dialog.isVisible() and dialog.result_ is None
    assert dialog.url_problem.text() == (
        "Type an address that starts with https:// or http://, e.g. "
        "https://pusat.example/loket.")
    assert dialog.message.text() == (
        "The settings were not saved: correct the head-office address.")
    assert dialog.focusWidget() is dialog.url
    assert not files[0].exists()
    qtbot.keyClick(dialog.url, Qt.Key.Key_Backspace)  # typing again clears the complaint
    assert dialog.url_problem.text() == ""


def test_a_broken_settings_file_shows_why_the_defaults_are_used(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, files: tuple[Path, Path]) -> None:
    user, _machine = files
    user.parent.mkdir()
    user.write_text('{"branch": "KPG", "keep_daily_backups": "many",', encoding="utf-8")
    window = make_window(qtbot, branch, actor_for(branch, ADMIN[0]), pool, files)
    dialog = open_dialog(qtbot, window)

    assert dialog.warnings.isVisible()
    text = dialog.warnings.text()
    assert text.startswith("The settings file has problems; Loket uses the defaults")
    assert str(user) in text and "is not valid JSON (line 1" in text
    assert dialog.keep_days.value() == 30 and dialog.url.text() == ""
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        click_save(qtbot, dialog)  # saving repairs the file
    assert load_settings(*files).warnings == ()


def test_a_branch_other_than_the_databases_is_warned_about(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, files: tuple[Path, Path]) -> None:
    window = make_window(qtbot, branch, actor_for(branch, ADMIN[0]), pool, files)
    dialog = open_dialog(qtbot, window)
    warning = dialog.identity_warning
    expected_branch = dialog.expected[0]
    assert not warning.isVisible()
    qtbot.keyClicks(expected_branch, "KPX")
    assert warning.isVisible() and warning.text().startswith(
        "This database belongs to branch KPG, counter L01, but the settings expect "
        "branch KPX.")
    expected_branch.clear()
    qtbot.keyClicks(expected_branch, "KPG")
    assert not warning.isVisible()


def test_saving_where_nothing_can_be_written_says_so_and_keeps_the_dialog(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    target = blocker / "settings.json"
    window = make_window(qtbot, branch, actor_for(branch, ADMIN[0]), pool,
                         (target, tmp_path / "machine.json"))
    dialog = open_dialog(qtbot, window)
    type_url(qtbot, dialog, "https://pusat.example/loket")
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=WAIT_MS)

    assert dialog.isVisible() and dialog.result_ is None
    assert dialog.message.text().startswith(f"The settings could not be saved to {target} (")
    assert dialog.message.text().endswith("Nothing was changed.")
    assert dialog.url.text() == "https://pusat.example/loket"  # what was typed is kept
    assert dialog.save_button.isEnabled()
    with branch.reading() as uow:
        assert "settings.changed" not in {
            r.action for r in uow.session.scalars(select(AuditRecord))}


def test_test_print_without_any_printer_says_so(
        qtbot: QtBot, branch: BranchDatabase, pool: QThreadPool, files: tuple[Path, Path]) -> None:
    window = make_window(qtbot, branch, actor_for(branch, ADMIN[0]), pool, files)
    window.counter_settings.installed = []
    dialog = open_dialog(qtbot, window)
    button = dialog.printers.test_buttons["receipt"]
    assert button.text() == "Test print"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "No printer is installed on this computer."
