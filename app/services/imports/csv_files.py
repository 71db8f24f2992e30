"""Reading head-office CSV files and checking their cells (no database).

A file is UTF-8 (with or without a byte-order mark), comma- or semicolon-separated,
with a header row naming every documented column. Cells are checked strictly: whole
numbers are digits only (no ``1.5``, no ``-3``, no ``1e3``), dates are ``YYYY-MM-DD``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from app.services.errors import DomainError, ErrorCode
from app.services.imports.problems import ImportProblem, ProblemCode
from app.services.text_checks import bad_character

MAX_MONEY = 1_000_000_000  # Rp 1 billion for one bill line: far above any real bill
MAX_READING = 99_999_999  # an eight-digit meter
MAX_USAGE = 1_000_000  # m³ in one month
_DIGITS_RE = re.compile(r"^[0-9]+$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_PERIOD_RE = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
_DELIMITERS = (",", ";")
T = TypeVar("T")


@dataclass(frozen=True)
class RejectedRow:
    """A data row that was not imported: its line in the file and every reason."""

    line: int
    key: str
    reasons: tuple[ImportProblem, ...]


@dataclass(frozen=True)
class CsvRow:
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    rows: tuple[CsvRow, ...]
    rejected: tuple[RejectedRow, ...]
    warnings: tuple[ImportProblem, ...]


class CellError(ValueError):
    """One cell is not acceptable: ``problem`` says why, naming the column."""

    def __init__(self, code: ProblemCode, column: str, value: str = "",
                 **params: str | int) -> None:
        self.problem = ImportProblem.of(code, column, value, **params)
        super().__init__(self.problem.text)


class FileRefused(DomainError):
    """The file as a whole cannot be imported: ``problem`` says why."""

    def __init__(self, file: str, problem: ImportProblem) -> None:
        super().__init__(ErrorCode.IMPORT_INVALID, file=file, problem=problem.text)
        self.file = file
        self.problem = problem


class RowCheck:
    """Collects every problem of one row instead of stopping at the first."""

    def __init__(self, row: CsvRow) -> None:
        self.row = row
        self.reasons: list[ImportProblem] = []

    def take(self, parse: Callable[..., T], column: str, *args: Any, **kwargs: Any) -> T:
        """``parse`` the cell; on a problem note it and return a placeholder (unused)."""
        try:
            return parse(self.row.cells, column, *args, **kwargs)
        except CellError as exc:
            self.reasons.append(exc.problem)
            return cast(T, None)

    def rejected(self, key: str) -> RejectedRow | None:
        return RejectedRow(self.row.line, key, tuple(self.reasons)) if self.reasons else None


def read_table(name: str, data: bytes, columns: Sequence[str]) -> CsvTable:
    """Split ``data`` into rows keyed by column; rows of the wrong width are rejected."""
    text = _decode(name, data)
    header_line = text.split("\n", 1)[0]
    delimiter = _sniff(header_line, columns)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise FileRefused(name, ImportProblem.of(ProblemCode.FILE_EMPTY)) from None
    missing = [c for c in columns if c not in header]
    if missing:
        raise FileRefused(name, ImportProblem.of(ProblemCode.HEADER_MISSING,
                                                 columns=", ".join(missing)))
    extra = sorted({c for c in header if c not in columns})
    warnings = [ImportProblem.of(ProblemCode.COLUMNS_IGNORED, columns=", ".join(extra))
                ] if extra else []
    index = {c: header.index(c) for c in columns}
    rows: list[CsvRow] = []
    rejected: list[RejectedRow] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not "".join(cells).strip():
                continue
            if len(cells) != len(header):
                rejected.append(RejectedRow(line, cells[0].strip(), (ImportProblem.of(
                    ProblemCode.ROW_WIDTH, fields=len(cells), expected=len(header)),)))
                continue
            rows.append(CsvRow(line, {c: cells[i].strip() for c, i in index.items()}))
    except csv.Error as exc:
        raise FileRefused(name, ImportProblem.of(ProblemCode.FILE_NOT_CSV,
                                                 line=reader.line_num, detail=str(exc))) from exc
    return CsvTable(tuple(rows), tuple(rejected), tuple(warnings))


def _decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileRefused(name, ImportProblem.of(ProblemCode.FILE_NOT_UTF8, line=line)) from None


def _sniff(header_line: str, columns: Sequence[str]) -> str:
    """The delimiter under which the header names most of the expected columns."""
    def known(delimiter: str) -> int:
        names = {cell.strip().strip('"').lower() for cell in header_line.split(delimiter)}
        return len(names & set(columns))
    return max(_DELIMITERS, key=known)


def text(cells: dict[str, str], column: str, max_length: int, *, required: bool = True) -> str:
    value = cells[column]
    if required and not value:
        raise CellError(ProblemCode.CELL_EMPTY, column)
    if len(value) > max_length:
        raise CellError(ProblemCode.CELL_TOO_LONG, column, value, limit=max_length)
    found = bad_character(value)
    if found:
        raise CellError(ProblemCode.CELL_BAD_CHARACTER, column, value, character=found[0],
                        position=found[1])
    return value


def digits(cells: dict[str, str], column: str, max_length: int, *, required: bool = True) -> str:
    """A code made of digits only (connection numbers, RT/RW)."""
    value = text(cells, column, max_length, required=required)
    if value and not _DIGITS_RE.match(value):
        raise CellError(ProblemCode.CELL_NOT_DIGITS, column, value)
    return value


def whole_number(cells: dict[str, str], column: str, maximum: int) -> int:
    """A whole number from 0 to ``maximum``, written as plain digits."""
    value = cells[column]
    if not value:
        raise CellError(ProblemCode.CELL_EMPTY, column)
    if value.startswith("-") and _DIGITS_RE.match(value[1:]):
        raise CellError(ProblemCode.CELL_NEGATIVE, column, value)
    if not _DIGITS_RE.match(value):
        raise CellError(ProblemCode.CELL_NOT_WHOLE_NUMBER, column, value)
    if len(value) > 15 or int(value) > maximum:
        raise CellError(ProblemCode.CELL_TOO_LARGE, column, value, limit=maximum)
    return int(value)


def iso_date(cells: dict[str, str], column: str) -> dt.date:
    value = cells[column]
    if not value:
        raise CellError(ProblemCode.CELL_EMPTY, column)
    try:
        if not _DATE_RE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CellError(ProblemCode.CELL_NOT_DATE, column, value) from None


def period(cells: dict[str, str], column: str) -> str:
    value = cells[column]
    match = _PERIOD_RE.match(value)
    if match is None or not 1900 <= int(match[1]) <= 2100:
        raise CellError(ProblemCode.CELL_NOT_MONTH, column, value)
    return value


def flag(cells: dict[str, str], column: str) -> bool:
    value = cells[column]
    if value not in ("0", "1"):
        raise CellError(ProblemCode.CELL_NOT_FLAG, column, value)
    return value == "1"


def choice(cells: dict[str, str], column: str, allowed: Sequence[str]) -> str:
    value = cells[column].lower()
    if value not in allowed:
        raise CellError(ProblemCode.CELL_NOT_CHOICE, column, cells[column],
                        allowed=", ".join(allowed))
    return value
