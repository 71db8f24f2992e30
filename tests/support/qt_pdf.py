"""Opening a PDF with QtPdf in a test: the document is closed and deleted on leaving,
whatever the test asserted, so no test leaves PDFium's memory or a document behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument


@contextmanager
def pdf_document(pdf: bytes | Path) -> Iterator[QPdfDocument]:
    """``pdf`` (its bytes or its file) loaded in a document of its own."""
    document = QPdfDocument()
    buffer = QBuffer()
    try:
        if isinstance(pdf, Path):
            document.load(str(pdf))
        else:
            buffer.setData(QByteArray(pdf))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document.load(buffer)
        yield document
    finally:
        document.close()
        shiboken6.delete(document)
        buffer.close()
        shiboken6.delete(buffer)
