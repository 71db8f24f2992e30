"""The search results as a Qt table model: only the hits of one search, never the table.

Columns: connection number, name, address, kelurahan, status (SEGEL / AKTIF / PUTUS)
and arrears in rupiah. ``set_result`` swaps in the hits of a newer search.

The table asks the model for every visible cell and seven roles at each repaint (about
1,200 questions for 50 rows). Asked from Python, those answers were half the cost of a
repaint; so the model is Qt's own item model, which answers in C++, and a search only
writes each cell's text once (made beforehand by ``row_texts``, in the search worker).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel

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

CONNECTION_NO_ROLE = Qt.ItemDataRole.UserRole + 1
RowTexts = tuple[str, str, str, str, str, str]

_CONNECTION_NO = int(CONNECTION_NO_ROLE)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
    Qt.ItemFlag.ItemNeverHasChildren


def status_text(status: str) -> str:
    """``sealed`` → ``SEGEL`` (Indonesian) / ``SEALED`` (English)."""
    source = _STATUS.get(status)
    return QCoreApplication.translate(_STATUS_CONTEXT, source) if source else status.upper()


def row_texts(hits: tuple[CustomerHit, ...]) -> tuple[RowTexts, ...]:
    """Each hit's cells as shown (safe off the UI thread: only strings are made)."""
    return tuple((hit.connection_no, hit.name, hit.address, hit.kelurahan,
                  status_text(hit.status), format_rupiah(hit.arrears)) for hit in hits)


def row_of(hits: tuple[CustomerHit, ...], connection_no: str) -> int:
    """Which of ``hits`` has exactly ``connection_no`` (spaces around it aside), or -1."""
    wanted = connection_no.strip()
    for row, hit in enumerate(hits):
        if hit.connection_no == wanted:
            return row
    return -1


class SearchModel(QStandardItemModel):
    """Read-only rows of :class:`CustomerHit`; each cell's text is also its tool tip, and
    the first cell of a row holds the connection number under ``UserRole+1``."""

    COLUMNS = ("connection_no", "name", "address", "kelurahan", "status", "arrears")
    ARREARS = COLUMNS.index("arrears")
    STATUS = COLUMNS.index("status")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels([
            self.tr("Connection no."), self.tr("Name"), self.tr("Address"),
            self.tr("Kelurahan"), self.tr("Status"), self.tr("Arrears")])
        self._hits: tuple[CustomerHit, ...] = ()
        self._rows: tuple[RowTexts, ...] = ()
        self._cells: list[tuple[QStandardItem, ...]] = []  # the items of each row shown
        self._brushes: dict[str, QBrush] = {}
        self.result: SearchResult | None = None

    def set_result(self, result: SearchResult | None,
                   rows: tuple[RowTexts, ...] | None = None) -> None:
        """Show the hits of ``result`` (None empties the table); ``rows``: their texts made
        beforehand by ``row_texts`` (made here when not given).

        Rows that stay are rewritten in place and only the difference is inserted or
        removed, so the table keeps its layout instead of being rebuilt for every search;
        the cells that change are written with the model quiet and announced in one
        ``dataChanged``.
        """
        hits = result.hits if result is not None else ()
        texts = rows if rows is not None else row_texts(hits)
        before, after = len(self._hits), len(hits)
        self.result = result
        if after < before:
            self.removeRows(after, before - after)
            del self._cells[after:]
        elif after > before:
            self.insertRows(before, after - before)
            self._cells.extend(self._new_row(row) for row in range(before, after))
        old_rows, self._hits, self._rows = self._rows, hits, texts
        if not after:
            return
        changed: list[int] = []
        quiet = self.blockSignals(True)
        try:
            for row, (hit, cells, line) in enumerate(zip(hits, self._cells, texts, strict=True)):
                if row < len(old_rows) and old_rows[row] == line:
                    continue  # the same customer in the same row: nothing to write
                changed.append(row)
                for cell, text in zip(cells, line, strict=True):
                    cell.setText(text)
                    cell.setToolTip(text)
                cells[self.STATUS].setForeground(self._brush(hit.status))
                cells[0].setData(hit.connection_no, _CONNECTION_NO)
        finally:
            self.blockSignals(quiet)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0),
                                  self.index(changed[-1], len(self.COLUMNS) - 1))

    def _new_row(self, row: int) -> tuple[QStandardItem, ...]:
        """The (empty) cells of a new row, put in place while the model is quiet."""
        cells = tuple(QStandardItem() for _ in self.COLUMNS)
        cells[self.ARREARS].setTextAlignment(_RIGHT)
        quiet = self.blockSignals(True)
        try:
            for column, cell in enumerate(cells):
                cell.setFlags(_CELL_FLAGS)
                self.setItem(row, column, cell)
        finally:
            self.blockSignals(quiet)
        return cells

    def hit(self, row: int) -> CustomerHit:
        return self._hits[row]

    def row_of(self, connection_no: str) -> int:
        """The row whose connection number is exactly ``connection_no``, or -1."""
        return row_of(self._hits, connection_no)

    def _brush(self, status: str) -> QBrush:
        made = self._brushes.get(status)
        if made is None:
            made = self._brushes[status] = brush(SEARCH_STATUS_COLOURS.get(status, BLACK))
        return made


