"""The Reports menu builds the LPP and the progress report and shows them for printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.services.documents.indonesian import tanggal_jam
from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
from app.services.ledger.payments import Tender
from app.services.shifts import CashCount, count_cash, sign_off
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pdf_view import PdfViewDialog
from tests.support.fakes import SUPERVISOR, add_customer, monthly_bills


@pytest.fixture
def window(qtbot: QtBot, branch: BranchDatabase, cashier: Actor) -> MainWindow:
    add_customer(branch, "10012345", bills=monthly_bills("2021-11", 48, 50_000))
    enrol_and_pay(branch.writing(), cashier, EnrolRequest(
        "10012345", 3, Tender(1_200_000, 1_250_000)))
    shown = MainWindow(UiContext(branch, actor=cashier, lang="en"))
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.mark.parametrize(("action", "expected"), [
    ("report_lpp", "KPG-L01-2025-000001"),
    ("report_progress", "BUKA SEGEL"),
])
def test_report_is_archived_and_shown_ready_to_print(
    qtbot: QtBot, window: MainWindow, action: str, expected: str
) -> None:
    with qtbot.waitSignal(window.reports.shown, timeout=20_000) as shown:
        window.actions_by_name[action].trigger()
    path: Path = shown.args[0]
    assert path.exists() and path.with_suffix(".xlsx").exists()
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert expected in text.upper()
    viewer = window.findChild(PdfViewDialog)
    assert viewer is not None and viewer.isVisible() and viewer.page_count() >= 1
    assert viewer.print_button.isEnabled()
    viewer.reject()


def test_the_lpp_of_a_closed_shift_says_when_it_was_closed(
    qtbot: QtBot, window: MainWindow, branch: BranchDatabase, cashier: Actor
) -> None:
    count_cash(branch.writing(), cashier, CashCount(notes={100_000: 17}))
    closed = sign_off(branch.writing(), cashier, *SUPERVISOR)
    assert closed.closed_at is not None
    with qtbot.waitSignal(window.reports.shown, timeout=20_000) as shown:
        window.actions_by_name["report_lpp"].trigger()
    text = " ".join(page.extract_text() for page in PdfReader(shown.args[0]).pages)
    assert f"ditutup {tanggal_jam(closed.closed_at)}" in " ".join(text.split())
    window.findChild(PdfViewDialog).reject()
