"""Seal work orders: the orders out in the field, marking them done, printing the SPK,
exporting the list to CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.documents.archive import ArchivedDocument
from app.services.documents.indonesian import work_order_reason
from app.services.documents.printing import issue_work_order
from app.services.ledger.workorders import WorkOrderInfo, list_work_orders
from app.ui.account.labels import status_text, work_order_kind_text
from app.ui.context import UiContext
from app.ui.i18n import current_language, format_count
from app.ui.lists.list_page import ListPage, RecordTable
from app.ui.lists.table_models import Column, Format, RecordTableModel
from app.ui.lists.work_order_done_dialog import WorkOrderDoneDialog
from app.ui.pdf_view import PdfViewDialog

ADDRESS_COLUMN = 3  # takes the room left over
ISSUED_AT_COLUMN = 8
CLOSED_COLUMNS = (9, 10, 11)  # state, done on, field officer: hidden for issued orders


@dataclass(frozen=True)
class WorkOrderExportRow:
    """A work order as exported: the work, reason and state in words, as on screen."""

    number: str
    work: str
    customer_name: str
    connection_no: str
    address: str
    kelurahan: str
    meter_no: str
    phone: str
    reason: str
    issued_at: dt.datetime
    state: str
    done_on: dt.date | str  # "" while the order is open (an empty cell, not "None")
    field_officer: str


class WorkOrdersPage(ListPage):
    """Seal work orders; ``refresh()`` reloads it in the background.

    Enter on an issued order opens "Mark done…", on a closed one the customer's account
    (``open_account``). "Print SPK" saves the SPK to the archive and shows it;
    ``document_ready`` then fires with the archived document.
    """

    open_account = Signal(str)
    document_ready = Signal(object)  # ArchivedDocument

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._orders: list[WorkOrderInfo] = []
        self.dialog: WorkOrderDoneDialog | None = None
        self.model: RecordTableModel[WorkOrderInfo] = RecordTableModel(self._columns(), self)
        self._build()

    def _states(self) -> dict[str, str]:
        return {"issued": self.tr("Issued"), "done": self.tr("Done"),
                "cancelled": self.tr("Cancelled")}

    def _columns(self) -> list[Column[WorkOrderInfo]]:
        states = self._states()
        return [
            Column(self.tr("Number"), lambda o: o.number),
            Column(self.tr("Work"), lambda o: o.kind, text=lambda o: work_order_kind_text(o.kind)),
            Column(self.tr("Customer"), lambda o: o.customer_name,
                   tooltip=lambda o: o.connection_no),
            Column(self.tr("Address"), lambda o: o.address),
            Column(self.tr("Kelurahan"), lambda o: o.kelurahan),
            Column(self.tr("Meter no."), lambda o: o.meter_no),
            Column(self.tr("Phone"), lambda o: o.phone),
            Column(self.tr("Reason"), lambda o: o.reason, text=_reason, tooltip=_reason),
            Column(self.tr("Issued at"), lambda o: o.issued_at, Format.DATETIME),
            Column(self.tr("State"), lambda o: o.state,
                   text=lambda o: states.get(o.state, o.state)),
            Column(self.tr("Done on"), lambda o: o.done_on, Format.DATE),
            Column(self.tr("Field officer"), lambda o: o.field_officer),
        ]

    def _build(self) -> None:
        title = QLabel(self.tr("Seal work orders"))
        title.setObjectName("pageTitle")
        title.setProperty("role", "heading")
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        for caption, value in ((self.tr("Issued"), "issued"), (self.tr("Done"), "done"),
                               (self.tr("Cancelled"), "cancelled"), (self.tr("All"), None)):
            self.state.addItem(caption, value)
        self.state.currentIndexChanged.connect(lambda _i: self._reload())
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(self.tr("Number, name, connection no. or kelurahan"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(max(280, self.filter.fontMetrics().horizontalAdvance(
            self.filter.placeholderText()) + 40))  # the hint whole, beside the clear button
        self.filter.textChanged.connect(lambda _t: self._show_filtered())
        self.table = RecordTable()
        self.table.setObjectName("workOrdersTable")
        self.table.setModel(self.model)
        self.table.sortByColumn(ISSUED_AT_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.rowActivated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.count = QLabel()
        self.count.setObjectName("total")
        self.done_button = self._button(self.tr("&Mark done…"), "markDone", self.mark_done)
        self.print_button = self._button(self.tr("&Print SPK"), "printSpk", self.print_spk)
        self.account_button = self._button(self.tr("Open &account"), "openAccount",
                                           self._open_selected)
        self.csv_button = self._button(self.tr("Export CS&V…"), "exportCsv",
                                       lambda: self.export_to("csv"))
        self.xlsx_button = self._button(self.tr("Export &XLSX…"), "exportXlsx",
                                        lambda: self.export_to("xlsx"))
        self._lay_out(title)
        self._enable()

    def _button(self, caption: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(caption)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _lay_out(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        for caption, field in ((self.tr("&State:"), self.state), (self.tr("&Find:"),
                                                                  self.filter)):
            label = QLabel(caption)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in (self.done_button, self.print_button, self.account_button,
                       self.csv_button, self.xlsx_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.setFocusProxy(self.filter)  # showing the page puts the cursor in the filter
        self.filter.returnPressed.connect(self.table.activate_current)
        chain = (self.state, self.filter, self.table, self.done_button, self.print_button,
                 self.account_button, self.csv_button, self.xlsx_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- loading -------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the orders of the chosen state, in the background; focus the filter."""
        self._reload()
        self.filter.setFocus()

    def _reload(self) -> None:
        state = self.state.currentData()
        branch = self.ctx.branch
        for column in CLOSED_COLUMNS:
            self.table.setColumnHidden(column, state == "issued")
        self.load(lambda: list_work_orders(branch.reading(), state), self._show)

    def _show(self, orders: list[WorkOrderInfo]) -> None:
        self._orders = orders
        self._show_filtered()
        self.table.fit_columns(ADDRESS_COLUMN, widest=240)

    def _show_filtered(self) -> None:
        needle = self.filter.text().strip().casefold()
        shown = [o for o in self._orders if not needle or any(
            needle in text.casefold()
            for text in (o.number, o.customer_name, o.connection_no, o.kelurahan))]
        self.model.set_records(shown)
        self.table.select_first()
        self.count.setText(self.tr("{count} work orders").format(count=format_count(len(shown))))
        self._enable()

    def orders(self) -> list[WorkOrderInfo]:
        """The orders shown, in the order shown."""
        return self.model.records()

    def selected(self) -> WorkOrderInfo | None:
        row = self.table.current_row()
        return self.model.record(row) if row is not None else None

    def _enable(self) -> None:
        order = self.selected()
        self.done_button.setEnabled(order is not None and order.state == "issued"
                                    and self.ctx.actor is not None)
        self.print_button.setEnabled(order is not None)
        self.account_button.setEnabled(order is not None)
        has_rows = self.model.rowCount() > 0
        self.csv_button.setEnabled(has_rows)
        self.xlsx_button.setEnabled(has_rows)

    def export_to(self, kind: str) -> None:
        """Export the orders shown (filtered, in the order shown) to CSV or XLSX."""
        states = self._states()
        rows = [WorkOrderExportRow(
            o.number, work_order_kind_text(o.kind), o.customer_name, o.connection_no,
            o.address, o.kelurahan, o.meter_no, o.phone, _reason(o), o.issued_at,
            states.get(o.state, o.state), o.done_on or "", o.field_officer)
            for o in self.model.records()]
        headers = [self.tr("Number"), self.tr("Work"), self.tr("Customer"),
                   self.tr("Connection no."), self.tr("Address"), self.tr("Kelurahan"),
                   self.tr("Meter no."), self.tr("Phone"), self.tr("Reason"),
                   self.tr("Issued at"), self.tr("State"), self.tr("Done on"),
                   self.tr("Field officer")]
        self.export(kind, rows, headers, self.tr("Work orders"),
                    self.tr("work-orders-{day}").format(
                        day=self.ctx.branch.clock.now().date()))

    # --- actions -------------------------------------------------------------------
    def _activated(self, row: int) -> None:
        order = self.model.record(row)
        if order.state == "issued" and self.ctx.actor is not None:
            self.mark_done()
        else:
            self.open_account.emit(order.connection_no)

    def _open_selected(self) -> None:
        order = self.selected()
        if order is not None:
            self.open_account.emit(order.connection_no)

    def mark_done(self) -> None:
        """Open the "done" dialog for the selected issued order (window-modal, not blocking)."""
        order = self.selected()
        if order is None or order.state != "issued" or self.ctx.actor is None:
            return
        dialog = WorkOrderDoneDialog(self.ctx, order, self)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: WorkOrderDoneDialog) -> None:
        info = dialog.result_info
        self.dialog = None
        dialog.deleteLater()
        self.table.setFocus()
        if info is None:
            return
        done = self.tr("Work order {number} is done; {customer} is now {status}.").format(
            number=info.number, customer=info.customer_name,
            status=status_text("active" if info.kind == "unseal" else "sealed"))
        branch, state = self.ctx.branch, self.state.currentData()

        def show(orders: list[WorkOrderInfo]) -> None:
            self._show(orders)
            self.say(done)

        self.load(lambda: list_work_orders(branch.reading(), state), show)

    def print_spk(self) -> None:
        """Make the SPK of the selected order in the background, archive it and show it."""
        order = self.selected()
        if order is None:
            return
        branch, data_dir, number = self.ctx.branch, self.ctx.data_dir, order.number
        self.say(self.tr("Preparing SPK {number}…").format(number=number))
        self.ctx.tasks.run(
            lambda _c: issue_work_order(branch.reading(), data_dir, number).archived,
            self._document_made, self.failed)

    def _document_made(self, archived: ArchivedDocument) -> None:
        self.say(self.tr("SPK {number} saved to {file}").format(number=archived.number,
                                                                 file=archived.path))
        viewer = PdfViewDialog(archived.path, self.tr("SPK {number}").format(
            number=archived.number), parent=self)
        viewer.finished.connect(lambda _result: viewer.deleteLater())
        viewer.open()
        self.document_ready.emit(archived)


def _reason(order: WorkOrderInfo) -> str:
    """The stored reason, in Indonesian when the window speaks it."""
    return work_order_reason(order.reason) if current_language() == "id" else order.reason
