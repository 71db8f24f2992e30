"""An amount of rupiah in Indonesian words (*terbilang*), as a receipt writes it.

``num2words(lang="id")`` gives the words below a thousand and the scale names; it
writes 1,001,000 as "satu juta satu ribu", where Indonesian says "satu juta seribu",
so the thousands are put together here group by group: "seribu" for exactly one
thousand in its group, "satu juta" and "satu miliar" as written.
"""

from __future__ import annotations

from num2words import num2words  # type: ignore[import-untyped]

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
    words: str = num2words(number, lang="id")
    return words
