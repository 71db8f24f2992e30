"""Integer rupiah: parsing what a cashier types, formatting, and rounding to a step.

Accepted input: ``2400000``, ``2.400.000``, ``Rp 2.400.000``, ``2.400.000,00``,
``2,4 jt`` / ``2,4 juta`` / ``2.4jt``, ``400 rb`` / ``400 ribu``. Anything that could
mean two different amounts (``2.400`` with ``,5`` after it, ``2,400``, ``1.500 rb`` …)
is refused.
"""

from __future__ import annotations

import re

from app.services.errors import DomainError, ErrorCode
from app.services.rupiah import format_rupiah as format_rupiah  # where amounts are written

MAX_AMOUNT = 10_000_000_000  # Rp 10 billion: far above any counter payment

_SUFFIXES = {"jt": 1_000_000, "juta": 1_000_000, "rb": 1_000, "ribu": 1_000, "k": 1_000}
_SUFFIX_RE = re.compile(r"^(?P<number>[0-9.,]+)\s*(?P<suffix>jt|juta|rb|ribu|k)$")
_GROUPED_RE = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")


def parse_amount(text: str) -> int:
    """Parse a typed rupiah amount; raise ``DomainError`` if malformed or ambiguous."""
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned.startswith("rp"):
        cleaned = cleaned[2:].lstrip(".")
    if not cleaned:
        raise DomainError(ErrorCode.AMOUNT_MALFORMED, text=text)
    if cleaned.startswith("-"):
        raise DomainError(ErrorCode.AMOUNT_NOT_POSITIVE, text=text)
    match = _SUFFIX_RE.match(cleaned)
    value = _with_suffix(match, text) if match else _plain(cleaned, text)
    if value > MAX_AMOUNT:
        raise DomainError(
            ErrorCode.AMOUNT_TOO_LARGE, amount=value, limit=MAX_AMOUNT,
        )
    return value


def _plain(cleaned: str, text: str) -> int:
    if cleaned.isdigit():
        return int(cleaned)
    if cleaned.endswith(",00"):
        cleaned = cleaned[:-3]
        if cleaned.isdigit():
            return int(cleaned)
    if _GROUPED_RE.match(cleaned):
        return int(cleaned.replace(".", ""))
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", cleaned):
        # "2,400,000" is English grouping but "2,400" reads as 2.4 in Indonesian.
        raise DomainError(ErrorCode.AMOUNT_AMBIGUOUS, text=text)
    raise DomainError(ErrorCode.AMOUNT_MALFORMED, text=text)


def _with_suffix(match: re.Match[str], text: str) -> int:
    number, unit = match["number"], _SUFFIXES[match["suffix"]]
    if number.count(",") + number.count(".") > 1 or number[0] in ",." or number[-1] in ",.":
        raise DomainError(ErrorCode.AMOUNT_MALFORMED, text=text)
    whole, _, fraction = number.replace(",", ".").partition(".")
    scaled = int(whole) * unit
    if len(fraction) == 3:
        # "1.500 rb" is 1,500 thousand with Indonesian grouping, 1.5 thousand otherwise.
        raise DomainError(ErrorCode.AMOUNT_AMBIGUOUS, text=text)
    if fraction:
        digits = len(fraction)
        numerator = int(fraction) * unit
        if numerator % (10**digits):
            raise DomainError(ErrorCode.AMOUNT_AMBIGUOUS, text=text)
        scaled += numerator // (10**digits)
    return scaled


def round_up_to_step(amount: int, step: int) -> int:
    """Smallest multiple of ``step`` that is ≥ ``amount`` (step ≥ 1)."""
    return -(-amount // step) * step


def round_down_to_step(amount: int, step: int) -> int:
    """Largest multiple of ``step`` that is ≤ ``amount`` (step ≥ 1)."""
    return (amount // step) * step


def percent_of(amount: int, percent: int) -> tuple[int, int]:
    """``amount × percent / 100`` as (quotient, remainder): exact integer arithmetic."""
    return divmod(amount * percent, 100)
