"""The search results as a Qt table model: only the hits of one search, never the table.

Columns: connection number, name, address, kelurahan, status (SEGEL / AKTIF / PUTUS)
and arrears in rupiah. ``set_result`` swaps in the hits of a newer search.

The table asks ``data()`` for every cell and several roles at each repaint, so the
texts are made once per search (``row_texts``, in the search worker) and ``data()``
only picks them out of ready tuples.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from app.services.money import format_rupiah
from app.services.search.customers import CustomerHit, SearchResult
from app.services.translatable import QT_TRANSLATE_NOOP
from app.ui.style import BLACK, SEARCH_STATUS_COLOURS, brush

_STATUS_CONTEXT = "CustomerStatus"
_STATUS = {
    "sealed": QT_TRANSLATE_NOOP("CustomerStatus", "SEALED"),
    "active": QT_TRANSLATE_NOOP("CustomerStatus", "ACTIVE"),
    "disconnected": QT_TRANSLATE_NOOP("CustomerStatus", "DISCONNECTED"),
}

Index = QModelIndex | QPersistentModelIndex
CONNECTION_NO_ROLE = Qt.ItemDataRole.UserRole + 1
RowTexts = tuple[str, str, str, str, str, str]

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOL_TIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_CONNECTION_NO = int(CONNECTION_NO_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
    Qt.ItemFlag.ItemNeverHasChildren


def status_text(status: str) -> str:
    """``sealed`` → ``SEGEL`` (Indonesian) / ``SEALED`` (English)."""
    source = _STATUS.get(status)
    return QCoreApplication.translate(_STATUS_CONTEXT, source) if source else status.upper()


def row_texts(hits: tuple[CustomerHit, ...]) -> tuple[RowTexts, ...]:
    """Each hit's cells as shown (safe off the UI thread: only strings are made)."""
    return tuple((hit.connection_no, hit.name, hit.address, hit.kelurahan,
                  status_text(hit.status), format_rupiah(hit.arrears)) for hit in hits)


class SearchModel(QAbstractTableModel):
    """Read-only rows of :class:`CustomerHit`; the connection number under ``UserRole+1``."""

    COLUMNS = ("connection_no", "name", "address", "kelurahan", "status", "arrears")
    ARREARS = COLUMNS.index("arrears")
    STATUS = COLUMNS.index("status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[CustomerHit, ...] = ()
        self._rows: tuple[RowTexts, ...] = ()
        self._status_brushes: tuple[QBrush, ...] = ()
        self._brushes: dict[str, QBrush] = {}
        self.result: SearchResult | None = None

    def set_result(self, result: SearchResult | None,
                   rows: tuple[RowTexts, ...] | None = None) -> None:
        """Show the hits of ``result`` (None empties the table); ``rows``: their texts made
        beforehand by ``row_texts`` (made here when not given).

        Rows that stay are updated in place and only the difference is inserted or
        removed, so the table keeps its layout instead of being rebuilt for every search.
        """
        hits = result.hits if result is not None else ()
        texts = rows if rows is not None else row_texts(hits)
        brushes = tuple(self._brush(hit.status) for hit in hits)
        before, after = len(self._hits), len(hits)
        self.result = result
        if after < before:  # the kept rows change first, then the rest goes
            self._keep(after, hits, texts, brushes)
            self.beginRemoveRows(QModelIndex(), after, before - 1)
            self._hits, self._rows, self._status_brushes = hits, texts, brushes
            self.endRemoveRows()
        elif after > before:  # the new rows come in below, then the kept rows change
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._hits = self._hits + hits[before:]
            self._rows = self._rows + texts[before:]
            self._status_brushes = self._status_brushes + brushes[before:]
            self.endInsertRows()
            self._keep(before, hits, texts, brushes)
        else:
            self._keep(after, hits, texts, brushes)

    def _keep(self, count: int, hits: tuple[CustomerHit, ...], texts: tuple[RowTexts, ...],
              brushes: tuple[QBrush, ...]) -> None:
        """Show the first ``count`` rows of the new result in the rows already there."""
        if not count:
            return
        self._hits = hits[:count] + self._hits[count:]
        self._rows = texts[:count] + self._rows[count:]
        self._status_brushes = brushes[:count] + self._status_brushes[count:]
        self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.COLUMNS) - 1))

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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Asked for every cell and role at each repaint: the common answers come first.
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        if role in (_DISPLAY, _TOOL_TIP):
            return self._rows[row][index.column()]
        if role == _FOREGROUND:
            return self._status_brushes[row] if index.column() == self.STATUS else None
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == self.ARREARS else None
        if role == _CONNECTION_NO:
            return self._hits[row].connection_no
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _brush(self, status: str) -> QBrush:
        made = self._brushes.get(status)
        if made is None:
            made = self._brushes[status] = brush(SEARCH_STATUS_COLOURS.get(status, BLACK))
        return made
