"""The periodic report as an Excel workbook laid out like the official table.

Sheet "Báo cáo": the national heading, the title with the unit and the period, the table
with its two-level merged headers and numbering row, field subtotals, the total, the QĐ 766
indicators and the signature block; set up to print on A4 landscape, one page wide, the
headers repeated on every page. Sheet "Theo tuần": received and resolved per week.
Numbers are numbers (a supervisor re-sums them in Excel), in Times New Roman like the forms.
"""

from __future__ import annotations

import io
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from desk_app.reports import layout
from desk_app.reports.output import write_bytes
from desk_app.services.reports import Report

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
HEAD_FILL = PatternFill("solid", fgColor="E8EEF7")
FIELD_FILL = PatternFill("solid", fgColor="F3F3F3")

#: Row numbers of the layout (the tests read the workbook back by them).
HEADER_ROW = 9  # first of the two header rows
NUMBER_ROW = 11
FIRST_DATA_ROW = 12


def _font(size: float = 11, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _merge(ws, row: int, col1: int, col2: int, value, *, font: Font, align: Alignment = CENTER, row2: int | None = None):
    ws.merge_cells(start_row=row, start_column=col1, end_row=row2 or row, end_column=col2)
    c = ws.cell(row=row, column=col1, value=value)
    c.font = font
    c.alignment = align
    return c


def build_workbook(report: Report) -> Workbook:
    cols = layout.columns(report.by_unit)
    n = len(cols)
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    for i, col in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width

    unit = report.unit
    half = 6
    _merge(ws, 1, 1, half, (unit.get("parent_name") or "").upper(), font=_font(11))
    _merge(ws, 2, 1, half, (unit.get("name") or "").upper(), font=_font(11, bold=True))
    _merge(ws, 1, half + 4, n, layout.MOTTO[0], font=_font(11, bold=True))
    _merge(ws, 2, half + 4, n, layout.MOTTO[1], font=_font(12, bold=True))
    _merge(ws, 3, half + 4, n, layout.place_date(report), font=_font(11, italic=True))
    _merge(ws, 5, 1, n, layout.title(report), font=_font(14, bold=True))
    for k, line in enumerate(layout.title_lines(report)[:2]):
        _merge(ws, 6 + k, 1, n, line, font=_font(12, italic=k == 0, bold=k == 1))
    _merge(ws, 8, n - 3, n, layout.UNIT_OF_COUNT, font=_font(10, italic=True), align=Alignment(horizontal="right"))

    # two-level header: a group label over its columns, or one label over both rows
    h1, h2 = HEADER_ROW, HEADER_ROW + 1
    i = 1
    while i <= n:
        col = cols[i - 1]
        if not col.group:
            _merge(ws, h1, i, i, col.label, font=_font(10, bold=True), row2=h2)
            i += 1
            continue
        j = i
        while j < n and cols[j].group == col.group:
            j += 1
        _merge(ws, h1, i, j, col.group, font=_font(10, bold=True))
        for k in range(i, j + 1):
            c = ws.cell(row=h2, column=k, value=cols[k - 1].label)
            c.font = _font(10, bold=True)
            c.alignment = CENTER
        i = j + 1
    for k, col in enumerate(cols, 1):
        c = ws.cell(row=NUMBER_ROW, column=k, value=col.number)
        c.font = _font(9, italic=True)
        c.alignment = CENTER
    for r in (h1, h2):
        for k in range(1, n + 1):
            ws.cell(row=r, column=k).fill = HEAD_FILL
    ws.row_dimensions[h1].height = 30
    ws.row_dimensions[h2].height = 58

    row = FIRST_DATA_ROW
    for line in layout.lines(report):
        for k, col in enumerate(cols, 1):
            value = layout.cell(line, col)
            c = ws.cell(row=row, column=k, value=None if value == "" else value)
            c.font = _font(10.5, bold=line.bold)
            if col.key == "label":
                c.alignment = LEFT
            else:
                c.alignment = CENTER
            if col.key == "on_time_rate":
                c.number_format = "0.00"
            elif k > 3:
                c.number_format = "#,##0"
            if line.kind == "field":
                c.fill = FIELD_FILL
        row += 1
    last_table_row = row - 1
    for r in range(h1, last_table_row + 1):
        for k in range(1, n + 1):
            ws.cell(row=r, column=k).border = BOX

    row += 1
    _merge(ws, row, 1, n, layout.IDENTITY_NOTE, font=_font(10, italic=True), align=Alignment(horizontal="left"))
    row += 2
    _merge(ws, row, 1, n, "CHỈ SỐ ĐÁNH GIÁ CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (QĐ 766/QĐ-TTg)",
           font=_font(11, bold=True), align=Alignment(horizontal="left"))
    row += 1
    for label, value, how in layout.indicator_lines(report):
        _merge(ws, row, 1, 2, label, font=_font(11), align=LEFT)
        _merge(ws, row, 3, 5, value, font=_font(11, bold=True), align=CENTER)
        _merge(ws, row, 6, n, how, font=_font(10, italic=True), align=LEFT)
        for k in range(1, n + 1):
            ws.cell(row=row, column=k).border = BOX
        row += 1
    row += 1
    _merge(ws, row, 1, n, layout.ON_TIME_RULE_VI, font=_font(9.5, italic=True), align=LEFT)
    ws.row_dimensions[row].height = 28
    row += 2
    (left_title, left_note), (right_title, right_note) = layout.SIGNERS
    _merge(ws, row, 1, 5, left_title, font=_font(11, bold=True))
    _merge(ws, row, n - 6, n, right_title, font=_font(11, bold=True))
    _merge(ws, row + 1, 1, 5, left_note, font=_font(10, italic=True))
    _merge(ws, row + 1, n - 6, n, right_note, font=_font(10, italic=True))

    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=4)
    ws.print_title_rows = f"{h1}:{NUMBER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"

    weeks = wb.create_sheet("Theo tuần")
    for k, (label, width) in enumerate((("Tuần bắt đầu (thứ Hai)", 22), ("Tiếp nhận mới", 16), ("Đã giải quyết", 16)), 1):
        c = weeks.cell(row=1, column=k, value=label)
        c.font = _font(11, bold=True)
        c.alignment = CENTER
        c.border = BOX
        c.fill = HEAD_FILL
        weeks.column_dimensions[get_column_letter(k)].width = width
    for r, w in enumerate(report.weeks, 2):
        for k, value in enumerate((w.week_start, w.received, w.resolved), 1):
            c = weeks.cell(row=r, column=k, value=value)
            c.font = _font(11)
            c.border = BOX
            c.alignment = CENTER
            if k == 1:
                c.number_format = "DD/MM/YYYY"
    weeks.freeze_panes = "A2"

    wb.properties.title = layout.title(report)
    wb.properties.subject = report.period.label
    wb.properties.creator = "Một Cửa Desk"
    return wb


def render_xlsx(report: Report) -> bytes:
    buf = io.BytesIO()
    build_workbook(report).save(buf)
    return buf.getvalue()


def write_xlsx(report: Report, target: str | os.PathLike):
    """Write the workbook to ``target`` (a temporary name, then renamed; ``-``: stdout)."""
    return write_bytes(render_xlsx(report), target)
