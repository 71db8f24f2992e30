"""Why an import refuses a file or a row, or warns: a stable code and plain parameters.

Every problem the CSV imports find is an :class:`ImportProblem`: its code, the column
and the value it is about (a cell's text, cut to :data:`VALUE_SHOWN` characters), and
other parameters (a limit, the line a duplicate was first seen on, …). Each code's
sentence is written once in each language: :data:`INDONESIAN` (the default) and
:data:`TEXTS` (English, also for logs). The admin CLIs (``--lang``) and head office's
console say a problem in either from its code.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

VALUE_SHOWN = 60  # characters of a refused cell repeated in its reason


class ProblemCode(enum.StrEnum):
    # a cell: column, value
    CELL_EMPTY = "cell_empty"
    CELL_TOO_LONG = "cell_too_long"
    CELL_BAD_CHARACTER = "cell_bad_character"
    CELL_NOT_DIGITS = "cell_not_digits"
    CELL_NEGATIVE = "cell_negative"
    CELL_NOT_WHOLE_NUMBER = "cell_not_whole_number"
    CELL_TOO_LARGE = "cell_too_large"
    CELL_NOT_DATE = "cell_not_date"
    CELL_NOT_MONTH = "cell_not_month"
    CELL_NOT_FLAG = "cell_not_flag"
    CELL_NOT_CHOICE = "cell_not_choice"
    # a row
    ROW_WIDTH = "row_width"
    READING_BELOW_START = "reading_below_start"
    DUPLICATE_CUSTOMER = "duplicate_customer"
    DUPLICATE_BILL = "duplicate_bill"
    UNKNOWN_CUSTOMER = "unknown_customer"
    BILL_HAS_PAYMENTS = "bill_has_payments"
    BILL_IN_PLAN = "bill_in_plan"
    BILL_SETTLED_OR_IN_PLAN = "bill_settled_or_in_plan"
    # the file as a whole
    FILE_EMPTY = "file_empty"
    FILE_UNREADABLE = "file_unreadable"
    FILE_TOO_LARGE = "file_too_large"
    FILE_NOT_UTF8 = "file_not_utf8"
    FILE_NOT_CSV = "file_not_csv"
    HEADER_MISSING = "header_missing"
    KIND_UNKNOWN = "kind_unknown"
    # warnings: the file is imported all the same
    COLUMNS_IGNORED = "columns_ignored"
    KELURAHAN_UNKNOWN = "kelurahan_unknown"


# One literal per line, so each code's words are easy to compare with their translation.
TEXTS: dict[ProblemCode, str] = {
    ProblemCode.CELL_EMPTY: "{column} is empty",
    ProblemCode.CELL_TOO_LONG: "{column} is longer than {limit} characters",
    ProblemCode.CELL_BAD_CHARACTER: "{column} holds the character {character} at position {position}",
    ProblemCode.CELL_NOT_DIGITS: "{column} '{value}' must be digits only",
    ProblemCode.CELL_NEGATIVE: "{column} {value} is negative",
    ProblemCode.CELL_NOT_WHOLE_NUMBER: "{column} '{value}' is not a whole number",
    ProblemCode.CELL_TOO_LARGE: "{column} {value} is larger than {limit}",
    ProblemCode.CELL_NOT_DATE: "{column} '{value}' is not a date (YYYY-MM-DD)",
    ProblemCode.CELL_NOT_MONTH: "{column} '{value}' is not a month (YYYY-MM)",
    ProblemCode.CELL_NOT_FLAG: "{column} '{value}' must be 0 or 1",
    ProblemCode.CELL_NOT_CHOICE: "{column} '{value}' is not one of {allowed}",
    ProblemCode.ROW_WIDTH: "has {fields} fields; the header has {expected}",
    ProblemCode.READING_BELOW_START: "reading_end {value} is below reading_start {start}",
    ProblemCode.DUPLICATE_CUSTOMER: "connection_no {value} is already on line {first_line}",
    ProblemCode.DUPLICATE_BILL: "the bill {value} {period} is already on line {first_line}",
    ProblemCode.UNKNOWN_CUSTOMER: "no customer with connection_no {value} (import the customers first)",
    ProblemCode.BILL_HAS_PAYMENTS: "the bill for {period} already has payments at this branch ({paid}); it is kept as it is",
    ProblemCode.BILL_IN_PLAN: "the bill for {period} is part of an instalment plan; it is kept as it is",
    ProblemCode.BILL_SETTLED_OR_IN_PLAN: "the bill for {period} was settled at a branch or is part of an instalment plan; it is kept as it is",
    ProblemCode.FILE_EMPTY: "the file is empty",
    ProblemCode.FILE_UNREADABLE: "cannot be read ({detail})",
    ProblemCode.FILE_TOO_LARGE: "the file is larger than {limit} MB; nothing was read",
    ProblemCode.FILE_NOT_UTF8: "line {line} is not UTF-8 text",
    ProblemCode.FILE_NOT_CSV: "line {line} is not CSV ({detail})",
    ProblemCode.HEADER_MISSING: "the header lacks column(s) {columns}",
    ProblemCode.KIND_UNKNOWN: "choose customers or bills",
    ProblemCode.COLUMNS_IGNORED: "column(s) {columns} ignored",
    ProblemCode.KELURAHAN_UNKNOWN: "kelurahan '{value}' is unknown ({rows} row(s), first on line {first_line})",
}

# The same in Bahasa Indonesia, the default language of the admin CLIs and of head
# office's console. Columns are named as the file's header names them.
INDONESIAN: dict[ProblemCode, str] = {
    ProblemCode.CELL_EMPTY: "{column} kosong",
    ProblemCode.CELL_TOO_LONG: "{column} lebih dari {limit} karakter",
    ProblemCode.CELL_BAD_CHARACTER: "{column} berisi karakter {character} pada posisi "
                                    "{position}",
    ProblemCode.CELL_NOT_DIGITS: "{column} '{value}' harus berisi angka saja",
    ProblemCode.CELL_NEGATIVE: "{column} {value} bernilai negatif",
    ProblemCode.CELL_NOT_WHOLE_NUMBER: "{column} '{value}' bukan bilangan bulat",
    ProblemCode.CELL_TOO_LARGE: "{column} {value} lebih besar dari {limit}",
    ProblemCode.CELL_NOT_DATE: "{column} '{value}' bukan tanggal (TTTT-BB-HH)",
    ProblemCode.CELL_NOT_MONTH: "{column} '{value}' bukan bulan (TTTT-BB)",
    ProblemCode.CELL_NOT_FLAG: "{column} '{value}' harus 0 atau 1",
    ProblemCode.CELL_NOT_CHOICE: "{column} '{value}' bukan salah satu dari {allowed}",
    ProblemCode.ROW_WIDTH: "baris ini berisi {fields} kolom; judulnya {expected}",
    ProblemCode.READING_BELOW_START: "reading_end {value} lebih kecil dari reading_start "
                                     "{start}",
    ProblemCode.DUPLICATE_CUSTOMER: "connection_no {value} sudah ada di baris {first_line}",
    ProblemCode.DUPLICATE_BILL: "tagihan {value} {period} sudah ada di baris {first_line}",
    ProblemCode.UNKNOWN_CUSTOMER: "tidak ada pelanggan dengan connection_no {value} (impor "
                                  "pelanggannya dahulu)",
    ProblemCode.BILL_HAS_PAYMENTS: "tagihan {period} sudah dibayar sebagian di cabang ini "
                                   "({paid}); tagihan dibiarkan seperti adanya",
    ProblemCode.BILL_IN_PLAN: "tagihan {period} termasuk dalam rencana cicilan; tagihan "
                              "dibiarkan seperti adanya",
    ProblemCode.BILL_SETTLED_OR_IN_PLAN: "tagihan {period} sudah dilunasi di cabang atau "
                                         "termasuk dalam rencana cicilan; tagihan dibiarkan "
                                         "seperti adanya",
    ProblemCode.FILE_EMPTY: "file kosong",
    ProblemCode.FILE_UNREADABLE: "file tidak dapat dibaca ({detail})",
    ProblemCode.FILE_TOO_LARGE: "file lebih besar dari {limit} MB; tidak ada yang dibaca",
    ProblemCode.FILE_NOT_UTF8: "baris {line} bukan teks UTF-8",
    ProblemCode.FILE_NOT_CSV: "baris {line} bukan CSV ({detail})",
    ProblemCode.HEADER_MISSING: "baris judul tidak memuat kolom {columns}",
    ProblemCode.KIND_UNKNOWN: "pilih pelanggan atau tagihan",
    ProblemCode.COLUMNS_IGNORED: "kolom {columns} diabaikan",
    ProblemCode.KELURAHAN_UNKNOWN: "kelurahan '{value}' tidak dikenal ({rows} baris, pertama "
                                   "di baris {first_line})",
}

WORDS: dict[str, dict[ProblemCode, str]] = {"id": INDONESIAN, "en": TEXTS}
"""Each code's words by language: ``id`` (Bahasa Indonesia, the default) and ``en``."""


