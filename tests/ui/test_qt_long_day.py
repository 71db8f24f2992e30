"""A long day of Qt calls must not abort Python.

PySide6 6.12.0 drains one reference from ``None``/``True`` per call on Python 3.11; on
3.12+ those objects are immortal, which is why Loket needs Python 3.12 or newer. This runs
a day's worth of such calls in a fresh interpreter with no workaround of any kind.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

DAY_OF_WORK = textwrap.dedent("""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
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


def test_a_day_of_qt_calls_survives_without_any_patch() -> None:
    result = subprocess.run([sys.executable, "-c", DAY_OF_WORK],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
