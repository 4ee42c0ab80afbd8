"""Draw a form template filled from a :class:`FormContext` into PDF bytes.

One attempt at the template's size; if the content does not fit the page, retry a little
smaller (a receipt listing sixteen documents still fits one A5 page), and on the last attempt let
the content run onto further pages.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk_app.forms import barcodes
from desk_app.forms import templates as T
from desk_app.forms.context import RESULT_LABELS, FormContext, form_date, values
from desk_app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts
from desk_app.forms.layout import (
    MARGINS,
    PAGE_SIZES,
    Overflow,
    Sheet,
    draw_code128,
    fill,
    rich,
    text_width,
    wrap,
)
from desk_app.forms.vnformat import place_date, vn_datetime

SCALES = (1.0, 0.94, 0.88, 0.82, 0.76)
BARCODE_HEIGHT = 10 * mm
QR_BOTTOM = 4.5 * mm  # clear of the ~4 mm a laser printer cannot print at the paper's edge
LEGAL_NAMES = {"TT03/2025": "Thông tư 03/2025/TT-VPCP"}
PRODUCER = "Một Cửa Desk"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int


def new_canvas(buf: io.BytesIO, page: str, *, title: str, author: str, subject: str) -> Canvas:
    c = Canvas(buf, pagesize=PAGE_SIZES[page], invariant=1, pageCompression=1, initialFontName=REGULAR,
               initialFontSize=9.5, lang="vi")
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator(PRODUCER)
    return c


def render(template: T.FormTemplate, ctx: FormContext) -> Rendered:
    """The whole document: every copy (liên) of the form, each starting on a new page.

    When a copy fits one page, its body is drawn once as a PDF form XObject and placed on
    every copy's page: the second liên costs almost nothing to draw, embed or print."""
    register_fonts()
    base = values(ctx)
    scales = SCALES if template.shrink else (1.0,)
    # Each size on one page per copy; then, at the smallest, let the content run overleaf.
    attempts = [(scale, False) for scale in scales] + [(scales[-1], True)]
    for scale, overleaf in attempts:
        buf = io.BytesIO()
        c = new_canvas(
            buf,
            template.page,
            title=f"{template.name} - {ctx.dossier.code}",
            author=ctx.unit.name,
            subject=f"{template.form_no}, {LEGAL_NAMES.get(template.legal_version, template.legal_version)}",
        )
        size = template.base_size * scale
        try:
            if overleaf or len(template.copies) == 1:
                for copy_label in template.copies:
                    _draw_copy(c, template, ctx, {**base, "copy": copy_label}, size, allow_break=overleaf)
            else:
                _draw_shared(c, template, ctx, base, size)
        except Overflow:
            continue
        pages = c.getPageNumber() - 1
        c.save()
        return Rendered(buf.getvalue(), pages)
    raise AssertionError("unreachable: the last attempt continues overleaf")


# ----------------------------------------------------------------------------- a copy


def sheet_bottom(page: str) -> float:
    return MARGINS[page][3] * mm


def _new_sheet(c: Canvas, t: T.FormTemplate, ctx: FormContext, size: float, *, allow_break: bool,
               on_new_page=None) -> Sheet:
    qr_side = barcodes.qr_size(ctx.dossier.code) if t.qr else 0.0
    sheet = Sheet(c, t.page, size, allow_break=allow_break, on_new_page=on_new_page,
                  bottom_reserve=max(0.0, QR_BOTTOM + qr_side - sheet_bottom(t.page)) if t.qr else 0.0)
    sheet.scale = size / t.base_size
    return sheet


