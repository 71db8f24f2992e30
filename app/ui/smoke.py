"""``loket --smoke-test DIR``: prove a build works end to end, then exit 0.

Used on the frozen bundle in CI (``scripts/smoke_frozen.py``): a fresh demo branch in
``DIR``, a real payment and receipt PDF (``app.services.smoke``), then the log-in
window of that branch is shown for a moment. Any failure exits non-zero with the reason
on stderr and in ``DIR/logs/loket.log``.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.bootstrap import open_branch
from app.services.logs import configure_logging, stop_logging
from app.services.smoke import pay_and_print, prepare_demo
from app.ui.context import UiContext
from app.ui.qt_logging import install_qt_message_handler
from app.ui.session.flow import AppShell

SMOKE_OPTION = "--smoke-test"
SHOWN = "smoke: log-in window shown"
SHOW_MS = 300
log = logging.getLogger("loket.smoke")


def run_smoke_test(app: QApplication, data_dir: Path) -> int:
    """The smoke test; 0 when the receipt was made and the log-in window was shown.

    What happened is written to stderr (when there is one: a windowed Windows program
    has none) and to ``DIR/logs/loket.log``."""
    log_path = configure_logging(data_dir / "logs")
    install_qt_message_handler()
    try:
        prepare_demo(data_dir)
        branch = open_branch(data_dir)
        try:
            result = pay_and_print(branch, data_dir)
            _say(f"smoke: {result.cashier} took {result.amount} rupiah, receipt "
                 f"{result.receipt_no}: {result.pdf} ({result.pdf_bytes} bytes)")
            shown = _show_login(app, UiContext(branch))
        finally:
            branch.close()
        _say(SHOWN if shown else "smoke: FAILED: no log-in window")
        return 0 if shown else 1
    except Exception:
        log.exception("smoke test failed")
        _say(f"smoke: FAILED (details in {log_path})\n{traceback.format_exc()}")
        return 1
    finally:
        stop_logging()


def _show_login(app: QApplication, ctx: UiContext) -> bool:
    """Open the session's log-in dialog, let it paint, report whether it was visible."""
    shell = AppShell(ctx, offer_shift=False)
    dialog = shell.start()
    seen: list[bool] = []
    loop = QEventLoop()

    def look() -> None:
        seen.append(dialog.isVisible() and dialog.objectName() == "loginDialog")
        loop.quit()

    QTimer.singleShot(SHOW_MS, look)
    loop.exec()
    dialog.close()
    app.processEvents()
    ctx.tasks.wait()
    return seen == [True]


def _say(message: str) -> None:
    log.info("%s", message)
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)
