"""The progress report's charts (reportlab.graphics): cumulative collection by day and
enrolments by kelurahan. With nothing to show, a chart says so instead of failing."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color

from app.services.reports.wording import angka, nice_ceiling, short_day, short_rupiah

INK = colors.HexColor("#1f4e79")
FILL = colors.HexColor("#5b8fc7")
OTHER = colors.HexColor("#b7b7b7")
GRID = colors.HexColor("#d9d9d9")
TOP_KELURAHAN = 15
FONT = "Helvetica"


def rect(x: float, y: float, width: float, height: float, fill: Color | None,
         stroke: Color | None = None, stroke_width: float = 0.5) -> Rect:
    """A rectangle (colours set as attributes: the type stubs mistype the keywords)."""
    shape = Rect(x, y, width, height)
    shape.fillColor, shape.strokeColor, shape.strokeWidth = fill, stroke, stroke_width
    return shape


def _frame(width: float, height: float, title: str) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(rect(0, 0, width, height, None, GRID))
    drawing.add(String(8, height - 14, title, fontName="Helvetica-Bold", fontSize=9))
    return drawing


def _empty(drawing: Drawing, text: str) -> Drawing:
    drawing.add(String(drawing.width / 2, drawing.height / 2, text, fontName=FONT,
                       fontSize=9, fillColor=colors.grey, textAnchor="middle"))
    return drawing


def collection_chart(days: Sequence[dt.date], cumulative: Sequence[int], width: float,
                     height: float) -> Drawing:
    """A line of the cumulative amount collected, one point a day."""
    drawing = _frame(width, height, "Kumulatif uang diterima (uang muka + cicilan)")
    if not days or not any(cumulative):
        return _empty(drawing, "Belum ada pembayaran dalam periode ini.")
    chart = HorizontalLineChart()
    chart.x, chart.y = 52, 30
    chart.width, chart.height = int(width - 52 - 14), int(height - 30 - 26)
    chart.data = [list(cumulative)]
    step = max(1, math.ceil(len(days) / 10))
    chart.categoryAxis.categoryNames = [short_day(d) if i % step == 0 else ""
                                        for i, d in enumerate(days)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.tickDown = 2
    top, value_step = nice_ceiling(max(cumulative))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = value_step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = short_rupiah
    chart.valueAxis.labels.dx = -4
    chart.valueAxis.tickLeft = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.lines[0].strokeColor = INK
    chart.lines[0].strokeWidth = 1.6
    chart.joinedLines = True
    drawing.add(chart)
    drawing.add(String(width - 10, height - 14, f"Rp {short_rupiah(cumulative[-1])}",
                       fontName="Helvetica-Bold", fontSize=9, fillColor=INK,
                       textAnchor="end"))
    return drawing


def top_with_others(items: Sequence[tuple[str, int]], top: int = TOP_KELURAHAN
                    ) -> list[tuple[str, int]]:
    """The ``top`` largest counts (ties by name), the rest summed as "lainnya"."""
    ranked = sorted((x for x in items if x[1] > 0), key=lambda x: (-x[1], x[0]))
    head, rest = ranked[:top], ranked[top:]
    if rest:
        head.append((f"lainnya ({len(rest)} kel.)", sum(n for _, n in rest)))
    return head


def kelurahan_chart(items: Sequence[tuple[str, int]], width: float, height: float) -> Drawing:
    """Horizontal bars of enrolments by kelurahan, largest on top, "lainnya" last."""
    drawing = _frame(width, height, f"Pendaftar per kelurahan ({TOP_KELURAHAN} terbanyak)")
    bars = top_with_others(items)
    if not bars:
        return _empty(drawing, "Belum ada pendaftar dalam periode ini.")
    bars.reverse()  # the chart draws its first category at the bottom
    chart = HorizontalBarChart()
    chart.x, chart.y = 96, 10
    chart.width, chart.height = int(width - 96 - 34), int(height - 10 - 24)
    chart.data = [[n for _, n in bars]]
    chart.categoryAxis.categoryNames = [name for name, _ in bars]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.tickLeft = 0
    top, step = nice_ceiling(max(n for _, n in bars))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, max(top, 1)
    chart.valueAxis.valueStep = max(1, round(step))
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = FILL
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 3
    if bars[0][0].startswith("lainnya"):
        chart.bars[(0, 0)].fillColor = OTHER
    chart.barLabelFormat = angka
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
