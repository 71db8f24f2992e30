"""Walk every page and dialog of the counter window on one screen and list what is cut off.

``python -m tests.support.ui_fit_walk [--lang id] [--lang en]`` runs on two screens side by
side, 1024×600 and 1366×768 (the offscreen platform is told them), opens the counter
window on each and prints a JSON map from each language and screen to each page or
dialog and its misfits (see :mod:`tests.support.ui_fit`); an empty list means it fits. The
branch is a small demo branch whose featured customer is enrolled, has paid an
instalment and had one voided, so every table has rows.

To add a dialog, write an opener ``(walk) -> QWidget`` that opens it the way the
cashier does (usually through the window) and add it to ``_dialogs`` or to
:func:`tests.support.ui_fit_more.openers`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QRect, QSize, QThread
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tests.support.ui_fit import misfits

SCREENS = (QSize(1024, 600), QSize(1366, 768))
DESIGN_WIDTH = 1366  # from here up the account page shows everything without scrolling


def platform_for(screens: tuple[QSize, ...], folder: Path) -> str:
    """The offscreen platform with these screens side by side (a Qt config file)."""
    config, left, shown = folder / "screens.json", 0, []
    for number, size in enumerate(screens):
        shown.append({"name": f"counter{number}", "x": left, "y": 0, "width": size.width(),
                      "height": size.height(), "logicalDpi": 96, "logicalBaseDpi": 96,
                      "dpr": 1})
        left += size.width()
    config.write_text(json.dumps({"screens": shown}))
    return f"offscreen:configfile={config}"


class Walk:
    """The counter window of a signed-in cashier, and the means to wait for it."""

    def __init__(self, app: QApplication, folder: Path) -> None:
        from app.bootstrap import open_branch
        from app.services.clock import FixedClock
        from app.services.demo.branch import FEATURED_CONNECTION_NO, create_demo_branch
        from app.services.ledger.enrolment import EnrolRequest, enrol_and_pay
        from app.services.ledger.instalments import InstalmentRequest, pay_instalment
        from app.services.ledger.payments import Tender
        from app.services.ledger.voids import VoidRequest, void_payment
        from app.services.shifts import open_shift
        from app.services.users import log_in
        from app.ui.account.docs import payment_documents
        from app.ui.context import UiContext
        from app.ui.main_window import MainWindow

        self.app, self.folder = app, folder
        data_dir = folder / "demo"
        create_demo_branch(data_dir, customers=300)
        self.branch = open_branch(data_dir, clock=FixedClock(dt.datetime(2025, 11, 24, 9, 12)))
        actor = log_in(self.branch.writing(), "kasir1", "kasir123")
        open_shift(self.branch.writing(), actor, 500_000)
        self.customer = FEATURED_CONNECTION_NO
        down = enrol_and_pay(self.branch.writing(), actor, EnrolRequest(
            self.customer, 3, Tender(1_200_000, 1_250_000)))
        self.receipt = payment_documents(self.branch, down).receipt
        for _ in range(2):
            paid = pay_instalment(self.branch.writing(), actor, InstalmentRequest(
                self.customer, Tender(400_000, 400_000)))
        void_payment(self.branch.writing(), actor, VoidRequest(
            paid.receipt_no, "salah ketik jumlah uang yang diterima dari pelanggan",
            "spv1", "spv12345"))
        self.ctx = UiContext(self.branch, actor)
        self.window = MainWindow(self.ctx)

    def on_screen(self, screen: QScreen) -> None:
        """A fresh counter window, shown as Loket shows it, on ``screen``."""
        from app.ui.main_window import MainWindow
        self.window.close()
        self.window.deleteLater()
        self.window = MainWindow(self.ctx)
        self.window.setScreen(screen)
        self.window.move(screen.availableGeometry().topLeft())
        self.window.show_fitted()
        self.settle()

    def wait_for(self, done: Callable[[], bool], ms: int = 10_000) -> None:
        deadline = QDeadlineTimer(ms)
        while not done():
            if deadline.hasExpired():
                raise TimeoutError("the window did not get there in time")
            self.app.processEvents()
            QThread.msleep(5)

    def settle(self) -> None:
        for _ in range(20):
            self.app.processEvents()
            QThread.msleep(2)

    def account(self) -> QWidget:
        self.window.open_account(self.customer)
        self.wait_for(lambda: self.window.account.account is not None
                      and not self.window.account.is_loading())
        return self.window

    def account_dialog(self, action: Callable[[], object]) -> QWidget:
        self.account()
        action()
        self.settle()
        dialog = self.window.account.flows.dialog
        assert dialog is not None
        return dialog

    def sync_failed(self) -> QWidget:
        """The window after a sync head office refused: the status bar says so."""
        self.window.status.set_sync_state("failed")
        self.settle()
        return self.window

    def search(self, text: str) -> QWidget:
        search = self.window.search
        search.field.setText(text)
        search.search_now()
        self.wait_for(lambda: not search.busy())
        return self.window


def _pages(walk: Walk) -> dict[str, Callable[[], QWidget]]:
    window = walk.window
    return {
        "search": lambda: walk.search("yohanes"),
        "search, nothing found": lambda: walk.search("qqqqqzzzz"),
        "account": walk.account,
        "status bar, sync failed": lambda: walk.sync_failed(),
        "overdue list": lambda: (window.show_list("overdue"), window)[1],
        "work-order list": lambda: (window.show_list("work_orders"), window)[1],
        "receipts list": lambda: (window.show_list("receipts"), window)[1],
    }


def _dialogs(walk: Walk) -> dict[str, Callable[[], QWidget]]:
    from app.ui.pdf_view import PdfViewDialog
    from app.ui.session.login_dialog import LoginDialog
    from tests.support.ui_fit_more import openers

    window, page = walk.window, walk.window.account

    def enrol() -> QWidget:
        dialog = walk.account_dialog(page.enrol)
        walk.wait_for(lambda: getattr(dialog, "quote", None) is not None)
        return dialog

    def instalment() -> QWidget:
        from app.ui.account.payment_dialog import PaymentDialog
        dialog = walk.account_dialog(page.pay)
        assert isinstance(dialog, PaymentDialog)
        dialog.tendered.setText(str((dialog.amount.amount() or 0) + 50_000))
        return dialog

    def void_done() -> QWidget:
        from app.services.ledger.voids import VoidResult
        walk.account()
        line = next(p for p in page.account.payments if p.voided)  # type: ignore[union-attr]
        page.flows.confirm_void(VoidResult(line.receipt_no, "", line.kind, line.amount,
                                           "active", None, None), ["", ""])
        box = page.flows.voided_box
        assert isinstance(box, QMessageBox)
        return box

    def work_order_done() -> QWidget:
        from app.services.ledger.workorders import list_work_orders
        from app.ui.lists.work_order_done_dialog import WorkOrderDoneDialog
        orders = list_work_orders(walk.branch.reading(), None)
        return WorkOrderDoneDialog(walk.ctx, orders[0], window)

    def first_run() -> QWidget:
        from app.ui.first_run.wizard import FirstRunWizard
        wizard = FirstRunWizard(walk.folder / "new", walk.folder / "demo-new", printers=[])
        return on_window_screen(wizard, window)

    def counter_settings() -> QWidget:
        from app.ui.settings.counter_dialog import CounterSettingsDialog
        return CounterSettingsDialog(walk.ctx, window, installed=["EPSON TM-T82"])

    def backups() -> QWidget:
        from app.ui.backup.list_dialog import BackupsDialog
        return BackupsDialog(walk.ctx, window)

    def register() -> QWidget:
        from app.ui.sync.dialogs import SyncServices
        from app.ui.sync.register_dialog import RegisterDialog
        return RegisterDialog(walk.ctx, SyncServices(), window)

    return {
        "log-in": lambda: on_window_screen(LoginDialog(walk.branch), window),
        "first-run wizard": first_run,
        "counter settings": counter_settings,
        "backups": backups,
        "register counter": register,
        "work order done": work_order_done,
        "open shift": lambda: window.open_shift_dialog(offer=True),
        "close shift": window.close_shift_dialog,
        "keyboard shortcuts": window.show_shortcuts,
        "settings": window.open_settings,
        "enrolment quote": enrol,
        "instalment (F8) with change": instalment,
        "void (F6)": lambda: walk.account_dialog(page.void),
        "void confirmation": void_done,
        "reprint (F7)": lambda: walk.account_dialog(page.reprint),
        "change request": lambda: walk.account_dialog(page.request_change),
        "receipt preview": lambda: PdfViewDialog(walk.receipt, "Kuitansi", "Kembalian: Rp 0",
                                                 window),
        **{name: (lambda opener=opener: opener(walk)) for name, opener in openers().items()},
    }


def on_window_screen(dialog: QDialog, window: QWidget) -> QDialog:
    """A parentless dialog shown centred on ``window``'s screen."""
    dialog.setScreen(window.screen())
    dialog.adjustSize()
    dialog.move(window.screen().availableGeometry().center() - dialog.rect().center())
    return dialog


