"""The account screen of one customer (status, arrears, plan, payments, actions).

Everything is loaded through the task runner, so the window never waits on the
database. The actions (enrol F5, pay F8, void F6, reprint F7, back Esc) are methods the
main window binds to its keys, and buttons that name those keys.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.documents.archive import ArchivedDocument
from app.services.ledger.accounts import Account
from app.services.money import format_rupiah
from app.ui.account import labels
from app.ui.account.actions import AccountActions
from app.ui.account.cells import LineCells
from app.ui.account.change_request_dialog import PendingChangeNote
from app.ui.account.docs import LoadedAccount, load_account, ready_account_loading
from app.ui.account.models import (
    BillsModel,
    DocumentsModel,
    InstalmentsModel,
    PaymentsModel,
    WorkOrdersModel,
)
from app.ui.account.readying import HiddenPageReadier
from app.ui.context import UiContext
from app.ui.i18n import format_date
from app.ui.kit.widgets import (
    MessageLine,
    StatusBadge,
    copyable,
    error_message,
    make_table,
    report_unexpected,
)
from app.ui.style import PLAN_COLOURS, STATUS_COLOURS, Look, set_look
from app.ui.tasks import Cancel

log = logging.getLogger(__name__)
STACK_BELOW_WIDTH = 1200
"""Narrower than this (a 1024×600 screen), the tables stack in one column."""
PAINT_WHILE_LOADING_MS = 150
"""A new customer's page is painted once loaded, or after this long if loading is slow."""


class _Body(QWidget):
    """The scrolled part of the page: as tall as the screen allows, scrolled only when
    its minimum (three rows a table) is taller. Without this, the wrapping labels would
    make the scroll area size it to its preferred height and scroll on any screen."""

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, _width: int) -> int:
        return -1  # the scroll area asks anyway; its minimum and the viewport decide


