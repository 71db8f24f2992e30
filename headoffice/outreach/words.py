"""Figures in the words a customer reads: ``Rp 2.400.000``, ``31 Desember 2025``, and
what the terms say happens to a plan whose instalment is missed."""

from __future__ import annotations

from app.services.documents.indonesian import tanggal as tanggal  # the documents' dates
from app.services.rupiah import format_rupiah
from app.services.terms import BrokenPlanRules

rupiah = format_rupiah  # ``Rp 2.400.000``, as every receipt writes it


def instalments_offered(counts: tuple[int, ...], smallest: int) -> str:
    """``1 sampai 5 kali (mulai Rp 240.000 per bulan)``; ``smallest`` is the first
    instalment of the largest count."""
    if counts in ((), (0,)):
        return "tidak perlu (lunas dengan uang muka)"
    low, high = min(counts), max(counts)
    times = f"{high} kali" if low == high else f"{low} sampai {high} kali"
    return f"{times} (mulai {rupiah(smallest)} per bulan)" if high > 1 else times


def if_missed(rules: BrokenPlanRules) -> str:
    """What the terms do to a plan whose instalment stays unpaid past its grace days."""
    effects = ["rencana cicilan batal"]
    if rules.reinstate_penalty:
        effects.append("denda yang dihapus ditagih kembali")
    if rules.issue_reseal_order:
        effects.append("meter disegel kembali")
    said = ", ".join(effects[:-1]) + f" dan {effects[-1]}" if len(effects) > 1 else effects[0]
    return (f"Bila belum dibayar {rules.grace_days} hari setelah jatuh tempo, {said}.")
