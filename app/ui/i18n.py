"""Qt translations: Bahasa Indonesia by default, English second.

Source strings in the code are English (``self.tr("Pay")``); ``resources/i18n/loket_id.ts``
holds the Indonesian text and is compiled to ``loket_id.qm`` (``python scripts/i18n.py``).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def translations_dir() -> Path:
    """``resources/i18n`` next to the source tree, or inside a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources" / "i18n"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load ``loket_<lang>.qm`` into ``app``; English needs none (it is the source)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {LANGUAGES}")
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id"
                               else QLocale.Language.English))
    if lang == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"loket_{lang}.qm")):
        return None
    app.installTranslator(translator)
    return translator


def current_language() -> str:
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


def format_date(day: dt.date, lang: str | None = None) -> str:
    """``24 November 2025`` with the month named in the UI language."""
    return f"{day.day} {_MONTHS[lang or current_language()][day.month - 1]} {day.year}"


def format_count(count: int) -> str:
    """``17.405``: counts are grouped like rupiah (``Rp 2.100.000``) in both languages.

    One grouping for every number on the counter: the money is Indonesian and is always
    written ``Rp 2.100.000`` (on screen, receipts and reports), so the English window
    groups its counts with the same dot rather than put ``17,405`` beside it.
    """
    return f"{count:,}".replace(",", ".")
