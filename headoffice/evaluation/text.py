"""The evaluation as JSON (``--json``, the console's export) and as plain text
(``loket-headoffice report programme``): Indonesian, or English with ``--lang en`` (the
labels in the console's English, ``console/i18n.py``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.services.documents.indonesian import tanggal
from app.services.money import format_rupiah
from app.services.reports.wording import angka, persen
from headoffice.console.i18n import translator
from headoffice.evaluation.figures import AreaLine, Evaluation, Figures


def figures_data(f: Figures) -> dict[str, Any]:
    """Every figure, and the derived ones (``collected``, shares, mean days to open)."""
    return {**asdict(f), "collected": f.collected, "enrolled_share": f.enrolled_share,
            "mean_days_to_open": f.mean_days_to_open}


def _area(line: AreaLine) -> dict[str, Any]:
    data: dict[str, Any] = {"name": line.name}
    if line.kecamatan:
        data["kecamatan"] = line.kecamatan
    return {**data, "figures": figures_data(line.figures)}


def evaluation_data(e: Evaluation) -> dict[str, Any]:
    """The evaluation as plain JSON data (dates as ISO text, money as whole rupiah)."""
    return {
        "programme": {"code": e.programme_code, "name": e.programme_name,
                      "version": e.programme_version, "valid_from": e.valid_from.isoformat(),
                      "valid_to": e.valid_to.isoformat()},
        "date_from": e.date_from.isoformat(), "date_to": e.date_to.isoformat(),
        "branch": e.branch, "provisional": e.running, "made_at": e.made_at.isoformat(),
        "targets": {"sealed_customers": e.target_customers, "arrears": e.target_arrears,
                    "customers_share": e.customers_share, "arrears_share": e.arrears_share},
        "totals": figures_data(e.totals),
        "campaign": {**asdict(e.campaign), "enrolled_share": e.campaign.enrolled_share,
                     "paid_share": e.campaign.paid_share},
        "by_branch": [_area(x) for x in e.by_branch],
        "by_kecamatan": [_area(x) for x in e.by_kecamatan],
        "by_kelurahan": [_area(x) for x in e.by_kelurahan],
        "by_day": [{"day": d.day.isoformat(), "enrolled": d.figures.enrolled,
                    "down_payments": d.figures.down_payments,
                    "instalments": d.figures.instalments, "collected": d.figures.collected,
                    "seals_opened": d.figures.seals_opened, "broken": d.figures.broken,
                    "cancelled": d.figures.cancelled,
                    "cumulative_enrolled": d.cumulative_enrolled,
                    "cumulative_collected": d.cumulative_collected} for d in e.by_day],
    }


def share(value: float | None) -> str:
    return persen(value) if value is not None else "–"


def days(value: float | None) -> str:
    return f"{value:.1f} hari".replace(".", ",") if value is not None else "–"


def summary_rows(e: Evaluation) -> list[tuple[str, str]]:
    """The headline figures as (label, value) in Indonesian, for every format."""
    t, c = e.totals, e.campaign
    return [
        ("Sasaran: pelanggan disegel (ketentuan)", angka(e.target_customers)),
        ("Sasaran: tunggakan (ketentuan)", format_rupiah(e.target_arrears)),
        ("Pelanggan disegel menunggak saat program mulai", angka(t.population)),
        ("Tunggakan mereka saat program mulai", format_rupiah(t.population_arrears)),
        ("Pendaftar (tanpa yang batal)", angka(t.enrolled)),
        ("Pendaftar dari sasaran / dari yang disegel", f"{share(e.customers_share)} / "
                                                      f"{share(t.enrolled_share)}"),
        ("Uang muka diterima", format_rupiah(t.down_payments)),
        ("Cicilan diterima", format_rupiah(t.instalments)),
        ("Tunggakan tertagih (uang muka + cicilan)", format_rupiah(t.collected)),
        ("Tertagih dari sasaran tunggakan", share(e.arrears_share)),
        ("Tunggakan masuk perjanjian", format_rupiah(t.arrears_in_plans)),
        ("Denda dihapus (biaya program)", format_rupiah(t.penalty_waived)),
        ("Cicilan jatuh tempo / lunas / terlambat",
         f"{angka(t.instalments_due)} / {angka(t.instalments_paid)} / "
         f"{angka(t.instalments_overdue)}"),
        ("Cicilan terlambat (rupiah)", format_rupiah(t.overdue_amount)),
        ("Sisa cicilan belum dibayar", format_rupiah(t.outstanding)),
        ("Perjanjian gagal", angka(t.broken)),
        ("Pendaftaran dibatalkan", angka(t.cancelled)),
        ("SPK buka segel diterbitkan / segel dibuka",
         f"{angka(t.seals_ordered)} / {angka(t.seals_opened)}"),
        ("Rata-rata hari dari daftar sampai segel dibuka", days(t.mean_days_to_open)),
        ("Diundang (undangan terkirim)", angka(c.invited)),
        ("Diundang lalu mendaftar dalam 7 hari",
         f"{angka(c.invited_enrolled)} ({share(c.enrolled_share)})"),
        ("Diingatkan (pengingat dan pemberitahuan terlambat)", angka(c.reminded)),
        ("Diingatkan lalu membayar cicilan dalam 7 hari",
         f"{angka(c.reminded_paid)} ({share(c.paid_share)})"),
    ]


def title(e: Evaluation) -> str:
    return f"Evaluasi {e.programme_name}"


def period(e: Evaluation) -> str:
    where = f"cabang {e.branch}" if e.branch else "semua cabang"
    mark = " (SEMENTARA: program masih berjalan)" if e.running else ""
    return (f"Periode {tanggal(e.date_from)} – {tanggal(e.date_to)} · {where} · ketentuan "
            f"{e.programme_code} versi {e.programme_version}{mark}")


def period_en(e: Evaluation) -> str:
    """:func:`period` in English (dates as YYYY-MM-DD)."""
    where = f"branch {e.branch}" if e.branch else "all branches"
    mark = " (PROVISIONAL: the programme is still running)" if e.running else ""
    return (f"Period {e.date_from} – {e.date_to} · {where} · terms {e.programme_code} "
            f"version {e.programme_version}{mark}")


_ENGLISH_HEADINGS = {
    "Per cabang (pendaftar, tertagih, denda dihapus, segel dibuka, gagal):":
        "Per branch (enrolled, collected, penalties waived, seals opened, broken):",
    "Per kecamatan (disegel saat mulai, pendaftar, tertagih):":
        "Per district (sealed at the start, enrolled, collected):",
}


def evaluation_text(e: Evaluation, lang: str = "id") -> str:
    """The evaluation in plain text (Indonesian, or English with ``lang="en"``): headline
    figures, then per branch."""
    english = lang == "en"
    label_of = translator(lang)

    def heading(text: str) -> str:
        return _ENGLISH_HEADINGS[text] if english else text

    rows = [(label_of(label), value) for label, value in summary_rows(e)]
    width = max(len(label) for label, _ in rows)
    lines = ([f"EVALUATION OF {e.programme_name.upper()}", period_en(e), ""] if english
             else [title(e).upper(), period(e), ""])
    lines += [f"{label:<{width}}  {value}" for label, value in rows]
    lines += ["", heading("Per cabang (pendaftar, tertagih, denda dihapus, segel dibuka, "
                          "gagal):")]
    for line in e.by_branch:
        f = line.figures
        lines.append(f"  {line.name:<6} {angka(f.enrolled):>7}  {format_rupiah(f.collected):>18}"
                     f"  {format_rupiah(f.penalty_waived):>16}  {angka(f.seals_opened):>6}"
                     f"  {angka(f.broken):>5}")
    lines += ["", heading("Per kecamatan (disegel saat mulai, pendaftar, tertagih):")]
    for line in e.by_kecamatan:
        f = line.figures
        lines.append(f"  {line.name:<14} {angka(f.population):>7}  {angka(f.enrolled):>7}"
                     f"  {format_rupiah(f.collected):>18}")
    return "\n".join(lines) + "\n"