def _decorate(c: Canvas, t: T.FormTemplate, ctx: FormContext, sheet: Sheet, size: float, page_in_copy: int,
              copy_label: str = "") -> None:
    """What every page carries outside the body: reprint mark, footer, QR, continuation line."""
    small = max(6.5, size * 0.74)
    c.setFillGray(0)
    if ctx.reprint:
        mark = f"Bản in lại (lần in thứ {ctx.copy_no}, {vn_datetime(ctx.printed_at)})"
        c.setFont(ITALIC, small)
        c.drawRightString(sheet.right_edge, sheet.page_h - 5.5 * mm, mark)
    # Footer: the form's number and legal basis, small, as in the circular's annex.
    c.setFont(REGULAR, 6)
    c.setFillGray(0.35)
    c.drawString(sheet.left, 4.5 * mm, f"{t.form_no} - {LEGAL_NAMES.get(t.legal_version, t.legal_version)}")
    c.setFillGray(0)
    if t.qr:
        qr_side = barcodes.qr_size(ctx.dossier.code)
        x = sheet.right_edge - qr_side + barcodes.QR_BORDER * barcodes.QR_MODULE
        barcodes.draw_qr(c, ctx.dossier.code, x, QR_BOTTOM)
        c.setFont(ITALIC, small)
        for i, line in enumerate(t.labels.get("qr_caption", ())):
            c.drawRightString(x - 1 * mm, QR_BOTTOM + qr_side / 2 + (0.5 - i) * small * 1.25, line)
    if page_in_copy > 1:  # a continuation page of the same copy
        c.setFont(ITALIC, small)
        line = f"{t.name} - Mã hồ sơ {ctx.dossier.code} (tiếp theo)"
        if copy_label:
            line += f" - {copy_label}"
        c.drawString(sheet.left, sheet.top - small, line)
        sheet.y -= small * 2


def _draw_copy(c: Canvas, t: T.FormTemplate, ctx: FormContext, v: Mapping[str, str], size: float, *,
               allow_break: bool) -> None:
    """One copy drawn in full (continuing on new pages if allowed); ends with showPage."""
    pages = [0]

    def on_new_page(sheet: Sheet) -> None:
        pages[0] += 1
        _decorate(c, t, ctx, sheet, size, pages[0], v.get("copy", ""))

    sheet = _new_sheet(c, t, ctx, size, allow_break=allow_break, on_new_page=on_new_page)
    sheet.start()
    for block in t.blocks:
        _DRAW[type(block)](sheet, block, ctx, v, t)
    sheet.flush()
    c.showPage()


def _draw_shared(c: Canvas, t: T.FormTemplate, ctx: FormContext, v: Mapping[str, str], size: float) -> None:
    """The body once, in a form XObject; then one page per copy with its own label.

    Raises Overflow when the body does not fit one page."""
    name = "copy-body"
    c.beginForm(name)
    sheet = _new_sheet(c, t, ctx, size, allow_break=False)
    sheet.shared = True  # the title block leaves a slot for each copy's label
    sheet.start()
    for block in t.blocks:
        _DRAW[type(block)](sheet, block, ctx, {**v, "copy": ""}, t)
    sheet.flush()
    c.endForm()
    for label in t.copies:
        c.doForm(name)
        page = _new_sheet(c, t, ctx, size, allow_break=False)
        _decorate(c, t, ctx, page, size, 1)
        if label and sheet.copy_slot is not None:
            text, y, font, fsize = sheet.copy_slot
            c.setFont(font, fsize)
            c.drawCentredString(sheet.left + sheet.width / 2, y, fill(text, {**v, "copy": label}))
        c.showPage()


# ----------------------------------------------------------------------------- blocks


