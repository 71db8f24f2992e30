"""Shared steps of the counter-trial tests: a language to run in, the two small screens."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QLocale, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.i18n import install_translator
from tests.support.ui_fit import misfits

SMALL = QSize(1024, 600)
DESIGN = QSize(1366, 768)


def language(qapp: QApplication, lang: str) -> Iterator[str]:
    """Run in ``lang`` and leave the application's translator and locale as found."""
    before = QLocale()
    translator = install_translator(qapp, lang)
    yield lang
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def assert_fits(qtbot: QtBot, window: QWidget, screen: QSize = SMALL) -> None:
    """``window`` (laid out, grown for what it shows) fits ``screen`` with every text whole."""
    qtbot.wait(20)  # the layout settles and the dialog grows for new lines
    found = misfits(window, screen)
    assert found == [], "\n".join(found)
