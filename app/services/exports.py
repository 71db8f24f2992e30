"""Writing lists of plain records to CSV (Excel-friendly) and XLSX files."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _rows(records: Sequence[Any]) -> tuple[list[str], list[list[Any]]]:
    if not records:
        return [], []
    fields = [f.name for f in dataclasses.fields(records[0])]
    return fields, [[getattr(r, f) for f in fields] for r in records]


def write_csv(records: Sequence[Any], path: Path, headers: Sequence[str] | None = None) -> int:
    """Write dataclass records as UTF-8 CSV with a BOM (Excel opens it correctly)."""
    fields, rows = _rows(records)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(headers or fields))
        for row in rows:
            writer.writerow([_text(v) for v in row])
    return len(rows)


def write_xlsx(records: Sequence[Any], path: Path, headers: Sequence[str] | None = None,
               title: str = "Data") -> int:
    """Write dataclass records to one worksheet; dates stay dates, amounts stay numbers."""
    from openpyxl import Workbook

    fields, rows = _rows(records)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(headers or fields))
    for row in rows:
        sheet.append([_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    book.save(path)
    return len(rows)


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def _cell(value: Any) -> Any:
    return ("ya" if value else "tidak") if isinstance(value, bool) else value
