"""The evaluation on A4 landscape for the management meeting: the targets, the headline
figures and the charts on the first page; then the branches compared, the kecamatan, the
kelurahan and the days (header rows repeated on every page)."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, SimpleDocTemplate, Spacer, Table

from app.services.documents.indonesian import tanggal_jam
from app.services.documents.sheet_styles import (
    BOLD,
    CENTER,
    MARK,
    TITLE,
    content_width,
    grid_table,
    para,
)
from app.services.money import format_rupiah
from app.services.reports import progress_pdf
from app.services.reports.charts import collection_chart, kelurahan_chart
from app.services.reports.pages import numbered_canvas
from app.services.reports.progress_pdf import SECTION, target_box
from app.services.reports.wording import angka, day_label
from headoffice.evaluation.columns import COLUMNS
from headoffice.evaluation.figures import AreaLine, Evaluation, Figures
from headoffice.evaluation.text import period, summary_rows, title

PAGE = landscape(A4)
MARGIN = 10 * mm
WIDTH = content_width(PAGE[0], MARGIN)


def _small(style: ParagraphStyle) -> ParagraphStyle:
    """The branch report's cell style a size smaller: sixteen columns fit."""
    return ParagraphStyle(f"eval_{style.name}", parent=style, fontSize=7, leading=8.4)


CELL, CELL_BOLD, CELL_RIGHT, CELL_RIGHT_BOLD = map(_small, (
    progress_pdf.CELL, progress_pdf.CELL_BOLD, progress_pdf.CELL_RIGHT,
    progress_pdf.CELL_RIGHT_BOLD))
PADDED = [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]


def evaluation_pdf(e: Evaluation) -> bytes:
    """The evaluation as PDF bytes (A4 landscape)."""
    out = io.BytesIO()
    heading = f"{title(e)} s.d. {e.date_to:%d-%m-%Y}"
    template = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=11 * mm,
        bottomMargin=13 * mm, title=heading, author="Kantor Pusat",
        subject="Evaluasi program")
    story: list[Flowable] = [
        *_heading(e), _summary(e), Spacer(1, 3 * mm), _charts(e), PageBreak(),
        *_areas("Perbandingan cabang", "Cabang", e.by_branch, e.totals),
        CondPageBreak(50 * mm), *_areas("Per kecamatan", "Kecamatan", e.by_kecamatan, e.totals),
        PageBreak(), *_areas("Per kelurahan", "Kelurahan", e.by_kelurahan, e.totals, True),
        CondPageBreak(60 * mm), *_days(e)]
    footer = f"{heading} · dibuat {tanggal_jam(e.made_at)} UTC"
    template.build(story, canvasmaker=numbered_canvas(footer, f"Kantor Pusat · {heading}",
                                                      MARGIN))
    return out.getvalue()


