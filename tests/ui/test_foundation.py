"""The counter window's building blocks: translations, amount field, error text, tasks."""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.errors import DomainError, ErrorCode
from app.ui.error_text import error_text
from app.ui.i18n import install_translator, translations_dir
from app.ui.kit.money_edit import MoneyEdit
from app.ui.tasks import Cancel, TaskRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "id")
    assert translator is not None, "loket_id.qm is missing: run python scripts/i18n.py compile"
    yield
    QCoreApplication.removeTranslator(translator)
    install_translator(qapp, "en")


def test_every_ui_string_has_an_indonesian_translation(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    sys.modules["i18n_script"] = script
    spec.loader.exec_module(script)
    ts = translations_dir() / "loket_id.ts"
    assert script.unfinished(ts) == []
    [fresh] = script.compile_qm(tmp_path)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "recompile the .qm"


def test_errors_read_in_indonesian_by_default(indonesian: None) -> None:
    error = DomainError(ErrorCode.CUSTOMER_NOT_FOUND, connection_no="123")
    assert error_text(error) == "Tidak ada pelanggan dengan nomor sambungan '123'."


def test_errors_read_in_english_when_chosen(qapp: QApplication) -> None:
    install_translator(qapp, "en")
    assert error_text(DomainError(ErrorCode.SHIFT_NOT_OPEN)) == (
        "Open a shift before taking payments.")


@pytest.mark.parametrize(("typed", "amount"), [
    ("2400000", 2_400_000), ("2.400.000", 2_400_000), ("Rp 2.400.000", 2_400_000),
    ("2,4 jt", 2_400_000), ("400 rb", 400_000),
])
def test_amount_field_accepts_what_cashiers_type(qtbot: QtBot, typed: str, amount: int) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.amount() == amount and edit.problem() == ""
    edit.editingFinished.emit()
    assert edit.text() == f"{amount:,}".replace(",", ".")


@pytest.mark.parametrize("typed", ["2,4", "abc", "-5", "2,400", "1e6", "99999999999999"])
def test_amount_field_refuses_anything_else(qtbot: QtBot, typed: str) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.amount() is None
    assert edit.problem()  # a sentence, shown as the tooltip
    assert edit.toolTip() == edit.problem()


def test_tasks_run_off_the_ui_thread_and_report_back(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    seen: list[object] = []

    def work(cancel: Cancel) -> int:
        seen.append(threading.get_ident())
        return 42

    results: list[int] = []
    runner.run(work, results.append, pytest.fail)
    qtbot.waitUntil(lambda: results == [42], timeout=3000)
    assert seen and seen[0] != ui_thread


def test_cancelled_task_results_are_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    results: list[int] = []
    cancel = runner.run(lambda c: gate.wait(2) and 1, results.append, pytest.fail)
    cancel.cancel()
    gate.set()
    assert runner.wait(3000)
    qtbot.wait(50)
    assert results == []


def test_task_errors_reach_the_ui(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom(cancel: Cancel) -> None:
        raise DomainError(ErrorCode.BAD_CREDENTIALS)

    runner.run(boom, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=3000)
    assert isinstance(errors[0], DomainError)
