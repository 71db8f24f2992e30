"""A read-only table model over a list of frozen dataclass records, described by columns.

Each ``Column`` names its (already translated) header, how to get the raw value from a
record and how to show it: plain text, rupiah (``Rp 2.400.000``), a date
(``24 November 2025``), a date with time, a time of day or a count. Sorting uses the raw
values; ``row_style`` may grey out and strike through whole rows (voided receipts).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.services.money import format_rupiah
from app.ui.i18n import format_count, format_date
from app.ui.style import GREYED, brush

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole record of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2    # the raw value a column sorts by


class Format(Enum):
    TEXT = "text"
    RUPIAH = "rupiah"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    COUNT = "count"


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_NUMERIC = (Format.RUPIAH, Format.COUNT)


@dataclass(frozen=True)
class Column[R]:
    """One column: translated header, raw value getter, display format.

    ``text`` overrides the formatted text (the raw value is still used for sorting);
    ``align`` defaults to right for amounts and counts, left otherwise; ``styled=False``
    keeps the column out of the row style (e.g. the reason a receipt was voided).
    """

    header: str
    value: Callable[[R], Any]
    fmt: Format = Format.TEXT
    text: Callable[[R], str] | None = None
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[R], str] | None = None
    styled: bool = True

    def display(self, record: R) -> str:
        if self.text is not None:
            return self.text(record)
        return format_value(self.value(record), self.fmt)

    def alignment(self) -> Qt.AlignmentFlag:
        if self.align is not None:
            return self.align
        return _RIGHT if self.fmt in _NUMERIC else _LEFT


@dataclass(frozen=True)
class RowStyle:
    """How a whole row looks: greyed out, struck through."""

    grey: bool = False
    strike: bool = False


def format_value(value: Any, fmt: Format) -> str:
    """``value`` shown the Loket way for ``fmt`` (empty for None)."""
    if value is None:
        return ""
    if fmt is Format.RUPIAH:
        return format_rupiah(int(value))
    if fmt is Format.COUNT:
        return format_count(int(value))
    if fmt is Format.DATETIME and isinstance(value, dt.datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if fmt is Format.TIME and isinstance(value, dt.datetime | dt.time):
        return f"{value:%H:%M}"
    if fmt in (Format.DATE, Format.DATETIME) and isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    """Empty values sort first; text sorts without regard to case."""
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, str):
        return (1, value.casefold())
    return (1, value)


class RecordTableModel[R](QAbstractTableModel):
    """Read-only rows of ``records`` in ``columns``; keeps its sort across ``set_records``."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None,
                 row_style: Callable[[R], RowStyle | None] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[R] = []
        self._row_style = row_style
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- records -------------------------------------------------------------------
    def set_records(self, records: Sequence[R]) -> None:
        """Show ``records`` (sorted by the current sort column, if any)."""
        self.beginResetModel()
        self._records = list(records)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def records(self) -> list[R]:
        """The records in the order shown."""
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def set_headers(self, headers: Sequence[str]) -> None:
        """New header texts (after a language switch)."""
        self._columns = [dataclasses.replace(c, header=h)
                         for h, c in zip(headers, self._columns, strict=True)]
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # --- Qt model interface --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._records)) \
                or not (0 <= index.column() < len(self._columns)):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment().value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else None
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return column.value(record)
        return self._styled(record, role) if column.styled else None

    def _styled(self, record: R, role: int) -> Any:
        style = self._row_style(record) if self._row_style else None
        if style is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and style.grey:
            return brush(GREYED)
        if role == Qt.ItemDataRole.FontRole and style.strike:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:  # centred: the sort arrow sits right
                numeric = self._columns[section].alignment() & Qt.AlignmentFlag.AlignRight
                return int((Qt.AlignmentFlag.AlignCenter if numeric else _LEFT).value)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._records):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        moved = self._apply_sort(column, order)
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(moved[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Sort the records (stable); returns each old row's new row."""
        getter = self._columns[column].value
        keys = [_sort_key(getter(r)) for r in self._records]
        rows = sorted(range(len(keys)), key=keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)
        self._records = [self._records[i] for i in rows]
        moved = [0] * len(rows)
        for new_row, old_row in enumerate(rows):
            moved[old_row] = new_row
        return moved
