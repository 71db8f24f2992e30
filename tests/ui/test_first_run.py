"""The first-run wizard: a new counter typed in and set up, bad input refused inline,
a failed set-up undone, the demo branch; and how ``loket`` starts with it."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWizard,
)
from pytestqt.qtbot import QtBot

import app.main as main_module
import app.ui.first_run.wizard
from app.bootstrap import BranchDatabase, open_branch
from app.main import broken_settings_files, main
from app.models.database import database_path
from app.services.branch_info import branch_overview
from app.services.demo.branch import create_demo_branch
from app.services.first_run import CounterSetup, NewBranch, SetupDone, set_up_counter
from app.services.settings import CounterSettings, PrinterChoice, load_settings
from app.services.users import log_in
from app.ui.errors_dialog import log_path
from app.ui.first_run.pages import ADMIN, BRANCH, COUNTER, DEMO, PRINTER, SUMMARY
from app.ui.first_run.wizard import FirstRunWizard, settings_problem_box
from app.ui.session.login_dialog import LoginDialog
from tests.services.test_first_run import FailingOn
from tests.support.ui_shell_helpers import top_level

WAIT_MS = 30_000
NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton


pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own per-user settings and data folders."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path) -> FirstRunWizard:
    shown = FirstRunWizard(tmp_path / "branch", tmp_path / "demo", CounterSettings(),
                           printers=["EPSON TM-T82", "HP LaserJet"],
                           settings_file=tmp_path / "settings.json")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def type_in(qtbot: QtBot, wizard: QWizard, name: str, text: str) -> None:
    field = wizard.findChild(QLineEdit, name)
    assert field is not None and field.isVisible(), name
    field.clear()
    qtbot.keyClicks(field, text)


def problem(wizard: QWizard, name: str) -> str:
    label = wizard.findChild(QLabel, f"{name}Problem")
    assert label is not None
    return label.text() if label.isVisible() else ""


def click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(wizard: QWizard, name: str, value: str) -> None:
    """Pick the entry for ``value`` (a printer name, a paper code) in combo ``name``."""
    box = wizard.findChild(QComboBox, name)
    assert box is not None
    index = box.findData(value)
    assert index >= 0, (value, [box.itemData(i) for i in range(box.count())])
    box.setCurrentIndex(index)


def fill_up_to_summary(qtbot: QtBot, wizard: QWizard) -> None:
    """Set up counter L02 of branch OBB, admin maria, receipts on the EPSON on 58 mm."""
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == BRANCH
    type_in(qtbot, wizard, "branchCode", "obb")
    type_in(qtbot, wizard, "branchName", "Kantor Cabang Oebobo")
    type_in(qtbot, wizard, "utilityName", "Perumda Air Minum Kota Kupang")
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == COUNTER
    type_in(qtbot, wizard, "counterCode", "l02")
    type_in(qtbot, wizard, "counterName", "Loket 2")
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == ADMIN
    type_in(qtbot, wizard, "adminUser", "maria")
    type_in(qtbot, wizard, "adminName", "Maria Ndun")
    type_in(qtbot, wizard, "adminPassword", "rahasia-obb")
    type_in(qtbot, wizard, "adminPassword2", "rahasia-obb")
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PRINTER
    choose(wizard, "receiptPrinter", "EPSON TM-T82")
    choose(wizard, "receiptPaper", "58mm")
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == SUMMARY


def test_filling_the_wizard_sets_up_the_counter(qtbot: QtBot, wizard: FirstRunWizard,
                                                tmp_path: Path) -> None:
    fill_up_to_summary(qtbot, wizard)
    summary = wizard.findChild(QLabel, "summaryPageText")
    assert summary is not None
    for shown in ("OBB — Kantor Cabang Oebobo", "L02 — Loket 2", "maria (Maria Ndun)",
                  "EPSON TM-T82, 58 mm thermal roll"):
        assert shown in summary.text()
    with qtbot.waitSignal(wizard.completed, timeout=WAIT_MS):
        click(qtbot, wizard, FINISH)

    assert wizard.result() == QDialog.DialogCode.Accepted and not wizard.isVisible()
    assert (wizard.branch_dir, wizard.demo) == (tmp_path / "branch", False)
    branch = open_branch(tmp_path / "branch")
    try:
        overview = branch_overview(branch.reading())
        admin = log_in(branch.writing(), "maria", "rahasia-obb")
    finally:
        branch.close()
    assert (overview.branch_code, overview.branch_name, overview.counter_code) == (
        "OBB", "Kantor Cabang Oebobo", "L02")
    assert (admin.username, admin.role) == ("maria", "admin")
    saved = load_settings(tmp_path / "settings.json", tmp_path / "none.json").settings
    assert (saved.branch, saved.counter) == ("OBB", "L02")
    assert saved.printer_for("receipt") == PrinterChoice("EPSON TM-T82", "58mm")


def test_passwords_that_differ_keep_next_disabled(qtbot: QtBot,
                                                  wizard: FirstRunWizard) -> None:
    wizard.setStartId(ADMIN)
    wizard.restart()
    next_button = wizard.button(NEXT)
    type_in(qtbot, wizard, "adminUser", "maria")
    type_in(qtbot, wizard, "adminName", "Maria Ndun")
    type_in(qtbot, wizard, "adminPassword", "abc")
    assert problem(wizard, "adminPassword") == "A password needs at least 6 characters."
    type_in(qtbot, wizard, "adminPassword", "maria")
    type_in(qtbot, wizard, "adminPassword", "MARIA1")
    assert problem(wizard, "adminPassword") == ""
    type_in(qtbot, wizard, "adminUser", "maria1")  # the password may not be the user name
    assert problem(wizard, "adminPassword") == "The password must not be the user name."
    type_in(qtbot, wizard, "adminPassword", "rahasia-obb")
    type_in(qtbot, wizard, "adminPassword2", "rahasia-ob")
    assert problem(wizard, "adminPassword2") == "The two passwords differ."
    assert not next_button.isEnabled()
    qtbot.keyClicks(wizard.findChild(QLineEdit, "adminPassword2"), "b")
    assert problem(wizard, "adminPassword2") == "" and next_button.isEnabled()
    type_in(qtbot, wizard, "adminUser", "system")
    assert "reserved for Loket itself" in problem(wizard, "adminUser")
    assert not next_button.isEnabled()


def test_bad_codes_and_empty_names_say_why(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    click(qtbot, wizard, NEXT)
    next_button = wizard.button(NEXT)
    assert not next_button.isEnabled() and problem(wizard, "branchCode") == ""  # untouched
    type_in(qtbot, wizard, "branchCode", "k p")
    assert problem(wizard, "branchCode") == (
        "'K P' cannot be used: a code has 2 to 16 letters or digits, without spaces.")
    type_in(qtbot, wizard, "branchCode", "obb")
    assert wizard.findChild(QLineEdit, "branchCode").text() == "OBB"  # capitals as typed
    type_in(qtbot, wizard, "branchName", "Kantor Cabang Oebobo")
    type_in(qtbot, wizard, "branchName", "   ")
    assert problem(wizard, "branchName") == "Fill this in."
    type_in(qtbot, wizard, "branchName", "Kantor Cabang Oebobo")
    type_in(qtbot, wizard, "utilityName", "Perumda Air Minum Kota Kupang")
    assert next_button.isEnabled()  # the address may stay empty
    click(qtbot, wizard, NEXT)
    type_in(qtbot, wizard, "counterCode", "OBB")
    type_in(qtbot, wizard, "counterName", "Loket 2")
    assert problem(wizard, "counterCode") == (
        "The counter needs a code of its own, not the branch code OBB (e.g. L01).")
    assert not next_button.isEnabled()
    type_in(qtbot, wizard, "counterCode", "L02")
    assert next_button.isEnabled()


def test_a_failure_in_the_middle_leaves_no_database_and_the_wizard_open(
        qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path) -> None:
    def failing_open(folder: Path) -> NewBranch:  # the admin user cannot be written
        return FailingOn(open_branch(folder, create=True), 2)

    def failing_set_up(data_dir: Path, setup: CounterSetup) -> SetupDone:
        return set_up_counter(data_dir, setup, failing_open,
                              settings_file=tmp_path / "settings.json")

    real_set_up, wizard.set_up = wizard.set_up, failing_set_up
    fill_up_to_summary(qtbot, wizard)
    with qtbot.waitSignal(wizard.failed, timeout=WAIT_MS) as failed:
        click(qtbot, wizard, FINISH)

    assert "Nothing was set up" in failed.args[0] and "No space left" in failed.args[0]
    assert not database_path(tmp_path / "branch").exists()
    assert not (tmp_path / "settings.json").exists()
    assert wizard.isVisible() and wizard.currentId() == SUMMARY
    message = wizard.findChild(QLabel, "summaryPageMessage")
    assert message is not None and message.isVisible() and "No space left" in message.text()
    assert wizard.findChild(QLineEdit, "branchCode").text() == "OBB"  # all still typed in
    assert wizard.findChild(QLineEdit, "adminPassword").text() == "rahasia-obb"

    wizard.set_up = real_set_up  # the disk has room again: Finish once more
    with qtbot.waitSignal(wizard.completed, timeout=WAIT_MS):
        click(qtbot, wizard, FINISH)
    assert database_path(tmp_path / "branch").exists()
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_choosing_the_demo_creates_the_demo_branch(qtbot: QtBot, wizard: FirstRunWizard,
                                                   tmp_path: Path) -> None:
    wizard.make_demo = partial(create_demo_branch, customers=40)  # the full one takes long
    demo_choice = wizard.findChild(QRadioButton, "demoChoice")
    assert demo_choice is not None
    qtbot.mouseClick(demo_choice, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, demo_choice.height() // 2))  # on the round button
    assert demo_choice.isChecked()
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == DEMO
    text = wizard.findChild(QLabel, "demoPageText").text()
    assert "17.405 invented customers" in text and "admin123" in text
    with qtbot.waitSignal(wizard.completed, timeout=WAIT_MS):
        click(qtbot, wizard, FINISH)

    assert (wizard.branch_dir, wizard.demo) == (tmp_path / "demo", True)
    assert not database_path(tmp_path / "branch").exists()
    demo = open_branch(tmp_path / "demo")
    try:
        assert branch_overview(demo.reading()).customers == 40
        assert log_in(demo.writing(), "admin", "admin123").role == "admin"
    finally:
        demo.close()


# --- loket's start-up -------------------------------------------------------------------
def test_loket_first_run_screenshot_grabs_the_wizard(qtbot: QtBot, home: Path) -> None:
    shot, empty = home / "wizard.png", home / "empty"
    assert main(["--first-run", "--screenshot", str(shot), "--data-dir", str(empty)]) == 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not database_path(empty).exists()


def test_loket_first_run_refuses_a_folder_with_a_database(
        qtbot: QtBot, branch: BranchDatabase, home: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--first-run", "--screenshot", str(home / "x.png"), "--data-dir",
                 str(branch.data_dir)])
    assert code == 2 and "already holds a branch database" in capsys.readouterr().err
    assert not (home / "x.png").exists()


def test_loket_sets_up_a_new_counter_then_asks_for_a_log_in(
        qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No database in the settings' folder: the wizard, then the new branch's log-in."""
    folder = home / "kantor"
    settings_file = home / "config" / "Loket" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(json.dumps({"data_dir": str(folder)}), encoding="utf-8")
    monkeypatch.setattr(app.ui.first_run.wizard, "printer_names", lambda: ["EPSON TM-T82"])
    seen: dict[str, str] = {}

    def drive() -> None:
        wizard = top_level(FirstRunWizard, "firstRunWizard")
        if isinstance(wizard, FirstRunWizard) and "wizard" not in seen:
            seen["wizard"] = str(wizard.data_dir)
            try:
                fill_up_to_summary(qtbot, wizard)
                click(qtbot, wizard, FINISH)
            except AssertionError as error:  # end the run instead of waiting forever
                seen["error"] = str(error)
                timer.stop()
                wizard.reject()
        login = top_level(LoginDialog, "loginDialog")
        if isinstance(login, LoginDialog):
            where = login.findChild(QLabel, "loginWhere")
            seen["login"] = where.text() if where is not None else ""
            timer.stop()
            login.reject()  # Quit

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    try:
        assert main([]) == 0
    finally:
        timer.stop()
        QApplication.instance().setQuitOnLastWindowClosed(True)
    assert "error" not in seen, seen["error"]
    assert seen["wizard"] == str(folder)
    assert "Kantor Cabang Oebobo — Loket 2" in seen["login"]
    saved = json.loads(settings_file.read_text(encoding="utf-8"))
    assert (saved["data_dir"], saved["branch"], saved["counter"]) == (str(folder), "OBB", "L02")
    assert saved["printers"]["receipt"] == {"printer": "EPSON TM-T82", "paper": "58mm"}
    log = log_path(folder).read_text(encoding="utf-8")
    assert "First-run wizard" in log and "branch OBB, counter L02 set up" in log


