"""The evaluation as a workbook for the management meeting: "Ringkasan", "Per cabang",
"Per kecamatan", "Per kelurahan" and "Per hari" (numbers stay numbers)."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from app.services.documents.indonesian import tanggal_jam
from app.services.reports.sheets import (
    COUNT,
    PERCENT,
    RUPIAH,
    book_bytes,
    day_line_chart,
    new_book,
    table,
    title_rows,
)
from headoffice.evaluation import columns
from headoffice.evaluation.figures import AreaLine, Evaluation
from headoffice.evaluation.text import period, summary_rows, title

FORMATS = {columns.COUNT: COUNT, columns.RUPIAH: RUPIAH, columns.SHARE: PERCENT,
           columns.DAYS: "0.0"}


def evaluation_xlsx(e: Evaluation) -> bytes:
    """The evaluation as XLSX bytes."""
    book = new_book()
    heading = [title(e), period(e), f"dibuat {tanggal_jam(e.made_at)} UTC"]
    sheet = book.create_sheet("Ringkasan")
    table(sheet, title_rows(sheet, heading), ("Angka", "Nilai"), summary_rows(e),
          (None, None), (52, 30))
    sheet.freeze_panes = None
    _areas(book.create_sheet("Per cabang"), heading, "Cabang", e.by_branch, e)
    _areas(book.create_sheet("Per kecamatan"), heading, "Kecamatan", e.by_kecamatan, e)
    _areas(book.create_sheet("Per kelurahan"), heading, "Kelurahan", e.by_kelurahan, e,
           with_kecamatan=True)
    _days(book.create_sheet("Per hari"), heading, e)
    return book_bytes(book)


def _areas(sheet: Worksheet, heading: list[str], name: str, lines: tuple[AreaLine, ...],
           e: Evaluation, with_kecamatan: bool = False) -> None:
    first: tuple[str, ...] = (name, "Kecamatan") if with_kecamatan else (name,)
    rows: list[list[Any]] = []
    for line in lines:
        lead = [line.name, line.kecamatan] if with_kecamatan else [line.name]
        rows.append([*lead, *(None if name == "Cabang" and c.by_place_only
                              else c.value(line.figures) for c in columns.COLUMNS)])
    total = ["Jumlah", *([""] if with_kecamatan else []),
             *(c.value(e.totals) for c in columns.COLUMNS)]
    table(sheet, title_rows(sheet, heading), (*first, *(c.header for c in columns.COLUMNS)),
          rows, (*(None for _ in first), *(FORMATS[c.kind] for c in columns.COLUMNS)),
          (*(22 for _ in first), *(max(11, c.width_mm * 0.7) for c in columns.COLUMNS)), total)


def _days(sheet: Worksheet, heading: list[str], e: Evaluation) -> None:
    top = title_rows(sheet, heading)
    headers = ("Tanggal", "Pendaftar", "Uang muka", "Cicilan", "Tertagih", "Segel dibuka",
               "Gagal", "Batal", "Kumulatif pendaftar", "Kumulatif tertagih")
    rows = [(d.day, d.figures.enrolled, d.figures.down_payments, d.figures.instalments,
             d.figures.collected, d.figures.seals_opened, d.figures.broken,
             d.figures.cancelled, d.cumulative_enrolled, d.cumulative_collected)
            for d in e.by_day]
    table(sheet, top, headers, rows, (None, COUNT, RUPIAH, RUPIAH, RUPIAH, COUNT, COUNT, COUNT,
                                      COUNT, RUPIAH), (12, 11, 16, 16, 16, 11, 9, 9, 12, 18))
    day_line_chart(sheet, "Kumulatif tertagih", top, len(rows), len(headers))
