"""Item models of the account screen: bills, instalments, payments, work orders, documents.

Each model is a read-only table over a tuple of the services' frozen view lines; the
screen replaces the whole tuple after every reload (``set_rows``). Amounts are shown as
``Rp 2.400.000`` and aligned right, nothing paid as ``Rp 0`` (as a penalty of none, and the
plan's paid total); states are shown as text and as colour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from app.services.documents.archive import ArchivedDocument
from app.services.ledger.account_views import BillLine, InstalmentLine, PaymentLine, WorkOrderLine
from app.services.money import format_rupiah
from app.services.quoting import ScheduleLine
from app.services.translatable import QT_TRANSLATE_NOOP
from app.ui import style
from app.ui.account import labels
from app.ui.i18n import format_date

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_STYLED = frozenset(int(role) for role in (
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole))
"""The roles ``style`` may answer; the table asks for others too, answered at once."""
_PAINTED = tuple(int(role) for role in (
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole))
"""The styled roles a cell is painted with (its tool tip is asked for on hovering)."""
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountTables", text)


@dataclass(frozen=True)
class Column[T]:
    """One column: its header, how a row shows in it, and how it is aligned."""

    header: object  # English source (QT_TRANSLATE_NOOP), translated when shown
    show: Callable[[T], str]
    align: Qt.AlignmentFlag = LEFT


class LineTableModel[T](QAbstractTableModel):
    """A read-only table over ``rows``; subclasses give the columns and the colours.

    The column headers are also kept in :attr:`header_model`, a model of Qt's own that
    the table's header reads (see :func:`app.ui.kit.widgets.make_table`): the header
    asks for a dozen roles of every section each time it is measured or painted, and
    it keeps its measure across new rows, which a header over this model would not."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[T, ...] = ()
        self._texts: tuple[tuple[str, ...], ...] = ()  # each cell's text, made once
        self._aligns = tuple(int(column.align) for column in self._columns)
        self._headers: tuple[str, ...] = ()
        self.header_model = QStandardItemModel(0, len(self._columns), self)
        self._translate_headers()

    def _translate_headers(self) -> None:
        headers = tuple(_tr(str(column.header)) for column in self._columns)
        if headers == self._headers:
            return
        self._headers = headers
        for section, (text, align) in enumerate(zip(headers, self._aligns, strict=True)):
            item = QStandardItem(text)
            item.setTextAlignment(Qt.AlignmentFlag(align))
            self.header_model.setHorizontalHeaderItem(section, item)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows``; their texts (and the headers, in the language now in use) are
        made here once, not at every repaint."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._texts = tuple(tuple(c.show(row) for c in self._columns) for row in self._rows)
        self._translate_headers()
        self.endResetModel()

    def rows(self) -> tuple[T, ...]:
        return self._rows

    def column_texts(self, column: int) -> tuple[str, ...]:
        """Every cell's text in ``column`` (the table sizes its columns from them)."""
        return tuple(texts[column] for texts in self._texts)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked again and again while the tables are laid out: answered from ready values.
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == _DISPLAY:
                return self._headers[section]
            if role == _ALIGNMENT:
                return self._aligns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()  # an invalid index has row -1
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return None
        if role == _DISPLAY:
            return self._texts[row][column]
        if role == _ALIGNMENT:
            return self._aligns[column]
        if role in _STYLED:
            return self.style(self._rows[row], column, role)
        return None

    def style(self, line: T, column: int, role: int) -> Any:
        """Colours and fonts of one cell (none by default)."""
        return None

    def cell(self, row: int, column: int) -> tuple[str, Qt.AlignmentFlag, dict[int, Any]]:
        """What a cell is painted with: its text, its alignment and its styled roles'
        values (the colours and font :meth:`style` gives), in one call."""
        line = self._rows[row]
        styles = {role: value for role in _PAINTED
                  if (value := self.style(line, column, role)) is not None}
        return self._texts[row][column], self._columns[column].align, styles

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


def _money(amount: int) -> str:
    return format_rupiah(amount)


def _date(day: dt.date | None) -> str:
    return format_date(day) if day is not None else ""


def _moment(at: dt.datetime) -> str:
    return f"{format_date(at.date())} {at:%H:%M}"


class BillsModel(LineTableModel[BillLine]):
    """Unpaid bills by billing period, with penalties (waived penalties shown apart)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AccountTables", "Period"),
                   lambda b: labels.period_text(b.period)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Due date"), lambda b: _date(b.due_date)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Usage m³"),
                   lambda b: str(b.usage_m3), RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Bill"), lambda b: _money(b.principal),
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Penalty"),
                   lambda b: _money(b.penalty - b.penalty_waived), RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Amount paid"),
                   lambda b: _money(b.paid_amount), RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Outstanding"),
                   lambda b: _money(b.outstanding), RIGHT),
        ), parent)

    def style(self, line: BillLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and line.in_plan:
            return QCoreApplication.translate("AccountTables", "Part of the instalment plan")
        if role == Qt.ItemDataRole.ForegroundRole and line.in_plan:
            return style.brush(style.MUTED)
        return None


class InstalmentsModel(LineTableModel[InstalmentLine]):
    """The plan's instalments with their state as text and colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AccountTables", "No."), lambda i: str(i.number), RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Due date"), lambda i: _date(i.due_date)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Amount"), lambda i: _money(i.amount),
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Amount paid"),
                   lambda i: _money(i.paid_amount), RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "State"), labels.instalment_state_text),
        ), parent)

    def style(self, line: InstalmentLine, column: int, role: int) -> Any:
        colours = style.INSTALMENT_COLOURS.get(line.state)
        if colours is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.brush(colours[0])
        if role == Qt.ItemDataRole.BackgroundRole:
            return style.brush(colours[1])
        return None


class PaymentsModel(LineTableModel[PaymentLine]):
    """Payment history, newest first; voided receipts marked BATAL with the reason."""

    AMOUNT_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AccountTables", "Receipt no."), lambda p: p.receipt_no),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Paid at"), lambda p: _moment(p.paid_at)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "For"),
                   lambda p: labels.payment_kind_text(p.kind)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Method"), labels.method_with_reference),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Amount"), lambda p: _money(p.amount),
                   RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Cashier"), lambda p: p.cashier),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Note"), labels.void_note),
        ), parent)

    def style(self, line: PaymentLine, column: int, role: int) -> Any:
        if not line.voided:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.brush(style.ERROR)
        if role == Qt.ItemDataRole.FontRole and column == self.AMOUNT_COLUMN:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.void_note(line)
        return None


class WorkOrdersModel(LineTableModel[WorkOrderLine]):
    """Open work orders (SPK) of the customer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AccountTables", "Order no."), lambda w: w.number),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Job"),
                   lambda w: labels.work_order_kind_text(w.kind)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Issued"), lambda w: _moment(w.issued_at)),
        ), parent)


class DocumentsModel(LineTableModel[ArchivedDocument]):
    """The customer's archived prints (receipts, agreements, work orders), newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AccountTables", "Document"), labels.document_text),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Date"), lambda d: _date(d.day)),
        ), parent)


class ScheduleModel(LineTableModel[ScheduleLine]):
    """A schedule preview: number, due date and amount of each instalment."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AccountTables", "No."), lambda s: str(s.number), RIGHT),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Due date"), lambda s: _date(s.due_date)),
            Column(QT_TRANSLATE_NOOP("AccountTables", "Amount"), lambda s: _money(s.amount),
                   RIGHT),
        ), parent)