def test_cancelling_the_wizard_quits_and_leaves_no_database(qtbot: QtBot, home: Path) -> None:
    def cancel() -> None:
        wizard = top_level(FirstRunWizard, "firstRunWizard")
        if wizard is not None:
            timer.stop()
            click(qtbot, wizard, QWizard.WizardButton.CancelButton)

    timer = QTimer()
    timer.timeout.connect(cancel)
    timer.start(50)
    try:
        assert main(["--data-dir", str(home / "empty")]) == 0
    finally:
        timer.stop()
    assert not database_path(home / "empty").exists()


def test_loket_uses_the_settings_language_and_logs_a_broken_file_once(
        qtbot: QtBot, branch: BranchDatabase, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings_file = home / "config" / "Loket" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"language": "id",', encoding="utf-8")  # broken
    assert main(["--data-dir", str(branch.data_dir), "--screenshot", str(home / "a.png")]) == 0
    log = log_path(branch.data_dir).read_text(encoding="utf-8")
    assert log.count("is not valid JSON") == 1
    assert broken_settings_files(load_settings()) == [settings_file]  # told in a message

    titles: list[str] = []

    class Watched(FirstRunWizard):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            titles.append(self.windowTitle())

    monkeypatch.setattr(main_module, "FirstRunWizard", Watched)
    settings_file.write_text('{"language": "id"}', encoding="utf-8")
    empty = str(home / "empty")
    assert main(["--first-run", "--data-dir", empty, "--screenshot", str(home / "b.png")]) == 0
    assert main(["--first-run", "--data-dir", empty, "--screenshot", str(home / "c.png"),
                 "--lang", "en"]) == 0
    assert titles == ["Loket — penyiapan awal", "Loket — first start"]


def test_a_broken_settings_file_is_told_without_blocking(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "settings.json"
    box = settings_problem_box([broken], tmp_path / "logs" / "loket.log")
    qtbot.addWidget(box)
    assert box.isVisible() and not box.isModal()
    assert str(broken) in box.text() and "loket.log" in box.text()
    assert "default settings" in box.text()
