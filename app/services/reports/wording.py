"""Indonesian labels and number formats shared by the reports."""

from __future__ import annotations

import datetime as dt
import math

from app.services.documents.indonesian import METHODS, SHORT_MONTHS, tanggal

KINDS = {"down_payment": "Uang muka", "instalment": "Cicilan"}
METHOD_ORDER = ("cash", "transfer", "qris")
KIND_ORDER = ("down_payment", "instalment")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
SHIFT_STATES = {"open": "masih dibuka", "counted": "sudah dihitung, menunggu persetujuan",
                "closed": "ditutup"}


def method_label(method: str) -> str:
    return METHODS.get(method, method)


def kind_label(kind: str) -> str:
    return KINDS.get(kind, kind)


def angka(n: int) -> str:
    """``17405`` → ``"17.405"`` (Indonesian digit grouping)."""
    return f"{n:,}".replace(",", ".")


def persen(share: float) -> str:
    """``0.1764`` → ``"17,6%"`` (a decimal comma; two decimals below 1%)."""
    digits = 2 if 0 < share < 0.01 else 1
    return f"{share * 100:.{digits}f}%".replace(".", ",")


def short_rupiah(amount: float) -> str:
    """Axis labels: ``1_250_000_000`` → ``"1,25 M"``, ``150_000_000`` → ``"150 jt"``."""
    if abs(amount) >= 1_000_000_000:
        text = f"{amount / 1_000_000_000:.2f}".rstrip("0").rstrip(".")
        return f"{text.replace('.', ',')} M"
    if abs(amount) >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}".rstrip("0").rstrip(".")
        return f"{text.replace('.', ',')} jt"
    if abs(amount) >= 1_000:
        return f"{amount / 1_000:.0f} rb"
    return f"{amount:.0f}"


def hari_tanggal(day: dt.date) -> str:
    """``2025-11-24`` → ``"Senin, 24 November 2025"``."""
    return f"{DAYS[day.weekday()]}, {tanggal(day)}"


def day_label(day: dt.date) -> str:
    """``2025-11-24`` → ``"Sen 24 Nov 2025"``."""
    return f"{DAYS[day.weekday()][:3]} {short_day(day)} {day.year}"


def short_day(day: dt.date) -> str:
    """``2025-11-24`` → ``"24 Nov"``."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]}"


def jam(moment: dt.datetime) -> str:
    """``09:05`` → ``"09.05"`` (Indonesian time uses a dot)."""
    return f"{moment:%H.%M}"


def nice_ceiling(value: float) -> tuple[float, float]:
    """A round axis maximum ≥ ``value`` and its step (about 5 steps)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(value / step), step
