"""Painting a PDF page onto a printer in bands, giving the window its turn between them.

A page is rasterised with QtPdf and painted onto the ``QPrinter``; both calls hold
Python's interpreter lock for as long as they run (rendering an A4 page at 300 dpi and
painting it onto the printer take a fifth of a second of CPU), and while a print job
holds it the window cannot handle a scan or a key. So the page goes in horizontal bands
of a few hundred thousand pixels, each a call of a few milliseconds; between two bands
the printing thread waits until the window's event loop has come round
(:class:`WindowTurn`), so events that arrived meanwhile are handled first. Each band is
made opaque (white paper) before it is painted: printers have no use for transparency.

QtPdf (6.12) scales a clipped render by the clip rectangle's inclusive extent
(``right - left``, ``bottom - top``) over the image's size, one pixel short: asked for
exactly the band, it draws the band's part of the page shrunk by one row in its height,
and the band starting at row ``top`` lands ``top / rows`` pixels too high — a receipt's
last line came out cut in half at the seam, 15 pixels up. :func:`band_clip` asks for one
more column and row than the image holds, which makes the scale exact.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRect, QRectF, QSize, QSizeF, QThread, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

BAND_PIXELS = 400_000  # about 5 ms of rendering and painting per band on a slow PC
TURN_WAIT_S = 0.05  # longest wait for the window's loop; longer means it is blocked
WHITE = 0xFFFFFFFF


class WindowTurn(QObject):
    """Lets a printing thread wait until the UI thread's event loop has come round: it
    lives in the UI thread, and :meth:`wait` (from another thread) posts a call to it and
    waits for that call, so whatever the window had to do first is done."""

    _asked = Signal(object)

    def __init__(self, ui_thread: QThread) -> None:
        super().__init__()
        self.ui_thread = ui_thread
        self.moveToThread(ui_thread)
        self._asked.connect(self._answer)

    def _answer(self, answered: threading.Event) -> None:
        answered.set()

    def wait(self) -> bool:
        """False when the window did not come round within ``TURN_WAIT_S``."""
        if QThread.currentThread() is self.ui_thread:
            return True
        answered = threading.Event()
        self._asked.emit(answered)
        return answered.wait(TURN_WAIT_S)


_turn: list[WindowTurn] = []
_turn_lock = threading.Lock()


def window_turns() -> Callable[[], None]:
    """For one print job: a call that gives the window its turn. A window that does not
    answer within ``TURN_WAIT_S`` is not waiting for events (it is blocked, e.g. waiting
    for this very job to finish), so the job stops asking. Without an application, or
    on the UI thread, it does nothing."""
    app = QCoreApplication.instance()
    if app is None:
        return lambda: None
    with _turn_lock:
        if not _turn:  # made once, never deleted: no Qt object dies in the wrong thread
            _turn.append(WindowTurn(app.thread()))
    turn, patient = _turn[0], [True]

    def give() -> None:
        if patient[0] and not turn.wait():
            patient[0] = False

    return give


def band_rows(width: int, height: int, pixels: int = BAND_PIXELS) -> list[tuple[int, int]]:
    """(top, rows) of each band of a ``width`` × ``height`` image, top to bottom."""
    step = max(1, pixels // max(1, width))
    return [(top, min(step, height - top)) for top in range(0, height, step)]


def band_clip(top: int, width: int, rows: int) -> QRect:
    """The clip rectangle to render the ``width`` × ``rows`` band at row ``top`` of the
    scaled page with: one column and row larger than the band, as QtPdf counts the
    rectangle's extent one short (see the module's notes); the image drawn is the band."""
    return QRect(0, top, width + 1, rows + 1)


def paint_page(painter: QPainter, document: QPdfDocument, page: int, points: QSizeF,
               render_dpi: int, device_dpi: int, turn: Callable[[], None]) -> None:
    """Render ``page`` at ``render_dpi`` band by band and paint it over the whole printer
    page (``device_dpi``), giving the window its turn before each band."""
    width = round(points.width() * render_dpi / 72)
    height = round(points.height() * render_dpi / 72)
    scale = device_dpi / render_dpi
    for top, rows in band_rows(width, height):
        turn()
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(band_clip(top, width, rows))
        band = document.render(page, QSize(width, rows), options)
        paper = QImage(band.size(), QImage.Format.Format_RGB32)
        paper.fill(WHITE)
        onto = QPainter(paper)
        onto.drawImage(0, 0, band)
        onto.end()
        y0, y1 = round(top * scale), round((top + rows) * scale)  # bands meet exactly
        painter.drawImage(QRectF(0, y0, width * scale, y1 - y0), paper)
