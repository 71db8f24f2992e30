"""QtPdf's fonts stay loaded: documents printed or shown one after another leave nothing
of their fonts behind."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from app.services.documents.fonts import font_sample_pdf
from app.ui.pdf_fonts import KEPT_NAME, fonts_kept, keep_fonts_loaded, kept_document
from app.ui.printing import load_print_plugin
from tests.support.qt_pdf import pdf_document


def test_printing_keeps_the_fonts_loaded(qapp: QApplication) -> None:
    load_print_plugin()
    assert fonts_kept()
    document = kept_document(qapp)
    assert document is not None and document.parent() is qapp  # the application holds it
    assert keep_fonts_loaded()  # once only: the same document stays open
    assert kept_document(qapp) is document
    assert len(qapp.findChildren(QPdfDocument, KEPT_NAME)) == 1


def test_off_the_ui_thread_no_document_is_made(qapp: QApplication) -> None:
    documents = len(qapp.findChildren(QPdfDocument))
    said: list[bool] = []
    worker = threading.Thread(target=lambda: said.append(keep_fonts_loaded()))
    worker.start()
    worker.join(10)
    assert said == [False]
    assert len(qapp.findChildren(QPdfDocument)) == documents


def _render_a_new_document(pdf: bytes) -> None:
    with pdf_document(pdf) as document:
        assert document.status() == QPdfDocument.Status.Ready
        assert not document.render(0, QSize(200, 200)).isNull()


def _mappings() -> int:
    return len(Path("/proc/self/maps").read_text(encoding="ascii").splitlines())


@pytest.mark.skipif(sys.platform != "linux", reason="counts the process's mappings in /proc")
def test_documents_rendered_one_after_another_leave_no_mappings_behind(
        qapp: QApplication) -> None:
    # Without the fonts kept, PDFium leaves eight mappings per document behind (its
    # fonts loaded and let go each time): 240 after 30 documents
    assert keep_fonts_loaded()
    pdf = font_sample_pdf()
    _render_a_new_document(pdf)
    before = _mappings()
    for _ in range(30):
        _render_a_new_document(pdf)
    assert _mappings() - before < 30
