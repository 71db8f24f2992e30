"""An amount of rupiah in Indonesian words (*terbilang*), as a receipt writes it.

The words are put together group of three digits by group: "seribu" for exactly one
thousand in its group (1,001,000 is "satu juta seribu", not "satu juta satu ribu"),
"satu juta" and "satu miliar" as written; below a thousand "se-" stands for one
("sepuluh", "sebelas", "seratus"). Written here rather than with a number-words
library, which loads every language it knows (about 2 MB kept in the counter).
"""

from __future__ import annotations

_DIGITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
           "sembilan")
_SCALES = ((1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"),
           (1_000, "ribu"))


def number_words(number: int) -> str:
    """``2400000`` → ``"dua juta empat ratus ribu"`` (lower case; ``0`` → ``"nol"``)."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise ValueError(f"a whole number of 0 or more is needed, not {number!r}")
    if number == 0:
        return "nol"
    parts: list[str] = []
    rest = number
    for value, name in _SCALES:
        group, rest = divmod(rest, value)
        if group == 0:
            continue
        if group == 1 and name == "ribu":
            parts.append("seribu")
        else:
            parts.append(f"{number_words(group)} {name}")
    if rest:
        parts.append(_below_thousand(rest))
    return " ".join(parts)


def terbilang(amount: int) -> str:
    """``2400000`` → ``"Dua juta empat ratus ribu rupiah"`` (first letter capitalised)."""
    words = f"{number_words(amount)} rupiah"
    return words[0].upper() + words[1:]


def _below_thousand(number: int) -> str:
    """``1``–``999`` in words: "seratus dua puluh tiga", "sebelas", "dua belas"."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    parts = []
    if hundreds:
        parts.append("seratus" if hundreds == 1 else f"{_DIGITS[hundreds]} ratus")
    if tens == 1:
        parts.append({0: "sepuluh", 1: "sebelas"}.get(ones, f"{_DIGITS[ones]} belas"))
    else:
        if tens:
            parts.append(f"{_DIGITS[tens]} puluh")
        if ones:
            parts.append(_DIGITS[ones])
    return " ".join(parts)
