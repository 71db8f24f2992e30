"""The programme progress report on A4 landscape: the figures against the targets, a
line chart of cumulative collection and a bar chart of enrolments by kelurahan on the
first page; then the tables by kelurahan and by day (header rows repeated)."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from app.services.documents.indonesian import tanggal, tanggal_jam
from app.services.documents.sheet_styles import (
    BOLD,
    CENTER,
    MARK,
    ORG,
    SMALL,
    TITLE,
    content_width,
    grid_table,
    para,
)
from app.services.money import format_rupiah
from app.services.reports.charts import FILL, GRID, collection_chart, kelurahan_chart, rect
from app.services.reports.pages import numbered_canvas
from app.services.reports.progress_data import Figures, ProgressDocument
from app.services.reports.wording import angka, day_label, persen

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = content_width(PAGE[0], MARGIN)
CELL = ParagraphStyle("prog_cell", parent=SMALL, fontSize=8, leading=9.6)
CELL_BOLD = ParagraphStyle("prog_cell_bold", parent=CELL, fontName="Helvetica-Bold")
CELL_RIGHT = ParagraphStyle("prog_cell_right", parent=CELL, alignment=2)
CELL_RIGHT_BOLD = ParagraphStyle("prog_cell_right_bold", parent=CELL_RIGHT,
                                 fontName="Helvetica-Bold")
SECTION = ParagraphStyle("prog_section", parent=BOLD, fontSize=10.5, leading=13, spaceAfter=3)
BIG = ParagraphStyle("prog_big", parent=BOLD, fontSize=20, leading=24,
                     textColor=colors.HexColor("#1f4e79"))


def progress_title(doc: ProgressDocument) -> str:
    return f"Perkembangan {doc.programme_name} s.d. {tanggal(doc.date_to)}"


def progress_pdf(doc: ProgressDocument) -> bytes:
    """The progress report as PDF bytes (A4 landscape)."""
    out = io.BytesIO()
    title = progress_title(doc)
    template = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=11 * mm,
        bottomMargin=13 * mm, title=title, author=doc.header.utility_name,
        subject="Laporan perkembangan program")
    story = [*_heading(doc), _summary(doc), Spacer(1, 4 * mm), _charts(doc), PageBreak(),
             *_kelurahan_table(doc), CondPageBreak(60 * mm), *_day_table(doc)]
    footer = f"{title} · dicetak {tanggal_jam(doc.printed_at)}"
    template.build(story, canvasmaker=numbered_canvas(
        footer, f"{doc.header.utility_name} · {title}", MARGIN))
    return out.getvalue()


def _heading(doc: ProgressDocument) -> list[Flowable]:
    h = doc.header
    running = doc.date_to < doc.valid_to
    top = Table([[[para(h.utility_name, ORG), para(f"{h.branch_name} · {h.branch_address}",
                                                   SMALL)],
                  para("SEMENTARA" if running else "", MARK)]],
                colWidths=[WIDTH * 0.7, WIDTH * 0.3])
    top.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                  ("LINEBELOW", (0, 0), (-1, 0), 1, "black")])
    days = (doc.date_to - doc.date_from).days + 1
    return [top, Spacer(1, 2.5 * mm),
            para(f"LAPORAN PERKEMBANGAN PROGRAM {doc.programme_name.upper()}", TITLE),
            para(f"Periode laporan {tanggal(doc.date_from)} – {tanggal(doc.date_to)} "
                 f"({angka(days)} hari) · program berlaku {tanggal(doc.valid_from)} – "
                 f"{tanggal(doc.valid_to)} · ketentuan {doc.programme_code} versi "
                 f"{doc.programme_version}", CENTER), Spacer(1, 3 * mm)]


def _bar(share: float | None, width: float) -> Drawing:
    drawing = Drawing(width, 9)
    drawing.add(rect(0, 0, width, 9, colors.HexColor("#eeeeee"), GRID))
    if share:
        drawing.add(rect(0, 0, width * min(share, 1.0), 9, FILL))
    return drawing


def target_box(title: str, share: float | None, reached: str, target: str, left: str,
                width: float) -> Table:
    big = persen(share) if share is not None else "–"
    detail = f"{reached} dari target {target}" if share is not None else \
        f"{reached} (target belum ditetapkan)"
    box = Table([[para(title, BOLD)], [para(big, BIG)], [_bar(share, width - 12)],
                 [para(detail, SMALL)], [para(left, SMALL)]], colWidths=[width])
    box.setStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#1f4e79")),
                  ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                  ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    return box


def _summary(doc: ProgressDocument) -> Table:
    t = doc.totals
    box_w = 78 * mm
    customers_left = max(0, doc.target_customers - t.enrolled)
    arrears_left = max(0, doc.target_arrears - t.collected)
    customers = target_box("Pelanggan disegel terjangkau", doc.customers_share,
                            f"{angka(t.enrolled)} pelanggan", angka(doc.target_customers),
                            f"Belum terjangkau: {angka(customers_left)} pelanggan", box_w)
    arrears = target_box("Tunggakan berkurang", doc.arrears_share,
                          format_rupiah(t.collected), format_rupiah(doc.target_arrears),
                          f"Sisa target: {format_rupiah(arrears_left)}", box_w)
    rows = [
        ("Pendaftar (tanpa yang batal atau ditolak)", angka(t.enrolled)),
        ("Uang muka diterima", format_rupiah(t.down_payments)),
        ("Cicilan diterima", format_rupiah(t.instalments)),
        ("Total uang diterima", format_rupiah(t.collected)),
        ("Tunggakan masuk perjanjian", format_rupiah(t.arrears_in_plans)),
        ("Denda dihapus", format_rupiah(t.penalty_waived)),
        ("Segel dibuka (SPK buka segel selesai)", angka(t.seals_opened)),
        ("Perjanjian gagal (cicilan tidak dibayar)", angka(t.broken)),
        ("Dibatalkan (uang muka dibatalkan)", angka(t.cancelled)),
        ("Ditolak kantor pusat (bukan pendaftar)", angka(t.refused)),
        ("Uang rencana ditolak (titipan kantor pusat)", format_rupiah(t.refused_credit)),
    ]
    figures_w = WIDTH - 2 * box_w - 8 * mm
    data: list[list[Flowable | str]] = [
        [para(label, CELL_BOLD if i == 3 else CELL),
         para(value, CELL_RIGHT_BOLD if i == 3 else CELL_RIGHT)]
        for i, (label, value) in enumerate(rows)]
    figures = grid_table(data, [figures_w - 42 * mm, 42 * mm], header_rows=0)
    row = Table([[customers, arrears, figures]],
                colWidths=[box_w + 4 * mm, box_w + 4 * mm, figures_w])
    row.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return row


def _charts(doc: ProgressDocument) -> Table:
    half = (WIDTH - 6 * mm) / 2
    height = 92 * mm
    line = collection_chart([d.day for d in doc.by_day],
                            [d.cumulative_collected for d in doc.by_day], half, height)
    bars = kelurahan_chart([(k.kelurahan, k.figures.enrolled) for k in doc.by_kelurahan],
                           half, height)
    table = Table([[line, bars]], colWidths=[half + 6 * mm, half])
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table


FIGURE_HEADERS = ("Pendaftar", "Uang muka", "Cicilan", "Total diterima",
                  "Tunggakan masuk perjanjian", "Denda dihapus", "Segel dibuka", "Gagal",
                  "Batal", "Ditolak pusat")


def _figure_cells(f: Figures, bold: bool = False) -> list[Flowable | str]:
    style = CELL_RIGHT_BOLD if bold else CELL_RIGHT
    values = (angka(f.enrolled), format_rupiah(f.down_payments), format_rupiah(f.instalments),
              format_rupiah(f.collected), format_rupiah(f.arrears_in_plans),
              format_rupiah(f.penalty_waived), angka(f.seals_opened), angka(f.broken),
              angka(f.cancelled), angka(f.refused))
    return [para(v, style) for v in values]


FIGURE_WIDTHS = [16, 25, 25, 26, 28, 23, 13, 12, 12, 12]  # "Rp 4.700.000.000" fits in 25
REFUSED_NOTE = ("Ditolak pusat: pendaftaran yang ditolak kantor pusat (misalnya pelanggan "
                "lebih dulu terdaftar di cabang lain); tidak dihitung sebagai pendaftar, dan "
                "uangnya tidak termasuk uang diterima: kantor pusat menyimpannya sebagai "
                "titipan sampai dikembalikan kepada pelanggan.")
PADDED = [("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]


def _kelurahan_table(doc: ProgressDocument) -> list[Flowable]:
    headers = ("No", "Kelurahan", "Kecamatan", *FIGURE_HEADERS, "Masih disegel")
    data: list[list[Flowable | str]] = [[para(h, CELL_BOLD) for h in headers]]
    for i, line in enumerate(doc.by_kelurahan, start=1):
        data.append([para(str(i), CELL), para(line.kelurahan, CELL), para(line.kecamatan, CELL),
                     *_figure_cells(line.figures), para(angka(line.still_sealed), CELL_RIGHT)])
    if not doc.by_kelurahan:
        data.append([para("Belum ada kegiatan dalam periode ini.", CELL),
                     *[""] * (len(headers) - 1)])
    sealed = sum(x.still_sealed for x in doc.by_kelurahan)
    data.append([para("", CELL), para("Jumlah", CELL_BOLD), para("", CELL),
                 *_figure_cells(doc.totals, bold=True), para(angka(sealed), CELL_RIGHT_BOLD)])
    widths = [8 * mm, 0.0, 22 * mm, *(w * mm for w in FIGURE_WIDTHS), 17 * mm]
    widths[1] = WIDTH - sum(widths)
    table = grid_table(data, widths)
    table.setStyle(PADDED)
    if not doc.by_kelurahan:
        table.setStyle([("SPAN", (0, 1), (-1, 1))])
    return [para("Rincian per kelurahan", SECTION), table,
            para("Masih disegel: pelanggan kelurahan itu yang berstatus disegel saat laporan "
                 "dicetak. " + REFUSED_NOTE, SMALL), Spacer(1, 5 * mm)]


def _day_table(doc: ProgressDocument) -> list[Flowable]:
    headers = ("Tanggal", *FIGURE_HEADERS, "Kumulatif pendaftar", "Kumulatif diterima")
    data: list[list[Flowable | str]] = [[para(h, CELL_BOLD) for h in headers]]
    for line in doc.by_day:
        data.append([para(day_label(line.day), CELL),
                     *_figure_cells(line.figures),
                     para(angka(line.cumulative_enrolled), CELL_RIGHT),
                     para(format_rupiah(line.cumulative_collected), CELL_RIGHT)])
    data.append([para("Jumlah", CELL_BOLD), *_figure_cells(doc.totals, bold=True), "", ""])
    widths = [0.0, *(w * mm for w in FIGURE_WIDTHS), 20 * mm, 29 * mm]
    widths[0] = WIDTH - sum(widths)
    table = grid_table(data, widths)
    table.setStyle(PADDED)
    return [para("Rincian per hari", SECTION), table]