def run(walk: Walk, screen: QRect) -> dict[str, list[str]]:
    """Every page and dialog on ``screen``: what does not fit in each."""
    found: dict[str, list[str]] = {}
    for name, open_it in {**_pages(walk), **_dialogs(walk)}.items():
        shown = open_it()
        if not shown.isVisible():
            shown.show()
        walk.settle()
        found[name] = misfits(shown, screen)
        scrolled = walk.window.account.scroll_area.verticalScrollBar().maximum()
        if name == "account" and screen.width() >= DESIGN_WIDTH and scrolled:
            found[name].append(f"the account page scrolls ({scrolled} px) on a "
                               f"{screen.width()}-pixel screen")
        if isinstance(shown, QDialog) and shown is not walk.window:
            shown.done(0)
            walk.settle()
    return found


def main() -> None:
    """Print {"<lang> <W>x<H>": {page or dialog: [misfits]}} for every screen and language."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", help="id and/or en (default both)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="loket-fit-"))
    os.environ["QT_QPA_PLATFORM"] = platform_for(SCREENS, folder)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    from app.ui.i18n import install_translator
    from app.ui.style import apply_style

    app = QApplication(sys.argv[:1])
    apply_style(app)
    walk = Walk(app, folder)
    found: dict[str, dict[str, list[str]]] = {}
    for lang in args.lang or ["id", "en"]:
        translator = install_translator(app, lang)
        for screen in app.screens():
            walk.on_screen(screen)
            size = screen.geometry().size()
            found[f"{lang} {size.width()}x{size.height()}"] = run(walk, screen.geometry())
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
    walk.window.close()
    walk.ctx.tasks.wait()
    walk.branch.close()
    print(json.dumps(found, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
