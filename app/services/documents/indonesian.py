"""Indonesian wording shared by the documents: dates, bill periods, payment labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                "Des")
METHODS = {"cash": "Tunai", "transfer": "Transfer bank", "qris": "QRIS"}
WORK_ORDER_KINDS = {"unseal": "Buka Segel", "reseal": "Segel Kembali"}


def tanggal(day: dt.date) -> str:
    """``2025-11-24`` → ``"24 November 2025"``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def tanggal_jam(moment: dt.datetime) -> str:
    """``2025-11-24 09:05`` → ``"24 November 2025 09.05"`` (Indonesian time uses a dot)."""
    return f"{tanggal(moment.date())} {moment:%H.%M}"


def period_label(period: str) -> str:
    """A bill period ``"2021-11"`` → ``"Nov 2021"``."""
    year, month = _split(period)
    return f"{SHORT_MONTHS[month - 1]} {year}"


def compress_periods(periods: Sequence[str]) -> str:
    """Consecutive months as ranges: ``"Nov 2021 – Okt 2023, Des 2023"``."""
    months = sorted({_split(p) for p in periods})
    ranges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for ym in months:
        if ranges and _month_index(ranges[-1][1]) + 1 == _month_index(ym):
            ranges[-1] = (ranges[-1][0], ym)
        else:
            ranges.append((ym, ym))
    return ", ".join(_range_text(first, last) for first, last in ranges)


def instalments_text(numbers: Sequence[int], count: int, last_partial: bool) -> str:
    """``[1]`` of 3 → ``"Cicilan ke-1 dari 3"``; ``[1, 2]`` → ``"Cicilan ke-1 s.d. ke-2 dari 3"``;
    a last instalment only partly paid gets ``"(ke-2 sebagian)"``."""
    if not numbers:
        return "Cicilan"
    first, last = min(numbers), max(numbers)
    span = f"ke-{first}" if first == last else f"ke-{first} s.d. ke-{last}"
    text = f"Cicilan {span} dari {count}"
    if last_partial:
        text += " (sebagian)" if first == last else f" (ke-{last} sebagian)"
    return text


def copy_mark(copy_no: int) -> str:
    """The mark of a reprint: ``"SALINAN ke-2"`` (``""`` for the original)."""
    return f"SALINAN ke-{copy_no}" if copy_no > 0 else ""


def address_line(address: str, rt: str, rw: str) -> str:
    """``"Jl. Uji No. 1, RT 001/RW 002"`` (RT/RW left out when unknown; no line break
    inside "RT 001/RW 002": the spaces there are non-breaking)."""
    if rt or rw:
        return f"{address}, RT\u00a0{rt or '-'}/RW\u00a0{rw or '-'}"
    return address


def place_of(branch_address: str) -> str:
    """The town a branch signs in: the last part of its address (``"…, Kota Kupang"``)."""
    return branch_address.rsplit(",", 1)[-1].strip()


def _split(period: str) -> tuple[int, int]:
    year, month = period.split("-")
    return int(year), int(month)


def _month_index(ym: tuple[int, int]) -> int:
    return ym[0] * 12 + ym[1] - 1


def _range_text(first: tuple[int, int], last: tuple[int, int]) -> str:
    start = f"{SHORT_MONTHS[first[1] - 1]} {first[0]}"
    if first == last:
        return start
    return f"{start} – {SHORT_MONTHS[last[1] - 1]} {last[0]}"


_REASON_WORDS = (
    ("down payment voided", "uang muka dibatalkan"),
    ("down payment", "uang muka"),
    ("was done", "sudah dikerjakan"),
    ("instalment plan broken", "perjanjian cicilan gagal"),
)


def work_order_reason(reason: str) -> str:
    """A work order's stored reason in Indonesian (the known phrases translated)."""
    for english, indonesian in _REASON_WORDS:
        reason = reason.replace(english, indonesian)
    return reason
