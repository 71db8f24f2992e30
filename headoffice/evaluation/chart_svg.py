"""Server-rendered SVG charts of the evaluation (no script, no library): the daily trend
(enrolments as bars, the cumulative money collected as a line) and the branches
compared (bars of money collected). Every text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from app.services.money import format_rupiah
from app.services.reports.wording import angka, nice_ceiling, short_day, short_rupiah
from headoffice.evaluation.figures import AreaLine, DayLine

INK, FILL, GRID, MUTED = "#1f4e79", "#5b8fc7", "#d9d9d9", "#666666"


def trend_svg(days: Sequence[DayLine], width: int = 620, height: int = 250) -> str:
    """Enrolments per day (bars, left axis) and cumulative collected (line, right axis)."""
    left, right, top, bottom = 44, 64, 28, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [_open(width, height, "Tren harian: pendaftar per hari dan kumulatif tertagih"),
             _text(left, 16, "Pendaftar per hari (batang) · kumulatif tertagih (garis)",
                   weight="bold")]
    if not days:
        return "".join([*parts, "</svg>"])
    enrol_top, enrol_step = nice_ceiling(max(d.figures.enrolled for d in days))
    money_top, money_step = nice_ceiling(max(d.cumulative_collected for d in days))
    for i in range(round(enrol_top / enrol_step) + 1):
        y = top + plot_h - plot_h * i * enrol_step / enrol_top
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="{GRID}" stroke-width="0.6"/>')
        parts.append(_text(left - 6, y + 3, angka(round(i * enrol_step)), anchor="end"))
    for i in range(round(money_top / money_step) + 1):
        y = top + plot_h - plot_h * i * money_step / money_top
        parts.append(_text(left + plot_w + 6, y + 3, short_rupiah(i * money_step)))
    slot = plot_w / len(days)
    label_every = max(1, len(days) // 7)
    points = []
    for i, d in enumerate(days):
        x = left + i * slot
        h = plot_h * d.figures.enrolled / enrol_top
        if h:
            parts.append(f'<rect x="{x + slot * 0.15:.1f}" y="{top + plot_h - h:.1f}" '
                         f'width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{FILL}">'
                         f'<title>{escape(short_day(d.day))}: {d.figures.enrolled} pendaftar, '
                         f'{escape(format_rupiah(d.figures.collected))}</title></rect>')
        points.append(f"{x + slot / 2:.1f},"
                      f"{top + plot_h - plot_h * d.cumulative_collected / money_top:.1f}")
        if i % label_every == 0:
            parts.append(_text(x + slot / 2, height - bottom + 14, short_day(d.day),
                               anchor="middle"))
    parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{INK}" '
                 'stroke-width="2"/>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
                 f'y2="{top + plot_h}" stroke="{MUTED}" stroke-width="0.8"/>')
    return "".join([*parts, "</svg>"])


def branches_svg(lines: Sequence[AreaLine], width: int = 620) -> str:
    """Horizontal bars of the money each branch collected, with its enrolments."""
    row, left, right = 26, 70, 230
    height = 30 + row * max(1, len(lines))
    parts = [_open(width, height, "Perbandingan cabang: tertagih"),
             _text(8, 16, "Tertagih per cabang", weight="bold")]
    most = max((x.figures.collected for x in lines), default=0) or 1
    for i, line in enumerate(lines):
        y = 26 + i * row
        w = (width - left - right) * line.figures.collected / most
        parts.append(_text(left - 8, y + 15, line.name, anchor="end"))
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" '
                     f'fill="{FILL}"/>')
        parts.append(_text(left + w + 6, y + 15, f"{format_rupiah(line.figures.collected)} · "
                                                 f"{angka(line.figures.enrolled)} pendaftar"))
    return "".join([*parts, "</svg>"])


def _open(width: int, height: int, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="{escape(label)}" '
            'font-family="Helvetica, Arial, sans-serif" font-size="11">')


def _text(x: float, y: float, text: str, anchor: str = "start", weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="#222">{escape(text)}</text>')
