"""A cashier at the real counter window, by keyboard only: the steps of a day's work.

Every key goes to the widget with the keyboard focus (``QTest``), as on a counter; each
step waits until its result is on screen. Searches are typed one key at a time with
the window's events handled between keys, so each keystroke starts its own background
search as it would for a cashier (the window drops the stale ones).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.account.enrol_dialog import EnrolDialog
from app.ui.account.enrolment_documents import EnrolmentDocumentsDialog
from app.ui.account.payment_dialog import PaymentDialog
from app.ui.account.reprint_dialog import ReprintDialog
from app.ui.account.void_dialog import VoidDialog
from app.ui.lists.list_page import ListPage
from app.ui.main_window import LIST_PAGES, MainWindow
from app.ui.sync.dialogs import SyncDialog
from app.ui.sync.register_dialog import RegisterDialog

TIMEOUT_S = 60.0
SUPERVISOR = ("spv1", "spv12345")
LIST_KEYS = {"overdue": Qt.Key.Key_1, "work_orders": Qt.Key.Key_2, "receipts": Qt.Key.Key_3}


@dataclass
class Tally:
    """What the cashier did so far."""

    searches: int = 0  # queries typed to their results (scans included)
    keystrokes: int = 0
    payments: int = 0
    enrolments: int = 0
    instalments: int = 0
    voids: int = 0
    reprints: int = 0
    list_views: int = 0
    syncs: int = 0
    receipts: list[str] = field(default_factory=list)


def wait_until(app: QApplication, done: Callable[[], bool], what: str) -> None:
    """Run an event loop until ``done()`` (checked after every 5 ms at most).

    A loop that runs (rather than ``processEvents`` called over and over) also deletes
    the objects given to ``deleteLater``, as the window's own loop does all day."""
    if done():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + TIMEOUT_S

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    wake = QTimer()
    wake.timeout.connect(check)
    wake.start(5)
    try:
        loop.exec()
    finally:
        wake.stop()
    if not done():
        raise TimeoutError(f"{what!r} did not happen in {TIMEOUT_S:.0f} s")


