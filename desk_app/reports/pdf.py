"""The periodic report as a PDF: A4 landscape, the embedded Vietnamese font of the forms.

Page 1…: the national heading, the title with the unit and the period, the table (two-level
headers and the numbering row repeated on every page), the QĐ 766 indicators, the signature
block. Then the pictures: received vs resolved per week, on-time rate per procedure.
"""

from __future__ import annotations

import io
import os

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desk_app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts
from desk_app.reports import charts, layout
from desk_app.reports.output import write_bytes
from desk_app.services.reports import Report

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN
HEAD_BG = colors.HexColor("#E8EEF7")
FIELD_BG = colors.HexColor("#F3F3F3")


def _style(name: str, font: str = REGULAR, size: float = 9, align=TA_LEFT, leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.22, alignment=align)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def _heading(report: Report) -> list:
    unit = report.unit
    left_top = _style("lt", REGULAR, 10.5, TA_CENTER)
    left_bold = _style("lb", BOLD, 10.5, TA_CENTER)
    right_bold = _style("rb", BOLD, 10.5, TA_CENTER)
    right_it = _style("ri", ITALIC, 10.5, TA_CENTER)
    head = Table(
        [
            [Paragraph(_esc((unit.get("parent_name") or "").upper()), left_top), Paragraph(layout.MOTTO[0], right_bold)],
            [Paragraph(_esc((unit.get("name") or "").upper()), left_bold), Paragraph(layout.MOTTO[1], right_bold)],
            ["", Paragraph(_esc(layout.place_date(report)), right_it)],
        ],
        colWidths=[WIDTH * 0.45, WIDTH * 0.55],
    )
    head.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    out = [head, Spacer(1, 4 * mm), Paragraph(_esc(layout.title(report)), _style("t", BOLD, 14, TA_CENTER, 18))]
    for k, line in enumerate(layout.title_lines(report)):
        out.append(Paragraph(_esc(line), _style(f"s{k}", ITALIC if k == 0 else REGULAR, 11, TA_CENTER, 15)))
    out.append(Paragraph(layout.UNIT_OF_COUNT, _style("u", ITALIC, 9, TA_RIGHT)))
    out.append(Spacer(1, 1.5 * mm))
    return out


def _table(report: Report) -> Table:
    cols = layout.columns(report.by_unit)
    total_w = sum(c.width for c in cols)
    widths = [WIDTH * c.width / total_w for c in cols]
    head = _style("h", BOLD, 7.5, TA_CENTER, 9)
    num_style = _style("n", ITALIC, 6.5, TA_CENTER, 8)
    body = _style("b", REGULAR, 8, TA_LEFT, 9.6)
    body_bold = _style("bb", BOLD, 8, TA_LEFT, 9.6)

    row1, row2, spans = [], [], []
    i = 0
    while i < len(cols):
        col = cols[i]
        if not col.group:
            row1.append(Paragraph(col.label, head))
            row2.append("")
            spans.append(("SPAN", (i, 0), (i, 1)))
            i += 1
            continue
        j = i
        while j + 1 < len(cols) and cols[j + 1].group == col.group:
            j += 1
        row1.append(Paragraph(col.group, head))
        row1.extend([""] * (j - i))
        row2.extend(Paragraph(cols[k].label, head) for k in range(i, j + 1))
        spans.append(("SPAN", (i, 0), (j, 0)))
        i = j + 1
    numbers = [Paragraph(c.number, num_style) for c in cols]
    data = [row1, row2, numbers]
    styles = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 3), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 3), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 1), HEAD_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        *spans,
    ]
    for line in layout.lines(report):
        r = len(data)
        cells = []
        for col in cols:
            value = layout.cell(line, col)
            if col.key == "label":
                cells.append(Paragraph(_esc(str(value)), body_bold if line.bold else body))
            else:
                cells.append(_number(value) if col.key not in ("no", "code") else str(value))
        data.append(cells)
        if line.bold:
            styles.append(("FONTNAME", (0, r), (-1, r), BOLD))
        if line.kind == "field":
            styles.append(("BACKGROUND", (0, r), (-1, r), FIELD_BG))
    table = Table(data, colWidths=widths, repeatRows=3)
    table.setStyle(TableStyle(styles))
    return table


def _indicators(report: Report) -> list:
    label = _style("il", REGULAR, 9)
    value = _style("iv", BOLD, 9, TA_CENTER)
    how = _style("ih", ITALIC, 8)
    rows = [[Paragraph(_esc(a), label), Paragraph(_esc(b), value), Paragraph(_esc(c), how)]
            for a, b, c in layout.indicator_lines(report)]
    t = Table(rows, colWidths=[WIDTH * 0.28, WIDTH * 0.2, WIDTH * 0.52])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [
        Paragraph("CHỈ SỐ ĐÁNH GIÁ CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (QĐ 766/QĐ-TTg)", _style("ih1", BOLD, 10)),
        Spacer(1, 1.5 * mm),
        t,
        Spacer(1, 1.5 * mm),
        Paragraph(_esc(layout.ON_TIME_RULE_VI), _style("rule", ITALIC, 8)),
    ]


def _signatures() -> Table:
    (lt, ln), (rt, rn) = layout.SIGNERS
    b = _style("sb", BOLD, 10.5, TA_CENTER)
    i = _style("si", ITALIC, 9.5, TA_CENTER)
    t = Table([[Paragraph(lt, b), Paragraph(rt, b)], [Paragraph(ln, i), Paragraph(rn, i)]],
              colWidths=[WIDTH / 2, WIDTH / 2], rowHeights=[None, 22 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(PAGE[0] - MARGIN, 7 * mm, f"Trang {doc.page}")
    canvas.drawString(MARGIN, 7 * mm, f"{doc.title} — {doc.subject}")
    canvas.restoreState()


def render_pdf(report: Report, *, with_charts: bool = True) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 2 * mm,
        title="Báo cáo tình hình, kết quả giải quyết TTHC", subject=report.period.label,
        author=report.unit.get("name") or "", creator="Một Cửa Desk", initialFontName=REGULAR,
    )
    story = [*_heading(report), _table(report), Spacer(1, 2 * mm),
             Paragraph(layout.IDENTITY_NOTE, _style("id", ITALIC, 8)), Spacer(1, 4 * mm),
             KeepTogether([*_indicators(report), Spacer(1, 5 * mm), _signatures()])]
    if with_charts:
        story += [PageBreak(), charts.weekly_chart(report.weeks, WIDTH, 62 * mm), Spacer(1, 5 * mm)]
        for drawing in charts.on_time_charts(report.rows, WIDTH, by_unit=report.by_unit):
            story += [CondPageBreak(drawing.height + 2 * mm), drawing, Spacer(1, 4 * mm)]
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buf.getvalue()


def write_pdf(report: Report, target: str | os.PathLike):
    """Write the PDF to ``target`` (a temporary name, then renamed; ``-``: stdout)."""
    return write_bytes(render_pdf(report), target)
