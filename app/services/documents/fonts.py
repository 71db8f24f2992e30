"""The standard PDF fonts Loket's documents are written in, and a page that uses them all.

Receipts, agreements, work orders and reports use PDF's standard Helvetica family,
which a PDF names but does not carry: the renderer that shows or prints it brings the
fonts. :func:`font_sample_pdf` is a small page with a word in each of them, for a
renderer to load them once and keep them (``app/ui/pdf_fonts.py``).
"""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

STANDARD_FONTS = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")
"""Every font the documents are written in (reportlab's names for PDF's standard fonts)."""


def font_sample_pdf() -> bytes:
    """A one-page PDF (2 × 2 cm) with a word in each of :data:`STANDARD_FONTS`."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=(57, 57), pageCompression=1)
    canvas.setTitle("Loket fonts")
    for line, font in enumerate(STANDARD_FONTS):
        canvas.setFont(font, 8)
        canvas.drawString(4, 45 - 12 * line, "Rp 0")
    canvas.showPage()
    canvas.save()
    return out.getvalue()
