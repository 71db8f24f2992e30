"""The search results as a Qt table model: only the hits of one search, never the table.

Columns: connection number, name, address, kelurahan, status (SEGEL / AKTIF / PUTUS)
and arrears in rupiah. ``set_result`` swaps in the hits of a newer search.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.services.money import format_rupiah
from app.services.search.customers import CustomerHit, SearchResult

_STATUS_CONTEXT = "CustomerStatus"
_STATUS = {
    "sealed": QT_TRANSLATE_NOOP("CustomerStatus", "SEALED"),
    "active": QT_TRANSLATE_NOOP("CustomerStatus", "ACTIVE"),
    "disconnected": QT_TRANSLATE_NOOP("CustomerStatus", "DISCONNECTED"),
}
_STATUS_COLOUR = {"sealed": "#b3261e", "active": "#1b6e2d", "disconnected": "#5f6368"}

Index = QModelIndex | QPersistentModelIndex
CONNECTION_NO_ROLE = Qt.ItemDataRole.UserRole + 1


def status_text(status: str) -> str:
    """``sealed`` → ``SEGEL`` (Indonesian) / ``SEALED`` (English)."""
    source = _STATUS.get(status)
    return QCoreApplication.translate(_STATUS_CONTEXT, source) if source else status.upper()


class SearchModel(QAbstractTableModel):
    """Read-only rows of :class:`CustomerHit`; the connection number under ``UserRole+1``."""

    COLUMNS = ("connection_no", "name", "address", "kelurahan", "status", "arrears")
    ARREARS = COLUMNS.index("arrears")
    STATUS = COLUMNS.index("status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[CustomerHit, ...] = ()
        self.result: SearchResult | None = None

    def set_result(self, result: SearchResult | None) -> None:
        """Show the hits of ``result`` (None empties the table)."""
        self.beginResetModel()
        self.result = result
        self._hits = result.hits if result is not None else ()
        self.endResetModel()

    def hit(self, row: int) -> CustomerHit:
        return self._hits[row]

    def row_of(self, connection_no: str) -> int:
        """The row whose connection number is exactly ``connection_no``, or -1."""
        wanted = connection_no.strip()
        for row, hit in enumerate(self._hits):
            if hit.connection_no == wanted:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = (self.tr("Connection no."), self.tr("Name"), self.tr("Address"),
                  self.tr("Kelurahan"), self.tr("Status"), self.tr("Arrears"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit, column = self._hits[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(hit, column)
        if role == CONNECTION_NO_ROLE:
            return hit.connection_no
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ARREARS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(_STATUS_COLOUR.get(hit.status, "#000000")))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def _text(self, hit: CustomerHit, column: int) -> str:
        if column == self.STATUS:
            return status_text(hit.status)
        if column == self.ARREARS:
            return format_rupiah(hit.arrears)
        return str(getattr(hit, self.COLUMNS[column], ""))
