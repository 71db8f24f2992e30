"""The counter window: search, the account screen and the work lists, keyboard-first.

The pages sit in a stack: customer search (start page), the account of one customer,
and the lists (overdue instalments, work orders, today's receipts). Shortcuts come
from :mod:`app.ui.shortcuts`; F5/F6/F7/F8 call the account page's ``enrol``,
``void``, ``reprint`` and ``pay`` when it has them. The search field has focus at start,
on every return and after every finished transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.services.branch_info import branch_overview
from app.services.shifts import current_shift
from app.ui.account.page import AccountPage
from app.ui.backup.actions import BackupActions
from app.ui.context import UiContext
from app.ui.lists import OverduePage, ReceiptsPage, WorkOrdersPage
from app.ui.report_actions import ReportActions
from app.ui.search.page import SearchPage
from app.ui.session.shift_dialogs import CloseShiftDialog, OpenShiftDialog
from app.ui.settings.counter_dialog import CounterSettingsActions
from app.ui.settings.preferences_dialog import SettingsDialog, UserSettings
from app.ui.shortcuts import ShortcutsDialog, shortcut
from app.ui.status_bar import CounterStatusBar
from app.ui.sync.actions import SyncActions
from app.ui.sync.dialogs import SyncServices

ACCOUNT_ACTIONS = ("enrol", "pay", "void", "reprint")
DESIGN_SIZE = QSize(1366, 768)
MINIMUM_SIZE = QSize(960, 560)
LIST_PAGES = ("overdue", "work_orders", "receipts")


class MainWindow(QMainWindow):
    """The signed-in cashier's window; ``logout_requested`` asks the shell to log out."""

    logout_requested = Signal()
    closing = Signal()

    def __init__(self, ctx: UiContext, settings: UserSettings | None = None,
                 parent: QWidget | None = None, sync: SyncServices | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or UserSettings(ctx.data_dir)
        self.overview = branch_overview(ctx.branch.reading())
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Loket — {self.overview.branch_name}")
        self.search = SearchPage(ctx)
        self.search.set_customer_count(self.overview.customers)
        self.account = AccountPage(ctx)
        self.lists: dict[str, QWidget] = {"overdue": OverduePage(ctx),
                                          "work_orders": WorkOrdersPage(ctx),
                                          "receipts": ReceiptsPage(ctx)}
        self.pages = QStackedWidget(objectName="pages")
        for page in (self.search, self.account, *self.lists.values()):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.status = CounterStatusBar(ctx, self.overview)
        self.setStatusBar(self.status)
        self.actions_by_name: dict[str, QAction] = {}
        self.sync = SyncActions(ctx, sync or SyncServices(), self)
        self.reports = ReportActions(ctx, self)
        self.sync.changed.connect(self._after_sync)
        self._build_menus()
        self.search.open_requested.connect(self.open_account)
        self.account.back_requested.connect(self.show_search)
        self.account.changed.connect(self.transaction_finished)
        self.account.notice.connect(self.search.show_notice)
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(DESIGN_SIZE)
        self.search.focus_field()

    # ------------------------------------------------------------------ menus
    def _action(self, name: str, text: str, slot: Callable[[], object],
                keys: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        sequence = keys if keys is not None else self._keys(name)
        if sequence:
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    @staticmethod
    def _keys(name: str) -> str:
        try:
            return shortcut(name).keys
        except KeyError:
            return ""

    def _build_menus(self) -> None:
        bar = self.menuBar()
        loket = bar.addMenu(self.tr("&Loket"))
        loket.addAction(self._action("settings", self.tr("&Settings…"), self.open_settings))
        self.counter_settings = CounterSettingsActions(self.ctx, self, loket, self._action)
        self.backups = BackupActions(self.ctx, self, loket, self._action)
        loket.addAction(self._action("logout", self.tr("&Log out"), self.logout_requested.emit))
        loket.addSeparator()
        loket.addAction(self._action("quit", self.tr("&Quit"), self.close))
        customer = bar.addMenu(self.tr("&Customer"))
        customer.addAction(self._action("search", self.tr("&Search customer"), self.show_search))
        customer.addAction(self._action("back", self.tr("&Back"), self.back))
        customer.addSeparator()
        texts = {"enrol": self.tr("&Enrol in the promotion…"),
                 "pay": self.tr("&Pay an instalment…"),
                 "void": self.tr("&Void a receipt…"),
                 "reprint": self.tr("&Reprint a receipt…")}
        for name in ACCOUNT_ACTIONS:
            customer.addAction(self._action(name, texts[name],
                                            lambda n=name: self.account_action(n)))
        shift = bar.addMenu(self.tr("S&hift"))
        shift.addAction(self._action("open_shift", self.tr("&Open shift…"),
                                     self.open_shift_dialog))
        shift.addAction(self._action("close_shift", self.tr("&Close shift (count cash)…"),
                                     self.close_shift_dialog))
        self._build_lists_menu(bar.addMenu(self.tr("L&ists")))
        reports = bar.addMenu(self.tr("&Reports"))
        reports.addAction(self._action("report_lpp", self.tr("&Daily receipts report (LPP)"),
                                       self.reports.daily_receipts))
        reports.addAction(self._action("report_progress", self.tr("&Programme progress"),
                                       self.reports.programme_progress))
        self._build_sync_menu(bar.addMenu(self.tr("S&ync")))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action("help", self.tr("&Keyboard shortcuts"),
                                         self.show_shortcuts))

    def _build_lists_menu(self, menu: QMenu) -> None:
        texts = {"overdue": self.tr("&Overdue instalments"),
                 "work_orders": self.tr("&Work orders"),
                 "receipts": self.tr("&Today's receipts")}
        for name in LIST_PAGES:
            menu.addAction(self._action(name, texts[name], lambda n=name: self.show_list(n)))

    def _build_sync_menu(self, menu: QMenu) -> None:
        sync = self.sync
        menu.addAction(self._action("sync", self.tr("&Sync now"), sync.sync_now))
        menu.addAction(self._action("register", self.tr("&Register counter…"), sync.register))
        menu.addSeparator()
        menu.addAction(self._action("export_bundle", self.tr("&Export bundle…"),
                                    sync.export_bundle))
        menu.addAction(self._action("import_reply", self.tr("&Import reply bundle…"),
                                    sync.import_reply))
        menu.addSeparator()
        menu.addAction(self._action("sync_review", self.tr("Rejected events && reconciliation…"),
                                    sync.review))
        menu.addAction(self._action("allow_payments", self.tr("&Allow payments after restore…"),
                                    sync.allow_payments))

    def _after_sync(self, state: str | None) -> None:
        """A sync or a bundle import ended: fresh counts in the status bar and the search."""
        self.status.set_sync_state(state)
        self.search.refresh()

    def show_fitted(self) -> None:
        """Maximised on a counter screen (1366×768 or smaller), else at that size."""
        available = self.screen().availableGeometry().size()
        if available.width() <= DESIGN_SIZE.width() or \
                available.height() <= DESIGN_SIZE.height():
            self.showMaximized()
        else:
            self.show()

    # --------------------------------------------------------------- pages
    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def show_search(self) -> None:
        """Back to the search page with the search field focused."""
        self.pages.setCurrentWidget(self.search)
        self.search.focus_field()

    def back(self) -> None:
        """Esc: leave the account or a list; on the search page clear the field."""
        if self.current_page() is self.search and self.search.field.text():
            self.search.clear()
        self.show_search()

    def open_account(self, connection_no: str) -> None:
        self.account.show_customer(connection_no)
        self.pages.setCurrentWidget(self.account)
        self.account.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self, name: str) -> None:
        page = self.lists[name]
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        self.pages.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def account_action(self, name: str) -> None:
        """F5/F6/F7/F8: the account page's action ``name`` if a customer is open."""
        if self.current_page() is not self.account:
            self.status.showMessage(self.tr("Open a customer first: search, then Enter."), 5000)
            return
        method = getattr(self.account, name, None)
        if callable(method):
            method()
        else:
            self.status.showMessage(self.tr("This action is not available yet."), 5000)

    def transaction_finished(self) -> None:
        """After any action on an account (payment, enrolment, void, reprint, change
        request): fresh figures, and the search cleared and focused for the next customer,
        so no other customer is selected for a stray Enter."""
        self.status.refresh()
        self.search.clear()
        self.show_search()

    # --------------------------------------------------------------- shifts
    def check_shift(self) -> QWidget | None:
        """After log-in: offer to open a shift, or say whose shift is open."""
        actor = self.ctx.actor
        if actor is None or not self.isVisible():
            return None
        shift = current_shift(self.ctx.branch.reading(), actor)
        if shift is None:
            return self.open_shift_dialog(offer=True)
        if shift.cashier != actor.username:
            return self.inform(self.tr("{cashier}'s shift is still open on this counter. You can "
                                       "search and view; to take payments, {cashier} must "
                                       "close that shift first.").format(cashier=shift.cashier),
                               "otherShiftMessage")
        if shift.state == "counted":
            self.status.showMessage(self.tr("Your cash count waits for a supervisor's "
                                            "sign-off (Shift → Close shift)."), 10000)
        return None

    def open_shift_dialog(self, offer: bool = False) -> QWidget:
        actor = self.ctx.signed_in()
        shift = current_shift(self.ctx.branch.reading(), actor)
        if shift is not None:
            return self.inform(self.tr("A shift is already open on this counter ({cashier})."
                                       ).format(cashier=shift.cashier), "shiftOpenMessage")
        dialog = OpenShiftDialog(self.ctx, self, offer=offer)
        self._open_dialog(dialog)
        return dialog

    def close_shift_dialog(self) -> QWidget:
        actor = self.ctx.signed_in()
        shift = current_shift(self.ctx.branch.reading(), actor)
        if shift is None:
            return self.inform(self.tr("No shift is open on this counter."), "noShiftMessage")
        if shift.state == "open" and shift.cashier != actor.username:
            return self.inform(self.tr("Only {cashier} can count the cash of their shift."
                                       ).format(cashier=shift.cashier), "otherShiftMessage")
        dialog = CloseShiftDialog(self.ctx, self)
        self._open_dialog(dialog)
        return dialog

    # --------------------------------------------------------------- dialogs
    def open_settings(self) -> QWidget:
        dialog = SettingsDialog(self.settings, self.ctx.signed_in().username, self.ctx.lang,
                                self)
        self._open_dialog(dialog)
        return dialog

    def show_shortcuts(self) -> QWidget:
        dialog = ShortcutsDialog(self)
        self._open_dialog(dialog)
        return dialog

    def inform(self, text: str, name: str) -> QMessageBox:
        """A non-blocking information message (Enter or Esc closes it)."""
        box = QMessageBox(QMessageBox.Icon.Information, "Loket", text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        self._open_dialog(box)
        return box

    def _open_dialog(self, dialog: QDialog) -> None:
        """Show ``dialog`` window-modal; afterwards refresh the status and refocus search."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._after_dialog)
        dialog.open()

    def _after_dialog(self, _result: int = 0) -> None:
        self.status.refresh()
        if self.current_page() is self.search:
            self.search.focus_field()

    # ---------------------------------------------------------------- misc
    def value_of(self, name: str) -> str:
        """The text of the label ``name`` (``statusUser``, ``statusShift``, ``searchCount`` …)."""
        label = self.findChild(QLabel, name)
        if label is None:
            raise KeyError(name)
        return label.text()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
