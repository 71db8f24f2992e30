"""Paragraph and table styles shared by the A4 documents (agreement, work order)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

FRAME_PADDING = 6  # what a platypus frame keeps free inside its margins, each side


def content_width(page_width: float, margin: float) -> float:
    """The width a flowable may take on a page with these side margins."""
    return page_width - 2 * margin - 2 * FRAME_PADDING


BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
SMALL_CENTER = ParagraphStyle("small_center", parent=SMALL, alignment=TA_CENTER)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
RIGHT = ParagraphStyle("right", parent=BODY, alignment=TA_RIGHT)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=13,
                       leading=17, alignment=TA_CENTER, spaceAfter=2)
ORG = ParagraphStyle("org", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15)
MARK = ParagraphStyle("mark", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=18,
                      alignment=TA_RIGHT, textColor=colors.black)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped: names may hold ``&`` or ``<``)."""
    return Paragraph(escape(text), style)


def rich(markup: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of trusted markup (``<b>`` …); escape data with :func:`esc` first."""
    return Paragraph(markup, style)


def esc(text: str) -> str:
    return escape(text)


def fields_table(rows: list[tuple[str, ...]], widths: tuple[float, ...]) -> Table:
    """Rows of label / value pairs (one or more pairs a row), values wrapped."""
    data: list[list[Flowable | str]] = []
    for row in rows:
        cells: list[Flowable | str] = []
        for label, value in zip(row[::2], row[1::2], strict=True):
            cells += [para(label), para(f": {value}" if label else "")]
        data.append(cells)
    table = Table(data, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
    ]))
    return table


def grid_table(data: list[list[Flowable | str]], widths: list[float],
               header_rows: int = 1, heights: list[float | None] | None = None) -> Table:
    """A ruled table; the first ``header_rows`` rows shaded (and repeated on a new page)."""
    table = Table(data, colWidths=widths, rowHeights=heights, hAlign="LEFT",
                  repeatRows=header_rows)
    shade = [("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6e6e6"))]
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        *(shade if header_rows else []),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table
