"""Readying a hidden page for its first showing: laid out and drawn once off screen, at
the size it will be shown at.

A page that was never shown keeps the size it was made with (640×480), whatever the
window's size. Drawn at that size, Qt's work is done for nothing: the first real showing
lays every box, table and wrapped label out again at the window's size, on the
customer's time. :class:`HiddenPageReadier` draws the page at its stack's size, and again
whenever the window is resized while the page is hidden (once the resizing settles); the
first time, it also draws every glyph the page is likely to show in each of its fonts.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QWidget

SPECIMEN = ("0123456789 Rp.,:;/-–·()%³…'\"?!&+ ABCDEFGHIJKLMNOPQRSTUVWXYZ "
            "abcdefghijklmnopqrstuvwxyz")
"""Every letter, digit and sign a customer's page is likely to show, drawn once in each
of the page's fonts while it is readied."""
SETTLE_MS = 250
"""After the window's last resize, how long to wait before drawing the hidden page again."""


class HiddenPageReadier(QObject):
    """Keeps ``page`` (a page of a stack) laid out and drawn at the stack's size while it
    is hidden; a visible page is left alone."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.readied = 0  # how many times the page was drawn off screen
        self._again = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._again.timeout.connect(self.ready)
        stack = page.parentWidget()
        if stack is not None:
            stack.installEventFilter(self)

    def ready(self) -> None:
        """Draw the hidden page once into a picture nobody sees, at its stack's size: Qt
        styles every widget, lays it out and fills its text caches."""
        page = self.page
        if page.isVisible():
            return
        stack = page.parentWidget()
        if stack is not None:
            page.resize(stack.contentsRect().size())
        page.grab()
        if self.readied == 0:
            draw_specimens({widget.font().key(): widget.font()
                            for widget in page.findChildren(QWidget)}.values())
        self.readied += 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.page.isVisible():
            self._again.start()
        return False


def draw_specimens(fonts: Iterable[QFont]) -> None:
    """Draw :data:`SPECIMEN` in each of ``fonts`` into a picture nobody sees: each glyph
    is loaded and rasterised once, before the first customer's page needs it (the page
    is readied empty, so its figures' and names' glyphs would be drawn first then)."""
    for font in fonts:
        metrics = QFontMetrics(font)
        image = QImage(metrics.horizontalAdvance(SPECIMEN) + 8, metrics.height() + 8,
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setFont(font)
        painter.drawText(QPoint(4, 4 + metrics.ascent()), SPECIMEN)
        painter.end()
