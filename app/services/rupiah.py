"""How an amount of integer rupiah is written for people: ``Rp 2.400.000``."""

from __future__ import annotations


def format_rupiah(amount: int) -> str:
    """``2400000`` → ``Rp 2.400.000`` (negative amounts get a leading minus)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")
