"""How the account's tables paint a cell: from the model's ready texts and colours, in
one call a cell (Qt's own delegate asks the model once for each of seven roles, each a
call into Python)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.ui.account.models import LineTableModel

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)


class LineCells(QStyledItemDelegate):
    """Fills a cell's style option as Qt's delegate would, from a :class:`LineTableModel`
    (any other model: Qt's own way)."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        if not isinstance(model, LineTableModel):
            super().initStyleOption(option, index)
            return
        text, align, styles = model.cell(index.row(), index.column())
        if isinstance(index, QModelIndex):  # what a view paints with
            option.index = index
        option.displayAlignment = align
        option.features = option.features | _HAS_DISPLAY
        option.text = text
        if styles:
            _styled(option, styles)


def _styled(option: QStyleOptionViewItem, styles: dict[int, Any]) -> None:
    font = styles.get(_FONT)
    if isinstance(font, QFont):
        option.font = font
        option.fontMetrics = QFontMetrics(font)
    foreground = styles.get(_FOREGROUND)
    if isinstance(foreground, QBrush):
        palette = QPalette(option.palette)
        palette.setBrush(QPalette.ColorRole.Text, foreground)
        option.palette = palette
    background = styles.get(_BACKGROUND)
    if isinstance(background, QBrush):
        option.backgroundBrush = background
