"""The report's pictures, drawn with reportlab graphics (no Qt below the ui layer):
received vs resolved per week, and the on-time rate per procedure (or per commune).

Each function returns a ``Drawing`` the PDF flows like a paragraph; the window can render the
same drawing to a PNG with ``reportlab.graphics.renderPM`` if it wants the same picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from desk_app.forms.fonts import BOLD, REGULAR, register_fonts
from desk_app.services.reports import ReportRow, WeekPoint

RECEIVED = colors.HexColor("#3B6EA8")
RESOLVED = colors.HexColor("#4E9A52")
GOOD = colors.HexColor("#4E9A52")
FAIR = colors.HexColor("#E0A030")
POOR = colors.HexColor("#C0392B")
TARGET = 90.0  # an on-time rate below this is drawn amber, below 70 red


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = REGULAR  # else the renderer's default state names Helvetica (not embedded)
    return d


def _title(d: Drawing, text: str, width: float, height: float) -> None:
    d.add(String(width / 2, height - 14, text, fontName=BOLD, fontSize=11, textAnchor="middle"))


def weekly_chart(weeks: Sequence[WeekPoint], width: float, height: float) -> Drawing:
    """Grouped bars: dossiers newly received and dossiers resolved, per week (Monday)."""
    register_fonts()
    d = _drawing(width, height)
    _title(d, "Hồ sơ tiếp nhận mới và đã giải quyết theo tuần", width, height)
    if not weeks:
        d.add(String(width / 2, height / 2, "Không có số liệu", fontName=REGULAR, fontSize=10, textAnchor="middle"))
        return d
    chart = VerticalBarChart()
    chart.x, chart.y = 42, 42
    chart.width, chart.height = width - 60, height - 95
    chart.data = [[w.received for w in weeks], [w.resolved for w in weeks]]
    step = max(1, -(-len(weeks) // 18))  # at most ~18 labels under the axis
    chart.categoryAxis.categoryNames = [
        w.week_start.strftime("%d/%m") if i % step == 0 else "" for i, w in enumerate(weeks)
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45 if len(weeks) > 10 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(weeks) > 10 else "n"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(max(w.received for w in weeks), max(w.resolved for w in weeks), 1)
    chart.valueAxis.valueMax = top * 1.1 if top >= 10 else top + 1
    chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.bars[0].fillColor = RECEIVED
    chart.bars[1].fillColor = RESOLVED
    chart.bars.strokeColor = None
    chart.groupSpacing = 4 if len(weeks) > 20 else 8
    chart.barSpacing = 0.5
    if len(weeks) <= 14:
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = REGULAR
        chart.barLabels.fontSize = 6.5
        chart.barLabels.nudge = 5
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 190, height - 30
    legend.fontName = REGULAR
    legend.fontSize = 8.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [(RECEIVED, "Tiếp nhận mới"), (RESOLVED, "Đã giải quyết")]
    d.add(legend)
    return d


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return step
    return 10 ** len(str(int(top)))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


MAX_BARS = 36  # per drawing: 36 bars fit an A4 landscape page with the title


def on_time_charts(rows: Sequence[ReportRow], width: float, *, by_unit: bool = False) -> list[Drawing]:
    """The on-time rate of each procedure (commune) that resolved a dossier, in drawings of
    at most MAX_BARS bars (an upstream office may compare a hundred communes)."""
    rated = [r for r in rows if r.resolved_total]
    if not rated:
        return [on_time_chart([], width, by_unit=by_unit)]
    parts = [rated[i : i + MAX_BARS] for i in range(0, len(rated), MAX_BARS)]
    return [on_time_chart(p, width, by_unit=by_unit, continued=i > 0) for i, p in enumerate(parts)]


def on_time_chart(rows: Sequence[ReportRow], width: float, *, by_unit: bool = False, continued: bool = False) -> Drawing:
    """Horizontal bars: the on-time rate of each procedure (commune) that resolved a dossier.
    The drawing is as tall as it needs (11 points a bar)."""
    register_fonts()
    rated = [r for r in rows if r.resolved_total]
    bar = 11.0
    height = max(120.0, 62 + bar * len(rated))
    d = _drawing(width, height)
    what = "đơn vị" if by_unit else "thủ tục"
    _title(d, f"Tỷ lệ giải quyết đúng hạn theo {what} (%)" + (" (tiếp theo)" if continued else ""), width, height)
    if not rated:
        d.add(String(width / 2, height / 2, "Chưa có hồ sơ nào được giải quyết trong kỳ", fontName=REGULAR,
                     fontSize=10, textAnchor="middle"))
        return d
    rated = rated[::-1]  # the chart draws bottom-up: keep the table's order top-down
    label_w = min(330.0, width * 0.45)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w + 10, 28
    chart.width, chart.height = width - label_w - 60, bar * len(rated)
    chart.data = [[r.on_time_rate for r in rated]]
    names = [
        f"{r.unit_code} {r.unit_name}" if by_unit else f"{r.procedure_code} {r.procedure_name}" for r in rated
    ]
    chart.categoryAxis.categoryNames = [_short(n, 62) for n in names]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 10
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 3
    for i, r in enumerate(rated):
        rate = r.on_time_rate or 0.0
        chart.bars[(0, i)].fillColor = GOOD if rate >= TARGET else (FAIR if rate >= 70 else POOR)
    chart.barLabelFormat = lambda v: f"{v:.1f}".replace(".", ",")
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    x = chart.x + chart.width * TARGET / 100
    d.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=colors.HexColor("#777777"),
               strokeDashArray=[2, 2], strokeWidth=0.6))
    d.add(String(x, chart.y + chart.height + 3, f"{TARGET:.0f}%", fontName=REGULAR, fontSize=7, textAnchor="middle"))
    d.add(String(chart.x, 6, f"Xanh: từ {TARGET:.0f}% trở lên; vàng: từ 70% đến dưới {TARGET:.0f}%; đỏ: dưới 70%. "
                 "Chỉ các " + ("đơn vị" if by_unit else "thủ tục") + " có hồ sơ đã giải quyết trong kỳ.",
                 fontName=REGULAR, fontSize=7))
    return d
