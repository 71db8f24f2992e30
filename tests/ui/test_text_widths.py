"""Texts' widths measured once in a font, for sizing table columns."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from app.ui.kit.columns import TextWidths, text_widths


def test_widths_are_those_qt_measures_and_each_text_is_measured_once(
        qapp: QApplication) -> None:
    font = QFont(qapp.font())
    metrics = QFontMetricsF(font)
    texts = ["Rp 2.400.000", "Januari 2025", "Rp 0", "Rp 2.400.000", "WWW", "iii"]
    widths = TextWidths(font)
    assert widths.of(texts) == [metrics.horizontalAdvance(text) for text in texts]
    assert sorted(widths.known) == sorted(set(texts))  # each once
    assert widths.of(["iii"]) == [metrics.horizontalAdvance("iii")]


def test_only_the_most_recently_used_widths_are_kept(qapp: QApplication) -> None:
    widths = TextWidths(QFont(qapp.font()), kept=3)
    widths.of(["a", "b", "c"])
    widths.of(["a"])  # used again: kept
    widths.of(["d"])
    assert list(widths.known) == ["c", "a", "d"]


def test_tables_in_the_same_font_share_their_widths_and_another_font_has_its_own(
        qapp: QApplication) -> None:
    font = QFont(qapp.font())
    bold = QFont(font)
    bold.setBold(True)
    assert text_widths(font) is text_widths(QFont(font))
    assert text_widths(bold) is not text_widths(font)
    assert text_widths(bold).of(["Rp 2.400.000"]) > text_widths(font).of(["Rp 2.400.000"])
