"""Today's receipts of this counter, voided ones marked, with totals by payment method."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.money import format_rupiah
from app.services.worklists import ReceiptLine, receipts_for_day
from app.ui.account.labels import METHODS, method_text, payment_kind_text
from app.ui.context import UiContext
from app.ui.i18n import format_count, format_date
from app.ui.lists.list_page import ListPage, RecordTable
from app.ui.lists.table_models import Column, Format, RecordTableModel, RowStyle

NAME_COLUMN = 3  # takes the room left over


@dataclass(frozen=True)
class ReceiptExportRow:
    """A receipt as exported: kind and method in words."""

    paid_at: dt.datetime
    receipt_no: str
    connection_no: str
    name: str
    kind: str
    method: str
    reference: str
    amount: int
    cashier: str
    voided: bool
    void_reason: str


def totals_by_method(lines: list[ReceiptLine]) -> dict[str, int]:
    """Amounts received per method (cash, transfer, qris), voided receipts left out."""
    totals = dict.fromkeys(METHODS, 0)
    for line in lines:
        if not line.voided:
            totals[line.method] = totals.get(line.method, 0) + line.amount
    return totals


class ReceiptsPage(ListPage):
    """Today's receipts of this counter; ``refresh()`` reloads it in the background.

    Enter on a row emits ``open_account`` with the customer's connection number.
    """

    open_account = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RecordTableModel[ReceiptLine] = RecordTableModel(
            self._columns(), self,
            row_style=lambda r: RowStyle(grey=True, strike=True) if r.voided else None)
        self._build()

    def _columns(self) -> list[Column[ReceiptLine]]:
        return [
            Column(self.tr("Time"), lambda r: r.paid_at, Format.TIME),
            Column(self.tr("Receipt no."), lambda r: r.receipt_no),
            Column(self.tr("Connection no."), lambda r: r.connection_no),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("For"), lambda r: r.kind, text=lambda r: payment_kind_text(r.kind)),
            Column(self.tr("Method"), lambda r: r.method, text=_method),
            Column(self.tr("Amount"), lambda r: r.amount, Format.RUPIAH),
            Column(self.tr("Cashier"), lambda r: r.cashier),
            Column(self.tr("Void"), lambda r: r.voided, text=self._void_text, styled=False),
        ]

    def _void_text(self, line: ReceiptLine) -> str:
        return self.tr("VOID: {reason}").format(reason=line.void_reason) if line.voided else ""

    def _build(self) -> None:
        self.title = QLabel(self.tr("Today's receipts"))
        self.title.setObjectName("pageTitle")
        self.title.setProperty("role", "heading")
        self.table = RecordTable()
        self.table.setObjectName("receiptsTable")
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by time
        self.table.rowActivated.connect(
            lambda row: self.open_account.emit(self.model.record(row).connection_no))
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Export CS&V…"))
        self.csv_button.setObjectName("exportCsv")
        self.csv_button.clicked.connect(lambda: self.export_to("csv"))
        self.xlsx_button = QPushButton(self.tr("Export &XLSX…"))
        self.xlsx_button.setObjectName("exportXlsx")
        self.xlsx_button.clicked.connect(lambda: self.export_to("xlsx"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)
        QWidget.setTabOrder(self.table, self.csv_button)
        QWidget.setTabOrder(self.csv_button, self.xlsx_button)
        self._show([])

    def business_date(self) -> dt.date:
        return self.ctx.branch.clock.now().date()

    def refresh(self) -> None:
        """Reload this counter's receipts of the business date, in the background."""
        actor, day, branch = self.ctx.actor, self.business_date(), self.ctx.branch
        if actor is None:
            self.cancel_loading()
            self.title.setText(self.tr("Today's receipts"))
            self._show([])
            self.say(self.tr("Log in to see the receipts of this counter."))
            return
        self.title.setText(self.tr("Today's receipts — counter {counter}, {day}").format(
            counter=actor.counter_code, day=format_date(day)))
        self.load(lambda: receipts_for_day(branch.reading(), actor.counter_id, day), self._show)
        self.table.setFocus()

    def _show(self, lines: list[ReceiptLine]) -> None:
        self.model.set_records(lines)
        self.table.fit_columns(NAME_COLUMN)
        self.table.select_first()
        totals = totals_by_method(lines)
        voided = sum(1 for x in lines if x.voided)
        parts = [f"{method_text(m)} {format_rupiah(amount)}" for m, amount in totals.items()]
        self.totals.setText(self.tr(
            "{count} receipts ({voided} voided) · {by_method} · Total {total}").format(
            count=format_count(len(lines)), voided=format_count(voided),
            by_method=" · ".join(parts), total=format_rupiah(sum(totals.values()))))
        self.csv_button.setEnabled(bool(lines))
        self.xlsx_button.setEnabled(bool(lines))

    def lines(self) -> list[ReceiptLine]:
        """The receipts shown, in the order shown."""
        return self.model.records()

    def export_to(self, kind: str) -> None:
        """Export the receipts shown to CSV or XLSX (kind and method in words)."""
        rows = [ReceiptExportRow(x.paid_at, x.receipt_no, x.connection_no, x.name,
                                 payment_kind_text(x.kind), method_text(x.method), x.reference,
                                 x.amount, x.cashier, x.voided, x.void_reason)
                for x in self.model.records()]
        headers = [self.tr("Paid at"), self.tr("Receipt no."), self.tr("Connection no."),
                   self.tr("Name"), self.tr("For"), self.tr("Method"), self.tr("Reference"),
                   self.tr("Amount"), self.tr("Cashier"), self.tr("Voided"),
                   self.tr("Void reason")]
        self.export(kind, rows, headers, self.tr("Receipts"),
                    self.tr("receipts-{day}").format(day=self.business_date()))


def _method(line: ReceiptLine) -> str:
    text = method_text(line.method)
    return f"{text} ({line.reference})" if line.reference else text
