"""The register (Sổ theo dõi hồ sơ) for a period: A4 landscape PDF, or an Excel workbook.

Rows are dossiers received in the period, in the order they were received. The PDF repeats
the column header on every page and numbers its pages; the workbook keeps real dates (so a
supervisor can sort and filter), a merged two-row header, and prints on A4 landscape too.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from desk_app.domain.dossier_rules import STATUS_LABELS
from desk_app.forms import templates as T
from desk_app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts
from desk_app.forms.layout import Sheet, fill, text_width, wrap
from desk_app.forms.render import LEGAL_NAMES, Rendered, new_canvas
from desk_app.forms.vnformat import place_date, short_date, short_datetime

if TYPE_CHECKING:
    from desk_app.services.dossiers import DossierRecord
    from desk_app.services.setup import UnitInfo

DELIVERY_LABELS = {"desk": "Trực tiếp", "post": "Bưu chính"}


@dataclass(frozen=True)
class RegisterInput:
    unit: UnitInfo
    date_from: date
    date_to: date
    printed_at: datetime
    dossiers: Sequence[DossierRecord]


def books(dossiers: Sequence[DossierRecord]) -> list[str]:
    return sorted({d.register_book for d in dossiers if d.register_book})


def row_values(d: DossierRecord, *, several_books: bool) -> dict[str, str]:
    """One row of the register as text (the PDF's cells)."""
    applicant = d.applicant.name
    if d.proxy and d.proxy.name:
        applicant += f" (người nộp: {d.proxy.name})"
    contact = "; ".join(x for x in (d.applicant.address, d.applicant.phone) if x)
    due = short_datetime(d.original_due_at)
    if d.extension_count and d.due_at and d.due_at != d.original_due_at:
        due += f" (gia hạn đến {short_datetime(d.due_at)})"
    notes = [STATUS_LABELS.get(d.status, "")]
    if several_books and d.register_book:  # several stations' books in one printout
        notes.insert(0, f"Quyển số {d.register_book}")
    if d.supplement_count:
        notes.append(f"Bổ sung {d.supplement_count} lần")
    if d.note:
        notes.append(d.note)
    no = str(d.register_no) if d.register_no else ""
    return {
        "no": no,
        "code": d.code,
        "procedure": d.procedure_name,
        "sets": f"{d.sets_count:02d}",
        "applicant": applicant,
        "address": contact,
        "resolving_unit": d.resolving_unit,
        "received_at": short_datetime(d.received_at),
        "due_at": due,
        "returned_at": short_datetime(d.returned_at),
        "delivery": DELIVERY_LABELS.get(d.result_delivery, d.result_delivery) if d.returned_at else "",
        "signature": "",
        "note": "; ".join(n for n in notes if n),
    }


def _labels(t: T.FormTemplate, data: RegisterInput) -> dict[str, str]:
    found = books(data.dossiers)
    return {
        "period": fill(t.labels["period"], {"date_from": short_date(data.date_from), "date_to": short_date(data.date_to)}),
        "books": fill(t.labels["books"], {"books": ", ".join(found)}) if found else "",
    }


# ----------------------------------------------------------------------------- PDF


def render_pdf(t: T.FormTemplate, data: RegisterInput) -> Rendered:
    register_fonts()
    buf = io.BytesIO()
    c = new_canvas(buf, t.page, title=f"{t.name} {short_date(data.date_from)} - {short_date(data.date_to)}",
                   author=data.unit.name, subject=f"{t.form_no}, {LEGAL_NAMES.get(t.legal_version, t.legal_version)}")
    size = t.base_size
    probe = Sheet(c, t.page, size, allow_break=False)
    cols = t.columns
    total = sum(col.width for col in cols)
    widths = [col.width / total * probe.width for col in cols]
    xs = [probe.left]
    for w in widths:
        xs.append(xs[-1] + w)
    pad = 1.8
    lead = size * 1.22
    hsz = size * 0.95
    several = len(books(data.dossiers)) > 1

    # Column header: grouped columns get a merged cell above their own titles.
    groups: list[tuple[str, int, int]] = []  # (title, first, last)
    for i, col in enumerate(cols):
        if col.group and groups and groups[-1][0] == col.group and groups[-1][2] == i - 1:
            groups[-1] = (col.group, groups[-1][1], i)
        elif col.group:
            groups.append((col.group, i, i))
    head_lines = [wrap([(col.title, BOLD)], hsz, w - 2 * pad) for col, w in zip(cols, widths)]
    sub_h = max(len(h) for h, col in zip(head_lines, cols) if col.group) * hsz * 1.2 + 2 * pad if groups else 0
    group_h = hsz * 1.2 + 2 * pad if groups else 0
    plain_h = max(len(h) for h in head_lines) * hsz * 1.2 + 2 * pad
    head_h = max(plain_h, group_h + sub_h)
    num_h = size * 0.9 * 1.2 + 2 * pad

    rows = []
    for d in data.dossiers:
        vals = row_values(d, several_books=several)
        cells = [wrap([(vals[col.key], REGULAR)], size, w - 2 * pad) for col, w in zip(cols, widths)]
        rows.append((cells, max(len(x) for x in cells) * lead + 2 * pad))

    labels = _labels(t, data)
    first_top = None

    # Paginate: the first page carries the title block; every page the column header.
    def title_block(sheet: Sheet, draw: bool) -> float:
        y = sheet.top
        lw, rw = sheet.width * 0.4, sheet.width * 0.6
        hs = size * 1.15
        if draw:
            lcx, rcx = sheet.left + lw / 2, sheet.left + lw + rw / 2
            yl = y
            if data.unit.parent_name:
                yl = sheet.centred(data.unit.parent_name.upper(), REGULAR, hs, lcx, lw, yl)
            yl = sheet.centred(data.unit.name.upper(), BOLD, hs, lcx, lw, yl)
            sheet.rule(lcx - 25, lcx + 25, yl - 1, 0.6)
            yr = sheet.centred(t.labels["nation"], BOLD, hs, rcx, rw, y)
            yr = sheet.centred(t.labels["motto"], BOLD, hs, rcx, rw, yr)
            mw = text_width(t.labels["motto"], BOLD, hs)
            sheet.rule(rcx - mw / 2, rcx + mw / 2, yr + 1.2, 0.6)
            sheet.centred(place_date(data.unit.place, data.printed_at), ITALIC, hs, rcx, rw, yr - 3)
        y -= hs * 1.3 * 3 + 4 * mm
        ts = size * 2
        if draw:
            c.setFont(BOLD, ts)
            c.drawCentredString(sheet.left + sheet.width / 2, y - ts, t.labels["title"])
        y -= ts * 1.45
        for line in (labels["period"], labels["books"]):
            if not line:
                continue
            if draw:
                c.setFont(ITALIC, size * 1.25)
                c.drawCentredString(sheet.left + sheet.width / 2, y - size * 1.25, line)
            y -= size * 1.25 * 1.45
        return y - 2 * mm

    first_top = title_block(probe, draw=False)
    pages: list[list[int]] = [[]]
    y = first_top - head_h - num_h
    for i, (_, h) in enumerate(rows):
        if y - h < probe.bottom and pages[-1]:
            pages.append([])
            y = probe.top - head_h - num_h
        pages[-1].append(i)
        y -= h
    n_pages = len(pages)

    def draw_header(sheet: Sheet, top: float) -> float:
        c.setLineWidth(0.6)
        c.rect(sheet.left, top - head_h, sheet.width, head_h)
        for gi, (title, first, last) in enumerate(groups):
            x1, x2 = xs[first], xs[last + 1]
            c.line(x1, top - group_h, x2, top - group_h)
            sheet.draw_line(wrap([(title, BOLD)], hsz, x2 - x1)[0], x1, x2 - x1, top - pad - hsz * 0.95, hsz, "center")
        grouped = {i for _, a, b in groups for i in range(a, b + 1)}
        for i, (lines, x, w) in enumerate(zip(head_lines, xs, widths)):
            if i > 0:
                y_from = top - group_h if i in grouped and (i - 1) in grouped else top
                c.line(x, y_from, x, top - head_h)
            cell_top = top - group_h if i in grouped else top
            cell_h = head_h - (group_h if i in grouped else 0)
            yy = cell_top - (cell_h - len(lines) * hsz * 1.2) / 2 - hsz * 0.95
            for line in lines:
                sheet.draw_line(line, x + pad, w - 2 * pad, yy, hsz, "center")
                yy -= hsz * 1.2
        # Column numbers (1) (2) … as printed registers have.
        y2 = top - head_h
        c.rect(sheet.left, y2 - num_h, sheet.width, num_h)
        c.setFont(ITALIC, size * 0.9)
        for i, (x, w) in enumerate(zip(xs, widths)):
            if i > 0:
                c.line(x, y2, x, y2 - num_h)
            c.drawCentredString(x + w / 2, y2 - pad - size * 0.9 * 0.95, f"({i + 1})")
        return y2 - num_h

    for p, indices in enumerate(pages):
        sheet = Sheet(c, t.page, size, allow_break=False)
        top = title_block(sheet, draw=True) if p == 0 else sheet.top
        y = draw_header(sheet, top)
        c.setLineWidth(0.4)
        for i in indices:
            cells, h = rows[i]
            c.rect(sheet.left, y - h, sheet.width, h)
            for x in xs[1:-1]:
                c.line(x, y, x, y - h)
            for lines, x, w, col in zip(cells, xs, widths, cols):
                yy = y - pad - size * 0.95
                for line in lines:
                    sheet.draw_line(line, x + pad, w - 2 * pad, yy, size, col.align)
                    yy -= lead
            y -= h
        if not rows:
            h = size * 3
            c.rect(sheet.left, y - h, sheet.width, h)
            c.setFont(ITALIC, size * 1.1)
            c.drawCentredString(sheet.left + sheet.width / 2, y - h / 2 - size * 0.35, t.labels["empty"])
        c.setFont(REGULAR, 6.5)
        c.setFillGray(0.35)
        c.drawString(sheet.left, 5 * mm, f"{t.form_no} - {LEGAL_NAMES.get(t.legal_version, t.legal_version)}")
        c.drawRightString(sheet.right_edge, 5 * mm, fill(t.labels["page"], {"page": str(p + 1), "pages": str(n_pages)}))
        c.setFillGray(0)
        sheet.flush()
        c.showPage()
    c.save()
    return Rendered(buf.getvalue(), n_pages)


# ----------------------------------------------------------------------------- XLSX


def render_xlsx(t: T.FormTemplate, data: RegisterInput) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    cols = t.columns
    n = len(cols)
    last = get_column_letter(n)
    wb = Workbook()
    ws = wb.active
    ws.title = t.labels.get("sheet", "Register")[:31]
    font = "Times New Roman"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left_wrap = Alignment(horizontal="left", vertical="top", wrap_text=True)
    top_centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
    labels = _labels(t, data)
    half = max(2, n // 2 - 1)

    def merged(row: int, c1: int, c2: int, value: str, *, bold=False, italic=False, size=12, align=centre):
        ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)
        cell = ws.cell(row=row, column=c1, value=value)
        cell.font = Font(name=font, bold=bold, italic=italic, size=size)
        cell.alignment = align
        return cell

    merged(1, 1, half, data.unit.parent_name.upper(), size=11)
    merged(2, 1, half, data.unit.name.upper(), bold=True, size=11)
    merged(1, half + 2, n, t.labels["nation"], bold=True, size=11)
    merged(2, half + 2, n, t.labels["motto"], bold=True, size=11)
    merged(3, half + 2, n, place_date(data.unit.place, data.printed_at), italic=True, size=11)
    merged(4, 1, n, t.labels["title"], bold=True, size=15)
    merged(5, 1, n, f"{data.unit.name} - {labels['period']}", italic=True, size=12)
    if labels["books"]:
        merged(6, 1, n, labels["books"], italic=True, size=11)

    h1, h2, hn = 8, 9, 10
    grouped = [col.group for col in cols]
    i = 0
    while i < n:
        col = cols[i]
        if col.group:
            j = i
            while j + 1 < n and grouped[j + 1] == col.group:
                j += 1
            ws.merge_cells(start_row=h1, start_column=i + 1, end_row=h1, end_column=j + 1)
            ws.cell(row=h1, column=i + 1, value=col.group)
            for k in range(i, j + 1):
                ws.cell(row=h2, column=k + 1, value=cols[k].title)
            i = j + 1
        else:
            ws.merge_cells(start_row=h1, start_column=i + 1, end_row=h2, end_column=i + 1)
            ws.cell(row=h1, column=i + 1, value=col.title)
            i += 1
    for row in (h1, h2, hn):
        for k in range(1, n + 1):
            cell = ws.cell(row=row, column=k)
            if row == hn:
                cell.value = f"({k})"
                cell.font = Font(name=font, italic=True, size=10)
            else:
                cell.font = Font(name=font, bold=True, size=11)
            cell.alignment = centre
            cell.border = border
    ws.row_dimensions[h2].height = 30

    several = len(books(data.dossiers)) > 1
    date_fmt = "hh:mm dd/mm/yyyy"
    row = hn + 1
    for d in data.dossiers:
        text = row_values(d, several_books=several)
        raw = {
            "no": d.register_no or None,
            "sets": d.sets_count,
            "received_at": _naive(d.received_at),
            "due_at": _naive(d.original_due_at),
            "returned_at": _naive(d.returned_at),
        }
        if d.extension_count and d.due_at and d.due_at != d.original_due_at:
            raw["due_at"] = text["due_at"]  # an extension: both appointments, as text
        for k, col in enumerate(cols, 1):
            value = raw[col.key] if col.key in raw else text[col.key]
            cell = ws.cell(row=row, column=k, value=value if value != "" else None)
            cell.font = Font(name=font, size=11)
            cell.border = border
            cell.alignment = left_wrap if col.align == "left" else top_centre
            if isinstance(value, datetime):
                cell.number_format = date_fmt
        row += 1
    if not data.dossiers:
        merged(row, 1, n, t.labels["empty"], italic=True, size=11)
        row += 1

    for k, col in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(k)].width = max(6.0, col.width * 11)
    ws.freeze_panes = ws.cell(row=hn + 1, column=1)
    ws.print_title_rows = f"{h1}:{hn}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.left.text = f"{t.form_no} - {LEGAL_NAMES.get(t.legal_version, t.legal_version)}"
    ws.oddFooter.right.text = "Trang &P/&N"
    ws.print_area = f"A1:{last}{max(row - 1, hn)}"
    wb.properties.title = f"{t.name} {short_date(data.date_from)} - {short_date(data.date_to)}"
    wb.properties.creator = "Một Cửa Desk"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _naive(dt: datetime | None) -> datetime | None:
    """Excel has no time zones: the desk's local wall-clock time."""
    if dt is None:
        return None
    from desk_app.clock import to_db

    return to_db(dt)
