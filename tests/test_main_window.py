"""The main window opens on a branch and says which branch, counter and day it serves."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import app.main
from app.bootstrap import Branch, open_branch
from app.main import main
from app.services.branch_info import branch_overview
from app.services.demo import DEMO_BUSINESS_DATE, create_demo_branch
from app.ui.i18n import install_translator
from app.ui.main_window import MainWindow
from tests.fakes import add_customer, monthly_bills


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """Run in English and leave the application's locale as it was found."""
    before = QLocale()
    install_translator(qapp, "en")
    yield
    QLocale.setDefault(before)


def test_window_names_branch_counter_date_and_customers(qtbot: QtBot, branch: Branch) -> None:
    add_customer(branch, "0103000451", bills=monthly_bills("2025-01", 3, 100_000))
    add_customer(branch, "0204001187")
    window = MainWindow(branch)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.windowTitle() == "Loket — Kantor Pelayanan Kota Kupang"
    assert window.value_of("branchName") == "Kantor Pelayanan Kota Kupang (KPG)"
    assert window.value_of("counterName") == "Loket 1 (L01)"
    assert window.value_of("businessDate") == "24 November 2025"
    assert window.value_of("customerCount") == "2"
    captions = {label.text() for label in window.findChildren(QLabel)}
    assert {"Branch:", "Counter:", "Business date:", "Customers:"} <= captions


def test_loket_saves_a_screenshot_and_exits(qtbot: QtBot, branch: Branch,
                                           tmp_path: Path) -> None:
    shot = tmp_path / "shots" / "main.png"
    code = main(["--data-dir", str(branch.data_dir), "--screenshot", str(shot), "--lang", "id"])
    assert code == 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_loket_refuses_a_folder_without_a_branch(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path / "empty"), "--screenshot", str(tmp_path / "x.png")])
    assert code == 2
    assert "no branch database" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_demo_flag_creates_the_demo_branch_on_first_start_only(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_demo = partial(create_demo_branch, customers=40)
    monkeypatch.setattr(app.main, "create_demo_branch", small_demo)
    demo_dir = tmp_path / "demo"
    start = ["--demo", "--data-dir", str(demo_dir), "--screenshot", str(tmp_path / "demo.png")]
    assert main(start) == 0
    assert main(start) == 0  # the second start opens the same branch again

    opened = open_branch(demo_dir)
    try:
        overview = branch_overview(opened.reading())
    finally:
        opened.close()
    assert (overview.customers, overview.business_date) == (40, DEMO_BUSINESS_DATE)
