"""A long day of Qt calls must not abort Python (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import app.ui  # noqa: F401  (installs the fix)
from app.ui.qt_fixes import IMMORTAL_CUSHION, singletons_are_immortal

DAY_OF_WORK = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    {fix}
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    class Sender(QObject):
        changed = Signal(object)
    label, timer, sender = QLabel(), QTimer(), Sender()
    for i in range(30000):
        label.setText(str(i))
        timer.start(1000)
        timer.stop()
        sender.changed.emit(i)
    print("survived")
""")


def run_day(fix: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", DAY_OF_WORK.format(fix=fix)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(singletons_are_immortal(), reason="Python 3.12+ has no such defect")
def test_singletons_carry_the_cushion() -> None:
    for obj in (None, True, False):
        assert sys.getrefcount(obj) > IMMORTAL_CUSHION // 2


def test_a_day_of_qt_calls_survives_with_the_fix() -> None:
    result = run_day("import app.ui")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


def test_the_fix_is_needed_on_this_release() -> None:
    """Guards the fix: if PySide6 is upgraded to a sound release, this says so."""
    result = run_day("")
    if singletons_are_immortal():
        assert result.returncode == 0
    else:
        assert result.returncode != 0 and "dealloc" in result.stderr, (
            "PySide6 no longer drains None/True: app/ui/qt_fixes.py can go")
