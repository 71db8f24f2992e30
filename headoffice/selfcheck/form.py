"""What the customer typed, checked before anything is looked up.

A connection number is 5–20 digits (spaces, dots and dashes between them are allowed,
as people copy them from a bill); the second factor is exactly the meter number's last
four digits. Control characters, other letters and over-long input are refused with a
message saying which field and why; the text is shown back as text, never run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.text_checks import text_problem

MAX_TYPED = 40  # longer input is refused, not cut
NUMBER_DIGITS = (5, 20)
SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class Typed:
    """The fields as typed (cut to ``MAX_TYPED`` for showing back), and what is wrong."""

    number: str
    factor: str
    number_problem: str = ""  # Indonesian, translated when shown
    factor_problem: str = ""

    @property
    def ok(self) -> bool:
        return not (self.number_problem or self.factor_problem)

    @property
    def connection_no(self) -> str:
        return SEPARATORS.sub("", self.number)


def read(number: str, factor: str) -> Typed:
    return Typed(number[:MAX_TYPED], factor[:MAX_TYPED], _number_problem(number),
                 _factor_problem(factor))


def _number_problem(typed: str) -> str:
    common = _common_problem(typed, "Isi nomor sambungan dari rekening air Anda.")
    if common:
        return common
    digits = SEPARATORS.sub("", typed)
    if not digits.isascii() or not digits.isdigit():
        return "Nomor sambungan hanya berisi angka."
    if not NUMBER_DIGITS[0] <= len(digits) <= NUMBER_DIGITS[1]:
        return "Nomor sambungan terdiri dari 5 sampai 20 angka."
    return ""


def _factor_problem(typed: str) -> str:
    common = _common_problem(typed, "Isi 4 angka terakhir nomor meter dari rekening air Anda.")
    if common:
        return common
    digits = typed.strip()
    if len(digits) != 4 or not digits.isascii() or not digits.isdigit():
        return "Isi tepat 4 angka: angka terakhir nomor meter."
    return ""


def _common_problem(typed: str, empty: str) -> str:
    if not typed.strip():
        return empty
    if len(typed) > MAX_TYPED:
        return "Isian terlalu panjang."
    if text_problem(typed) is not None:
        return "Isian memuat karakter kendali; ketik ulang tanpa menyalin."
    return ""
