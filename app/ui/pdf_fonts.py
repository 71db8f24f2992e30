"""QtPdf's fonts loaded once and kept for the whole run: one small document held open.

The documents Loket prints and shows are written in PDF's standard fonts (the Helvetica
family, :data:`app.services.documents.fonts.STANDARD_FONTS`), which a PDF does not
carry: PDFium, QtPdf's renderer, loads a system font in their place when a document is
rendered and lets it go when the last document using it is closed. Each such round
leaves memory behind in PDFium's own allocator: measured on Linux, 35–65 KB resident
and eight more mappings of the process's address space per document printed or shown,
for good — over a day's 400–500 print jobs 15–30 MB, growing all day. While another
document using the same fonts stays open, a new document reuses the fonts already
loaded and leaves nothing behind.

:func:`keep_fonts_loaded` opens and renders such a document (a 2 × 2 cm page with a
word in each font) once, as a child of the application: the application holds it (no
module keeps it) and closes it when it goes; printing and the PDF viewer call it before
their first document. Nothing here is particular to a system: PDFium loads substitute
fonts the same way on Windows.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSize,
    Qt,
    QThread,
)
from PySide6.QtPdf import QPdfDocument

from app.services.documents.fonts import font_sample_pdf

KEPT_NAME = "loketKeptFonts"  # the kept document's object name among the application's children


def keep_fonts_loaded() -> bool:
    """Open and render the fonts' page once (later calls only find it); call on the UI
    thread. False without an application (nothing to own the document), off its thread
    (the document must live on it), or when QtPdf could not read the page."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return False
    if kept_document(app) is not None:
        return True
    document = QPdfDocument(app)  # closed and deleted with the application
    buffer = QBuffer(document)  # deleted after the document is closed
    buffer.setData(QByteArray(font_sample_pdf()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        document.deleteLater()
        return False
    document.render(0, QSize(16, 16))  # the page's fonts are loaded here
    document.setObjectName(KEPT_NAME)
    return True


def kept_document(app: QCoreApplication) -> QPdfDocument | None:
    """The fonts' document ``app`` holds open, if any."""
    document = app.findChild(QPdfDocument, KEPT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if document is None or not shiboken6.isValid(document) \
            or document.status() != QPdfDocument.Status.Ready:
        return None
    return document


def fonts_kept() -> bool:
    """Whether the application holds the fonts' document open (tests)."""
    app = QCoreApplication.instance()
    return app is not None and kept_document(app) is not None
