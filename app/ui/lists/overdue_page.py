"""Overdue instalments (collection calls): who to phone, longest overdue first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.money import format_rupiah
from app.services.worklists import OverdueLine, overdue_instalments
from app.ui.context import UiContext
from app.ui.i18n import format_count
from app.ui.lists.date_field import DateField
from app.ui.lists.list_page import ListPage, RecordTable
from app.ui.lists.table_models import Column, Format, RecordTableModel

ADDRESS_COLUMN = 3  # takes the room left over
DAYS_COLUMN = 8


class OverduePage(ListPage):
    """Overdue instalments (collection calls); ``refresh()`` reloads it in the background.

    Enter on a row emits ``open_account`` with the customer's connection number.
    """

    open_account = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._lines: list[OverdueLine] = []
        self.model: RecordTableModel[OverdueLine] = RecordTableModel(self._columns(), self)
        self._build()
        self.table.sortByColumn(DAYS_COLUMN, Qt.SortOrder.DescendingOrder)

    def _columns(self) -> list[Column[OverdueLine]]:
        return [
            Column(self.tr("Connection no."), lambda r: r.connection_no),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Address"), lambda r: r.address),
            Column(self.tr("Kelurahan"), lambda r: r.kelurahan),
            Column(self.tr("Instalment"), lambda r: r.instalment, Format.COUNT),
            Column(self.tr("Due date"), lambda r: r.due_date, Format.DATE),
            Column(self.tr("Outstanding"), lambda r: r.outstanding, Format.RUPIAH),
            Column(self.tr("Days overdue"), lambda r: r.days_overdue, Format.COUNT),
        ]

    def _build(self) -> None:
        title = QLabel(self.tr("Overdue instalments"))
        title.setObjectName("pageTitle")
        title.setProperty("role", "heading")
        self.as_of = DateField(self._business_date())
        self.as_of.setObjectName("asOf")
        today = self._business_date()
        self.as_of.set_range(today.replace(year=today.year - 10),
                             today.replace(year=today.year + 5))
        self.as_of.dateChanged.connect(lambda _d: self._reload())  # once typed in full
        self.as_of.refused.connect(lambda text: self.say(text, problem=True))
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(self.tr("Name or kelurahan"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._show_filtered())
        self.table = RecordTable()
        self.table.setObjectName("overdueTable")
        self.table.setModel(self.model)
        self.table.rowActivated.connect(self._open)
        self.total = QLabel()
        self.total.setObjectName("total")
        self.csv_button = QPushButton(self.tr("Export CS&V…"))
        self.csv_button.setObjectName("exportCsv")
        self.csv_button.clicked.connect(lambda: self.export_to("csv"))
        self.xlsx_button = QPushButton(self.tr("Export &XLSX…"))
        self.xlsx_button.setObjectName("exportXlsx")
        self.xlsx_button.clicked.connect(lambda: self.export_to("xlsx"))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        for caption, field in ((self.tr("&As of:"), self.as_of), (self.tr("&Filter:"),
                                                                   self.filter)):
            label = QLabel(caption)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field)
        self.filter.setMinimumWidth(240)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.setFocusProxy(self.filter)  # showing the page puts the cursor in the filter
        self.filter.returnPressed.connect(self.table.activate_current)
        QWidget.setTabOrder(self.as_of, self.filter)
        QWidget.setTabOrder(self.filter, self.table)
        QWidget.setTabOrder(self.table, self.csv_button)
        QWidget.setTabOrder(self.csv_button, self.xlsx_button)

    def _business_date(self) -> dt.date:
        return self.ctx.branch.clock.now().date()

    def as_of_date(self) -> dt.date:
        return self.as_of.value()

    def refresh(self) -> None:
        """Reload the list for the "as of" date, in the background; focus the filter."""
        self._reload()
        self.filter.setFocus()

    def _reload(self) -> None:
        day = self.as_of_date()
        branch = self.ctx.branch
        self.load(lambda: overdue_instalments(branch.reading(), day), self._show)

    def _show(self, lines: list[OverdueLine]) -> None:
        self._lines = lines
        self._show_filtered()
        self.table.fit_columns(ADDRESS_COLUMN)

    def _show_filtered(self) -> None:
        needle = self.filter.text().strip().casefold()
        shown = [x for x in self._lines
                 if not needle or needle in x.name.casefold() or needle in x.kelurahan.casefold()]
        self.model.set_records(shown)
        self.table.select_first()
        self.total.setText(self.tr("{count} overdue instalments, {amount} outstanding").format(
            count=format_count(len(shown)),
            amount=format_rupiah(sum(x.outstanding for x in shown))))
        has_rows = bool(shown)
        self.csv_button.setEnabled(has_rows)
        self.xlsx_button.setEnabled(has_rows)

    def lines(self) -> list[OverdueLine]:
        """The lines shown, in the order shown."""
        return self.model.records()

    def _open(self, row: int) -> None:
        self.open_account.emit(self.model.record(row).connection_no)

    def export_to(self, kind: str) -> None:
        """Export the lines shown (filtered, in the order shown) to CSV or XLSX."""
        self.export(kind, self.model.records(), [c.header for c in self.model.columns()],
                    self.tr("Overdue instalments"),
                    self.tr("overdue-instalments-{day}").format(day=self.as_of_date()))
