"""Screenshots of the log-in, the customer search and the blind shift close for the docs.

``python scripts/shell_screens.py [OUT_DIR]`` builds the demo branch in a temporary
folder and drives the real session with keystrokes: log in as ``kasir1``, open the
shift on a Rp 500.000 float, search, then count the drawer and record the count.
It saves ``screen-login.png``, ``screen-search.png``, ``screen-shift-count.png`` and
``screen-shift-close.png``. Run it under Xvfb (``xvfb-run -s "-screen 0 1366x768x24"``).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, Qt, QThread
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_branch  # noqa: E402
from app.services.demo.branch import create_demo_branch  # noqa: E402
from app.ui.context import UiContext  # noqa: E402
from app.ui.i18n import install_translator  # noqa: E402
from app.ui.session.flow import AppShell  # noqa: E402
from app.ui.session.shift_dialogs import CloseShiftDialog, OpenShiftDialog  # noqa: E402
from app.ui.style import apply_style  # noqa: E402


def wait_for(app: QApplication, done: Callable[[], bool], ms: int = 10_000) -> None:
    """Process events until ``done()`` (background tasks report through the event loop)."""
    deadline = QDeadlineTimer(ms)
    while not done():
        if deadline.hasExpired():
            raise TimeoutError("the screen did not get there in time")
        app.processEvents()
        QThread.msleep(10)


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        QThread.msleep(5)


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(path)


def type_into(field: QLineEdit, text: str, enter: bool = False) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)
    if enter:
        QTest.keyClick(field, Qt.Key.Key_Return)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, "id")
    apply_style(app)
    data_dir = Path(tempfile.mkdtemp()) / "demo"
    create_demo_branch(data_dir)
    branch = open_branch(data_dir)
    ctx = UiContext(branch, lang="id")
    shell = AppShell(ctx)

    login = shell.start()
    type_into(login.user, "kasir1")
    type_into(login.password, "kasir123")
    grab(app, login, out / "screen-login.png")
    QTest.keyClick(login.password, Qt.Key.Key_Return)
    window = shell.window
    assert window is not None
    wait_for(app, lambda: window.findChild(OpenShiftDialog) is not None)
    offer = window.findChild(OpenShiftDialog)
    assert offer is not None
    type_into(offer.float_edit, "500.000", enter=True)
    window.activateWindow()  # without a window manager nobody hands the focus back
    wait_for(app, lambda: window.search.field.hasFocus())

    type_into(window.search.field, "yohanes")
    wait_for(app, lambda: window.search.model.rowCount() > 0 and not window.search.busy())
    QTest.keyClick(window.search.field, Qt.Key.Key_Down)
    grab(app, window, out / "screen-search.png")

    dialog = window.close_shift_dialog()
    assert isinstance(dialog, CloseShiftDialog)
    for field, pieces in zip(dialog.note_fields, ("3", "2", "4", "1", "", "3", "4"), strict=True):
        type_into(field, pieces)
    type_into(dialog.coins, "1500")
    grab(app, dialog, out / "screen-shift-count.png")
    dialog.record_count()
    type_into(dialog.supervisor, "spv1")
    grab(app, dialog, out / "screen-shift-close.png")

    dialog.close()
    window.close()
    ctx.tasks.wait()
    branch.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
