"""The error catalogue and the record checks' findings in Bahasa Indonesia for the
command lines: every code has its sentence, the same as the window's translation, with
the same placeholders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.services import findings
from app.services.error_words import ADMIN_INDONESIAN, INDONESIAN, error_text
from app.services.errors import ADMIN_TEXTS, TEXTS, DomainError, ErrorCode
from app.services.finding_words import INDONESIAN as FINDINGS_INDONESIAN
from app.services.sync import problem_words

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "loket_id.ts"


def placeholders(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


def window_translations(name: str = "Errors") -> dict[str, str]:
    """The Indonesian of the window's context ``name``, by English source text."""
    found: dict[str, str] = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") == name:
            for message in context.iter("message"):
                found[message.findtext("source") or ""] = message.findtext("translation") or ""
    return found


def test_every_code_is_said_in_indonesian_as_the_window_says_it() -> None:
    window = window_translations()
    assert set(INDONESIAN) == set(TEXTS)
    for code, english in TEXTS.items():
        assert INDONESIAN[code] == window[english], code


def test_the_indonesian_sentences_fill_the_same_placeholders() -> None:
    for code, english in TEXTS.items():
        assert placeholders(INDONESIAN[code]) == placeholders(english), code
    assert set(ADMIN_INDONESIAN) <= set(ADMIN_TEXTS)
    for code, indonesian in ADMIN_INDONESIAN.items():
        assert placeholders(indonesian) == placeholders(ADMIN_TEXTS[code]), code


@pytest.mark.parametrize(("error", "indonesian", "english"), [
    (DomainError(ErrorCode.AMOUNT_ABOVE_BALANCE, amount=2_400_000, balance=1_200_000),
     "Rp 2.400.000 melebihi sisa tagihan Rp 1.200.000.",
     "Rp 2.400.000 is more than the Rp 1.200.000 still owed."),
    (DomainError(ErrorCode.DATE_INVALID, text="besok"),
     "'besok' bukan tanggal (tulis TTTT-BB-HH).", "'besok' is not a date (use YYYY-MM-DD)."),
    (DomainError(ErrorCode.NOT_AUTHORISED, username="kasir", action="void a payment"),
     "'kasir' tidak berwenang melakukan ini.", "'kasir' may not void a payment."),
])
def test_error_text_says_the_admin_sentence_in_the_language(
        error: DomainError, indonesian: str, english: str) -> None:
    assert error_text(error, "id") == indonesian
    assert error_text(error, "en") == english == error.message


def test_every_finding_is_said_in_indonesian_as_the_window_says_it() -> None:
    window = window_translations(findings.CONTEXT)
    assert set(FINDINGS_INDONESIAN) == set(findings.TEXTS) == set(findings.FindingCode)
    for code, english in findings.TEXTS.items():
        assert FINDINGS_INDONESIAN[code] == window[english], code
        assert placeholders(FINDINGS_INDONESIAN[code]) == placeholders(english), code


def test_the_details_of_sync_errors_are_said_in_indonesian_as_the_window_says_them() -> None:
    window = window_translations(problem_words.CONTEXT)
    assert set(problem_words.INDONESIAN) == set(window)
    for english, indonesian in problem_words.INDONESIAN.items():
        assert window[english] == indonesian, english
