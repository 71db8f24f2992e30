"""Small counter screens: every page and dialog fits 1024×600 and 1366×768 in both
languages with every text whole (tests/support/ui_fit_walk.py, on a screen of that size), and
the no-match text sits under the field instead of spreading over the page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.main_window import MainWindow
from tests.support.fakes import add_customer
from tests.support.ui_shell_helpers import make_context, search_for
from tests.support.ui_trial_helpers import SMALL, assert_fits, language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def walked() -> dict[str, dict[str, list[str]]]:
    """Every page and dialog, on both screens, in both languages (one run of the walk)."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-m", "tests.support.ui_fit_walk"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, dict[str, list[str]]] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("run", ["id 1024x600", "id 1366x768", "en 1024x600", "en 1366x768"])
def test_every_page_and_dialog_fits_the_screen(walked: dict[str, dict[str, list[str]]],
                                               run: str) -> None:
    pages = walked[run]
    for expected in ("account", "status bar, sync failed", "instalment (F8) with change",
                     "receipt preview", "void confirmation", "reprint (F7)",
                     "search, nothing found", "sync, running", "sync, failed with data kept",
                     "register counter",
                     "restore release", "unexpected error", "enrolment documents",
                     "LPP report", "progress report", "counter settings, printers chosen",
                     "backups", "backups, one checked", "register counter, head office unreachable",
                     "first run: summary", "save dialog (Qt's own)",
                     "instalment (F8), money received too large"):
        assert expected in pages, f"the walk did not reach {expected}"
    cut = {name: problems for name, problems in pages.items() if problems}
    assert cut == {}, json.dumps(cut, ensure_ascii=False, indent=1)


@pytest.fixture(params=["id", "en"])
def lang(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from language(qapp, request.param)


def test_the_no_match_text_stays_under_the_field(qtbot: QtBot, branch: BranchDatabase,
                                                 cashier: Actor, lang: str) -> None:
    add_customer(branch, "0103000451", name="Yohanes Ndun")
    ctx = make_context(branch, cashier)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(SMALL - QSize(8, 40))  # maximised above a taskbar, within the frame
    search_for(qtbot, window.search, "qqqqzzzz")
    caption = window.search.suggestion_caption
    assert caption.isVisible() and caption.text()
    lines = caption.heightForWidth(caption.width()) // caption.fontMetrics().lineSpacing()
    assert caption.height() <= (lines + 1) * caption.fontMetrics().lineSpacing() + 8, \
        "the text is spread over the page"
    assert caption.y() < window.search.height() // 3
    assert_fits(qtbot, window)
    ctx.tasks.wait()