def _header(sheet: Sheet, b: T.Header, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    c = sheet.c
    hs = min(sheet.size * 0.9, 8.6)  # the header keeps its size when the body is larger
    lw = sheet.width * 0.43
    rw = sheet.width - lw
    lcx = sheet.left + lw / 2
    rcx = sheet.left + lw + rw / 2
    y0 = sheet.y
    # Left: the parent agency, then the desk (bold), a short rule under it.
    y = y0
    if ctx.unit.parent_name:
        y = sheet.centred(ctx.unit.parent_name.upper(), REGULAR, hs, lcx, lw - 2 * mm, y)
    y = sheet.centred(ctx.unit.name.upper(), BOLD, hs, lcx, lw - 2 * mm, y)
    sheet.rule(lcx - lw * 0.16, lcx + lw * 0.16, y - 2.2, 0.6)
    yl = y - 3.5
    # Right: the national name, the motto underlined by a rule of its own width.
    yr = sheet.centred(t.labels["nation"], BOLD, hs, rcx, rw, y0)
    motto = t.labels["motto"]
    ms = hs * 1.04
    mw = text_width(motto, BOLD, ms)
    c.setFont(BOLD, ms)
    c.drawCentredString(rcx, yr - ms * 0.98, motto)
    yr -= ms * 1.3
    sheet.rule(rcx - mw / 2, rcx + mw / 2, yr + 0.6, 0.6)
    yr -= 2.5
    # Third row: the document number (left) and place, date (right) on one baseline.
    y3 = min(yl, yr) - 1.5 * mm
    place = place_date(ctx.unit.place, form_date(t.form, ctx))
    if b.number:
        sheet.centred(b.number, REGULAR, hs, lcx, lw, y3)
    yp = sheet.centred(place, ITALIC, hs, rcx, rw, y3)
    sheet.y = yp - 1.5 * mm


def _title(sheet: Sheet, b: T.Title, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    ts = sheet.size * 1.22
    sheet.gap(sheet.size * 0.4)
    for part in b.text.split("\n"):
        sheet.flow([(part, BOLD)], size=ts, align="center", leading=ts * 1.25)
    for line in b.lines:
        sheet.flow(rich(line, v), align="center")
    for line in b.italic_lines:
        isz = sheet.size * 0.92
        if "{copy}" in line and sheet.shared:
            # Shared body: leave the line for each page to print its own copy label.
            sheet.need(isz * 1.36)
            sheet.copy_slot = (line, sheet.y - isz * 0.98, ITALIC, isz)
            sheet.y -= isz * 1.36
            continue
        sheet.flow([(fill(line, v), ITALIC)], size=isz, align="center")
    sheet.gap(sheet.size * 0.2)


def _barcode(sheet: Sheet, b: T.Barcode, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    sheet.gap(1 * mm)
    draw_code128(sheet, ctx.dossier.code, BARCODE_HEIGHT)
    sheet.gap(1 * mm)


def _field(sheet: Sheet, b: T.Field, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    value = fill(b.value, v, dots=False)
    if not value.strip(" ,;.-"):
        if b.skip_empty:
            return
        value = ""
    else:
        value = fill(b.value, v)
    sheet.field(fill(b.label, v), value, bold=b.bold)


def _para(sheet: Sheet, b: T.Para, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    if b.skip_empty and not v.get(b.skip_empty):
        return
    base = {"bold": BOLD, "italic": ITALIC}.get(b.style, REGULAR)
    sheet.gap(b.space_before * mm * sheet.scale)
    sheet.flow(rich(b.text, v, base), align=b.align, indent=b.indent * mm)


def _doc_table(sheet: Sheet, b: T.DocTable, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    docs = ctx.documents if ctx.documents is not None else ctx.dossier.documents
    total = sum(col.width for col in b.columns)
    widths = [col.width / total * sheet.width for col in b.columns]
    xs = [sheet.left]
    for w in widths:
        xs.append(xs[-1] + w)
    hsz = sheet.size * 0.8
    bsz = sheet.size * 0.92
    pad = 1.6

    def cell_lines(text: str, font: str, size: float, width: float) -> list:
        return wrap([(text, font)], size, width - 2 * pad)

    head = [cell_lines(col.title, BOLD, hsz, w) for col, w in zip(b.columns, widths)]
    head_h = max(len(h) for h in head) * hsz * 1.2 + 2 * pad

    def draw_row(cells: list, size: float, height: float, aligns: list[str]) -> None:
        top = sheet.y
        c = sheet.c
        c.setLineWidth(0.5)
        c.rect(sheet.left, top - height, sheet.width, height, stroke=1, fill=0)
        for x in xs[1:-1]:
            c.line(x, top, x, top - height)
        for lines, x, w, align in zip(cells, xs, widths, aligns):
            n = len(lines)
            # centre the lines vertically in the cell
            y = top - (height - n * size * 1.2) / 2 - size * 0.92
            for line in lines:
                sheet.draw_line(line, x + pad, w - 2 * pad, y, size, align)
                y -= size * 1.2
        sheet.y = top - height

    def draw_head() -> None:
        sheet.need(head_h + bsz * 1.2 + 2 * pad)
        draw_row(head, hsz, head_h, ["center"] * len(head))

    rows = []
    for i, d in enumerate(docs, 1):
        attrs = {"no": str(i), "name": d.name, "original": _n(d.original), "certified": _n(d.certified),
                 "copy": _n(d.copy)}
        rows.append([cell_lines(attrs[col.key], REGULAR, bsz, w) for col, w in zip(b.columns, widths)])
    if not rows:
        rows = [[cell_lines(str(i) if col.key == "no" else "", REGULAR, bsz, w) for col, w in zip(b.columns, widths)]
                for i in range(1, b.blank_rows + 1)]
    aligns = [col.align for col in b.columns]
    sheet.gap(0.8 * mm)
    draw_head()
    for cells in rows:
        h = max(max(len(x) for x in cells), 1) * bsz * 1.2 + 2 * pad
        if not any(any(line for line in x) for x in cells[1:]):
            h = max(h, bsz * 2.2)  # blank rows leave room to write
        if sheet.y - h < sheet.bottom:
            sheet.need(h + head_h)  # a page break: repeat the header row
            draw_head()
        draw_row(cells, bsz, h, aligns)
    sheet.gap(1.2 * mm)


def _n(n: int) -> str:
    return f"{n:02d}" if n else "-"


def _signer_height(s: T.Signer | None, size: float, space: float) -> float:
    if s is None:
        return 0.0
    return (size * 1.3 if s.above else 0) + size * 1.3 + size * 1.2 + space + size * 1.3


def _draw_signer(sheet: Sheet, s: T.Signer, v: Mapping[str, str], cx: float, width: float, size: float,
                 space: float) -> float:
    y = sheet.y
    if s.above:
        y = sheet.centred(s.above, BOLD, size, cx, width, y)
    y = sheet.centred(s.title, BOLD, size, cx, width, y)
    y = sheet.centred(s.hint, ITALIC, size * 0.88, cx, width, y)
    y -= space
    name = fill(s.name, v, dots=False) if s.name else ""
    if name:
        y = sheet.centred(name, BOLD, size, cx, width, y)
    return y


def _signatures(sheet: Sheet, b: T.Signatures, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    size = sheet.size
    space = b.space * mm * sheet.scale
    sheet.gap(size * 0.5)
    height = max(_signer_height(b.left, size, space), _signer_height(b.right, size, space))
    sheet.need(height)
    half = sheet.width / 2
    bottoms = [sheet.y - height]
    if b.left is not None:
        bottoms.append(_draw_signer(sheet, b.left, v, sheet.left + half / 2, half - 2 * mm, size, space))
    if b.right is not None:
        bottoms.append(_draw_signer(sheet, b.right, v, sheet.left + half * 1.5, half - 2 * mm, size, space))
    if sheet.side_bottom is not None:
        bottoms.append(sheet.side_bottom)
        sheet.side_bottom = None
    sheet.y = min(bottoms)


def _recipients(sheet: Sheet, b: T.Recipients, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    """Drawn beside the signature that follows it (bottom left of an official letter)."""
    size = sheet.size * 0.8
    sheet.gap(sheet.size * 0.5)
    need = (1 + len(b.lines)) * size * 1.3 + sheet.size * 0.5
    sheet.need(need)
    c = sheet.c
    y = sheet.y - sheet.size * 0.5 - size
    c.setFont(BOLD, size)
    c.drawString(sheet.left, y, b.title)
    c.setFont(REGULAR, size * 0.95)
    for line in b.lines:
        y -= size * 1.3
        c.drawString(sheet.left, y, fill(line, v))
    sheet.side_bottom = y - size * 0.5
    sheet.y += sheet.size * 0.5  # the signature's own gap starts at the same height


def _spacer(sheet: Sheet, b: T.Spacer, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    sheet.gap(b.mm * mm * sheet.scale)


# ----------------------------------------------------------------------------- control slip


def _handovers(sheet: Sheet, b: T.Handovers, ctx: FormContext, v: Mapping[str, str], t: T.FormTemplate) -> None:
    d = ctx.dossier
    items: list[dict] = []
    for h in d.handovers:
        items.append({
            "title": f"{b.step} {h.step_no}" + (f": {h.step_name}" if h.step_name else ""),
            "giver": " - ".join(x for x in (h.from_unit, ctx.person(h.from_person)) if x),
            "receiver": " - ".join(x for x in (h.to_unit, h.to_person) if x),
            "time": vn_datetime(h.at),
            "step_due": vn_datetime(h.step_due_at) if h.step_due_at else "",
            "result": b.results.get(h.result_class, RESULT_LABELS.get(h.result_class, "")),
            "note": h.note,
            "giver_name": ctx.person(h.from_person),
            "receiver_name": h.to_person,
        })
    if d.status in (2, 4, 5, 6):  # still being processed: a blank block for the next hand
        items.append({"title": b.blank_title.format(n=len(d.handovers) + 1), "giver": "", "receiver": "",
                      "time": "", "step_due": "", "result": "", "note": "", "giver_name": "",
                      "receiver_name": ""})
    if d.status not in (3, 7, 8):
        items.append({
            "title": b.return_title,
            "giver": ctx.unit.name,
            "receiver": d.returned_to or b.return_receiver,
            "time": vn_datetime(d.returned_at) if d.returned_at else "",
            "step_due": vn_datetime(d.due_at) if d.due_at else "",
            "result": "", "note": "",
            "giver_name": "", "receiver_name": d.returned_to,
            "is_return": True,
        })
    sheet.gap(1 * mm)
    for item in items:
        _handover_block(sheet, b, item)


def _handover_block(sheet: Sheet, b: T.Handovers, item: dict) -> None:
    size = sheet.size
    lead = size * 1.34
    pad = 2.5
    inner_x = sheet.left + pad + 1
    inner_w = sheet.width - 2 * (pad + 1)
    empty = "........................................"

    def runs(label: str, value: str, bold: bool = False) -> list:
        return [(label + " ", REGULAR), (value or empty, BOLD if bold and value else REGULAR)]

    lines: list[tuple[list, float]] = [([(item["title"], BOLD)], size)]
    lines.append((runs(b.giver, item["giver"]), size))
    lines.append((runs(b.receiver, item["receiver"]), size))
    time_value = item["time"] or "...... giờ ...... phút, ngày ...... tháng ...... năm ......"
    lines.append((runs(b.time, time_value), size))
    if not item.get("is_return"):
        due = runs(b.step_due, item["step_due"])
        lines.append((due, size))
        lines.append((runs(b.result, item["result"], bold=True), size))
    if item["note"]:
        lines.append((runs(b.note, item["note"]), size))
    wrapped = [(wrap(r, s, inner_w), s) for r, s in lines]
    text_h = sum(len(w) for w, _ in wrapped) * lead
    sign_space = 12 * mm * sheet.scale
    sign_h = size * 1.25 + size * 1.1 + sign_space + size * 1.25
    height = text_h + sign_h + 2 * pad + 2
    sheet.need(height + 1.5 * mm)
    top = sheet.y
    c = sheet.c
    c.setLineWidth(0.6)
    c.rect(sheet.left, top - height, sheet.width, height, stroke=1, fill=0)
    y = top - pad - 1
    for w, s in wrapped:
        for line in w:
            sheet.draw_line(line, inner_x, inner_w, y - s * 0.98, s, "left")
            y -= lead
    half = sheet.width / 2
    sheet.y = y - 1
    giver_title = b.giver_sign
    receiver_title = b.receiver_sign
    for title, name, cx in ((giver_title, item["giver_name"], sheet.left + half / 2),
                            (receiver_title, item["receiver_name"], sheet.left + half * 1.5)):
        yy = sheet.centred(title, BOLD, size, cx, half - 4, sheet.y)
        yy = sheet.centred(b.sign_hint, ITALIC, size * 0.88, cx, half - 4, yy)
        yy -= sign_space
        if name:
            sheet.centred(name, BOLD, size, cx, half - 4, yy)
    sheet.y = top - height - 1.5 * mm


_DRAW = {
    T.Header: _header,
    T.Title: _title,
    T.Barcode: _barcode,
    T.Field: _field,
    T.Para: _para,
    T.DocTable: _doc_table,
    T.Signatures: _signatures,
    T.Recipients: _recipients,
    T.Spacer: _spacer,
    T.Handovers: _handovers,
}
