"""The programme progress report as a workbook: "Ringkasan" (figures against targets),
"Per kelurahan" and "Per hari" (with a chart of the cumulative collection)."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from app.services.documents.indonesian import tanggal, tanggal_jam
from app.services.reports.charts import TOP_KELURAHAN
from app.services.reports.progress_data import Figures, ProgressDocument
from app.services.reports.progress_pdf import FIGURE_HEADERS, progress_title
from app.services.reports.sheets import (
    COUNT,
    DATE,
    PERCENT,
    RUPIAH,
    book_bytes,
    day_line_chart,
    new_book,
    table,
    title_rows,
)

FIGURE_FORMATS = (COUNT, RUPIAH, RUPIAH, RUPIAH, RUPIAH, RUPIAH, COUNT, COUNT, COUNT, COUNT)
FIGURE_WIDTHS = (11, 16, 16, 16, 18, 15, 11, 9, 9, 10)


def progress_xlsx(doc: ProgressDocument) -> bytes:
    """The progress report as XLSX bytes."""
    book = new_book()
    heading = [f"Laporan {progress_title(doc)}",
               f"{doc.header.utility_name}, {doc.header.branch_name}",
               f"Periode {tanggal(doc.date_from)} – {tanggal(doc.date_to)} · "
               f"dicetak {tanggal_jam(doc.printed_at)}"]
    _summary(book.create_sheet("Ringkasan"), heading, doc)
    _by_kelurahan(book.create_sheet("Per kelurahan"), heading, doc)
    _by_day(book.create_sheet("Per hari"), heading, doc)
    return book_bytes(book)


def _figures(f: Figures) -> list[int]:
    return [f.enrolled, f.down_payments, f.instalments, f.collected, f.arrears_in_plans,
            f.penalty_waived, f.seals_opened, f.broken, f.cancelled, f.refused]


def _summary(sheet: Worksheet, heading: list[str], doc: ProgressDocument) -> None:
    t = doc.totals
    row = title_rows(sheet, heading)
    targets = [
        ("Pelanggan disegel terjangkau", t.enrolled, doc.target_customers,
         doc.customers_share, COUNT),
        ("Tunggakan berkurang (uang diterima)", t.collected, doc.target_arrears,
         doc.arrears_share, RUPIAH),
    ]
    row = table(sheet, row, ("Target", "Tercapai", "Target", "Persentase"),
                [(name, reached, target or None, share) for name, reached, target, share, _
                 in targets], (None, None, None, PERCENT), (40, 18, 18, 12))
    for offset, (*_, fmt) in enumerate(targets, start=row - 1 - len(targets)):
        for col in (2, 3):
            sheet.cell(row=offset, column=col).number_format = fmt
    rows = [(label, value) for label, value in zip(
        ("Pendaftar (tanpa yang batal atau ditolak)", "Uang muka diterima",
         "Cicilan diterima", "Total uang diterima", "Tunggakan masuk perjanjian", "Denda dihapus",
         "Segel dibuka (SPK selesai)", "Perjanjian gagal", "Pendaftaran dibatalkan",
         "Ditolak kantor pusat (bukan pendaftar)",
         "Uang rencana ditolak (titipan di kantor pusat sampai dikembalikan)"),
        [*_figures(t), t.refused_credit], strict=True)]
    start = row
    table(sheet, row, ("Angka", "Jumlah"), rows, (None, RUPIAH), (62, 18))
    for i, fmt in enumerate((*FIGURE_FORMATS, RUPIAH), start=start + 1):
        sheet.cell(row=i, column=2).number_format = fmt
    sheet.freeze_panes = None


def _by_kelurahan(sheet: Worksheet, heading: list[str], doc: ProgressDocument) -> None:
    top = title_rows(sheet, heading)
    rows = [(i, x.kelurahan, x.kecamatan, *_figures(x.figures), x.still_sealed)
            for i, x in enumerate(doc.by_kelurahan, start=1)]
    total = ("", "Jumlah", "", *_figures(doc.totals),
             sum(x.still_sealed for x in doc.by_kelurahan))
    table(sheet, top, ("No", "Kelurahan", "Kecamatan", *FIGURE_HEADERS, "Masih disegel"), rows,
          (COUNT, None, None, *FIGURE_FORMATS, COUNT), (5, 22, 14, *FIGURE_WIDTHS, 12), total)
    shown = min(len(rows), TOP_KELURAHAN)
    if shown:
        chart = BarChart()
        chart.type, chart.title, chart.legend = "bar", "Pendaftar per kelurahan", None
        chart.add_data(Reference(sheet, min_col=4, min_row=top, max_row=top + shown),
                       titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=2, min_row=top + 1, max_row=top + shown))
        chart.y_axis.scaling.orientation = "minMax"
        chart.x_axis.scaling.orientation = "maxMin"  # the largest on top
        chart.height, chart.width = 10, 16
        sheet.add_chart(chart, f"A{top + len(rows) + 4}")


def _by_day(sheet: Worksheet, heading: list[str], doc: ProgressDocument) -> None:
    top = title_rows(sheet, heading)
    rows = [(x.day, *_figures(x.figures), x.cumulative_enrolled, x.cumulative_collected)
            for x in doc.by_day]
    total = ("Jumlah", *_figures(doc.totals), None, None)
    table(sheet, top, ("Tanggal", *FIGURE_HEADERS, "Kumulatif pendaftar", "Kumulatif diterima"),
          rows, (DATE, *FIGURE_FORMATS, COUNT, RUPIAH), (12, *FIGURE_WIDTHS, 12, 18), total)
    collected = 2 + len(FIGURE_FORMATS) + 1  # after the date, figures, enrolled
    day_line_chart(sheet, "Kumulatif uang diterima", top, len(rows), collected)
