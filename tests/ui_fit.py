"""Does a window fit the screen, with every text whole?

``misfits(window, screen)`` lists what a cashier would find cut off in a window that is
on screen: the window larger than the screen, a widget outside the window (or outside
the widget that holds it), a label, button or placeholder whose text is wider than the
room it has, a word-wrapped label shorter than its lines. An empty list means it fits.
Widgets inside a scroll area are measured against the scrolled page, not the viewport.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

BUTTON_PADDING = 12  # a push button's frame and padding, at the least
EDIT_PADDING = 8  # a line edit's frame and text margins, at the least


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


def misfits(window: QWidget, screen: QSize) -> list[str]:
    """What does not fit in ``window`` (shown) on a screen of ``screen`` size."""
    found: list[str] = []
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        found.append(f"{_name(window)} is {frame.width()}×{frame.height()}, larger than "
                     f"the {screen.width()}×{screen.height()} screen")
    if not QRect(0, 0, screen.width(), screen.height()).contains(frame):
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
        elif isinstance(widget, QLineEdit) and not edit_fits(widget):
            found.append(f"field {_name(widget)} cuts its hint "
                         f"{widget.placeholderText()!r} ({widget.width()} px wide)")
    return found
