"""Tables' columns as wide as their texts: measured from the texts each model gives at
once, each text's width measured once in a font, and the header's hints measured once
per header text."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

KEPT_WIDTHS = 8192
"""How many texts' widths a font keeps (the least recently used are forgotten)."""


class TextWidths:
    """The widths of texts in one font, each measured once. Laying a text out to measure
    it costs about as much as drawing it; a counter's tables show the same periods, dates
    and amounts customer after customer."""

    def __init__(self, font: QFont, kept: int = KEPT_WIDTHS) -> None:
        self.metrics = QFontMetricsF(font)
        self.kept = kept
        self.known: OrderedDict[str, float] = OrderedDict()

    def of(self, texts: Iterable[str]) -> list[float]:
        """The width of each of ``texts``, as ``QFontMetricsF.horizontalAdvance`` gives it."""
        known, widths = self.known, []
        for text in texts:
            width = known.get(text)
            if width is None:
                width = known[text] = self.metrics.horizontalAdvance(text)
                if len(known) > self.kept:
                    known.popitem(last=False)
            else:
                known.move_to_end(text)
            widths.append(width)
        return widths


_FONTS: dict[str, TextWidths] = {}
"""The widths measured in each font (by its key) in this process: fonts are few."""


def text_widths(font: QFont) -> TextWidths:
    """The measured widths of texts in ``font``, shared by every table that uses it."""
    key = font.key()
    widths = _FONTS.get(key)
    if widths is None:
        widths = _FONTS[key] = TextWidths(font)
    return widths


@runtime_checkable
class SizedColumns(Protocol):
    """A table model that gives each column's texts at once (see :class:`ColumnSizer`)."""

    def column_texts(self, column: int) -> tuple[str, ...]: ...


@runtime_checkable
class SeparateHeaders(Protocol):
    """A table model whose column headers live in a model of their own, which the table's
    header reads instead (see :class:`app.ui.account.models.LineTableModel`)."""

    header_model: QAbstractItemModel


class ColumnSizer:
    """Sizes a table's columns for the texts just loaded: each as wide as its header or
    its widest text (measured with the table's font) with the cell's margins, as Qt's
    "resize to contents" would, without asking the model for every cell at each layout.
    The header's hints and the cell's margins are measured once (a table is sized at
    every customer shown; the headers change only with the language)."""

    def __init__(self, table: QTableView, model: SizedColumns) -> None:
        self.table, self.model = table, model
        self.margin: int | None = None
        self.hints: tuple[object, tuple[int, ...]] | None = None

    def fit(self) -> None:
        table = self.table
        table.ensurePolished()  # the style sheet's font and margins
        header, widths = table.horizontalHeader(), text_widths(table.font())
        last = header.count() - 1 if header.stretchLastSection() else header.count()
        hints = self.header_hints(last)
        for column in range(last):  # the last one (stretched) takes the room that is left
            advances = widths.of(self.model.column_texts(column))
            width = hints[column]
            widest_advance = max(advances, default=0.0)
            widest = math.ceil(widest_advance)
            if widest:
                if self.margin is None:  # the style's margins around a cell's text
                    row = advances.index(widest_advance)
                    self.margin = max(cell_width(table, row, column) - widest, 0)
                width = max(width, widest + self.margin)
            header.resizeSection(column, width)

    def header_hints(self, count: int) -> tuple[int, ...]:
        """The header's size hints of the first ``count`` columns, asked of Qt again only
        when its texts or the table's font changed (each hint asks the model for a dozen
        roles)."""
        header = self.table.horizontalHeader()
        horizontal = Qt.Orientation.Horizontal
        key = (self.table.font().key(), tuple(str(header.model().headerData(c, horizontal))
                                              for c in range(count)))
        if self.hints is None or self.hints[0] != key:
            self.hints = (key, tuple(header.sectionSizeHint(c) for c in range(count)))
        return self.hints[1]


def cell_width(table: QTableView, row: int, column: int) -> int:
    """The width Qt's "resize to contents" gives ``column`` for the cell in ``row``
    (its widest), asked of the table's delegate for that one cell (``sizeHintForColumn``
    asks for every row, each a call into the model for a dozen roles)."""
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    width = table.itemDelegateForIndex(index).sizeHint(option, index).width()
    return width + (1 if table.showGrid() else 0)  # as sizeHintForColumn counts the grid
