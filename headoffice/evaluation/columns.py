"""The columns of the evaluation's tables (per branch, kecamatan, kelurahan), shared by
the PDF, the workbook and the console page so they all show the same figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.services.money import format_rupiah
from app.services.reports.wording import angka
from headoffice.evaluation.figures import Figures
from headoffice.evaluation.text import days, share

COUNT, RUPIAH, SHARE, DAYS = "count", "rupiah", "share", "days"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Figures], int | float | None]
    kind: str
    width_mm: float  # in the PDF
    by_place_only: bool = False  # customers belong to places, not to branches
    on_screen: bool = True  # shown on the console page (its sum, "Tertagih", always is)

    def text(self, figures: Figures, branch: bool = False) -> str:
        if branch and self.by_place_only:
            return "–"
        value = self.value(figures)
        if self.kind == RUPIAH:
            return format_rupiah(int(value or 0))
        if self.kind == SHARE:
            return share(value)
        if self.kind == DAYS:
            return days(value)
        return angka(int(value or 0))


COLUMNS = (
    Column("Disegel saat mulai", lambda f: f.population, COUNT, 12, by_place_only=True),
    Column("Pendaftar", lambda f: f.enrolled, COUNT, 13),
    Column("% dari disegel", lambda f: f.enrolled_share, SHARE, 11, by_place_only=True),
    Column("Uang muka", lambda f: f.down_payments, RUPIAH, 22, on_screen=False),
    Column("Cicilan", lambda f: f.instalments, RUPIAH, 22, on_screen=False),
    Column("Tertagih", lambda f: f.collected, RUPIAH, 22),
    Column("Denda dihapus", lambda f: f.penalty_waived, RUPIAH, 22),
    Column("Cicilan jatuh tempo", lambda f: f.instalments_due, COUNT, 11),
    Column("Cicilan lunas", lambda f: f.instalments_paid, COUNT, 11),
    Column("Cicilan terlambat", lambda f: f.instalments_overdue, COUNT, 13),
    Column("Sisa cicilan", lambda f: f.outstanding, RUPIAH, 22),
    Column("Gagal", lambda f: f.broken, COUNT, 9),
    Column("Batal", lambda f: f.cancelled, COUNT, 9),
    Column("SPK buka segel", lambda f: f.seals_ordered, COUNT, 11),
    Column("Segel dibuka", lambda f: f.seals_opened, COUNT, 11),
    Column("Hari s.d. dibuka", lambda f: f.mean_days_to_open, DAYS, 12),
)

SCREEN_COLUMNS = tuple(c for c in COLUMNS if c.on_screen)
