"""The window paints on its own thread: Qt's GUI thread pool is switched off before the
application object is made, so a large fill starts no threads (Qt would hand it to its
pool and wait)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.paint_threads import KEEP_POOL_VARIABLE, QT_VARIABLE, paint_on_the_ui_thread

# A fresh process fills a large area with a translucent colour (one span a line, 600
# lines: Qt splits such a fill across its GUI pool, as it does a style's shading) and
# prints how many threads it has before and after.
PAINTER = """
import os, sys
sys.path.insert(0, sys.argv[1])
from app.ui.paint_threads import paint_on_the_ui_thread
if sys.argv[2] == "app":
    paint_on_the_ui_thread()
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
app = QApplication(["paint"])
def threads():
    return len(os.listdir("/proc/self/task"))
before = threads()
image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
for _ in range(5):
    painter.fillRect(image.rect(), QColor(51, 102, 204, 128))
painter.end()
print(before, threads())
"""


def _threads_around_a_fill(mode: str, **env: str) -> tuple[int, int]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in (QT_VARIABLE, KEEP_POOL_VARIABLE)}
    environment.update(env, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", PAINTER, str(root), mode], env=environment,
                          capture_output=True, text=True, timeout=60, check=True)
    before, after = done.stdout.split()
    return int(before), int(after)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                    reason="counts the process's threads in /proc (Linux)")
def test_a_large_fill_starts_no_threads_in_the_app_but_does_in_plain_qt() -> None:
    plain_before, plain_after = _threads_around_a_fill("plain")
    assert plain_after > plain_before, "this Qt no longer hands fills to a thread pool"
    app_before, app_after = _threads_around_a_fill("app")
    assert app_after == app_before


def test_switched_off_unless_asked_to_keep_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(QT_VARIABLE, raising=False)
    monkeypatch.setenv(KEEP_POOL_VARIABLE, "1")
    assert paint_on_the_ui_thread() is False
    assert QT_VARIABLE not in os.environ
    monkeypatch.delenv(KEEP_POOL_VARIABLE)
    assert paint_on_the_ui_thread() is True
    assert os.environ[QT_VARIABLE] == "1"