def _heading(e: Evaluation) -> list[Flowable]:
    top = Table([[para("KANTOR PUSAT · EVALUASI PROGRAM", BOLD),
                  para("SEMENTARA" if e.running else "", MARK)]],
                colWidths=[WIDTH * 0.7, WIDTH * 0.3])
    top.setStyle([("LINEBELOW", (0, 0), (-1, 0), 1, "black"),
                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [top, Spacer(1, 2 * mm), para(title(e).upper(), TITLE), para(period(e), CENTER),
            Spacer(1, 3 * mm)]


def _summary(e: Evaluation) -> Table:
    t, box_w = e.totals, 74 * mm
    customers = target_box(
        "Pelanggan disegel terjangkau", e.customers_share, f"{angka(t.enrolled)} pelanggan",
        angka(e.target_customers),
        f"Disegel menunggak saat mulai: {angka(t.population)} pelanggan", box_w)
    arrears = target_box(
        "Tunggakan tertagih", e.arrears_share, format_rupiah(t.collected),
        format_rupiah(e.target_arrears),
        f"Denda dihapus (biaya): {format_rupiah(t.penalty_waived)}", box_w)
    rows: list[list[Flowable | str]] = [[para(label, CELL), para(value, CELL_RIGHT)]
                                        for label, value in summary_rows(e)]
    figures_w = WIDTH - 2 * box_w - 8 * mm
    figures = grid_table(rows, [figures_w - 44 * mm, 44 * mm], header_rows=0)
    row = Table([[customers, arrears, figures]],
                colWidths=[box_w + 4 * mm, box_w + 4 * mm, figures_w])
    row.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return row


def _charts(e: Evaluation) -> Table:
    half = (WIDTH - 6 * mm) / 2
    line = collection_chart([d.day for d in e.by_day],
                            [d.cumulative_collected for d in e.by_day], half, 62 * mm)
    bars = kelurahan_chart([(k.name, k.figures.enrolled) for k in e.by_kelurahan],
                           half, 62 * mm)
    table = Table([[line, bars]], colWidths=[half + 6 * mm, half])
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return table


def _cells(f: Figures, branch: bool = False) -> list[Flowable | str]:
    """The figures as plain strings: a number never wraps, and a table of a thousand
    cells renders in a fraction of the time paragraphs take (see ``_NUMBERS``)."""
    return [c.text(f, branch) for c in COLUMNS]


def _numbers(first: int, rows: int) -> list[tuple[Any, ...]]:
    """The style of the number cells (columns from ``first``, below the header row, the
    last of ``rows`` rows bold): the paragraphs' font, right-aligned."""
    return [("FONT", (first, 1), (-1, -1), CELL.fontName, CELL.fontSize, CELL.leading),
            ("ALIGN", (first, 1), (-1, -1), "RIGHT"),
            ("FONT", (first, rows - 1), (-1, rows - 1), CELL_BOLD.fontName, CELL.fontSize,
             CELL.leading)]


def _areas(heading: str, name: str, lines: tuple[AreaLine, ...], totals: Figures,
           with_kecamatan: bool = False) -> list[Flowable]:
    lead = [name, "Kecamatan"] if with_kecamatan else [name]
    data: list[list[Flowable | str]] = [[para(h, CELL_BOLD) for h in
                                         (*lead, *(c.header for c in COLUMNS))]]
    for line in lines:
        first = [line.name, line.kecamatan] if with_kecamatan else [line.name]
        data.append([*(para(x, CELL) for x in first),
                     *_cells(line.figures, branch=name == "Cabang")])
    data.append([para("Jumlah", CELL_BOLD), *([""] if with_kecamatan else []),
                 *_cells(totals)])
    widths = [c.width_mm * mm for c in COLUMNS]
    rest = WIDTH - sum(widths)
    lead_widths = [rest * 0.55, rest * 0.45] if with_kecamatan else [rest]
    table = grid_table(data, [*lead_widths, *widths])
    table.setStyle([*PADDED, *_numbers(len(lead), len(data))])
    return [para(heading, SECTION), table, Spacer(1, 4 * mm)]


def _days(e: Evaluation) -> list[Flowable]:
    headers = ("Tanggal", "Pendaftar", "Uang muka", "Cicilan", "Tertagih", "Segel dibuka",
               "Gagal", "Batal", "Kumulatif pendaftar", "Kumulatif tertagih")
    data: list[list[Flowable | str]] = [[para(h, CELL_BOLD) for h in headers]]
    for d in e.by_day:
        f = d.figures
        values = (angka(f.enrolled), format_rupiah(f.down_payments),
                  format_rupiah(f.instalments), format_rupiah(f.collected),
                  angka(f.seals_opened), angka(f.broken), angka(f.cancelled),
                  angka(d.cumulative_enrolled), format_rupiah(d.cumulative_collected))
        data.append([para(day_label(d.day), CELL), *values])
    widths = [0.0, *(w * mm for w in (18, 28, 28, 28, 18, 14, 14, 22, 30))]
    widths[0] = WIDTH - sum(widths)
    table = grid_table(data, widths)
    table.setStyle([*PADDED, *_numbers(1, len(data))[:2]])  # no total row: none bold
    return [para("Per hari", SECTION), table]
