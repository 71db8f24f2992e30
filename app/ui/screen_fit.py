"""Windows that fit the counter's screen (1024×600 and up) and grow for what they show.

``room_on_screen`` is the part of the screen a window may use (the taskbar and a title
bar left out); ``fit_size`` bounds a wanted size by it; ``grow_to_fit`` makes a dialog
tall enough for the word-wrapped lines that appeared in it (a refusal, say), never
taller than the screen (or just as tall as it needs); ``scrolled_body`` and
``fit_to_screen`` let a tall dialog's fields scroll on a small screen with its buttons in
view.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QStyle, QWidget

TITLE_BAR = 32
"""Room a window's title bar and frame take above and around it (Windows 10/11)."""


def room_on_screen(widget: QWidget | None = None) -> QSize:
    """The size a window may take on ``widget``'s screen (or the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size()
    return QSize(available.width() - 8, available.height() - TITLE_BAR)


def fit_size(wanted: QSize, room: QSize) -> QSize:
    """``wanted``, no larger than ``room`` in either direction."""
    return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def grow_to_fit(window: QWidget, shrink: bool = False) -> None:
    """Make ``window`` tall enough for its layout at its width (within the screen); with
    ``shrink``, no taller either (no empty band above its buttons)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    room = room_on_screen(window)
    height = min(needed if shrink else max(window.height(), needed), room.height())
    if height != window.height():
        window.resize(window.width(), height)
    screen = window.screen() or QGuiApplication.primaryScreen()
    bottom = screen.availableGeometry().bottom() - (window.frameGeometry().height()
                                                    - window.geometry().height())
    if window.geometry().bottom() > bottom:  # grown below the screen: move it up
        window.move(window.x(), max(screen.availableGeometry().top() + TITLE_BAR,
                                    window.y() - (window.geometry().bottom() - bottom)))


def grow_later(widget: QWidget) -> None:
    """After this event: grow ``widget``'s dialog for the text just shown in it."""
    window = widget.window()
    if not isinstance(window, QDialog) or not window.isVisible():
        return
    QTimer.singleShot(0, window, lambda: grow_to_fit(window))


def scrolled_body(body: QWidget, dialog: QWidget) -> QScrollArea:
    """``body`` in a frameless vertical scroll area: a tall dialog's fields scroll on a
    small screen while its buttons stay in view."""
    area = QScrollArea(dialog)
    area.setObjectName(f"{dialog.objectName()}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(body)
    return area


def fit_to_screen(dialog: QWidget, body: QWidget) -> None:
    """Size ``dialog`` to show all of its scrolled ``body`` where the screen allows: as
    wide as the body needs beside a scroll bar, as tall as the body at that width."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    margins = layout.contentsMargins()
    bar = dialog.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    width = max(dialog.minimumWidth(), dialog.sizeHint().width(),
                body.minimumSizeHint().width() + margins.left() + margins.right() + bar)
    inner = width - margins.left() - margins.right() - bar
    tall = body.heightForWidth(inner) if body.hasHeightForWidth() else -1
    viewport = body.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    rest = dialog.sizeHint().height() - (area or body).sizeHint().height()
    wanted = QSize(width, (tall if tall > 0 else body.sizeHint().height()) + max(rest, 0))
    dialog.setMinimumWidth(min(width, room_on_screen(dialog).width()))
    dialog.resize(fit_size(wanted, room_on_screen(dialog.parentWidget() or dialog)))
