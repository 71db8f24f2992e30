"""Workbook helpers for the reports: titles, ruled tables, rupiah and date formats.

Amounts are written as numbers and dates as dates, each with a number format, so that a
spreadsheet can sum and sort them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

RUPIAH = '"Rp" #,##0;-"Rp" #,##0'
COUNT = "#,##0"
PERCENT = "0.00%"
DATE = "DD-MM-YYYY"
DATETIME = "DD-MM-YYYY HH:MM"
TIME = "HH:MM"
_THIN = Side(style="thin", color="999999")
_HEADER_FILL = PatternFill("solid", fgColor="E6E6E6")


def new_book() -> Workbook:
    """An empty workbook (its default sheet removed)."""
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    return book


def book_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def title_rows(sheet: Worksheet, lines: Sequence[str]) -> int:
    """The title lines at the top (the first one bold); returns the next free row."""
    for i, line in enumerate(lines, start=1):
        cell = sheet.cell(row=i, column=1, value=line)
        cell.font = Font(bold=i == 1, size=13 if i == 1 else 10)
    return len(lines) + 2


def table(sheet: Worksheet, top: int, headers: Sequence[str], rows: Sequence[Sequence[Any]],
          formats: Sequence[str | None], widths: Sequence[float],
          total: Sequence[Any] | None = None) -> int:
    """A table with a shaded header row at ``top`` (filters on, frozen below it); ``formats``
    gives each column's number format (dates get a date format anyway). Returns the row
    after the table and a blank row."""
    for col, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=top, column=col, value=name)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _box()
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(col)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(width, current)
    row = top
    for row, values in enumerate(rows, start=top + 1):
        _write_row(sheet, row, values, formats)
    if rows:
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{top}:{last}{row}"
    if sheet.freeze_panes is None:
        sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    if total is not None:
        row += 1
        _write_row(sheet, row, total, formats, bold=True)
    return row + 2


def _write_row(sheet: Worksheet, row: int, values: Sequence[Any], formats: Sequence[str | None],
               bold: bool = False) -> None:
    for col, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
        cell = sheet.cell(row=row, column=col, value=value)
        if isinstance(value, dt.datetime):
            fmt = fmt if fmt in (DATETIME, TIME) else DATETIME
        elif isinstance(value, dt.date):
            fmt = DATE
        elif not (fmt and isinstance(value, int | float) and not isinstance(value, bool)):
            fmt = None
        cell.style = _cell_style(sheet, fmt, bold)


def _cell_style(sheet: Worksheet, fmt: str | None, bold: bool) -> str:
    """A boxed cell's named style with ``fmt``, made once per workbook: setting border,
    font and format cell by cell costs openpyxl a comparison of every style it holds."""
    name = f"Loket {'tebal ' if bold else ''}{fmt or 'General'}"
    book = sheet.parent
    if name not in book.named_styles:
        book.add_named_style(NamedStyle(name=name, border=_box(), font=Font(bold=bold),
                                        number_format=fmt or "General"))
    return name


def _box() -> Border:
    return Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def day_line_chart(sheet: Worksheet, title: str, top: int, rows: int, column: int) -> None:
    """A line chart of ``column`` against the dates in column A (header row ``top``,
    ``rows`` days below it), placed two columns to the right of ``column``."""
    if not rows:
        return
    chart = LineChart()
    chart.title, chart.legend = title, None
    chart.add_data(Reference(sheet, min_col=column, min_row=top, max_row=top + rows),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=top + rows))
    chart.y_axis.number_format = RUPIAH
    chart.x_axis.number_format = "DD-MM"
    chart.height, chart.width = 9, 18
    sheet.add_chart(chart, f"{get_column_letter(column + 2)}{top}")
