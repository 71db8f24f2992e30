"""The window and the admin CLI say the same amounts, as rupiah, in both languages, and
the same findings of the record checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.cli.output import Output
from app.services.error_words import error_text as cli_error_text
from app.services.errors import TEXTS, DomainError, ErrorCode
from app.services.finding_words import finding_text as cli_finding_text
from app.services.findings import Finding, FindingCode
from app.ui.error_text import error_text
from app.ui.finding_text import finding_text
from tests.support import ui_account_helpers as h

REFUSED = DomainError(ErrorCode.AMOUNT_ABOVE_BALANCE, amount=2_400_000, balance=1_200_000)


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    yield from h.indonesian(qapp)


def cli_says(error: DomainError, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``loket-admin`` prints for ``error`` (as its main loop does)."""
    Output(json_mode=False).error(error.code.value, error.message)
    return capsys.readouterr().err


def test_english_window_and_cli_say_the_same_sentence(
        qapp: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    said = error_text(REFUSED)
    assert said == "Rp 2.400.000 is more than the Rp 1.200.000 still owed."
    assert said in cli_says(REFUSED, capsys)


def test_indonesian_window_shows_the_cli_amounts(
        indonesian: None, capsys: pytest.CaptureFixture[str]) -> None:
    said = error_text(REFUSED)
    assert said != REFUSED.message  # translated …
    assert "Rp 2.400.000" in said and "Rp 1.200.000" in said  # … with the same amounts
    assert "Rp 2.400.000" in cli_says(REFUSED, capsys)
    too_much = error_text(DomainError(ErrorCode.TENDERED_TOO_LARGE, tendered=20_000_000_000,
                                      limit=10_000_000_000))
    assert "Rp 20.000.000.000" in too_much and "Rp 10.000.000.000" in too_much


def test_every_catalogue_sentence_is_translated(indonesian: None) -> None:
    words = {code: text for code, text in TEXTS.items() if text != "{file}: {problem}"}
    untranslated = [code for code, text in words.items()
                    if QCoreApplication.translate("Errors", text) == text]
    assert untranslated == [] and len(words) == len(ErrorCode) - 1


CHECKED = Finding.of(FindingCode.CHECK_FAILED, check=Finding.of(FindingCode.CHECK_AUDIT_CHAIN),
                     subject=Finding.of(FindingCode.AUDIT_RECORD, id=7),
                     detail=Finding.of(FindingCode.RECORD_CHANGED))


def test_the_window_says_a_finding_as_the_cli_does(indonesian: None) -> None:
    said = finding_text(CHECKED)
    assert said == "rantai audit: catatan audit 7: isinya telah diubah"
    assert said == cli_finding_text(CHECKED, "id")
    refused = error_text(DomainError(ErrorCode.BACKUP_CORRUPT, file="E:\\cadangan.sqlite3",
                                     problem=CHECKED))
    assert refused.endswith(": rantai audit: catatan audit 7: isinya telah diubah")
    assert refused == cli_error_text(DomainError(ErrorCode.BACKUP_CORRUPT,
                                                 file="E:\\cadangan.sqlite3", problem=CHECKED),
                                     "id")


def test_the_english_window_says_a_finding_in_english(qapp: QApplication) -> None:
    assert finding_text(CHECKED) == CHECKED.text == ("audit chain: audit record 7: its "
                                                     "contents were changed")
