"""The main window says who works where and when; ``loket`` starts, signs in and screenshots."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import app.main
from app.bootstrap import BranchDatabase, open_branch
from app.main import main
from app.services.branch_info import branch_overview, pending_outbox_events
from app.services.context import Actor
from app.services.demo.branch import DEMO_BUSINESS_DATE, create_demo_branch
from app.services.shifts import open_shift
from app.ui.context import UiContext
from app.ui.errors_dialog import log_path
from app.ui.main_window import MainWindow
from tests.support.fakes import CASHIER, actor_for, add_customer, monthly_bills

pytestmark = pytest.mark.usefixtures("english")  # every test here runs in English


def test_window_names_user_branch_counter_date_and_customers(
        qtbot: QtBot, branch: BranchDatabase, cashier: Actor) -> None:
    add_customer(branch, "0103000451", bills=monthly_bills("2025-01", 3, 100_000))
    add_customer(branch, "0204001187")
    window = MainWindow(UiContext(branch, actor=cashier, lang="en"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.windowTitle() == "Loket — Kantor Pelayanan Kota Kupang"
    assert window.value_of("statusUser") == "kasir (cashier)"
    assert window.value_of("statusBranch") == "Kantor Pelayanan Kota Kupang (KPG)"
    assert window.value_of("statusCounter") == "Loket 1 (L01)"
    assert window.value_of("statusDate") == "24 November 2025"
    assert window.value_of("statusShift") == "Shift: open since 09:00"
    assert window.value_of("searchCount") == (
        "Type a name, address, kelurahan or connection number (2 customers).")
    assert window.focusWidget() is window.search.field
    assert window.width() <= 1366 and window.height() <= 768


def test_status_bar_counts_events_waiting_for_head_office(
        qtbot: QtBot, branch: BranchDatabase) -> None:
    actor = actor_for(branch, CASHIER[0])
    before = pending_outbox_events(branch.reading())
    window = MainWindow(UiContext(branch, actor=actor, lang="en"))
    qtbot.addWidget(window)
    assert window.value_of("statusSync") == f"Unsent: {before} · last sync: never"
    assert window.value_of("statusShift") == "Shift: none"
    open_shift(branch.writing(), actor, 250_000)  # writes one more outbox event
    window.status.refresh()
    assert window.value_of("statusSync") == f"Unsent: {before + 1} · last sync: never"
    assert window.value_of("statusShift") == "Shift: open since 09:00"


def test_loket_saves_a_screenshot_of_the_log_in_and_exits(qtbot: QtBot, branch: BranchDatabase,
                                                          tmp_path: Path) -> None:
    shot = tmp_path / "shots" / "login.png"
    code = main(["--data-dir", str(branch.data_dir), "--screenshot", str(shot), "--lang", "id"])
    assert code == 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert log_path(branch.data_dir).read_text(encoding="utf-8").count("Loket started") == 1


def test_loket_signs_in_directly_and_searches_for_a_screenshot(
        qtbot: QtBot, branch: BranchDatabase, tmp_path: Path) -> None:
    add_customer(branch, "0103000451", name="Yohanes Bria")
    shot = tmp_path / "search.png"
    code = main(["--data-dir", str(branch.data_dir), "--as", "kasir:kasir123",
                 "--search", "bria", "--screenshot", str(shot)])
    assert code == 0 and shot.stat().st_size > 1000


def test_loket_refuses_a_wrong_sign_in(qtbot: QtBot, branch: BranchDatabase, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(branch.data_dir), "--as", "kasir:salah-salah",
                 "--screenshot", str(tmp_path / "x.png"), "--lang", "en"])
    assert code == 2
    assert "Wrong user name or password." in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_loket_refuses_a_folder_without_a_branch(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path / "empty"), "--screenshot", str(tmp_path / "x.png")])
    assert code == 2
    assert "No branch database" in capsys.readouterr().err
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