@dataclass(frozen=True)
class ImportProblem:
    """One problem: ``code``, the ``column`` and ``value`` it is about, other ``params``."""

    code: ProblemCode
    column: str = ""
    value: str = ""
    params: Mapping[str, str | int] = field(default_factory=dict)

    @classmethod
    def of(cls, code: ProblemCode, column: str = "", value: str = "",
           **params: str | int) -> ImportProblem:
        shown = value if len(value) <= VALUE_SHOWN else value[:VALUE_SHOWN - 1] + "…"
        return cls(code, column, shown, params)

    def said(self, template: str) -> str:
        """``template`` (this code's words in some language) filled in."""
        return template.format(column=self.column, value=self.value, **self.params)

    def words(self, lang: str) -> str:
        """This code's words in ``lang`` (``id`` or ``en``), not yet filled in."""
        return WORDS[lang][self.code]

    def in_language(self, lang: str) -> str:
        """The sentence in Bahasa Indonesia (``id``) or English (``en``)."""
        return self.said(self.words(lang))

    @property
    def text(self) -> str:
        """The English sentence (logs, exception messages)."""
        return self.in_language("en")

    def data(self, lang: str = "en") -> dict[str, Any]:
        """As JSON: the code, column, value and other parameters, and the sentence in
        ``lang``."""
        return {"code": self.code.value, "column": self.column, "value": self.value,
                "params": dict(self.params), "text": self.in_language(lang)}

    def __str__(self) -> str:
        return self.text
