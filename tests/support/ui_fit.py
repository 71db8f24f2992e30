"""Does a window fit the screen, with every text whole?

``misfits(window, screen)`` lists what a cashier would find cut off in a window that is
on screen: the window larger than the screen, a widget outside the window (or outside
the widget that holds it), a label, button or placeholder whose text is wider than the
room it has, a word-wrapped label shorter than its lines, a table whose columns are
wider than its view (unless the cashier can resize them: a data grid that scrolls
sideways) or that shows fewer than three of its rows whole. An empty list means it fits.
Widgets inside a scroll area are measured against the scrolled page, not the viewport.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QWidget,
)

BUTTON_PADDING = 12  # a push button's frame and padding, at the least
EDIT_PADDING = 8  # a line edit's frame and text margins, at the least
MIN_ROWS = 3  # a table shows at least this many rows whole (or all it has)


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "(none)"
    name = widget.objectName() or type(widget).__name__
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{name} {shown[:60]!r}" if shown else name


def label_is_rich(text: str) -> bool:
    return text.lstrip().startswith("<")


def plain(text: str) -> str:
    """A label's text as the cashier reads it (rich text rendered, mnemonics dropped)."""
    if label_is_rich(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def label_fits(label: QLabel) -> bool:
    """Every line of the label's text is within its contents' width (and height)."""
    text = plain(label.text())
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return True
    room = label.contentsRect()
    room = room.adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    metrics = label.fontMetrics()
    if label.wordWrap():
        words = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        needed = label.heightForWidth(label.width())
        return words <= room.width() and (needed <= label.height() or needed < 0)
    lines = text.splitlines()
    wide = max(metrics.horizontalAdvance(line) for line in lines)
    return wide <= room.width() and metrics.height() * len(lines) <= room.height() + 2


def button_fits(button: QAbstractButton) -> bool:
    text = plain(button.text())
    if not text:
        return True
    extra = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    if isinstance(button, (QCheckBox, QRadioButton)):
        extra += button.style().pixelMetric(button.style().PixelMetric.PM_IndicatorWidth) + 4
    padding = BUTTON_PADDING if isinstance(button, QPushButton) else 0
    return button.fontMetrics().horizontalAdvance(text) + extra + padding <= button.width()


def edit_fits(edit: QLineEdit) -> bool:
    """An empty field's placeholder (what to type) is whole."""
    shown = edit.placeholderText() if not edit.text() else ""
    if not shown:
        return True
    return edit.fontMetrics().horizontalAdvance(shown) + EDIT_PADDING <= edit.width()


def table_problem(table: QTableView) -> str:
    """Why a table hides some of its text: columns wider than the view (the last ones
    cut), or fewer than ``MIN_ROWS`` rows whole on screen when it has them."""
    viewport = table.viewport()
    header = table.horizontalHeader()
    if table.model() is None or not table.model().rowCount():
        return ""
    resizable = header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    if header.length() > viewport.width() + 1 and not resizable:  # a data grid may scroll
        return f"its columns need {header.length()} px, the view shows {viewport.width()}"
    rows = table.model().rowCount()
    whole = sum(1 for row in range(min(rows, MIN_ROWS))
                if table.rowViewportPosition(row) >= 0 and table.rowViewportPosition(row)
                + table.rowHeight(row) <= viewport.height())
    if whole < min(rows, MIN_ROWS):
        return f"only {whole} of its first {min(rows, MIN_ROWS)} rows are whole on screen"
    return ""


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: it can be scrolled to, whatever its position."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = area
    return False


def _outside(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if parent is None or widget.isWindow() or _scrolled(widget):
        return False
    inner = parent.rect().adjusted(-1, -1, 1, 1)
    return not inner.contains(widget.geometry())


def misfits(window: QWidget, screen: QSize | QRect) -> list[str]:
    """What does not fit in ``window`` (shown) on ``screen`` (its size at 0,0, or its
    geometry)."""
    found: list[str] = []
    frame = window.frameGeometry()
    area = screen if isinstance(screen, QRect) else QRect(QPoint(0, 0), screen)
    if frame.width() > area.width() or frame.height() > area.height():
        found.append(f"{_name(window)} is {frame.width()}×{frame.height()}, larger than "
                     f"the {area.width()}×{area.height()} screen")
    if not area.contains(frame):
        found.append(f"{_name(window)} at {frame.x()},{frame.y()} is partly off the screen")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QTabBar) or (widget.parentWidget() is not None and isinstance(
                widget.parentWidget(), QComboBox)):
            continue
        if _outside(widget):
            found.append(f"{_name(widget)} lies outside {_name(widget.parentWidget())}")
        elif isinstance(widget, QLabel) and not label_fits(widget):
            found.append(f"label {_name(widget)} is cut off ({widget.width()} px wide)")
        elif isinstance(widget, QAbstractButton) and not button_fits(widget):
            found.append(f"button {_name(widget)} is cut off ({widget.width()} px wide)")
        elif isinstance(widget, QTableView) and table_problem(widget):
            found.append(f"table {_name(widget)}: {table_problem(widget)}")
        elif isinstance(widget, QLineEdit) and not edit_fits(widget):
            found.append(f"field {_name(widget)} cuts its hint "
                         f"{widget.placeholderText()!r} ({widget.width()} px wide)")
    return found