class AccountPage(QWidget):
    """Shows one customer's account. ``back_requested`` returns to search; ``changed``
    fires after a transaction (the main window then puts focus back in search)."""

    back_requested = Signal()
    changed = Signal()  # after ``notice``
    loaded = Signal()  # a load finished: the account is shown, or the message says why not
    notice = Signal(str)  # one line on what a transaction did (for the status bar)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.connection_no = ""
        self.account: Account | None = None
        self.documents: tuple[ArchivedDocument, ...] = ()
        self._loading: Cancel | None = None
        self._labels: dict[str, QLabel] = {}  # the value labels by name
        self.readier: HiddenPageReadier | None = None  # from ``prepare``
        self._last_customer_shown = False  # a new customer is loading, the last one's
        # figures still in the page's widgets (not painted: see ``show_customer``)
        self._paint_anyway = QTimer(self, singleShot=True, interval=PAINT_WHILE_LOADING_MS)
        self._paint_anyway.timeout.connect(self._paint_again)
        self.setObjectName("accountPage")
        set_look(self, Look.ACCOUNT_PAGE)
        self.bills_model = BillsModel(self)
        self.instalments_model = InstalmentsModel(self)
        self.payments_model = PaymentsModel(self)
        self.orders_model = WorkOrdersModel(self)
        self.documents_model = DocumentsModel(self)
        self._build()
        self.flows = AccountActions(ctx, self, self.message, lambda: self.account)
        self.flows.reload_wanted.connect(self.reload)
        self.flows.notice.connect(self.notice.emit)
        self.flows.changed.connect(self.changed.emit)
        self._enable_actions()

    # --- building -------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._header())
        body = _Body(self)
        body.setObjectName("accountBody")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("accountScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        # The page's background shows through both (the same colour): an opaque body or
        # viewport would be painted on its own and then again with the window, twice in
        # every repaint of the page.
        body.setAutoFillBackground(False)
        self.scroll_area.viewport().setAutoFillBackground(False)
        layout.addWidget(self.scroll_area, 1)
        self._build_body(QVBoxLayout(body))
        self.message = MessageLine(self)
        self.message.setObjectName("accountMessage")
        layout.addWidget(self.message)
        layout.addLayout(self._action_bar())

    def _build_body(self, layout: QVBoxLayout) -> None:
        """Cards, notes and tables: scrolled on a small screen, where the tables stack."""
        layout.setContentsMargins(0, 0, 0, 0)
        cards = QHBoxLayout()
        cards.addWidget(self._customer_box(), 3)
        cards.addWidget(self._arrears_box(), 2)
        cards.addWidget(self._plan_box(), 3)
        layout.addLayout(cards)
        self.refusal_note = QLabel(self)  # head office refused the plan: why, what to do
        self.refusal_note.setObjectName("planRefusalNote")
        self.refusal_note.setWordWrap(True)
        set_look(self.refusal_note, Look.REFUSAL_NOTE)
        self.refusal_note.hide()
        layout.addWidget(self.refusal_note)
        self.change_note = PendingChangeNote(self)
        layout.addWidget(self.change_note)
        self.grid = QGridLayout()
        self.bills_table = make_table(self.bills_model, "billsTable", self)
        self.schedule_table = make_table(self.instalments_model, "scheduleTable", self)
        self.payments_table = make_table(self.payments_model, "paymentsTable", self)
        self.orders_table = make_table(self.orders_model, "workOrdersTable", self)
        self.documents_table = make_table(self.documents_model, "documentsTable", self)
        for table in (self.bills_table, self.schedule_table, self.payments_table,
                      self.orders_table, self.documents_table):
            table.setItemDelegate(LineCells(table))
        self.documents_table.activated.connect(self._open_document)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._boxed(self.tr("Open work orders"), self.orders_table), 1)
        side_layout.addWidget(self._boxed(self.tr("Documents (Enter opens)"),
                                          self.documents_table), 2)
        self.table_boxes = (self._boxed(self.tr("Arrears by period"), self.bills_table),
                            self._boxed(self.tr("Instalment schedule"), self.schedule_table),
                            self._boxed(self.tr("Payments"), self.payments_table), side)
        self.stacked = False
        self.plan_first = False  # an active plan: its schedule and payments go on top
        self._arranged: tuple[bool, tuple[QWidget, ...]] | None = None
        self._arrange_tables()
        layout.addLayout(self.grid, 1)

    def _arrange_tables(self, stacked: bool | None = None,
                        plan_first: bool | None = None) -> None:
        """Two columns of tables on a wide screen; one below the other (each the full
        width, so no column is cut) on a narrow one, what the cashier acts on first on
        top: an active plan's schedule and payments, else the arrears by period. The
        boxes move only when their places change, and are laid out at once (no jump)."""
        if stacked is not None:
            self.stacked = stacked
        if plan_first is not None:
            self.plan_first = plan_first
        bills, schedule, payments, side = self.table_boxes
        order = ((schedule, payments, bills, side) if self.stacked and self.plan_first
                 else self.table_boxes)
        if (self.stacked, order) == self._arranged:
            return
        self._arranged = (self.stacked, order)
        for box in self.table_boxes:
            self.grid.removeWidget(box)
        for index, box in enumerate(order):
            row, column = (index, 0) if self.stacked else divmod(index, 2)
            self.grid.addWidget(box, row, column)
        self.grid.setColumnStretch(0, 1 if self.stacked else 3)
        self.grid.setColumnStretch(1, 0 if self.stacked else 2)
        for row in range(4):
            self.grid.setRowStretch(row, 1 if self.stacked or row < 2 else 0)
        if plan_first is not None:  # another customer's order: in place before a paint
            self.grid.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_tables(stacked=event.size().width() < STACK_BELOW_WIDTH)
        super().resizeEvent(event)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("accountTitle")
        set_look(self.title, Look.TITLE)
        self.status_badge = StatusBadge(self)
        self.status_badge.setObjectName("statusBadge")
        self.plan_badge = StatusBadge(self)
        self.plan_badge.setObjectName("planBadge")
        row.addWidget(self.title)
        row.addSpacing(12)
        row.addWidget(self.status_badge)
        row.addWidget(self.plan_badge)
        row.addStretch(1)
        return row

    def _value(self, name: str, role: str = "value") -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setProperty("role", role)
        label.setWordWrap(True)  # a long address or programme wraps, never cut
        self._labels[name] = label
        return copyable(label)  # right-click, Copy: the phone or meter number, say

    def _form_box(self, title: str, rows: tuple[tuple[str, str], ...],
                  role: str = "value") -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setVerticalSpacing(2)
        for name, caption in rows:
            form.addRow(caption, self._value(name, role))
        return box

    def _customer_box(self) -> QGroupBox:
        return self._form_box(self.tr("Customer"), (
            ("connectionNo", self.tr("Connection no.")),
            ("customerName", self.tr("Name")),
            ("customerAddress", self.tr("Address")),
            ("customerKelurahan", self.tr("Kelurahan")),
            ("customerTariff", self.tr("Tariff / meter")),
            ("customerPhone", self.tr("Phone")),
        ))

    def _arrears_box(self) -> QGroupBox:
        box = self._form_box(self.tr("Arrears"), (
            ("arrearsTotal", self.tr("Bills")),
            ("penaltyTotal", self.tr("Penalty")),
        ))
        form = box.layout()
        assert isinstance(form, QFormLayout)
        form.addRow(self.tr("Total due"), self._value("totalDue", "total"))
        self.bill_count = QLabel(box)
        self.bill_count.setObjectName("billCount")
        form.addRow(self.bill_count)
        return box

    def _plan_box(self) -> QGroupBox:
        box = self._form_box(self.tr("Promotion"), (
            ("planProgramme", self.tr("Programme")),
            ("planAmountDue", self.tr("Amount due")),
            ("planPaid", self.tr("Amount paid")),
            ("planBalance", self.tr("Balance")),
            ("planNextDue", self.tr("Next due")),
        ))
        self.plan_box = box
        return box

    def _boxed(self, title: str, table: QTableView) -> QGroupBox:
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(table)
        return box

    def _action_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.enrol_button = self._button("enrolButton", self.tr("F5 Enrol"), self.enrol)
        self.pay_button = self._button("payButton", self.tr("F8 Pay instalment"), self.pay)
        self.void_button = self._button("voidButton", self.tr("F6 Void"), self.void)
        self.reprint_button = self._button("reprintButton", self.tr("F7 Reprint"),
                                           self.reprint)
        self.change_button = self._button("changeRequestButton",
                                          self.tr("Request data change…"), self.request_change)
        self.back_button = self._button("backButton", self.tr("Esc Back"),
                                        self.back_requested.emit)
        for button in (self.enrol_button, self.pay_button, self.void_button,
                       self.reprint_button, self.change_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        return row

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- loading --------------------------------------------------------------------
    def prepare(self) -> None:
        """Ready the page for the first customer while the cashier counts the float: one
        account is read in the background and dropped (its statements compiled, the
        reading connection's cache warm), and the page, still hidden, is laid out and
        drawn off screen at the window's size (again if the window is resized), so the
        first scan of the day reads and paints as quickly as the next (a failure to read
        is only logged: the first scan shows it)."""
        branch = self.ctx.branch
        self.ctx.tasks.run(lambda _cancel: ready_account_loading(branch),
                           lambda _ready: None,
                           lambda error: log.warning("readying the account page failed: %s",
                                                     error))
        if self.readier is None:
            self.readier = HiddenPageReadier(self)
        self.readier.ready()

    def show_customer(self, connection_no: str) -> None:
        """Show ``connection_no``'s account (loaded in the background)."""
        if connection_no != self.connection_no or not self.isVisible():
            # Not painted until the account is there (an empty page, or the figures the
            # page had when last shown, would be painted for nothing a few milliseconds
            # before the loaded ones), unless loading is slow.
            self.setUpdatesEnabled(False)
            self._paint_anyway.start()
            self.scroll_area.verticalScrollBar().setValue(0)  # the page starts at the top
        if connection_no != self.connection_no:
            self.account = None
            self._last_customer_shown = True  # until loaded, or painted without (see below)
            self.message.clear_message()
        self.connection_no = connection_no
        self.reload()

    def reload(self) -> None:
        """Load the account on screen again (after a payment or a void)."""
        if self._loading is not None:
            self._loading.cancel()
        self._enable_actions()
        branch, number = self.ctx.branch, self.connection_no
        self._loading = self.ctx.tasks.run(lambda _cancel: load_account(branch, number),
                                           self._loaded, self._load_failed)

    def is_loading(self) -> bool:
        return self._loading is not None

    def _paint_again(self) -> None:
        self._paint_anyway.stop()
        if self.account is None:  # loading is slow, or failed: nothing of the last customer
            self._forget_last_customer()
        self.setUpdatesEnabled(True)

    def _forget_last_customer(self) -> None:
        """Empty what still shows the last customer, before the page is painted without
        the new one's account. Not done at once: a new customer's account usually comes
        before the first paint and fills every part anew, and emptying them first would
        lay the page out once more for nothing."""
        if not self._last_customer_shown:
            return
        self._last_customer_shown = False
        self.title.setText(self.connection_no)
        for label in (*self._labels.values(), self.bill_count):
            label.setText("")
        self.plan_box.setTitle(self.tr("Promotion"))
        self.status_badge.hide()
        self.plan_badge.hide()
        self.refusal_note.hide()
        self.change_note.clear_requests()
        for model in (self.bills_model, self.instalments_model, self.payments_model,
                      self.orders_model, self.documents_model):
            model.set_rows(())

    def _load_failed(self, error: BaseException) -> None:
        self._loading = None
        self._paint_again()
        text = error_message(error)
        if text is None:
            report_unexpected(self, error)
        else:
            self.message.show_message(text, "error")
        self._enable_actions()
        self.loaded.emit()

    def _loaded(self, loaded: LoadedAccount) -> None:
        self._loading = None
        self._last_customer_shown = False  # every part is filled anew below
        self.account, self.documents = loaded.account, loaded.documents
        self._show(loaded.account)
        self.documents_model.set_rows(loaded.documents)
        self.change_note.show_requests(loaded.change_requests)
        self._enable_actions()
        self._paint_again()
        self.loaded.emit()

    def _show(self, account: Account) -> None:
        c = account.customer
        self.title.setText(c.name)
        self.status_badge.show_state(labels.status_text(c.status),
                                     STATUS_COLOURS.get(c.status))
        self._set("connectionNo", c.connection_no)
        self._set("customerName", c.name)
        self._set("customerAddress", self.tr("{address}, RT {rt}/RW {rw}").format(
            address=c.address, rt=c.rt, rw=c.rw))
        self._set("customerKelurahan", f"{c.kelurahan}, {c.kecamatan}")
        self._set("customerTariff", f"{c.tariff_group} · {c.meter_no}")
        self._set("customerPhone", c.phone or "–")
        self._set("arrearsTotal", format_rupiah(account.arrears))
        self._set("penaltyTotal", format_rupiah(account.penalty))
        self._set("totalDue", format_rupiah(account.total_due))
        self.bill_count.setText(self.tr("Unpaid bills: {n}").format(n=len(account.open_bills)))
        self._show_plan(account)
        self.bills_model.set_rows(account.open_bills)
        self.payments_model.set_rows(account.payments)
        self.orders_model.set_rows(account.work_orders)

    def _show_plan(self, account: Account) -> None:
        plan = account.enrolment
        self._arrange_tables(plan_first=plan is not None and plan.payable)
        refusal = labels.refusal_text(plan) if plan else ""
        self.refusal_note.setText(refusal)
        self.refusal_note.setVisible(bool(refusal))
        if plan is None:
            self.plan_badge.hide()
            elsewhere = account.office_enrolment
            self.plan_box.setTitle(labels.office_enrolment_title(elsewhere.branch) if elsewhere
                                   else self.tr("Promotion: not enrolled"))
            for name in ("planProgramme", "planAmountDue", "planPaid", "planBalance",
                         "planNextDue"):
                self._set(name, "–")
            self.instalments_model.set_rows(())
            return
        self.plan_badge.show_state(labels.plan_state_text(plan.state),
                                   PLAN_COLOURS.get(plan.state))
        self.plan_box.setTitle(self.tr("Promotion"))
        self._set("planProgramme", self.tr("{name} (since {day})").format(
            name=plan.programme_name, day=format_date(plan.enrolled_on)))
        self._set("planAmountDue", format_rupiah(plan.amount_due))
        self._set("planPaid", format_rupiah(plan.paid_total))
        self._set("planBalance", format_rupiah(plan.balance))
        self._set("planNextDue", format_date(plan.next_due) if plan.next_due else "–")
        self.instalments_model.set_rows(plan.instalments)

    def _set(self, name: str, text: str) -> None:
        self._labels[name].setText(text)

    def value_of(self, name: str) -> str:
        """The text of value label ``name`` (``totalDue``, ``planBalance`` …)."""
        label = self.findChild(QLabel, name)
        if label is None:
            raise KeyError(name)
        return label.text()

    def _enable_actions(self) -> None:
        account = None if self._loading is not None else self.account
        plan = account.enrolment if account else None
        paid = [p for p in account.payments if not p.voided] if account else []
        self.enrol_button.setEnabled(account is not None)
        self.pay_button.setEnabled(plan is not None and plan.payable)
        self.void_button.setEnabled(bool(paid))
        self.reprint_button.setEnabled(bool(account and account.payments))
        self.change_button.setEnabled(account is not None)

    # --- selection ------------------------------------------------------------------
    def selected_receipt(self, voidable_only: bool = False) -> str | None:
        """The selected payment row's receipt, else the latest (not voided) one."""
        if self.account is None:
            return None
        rows = self.payments_table.selectionModel().selectedRows()
        if rows:
            line = self.payments_model.row_at(rows[0].row())
            if not (voidable_only and line.voided):
                return line.receipt_no
        lines = [p for p in self.account.payments if not (voidable_only and p.voided)]
        return lines[0].receipt_no if lines else None

    def _open_document(self, index: QModelIndex) -> None:
        if index.isValid():
            doc = self.documents_model.row_at(index.row())
            self.flows.show_pdf(doc.path, labels.document_text(doc))

    # --- actions (the main window binds F5 / F8 / F6 / F7 to these) -------------------
    def enrol(self) -> None:
        """F5: the promotion quote, then the down payment."""
        if self.account is not None and self._loading is None:
            self.flows.enrol(self.account)

    def pay(self) -> None:
        """F8: pay towards the active instalment plan."""
        if self.account is not None and self._loading is None:
            self.flows.pay(self.account)

    def void(self) -> None:
        """F6: void a receipt with a supervisor's approval."""
        if self.account is not None and self._loading is None:
            self.flows.void(self.account, self.selected_receipt(voidable_only=True))

    def request_change(self) -> None:
        """Ask head office to change the customer's phone, address or name."""
        if self.account is not None and self._loading is None:
            self.flows.request_change(self.account)

    def reprint(self) -> None:
        """F7: print the selected receipt again, marked SALINAN; with none selected,
        ask which (never the newest, or a voided one, without saying so)."""
        if self.account is None or self._loading is not None:
            return
        rows = self.payments_table.selectionModel().selectedRows()
        if rows:
            self.flows.reprint(self.payments_model.row_at(rows[0].row()).receipt_no)
        elif self.account.payments:
            self.flows.ask_reprint(self.account)