class Cashier:
    """Drives ``window`` through searches, payments, voids, reprints, lists and syncs."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app, self.window, self.tally = app, window, Tally()
        self.shown = ""  # the text whose results the search page showed last
        window.search.results_shown.connect(self._shown)

    def _shown(self, text: str) -> None:
        self.shown = text

    # --- keys ---------------------------------------------------------------------------
    def focused(self) -> QWidget:
        return self.app.focusWidget() or self.app.activeWindow() or self.window

    def type(self, text: str) -> None:
        """One key at a time, the window's events handled after each."""
        for char in text:
            QTest.keyClick(self.focused(), char)
            self.tally.keystrokes += 1
            self.app.processEvents()

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
              ) -> None:
        QTest.keyClick(self.focused(), key, modifier)
        self.tally.keystrokes += 1

    def wait(self, done: Callable[[], bool], what: str) -> None:
        try:
            wait_until(self.app, done, what)
        except TimeoutError as error:
            window = self.window
            raise TimeoutError(
                f"{error}: page {window.current_page().objectName()!r}, dialog "
                f"{window.account.flows.dialog!r}, focus {self.app.focusWidget()!r}, modal "
                f"{self.app.activeModalWidget()!r}, search busy {window.search.busy()}, "
                f"message {window.account.message.text()!r}") from None

    def at_search(self) -> bool:
        """Back at the search, its field focused, nothing open over the window."""
        window = self.window
        return (window.current_page() is window.search and window.account.flows.dialog is None
                and self.app.focusWidget() is window.search.field
                and not window.search.busy() and self.app.activeModalWidget() is None)

    def back_to_search(self) -> None:
        """The off-screen platform has no window manager to hand activation back to the
        window when a dialog closes; do what it would."""
        self.window.activateWindow()
        self.wait(lambda: self.app.focusWidget() is not None and self.at_search(),
                  "back at the search")

    # --- searching ----------------------------------------------------------------------
    def search(self, text: str) -> None:
        """Type ``text`` into the emptied search field; wait for its results."""
        page = self.window.search
        page.field.clear()
        self.type(text)
        self.tally.searches += 1
        self.wait(lambda: self.shown == text and not page.busy(), f"results for {text!r}")

    def scan(self, connection_no: str) -> None:
        """The scanner types the number and Enter; the account opens."""
        self.search(connection_no)
        account = self.window.account
        self.press(Qt.Key.Key_Return)
        self.wait(lambda: self.window.current_page() is account and not account.is_loading()
                  and account.account is not None
                  and account.account.customer.connection_no == connection_no,
                  f"account {connection_no}")

    # --- payments -----------------------------------------------------------------------
    def _pay(self, amount: Callable[[PaymentDialog], int]) -> str:
        """In the open payment dialog: the money received and Enter; the receipt number."""
        flows = self.window.account.flows
        self.wait(lambda: isinstance(flows.dialog, PaymentDialog) and flows.dialog.isVisible()
                  and self.app.focusWidget() is flows.dialog.tendered, "payment dialog")
        pay = flows.dialog
        assert isinstance(pay, PaymentDialog)
        self.type(str(amount(pay)))
        self.press(Qt.Key.Key_Return)
        self.wait(lambda: pay.receipt is not None, "payment saved")
        assert pay.receipt is not None
        self.tally.payments += 1
        self.tally.receipts.append(pay.receipt.receipt_no)
        return pay.receipt.receipt_no

    def enrol(self, connection_no: str, print_documents: bool) -> str:
        """Scan, F5, Enter on the quote, the down payment rounded up to Rp 50.000 and
        Enter; then the agreement and work order printed (Enter) or left for later (Esc)."""
        self.scan(connection_no)
        flows = self.window.account.flows
        self.press(Qt.Key.Key_F5)
        self.wait(lambda: isinstance(flows.dialog, EnrolDialog) and flows.dialog.quote is not None
                  and flows.dialog.confirm.isEnabled(), "quote")
        self.press(Qt.Key.Key_Return)
        receipt = self._pay(lambda pay: ((pay.amount.amount() or 0) // 50_000 + 1) * 50_000)
        documents = flows.enrolment_documents
        self.wait(lambda: isinstance(documents.dialog, EnrolmentDocumentsDialog)
                  and documents.dialog.isVisible(), "documents offered")
        dialog = documents.dialog
        assert dialog is not None
        printing = print_documents and dialog.print_button.isEnabled()
        QTest.keyClick(dialog, Qt.Key.Key_Return if printing else Qt.Key.Key_Escape)
        self.wait(lambda: documents.dialog is None, "documents dialog closed")
        self.tally.enrolments += 1
        self.back_to_search()
        return receipt

    def pay_instalment(self, connection_no: str) -> str:
        """Scan, F8, the instalment due and Enter."""
        self.scan(connection_no)
        self.press(Qt.Key.Key_F8)
        receipt = self._pay(lambda pay: pay.amount.amount() or 0)
        self.tally.instalments += 1
        self.back_to_search()
        return receipt

    def void_latest(self, connection_no: str) -> None:
        """Scan, F6, a reason and the supervisor's name and password, Enter; Enter again
        on the confirmation."""
        self.scan(connection_no)
        flows = self.window.account.flows
        self.press(Qt.Key.Key_F6)
        self.wait(lambda: isinstance(flows.dialog, VoidDialog) and flows.dialog.isVisible()
                  and self.app.focusWidget() is flows.dialog.reason, "void dialog")
        self.type("salah ketik nominal")
        for text in SUPERVISOR:
            self.press(Qt.Key.Key_Tab)
            self.type(text)
        self.press(Qt.Key.Key_Return)
        self.wait(lambda: isinstance(flows.voided_box, QMessageBox)
                  and flows.voided_box.isVisible(), "void confirmed")
        box = flows.voided_box
        assert box is not None
        QTest.keyClick(box, Qt.Key.Key_Return)
        self.tally.voids += 1
        self.back_to_search()

    def reprint_latest(self, connection_no: str) -> None:
        """Scan, F7, Enter on the receipt offered; wait until the printer answered."""
        self.scan(connection_no)
        flows = self.window.account.flows
        before = flows.last_print
        self.press(Qt.Key.Key_F7)
        self.wait(lambda: isinstance(flows.dialog, ReprintDialog) and flows.dialog.isVisible()
                  and self.app.focusWidget() is flows.dialog.receipts, "reprint dialog")
        self.press(Qt.Key.Key_Return)
        self.wait(lambda: flows.last_print is not before, "copy handed to the printer")
        self.tally.reprints += 1
        self.back_to_search()

    # --- lists and sync -----------------------------------------------------------------
    def look_at_lists(self) -> None:
        """Ctrl+1, Ctrl+2, Ctrl+3: each list loaded; then Esc back to the search."""
        for name in LIST_PAGES:
            page = self.window.lists[name]
            self.press(LIST_KEYS[name], Qt.KeyboardModifier.ControlModifier)
            self.wait(lambda p=page: self.window.current_page() is p and isinstance(p, ListPage)
                      and not p.busy, f"list {name}")
            self.tally.list_views += 1
        self.press(Qt.Key.Key_Escape)
        self.back_to_search()

    def register(self, url: str, code: str) -> None:
        """Sync → Register counter: the address and the one-time code, Enter; Enter again
        on "registered"."""
        self.window.actions_by_name["register"].trigger()
        dialog = self.window.findChild(RegisterDialog, "registerDialog")
        assert dialog is not None
        QTest.keyClicks(dialog.url, url)
        QTest.keyClicks(dialog.code, code)
        QTest.keyClick(dialog.code, Qt.Key.Key_Return)
        sync = self.window.sync
        self.wait(lambda: (sync.message is not None and sync.message.isVisible())
                  or not dialog.busy, "registered")
        if dialog.result_ is None:
            raise RuntimeError(f"registration refused: {dialog.message.text()}")
        self.wait(lambda: sync.message is not None and sync.message.isVisible(), "told")
        told = sync.message
        assert told is not None and told.objectName() != "syncRefused", told.text()
        QTest.keyClick(told, Qt.Key.Key_Return)
        self.back_to_search()

    def sync(self) -> str:
        """F12; wait until the sync ended; Esc. What the dialog said."""
        self.press(Qt.Key.Key_F12)
        self.wait(lambda: any(d.isVisible() and not d.running
                              for d in self.window.findChildren(SyncDialog)), "sync finished")
        dialog = next(d for d in self.window.findChildren(SyncDialog) if d.isVisible())
        said = dialog.message.text()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        self.tally.syncs += 1
        self.back_to_search()
        return said
