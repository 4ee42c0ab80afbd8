"""A small layout engine on the reportlab canvas: wrapped rich text, fields, tables, blocks.

Drawing straight on the canvas (no platypus) keeps a receipt at a few milliseconds. Text is
wrapped with the embedded font's metrics; ``**bold**`` spans and ``{key}`` placeholders come
from the template (placeholders are filled after the markup is split, so a citizen's text can
never switch fonts). When a block does not fit, the engine raises :class:`Overflow` (the
renderer then retries at a smaller size) or, on the last attempt, continues on a new page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desk_app.forms import barcodes
from desk_app.forms.fonts import BOLD, REGULAR
from desk_app.forms.vnformat import DOTS

PAGE_SIZES = {"A5": A5, "A4-landscape": landscape(A4)}
#: left, right, top, bottom (mm). A5 forms keep a wider left edge for the binder punch.
MARGINS = {"A5": (14, 10, 9, 8), "A4-landscape": (15, 12, 12, 10)}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Overflow(Exception):
    """The content does not fit on the page (and page breaks are not allowed yet)."""


@lru_cache(maxsize=16384)
def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


Run = tuple[str, str]  # (text, font)


def fill(template: str, values: Mapping[str, str], *, dots: bool = True) -> str:
    """Replace ``{key}`` by its value; an empty value becomes a dotted blank."""

    def sub(m: re.Match) -> str:
        v = values[m.group(1)]
        return v if v or not dots else DOTS

    return _PLACEHOLDER.sub(sub, template)


def rich(template: str, values: Mapping[str, str], base: str = REGULAR, *, dots: bool = True) -> list[Run]:
    """Split ``**bold**`` markup, then fill each span's placeholders."""
    runs: list[Run] = []
    for i, part in enumerate(template.split("**")):
        if part:
            runs.append((fill(part, values, dots=dots), BOLD if i % 2 else base))
    return runs


def _words(runs: Sequence[Run]) -> list[list[Run]]:
    """Words as lists of (text, font) pieces; pieces with no space between stay one word."""
    words: list[list[Run]] = []
    space = True
    for text, font in runs:
        parts = text.split(" ")
        for i, part in enumerate(parts):
            if i > 0:
                space = True
            if not part:
                continue
            if space or not words:
                words.append([(part, font)])
            else:
                words[-1].append((part, font))
            space = False
    return words


def _word_width(word: Sequence[Run], size: float) -> float:
    return sum(text_width(t, f, size) for t, f in word)


def _split_long(word: list[Run], size: float, width: float) -> list[list[Run]]:
    """Break a word wider than the line (a long e-mail address) between characters."""
    out: list[list[Run]] = []
    cur: list[Run] = []
    cur_w = 0.0
    for text, font in word:
        buf = ""
        for ch in text:
            cw = text_width(ch, font, size)
            if cur_w + cw > width and (buf or cur):
                if buf:
                    cur.append((buf, font))
                out.append(cur)
                cur, buf, cur_w = [], "", 0.0
            buf += ch
            cur_w += cw
        if buf:
            cur.append((buf, font))
    if cur:
        out.append(cur)
    return out


def wrap(runs: Sequence[Run], size: float, width: float, first_indent: float = 0.0) -> list[list[list[Run]]]:
    """Lines of words that fit ``width`` (the first line is ``first_indent`` shorter)."""
    words = _words(runs)
    # Fast path: most fields fit on one line.
    if sum(_word_width(w, size) for w in words) + text_width(" ", REGULAR, size) * (len(words) - 1) <= width - first_indent:
        return [words]
    space = text_width(" ", REGULAR, size)
    lines: list[list[list[Run]]] = []
    line: list[list[Run]] = []
    line_w = 0.0
    avail = width - first_indent
    for word in words:
        ww = _word_width(word, size)
        pieces = [word] if ww <= avail else _split_long(word, size, width)
        for piece in pieces:
            pw = _word_width(piece, size)
            extra = pw + (space if line else 0.0)
            if line and line_w + extra > avail:
                lines.append(line)
                line, line_w, avail = [], 0.0, width
                extra = pw
            line.append(piece)
            line_w += extra
    if line or not lines:
        lines.append(line)
    return lines


class Sheet:
    """A page being filled top to bottom. ``y`` is the top of the next thing to draw."""

    def __init__(
        self,
        c: Canvas,
        page: str,
        size: float,
        *,
        allow_break: bool,
        on_new_page: Callable[[Sheet], None] | None = None,
        bottom_reserve: float = 0.0,
    ) -> None:
        self.c = c
        self.page = page
        self.page_w, self.page_h = PAGE_SIZES[page]
        left, right, top, bottom = MARGINS[page]
        self.left = left * mm
        self.right_edge = self.page_w - right * mm
        self.top = self.page_h - top * mm
        self.bottom = bottom * mm + bottom_reserve
        self.width = self.right_edge - self.left
        self.size = size
        self.leading = size * 1.36
        self.allow_break = allow_break
        self.on_new_page = on_new_page
        self.y = self.top
        self.side_bottom: float | None = None  # lowest point of a block drawn beside the flow
        self.scale = 1.0  # size / the template's base size (spaces in mm scale with it)
        self.shared = False  # drawing a body shared by several copies (see render._draw_shared)
        self.copy_slot: tuple | None = None  # (template line, baseline, font, size) of the copy label
        self._text = None  # the open text object: the page's body text is one BT … ET
        self._font: tuple[str, float] | None = None

    # -- pages ------------------------------------------------------------------------------

    def start(self) -> None:
        self.y = self.top
        if self.on_new_page:
            self.on_new_page(self)

    def need(self, height: float) -> None:
        if self.y - height >= self.bottom:
            return
        if not self.allow_break:
            raise Overflow
        self.flush()
        self.c.showPage()
        self.start()

    def flush(self) -> None:
        """Put the batched text on the page (before showPage / endForm)."""
        if self._text is not None:
            self.c.drawText(self._text)
            self._text = None
            self._font = None

    # -- text -------------------------------------------------------------------------------

    def _out(self, x: float, y: float, pieces: Sequence[Run], size: float) -> None:
        """Pieces written one after the other from (x, y): the text position advances by
        itself, so only the start is placed."""
        t = self._text
        if t is None:
            t = self._text = self.c.beginText()
        t.setTextOrigin(x, y)
        for text, font in pieces:
            if self._font != (font, size):
                t.setFont(font, size)
                self._font = (font, size)
            t.textOut(text)

    def draw_line(self, words: Sequence[Sequence[Run]], x: float, width: float, baseline: float,
                  size: float, align: str) -> None:
        space = text_width(" ", REGULAR, size)
        if align != "left":
            natural = sum(_word_width(w, size) for w in words) + space * max(0, len(words) - 1)
        if align == "justify" and len(words) > 1:
            gap = space + (width - natural) / (len(words) - 1)
            cx = x
            for w in words:
                self._out(cx, baseline, w, size)
                cx += _word_width(w, size) + gap
            return
        if align == "center":
            cx = x + (width - natural) / 2
        elif align == "right":
            cx = x + width - natural
        else:
            cx = x
        # Merge pieces of one font into one string (fewer PDF operators).
        chunks: list[Run] = []
        for i, w in enumerate(words):
            for j, (text, font) in enumerate(w):
                sep = " " if i > 0 and j == 0 else ""
                if chunks and chunks[-1][1] == font:
                    chunks[-1] = (chunks[-1][0] + sep + text, font)
                else:
                    if sep and chunks:
                        chunks[-1] = (chunks[-1][0] + sep, chunks[-1][1])
                    chunks.append((text, font))
        self._out(cx, baseline, chunks, size)

    def flow(self, runs: Sequence[Run], *, size: float | None = None, align: str = "left",
             indent: float = 0.0, x: float | None = None, width: float | None = None,
             leading: float | None = None, hanging: float = 0.0) -> None:
        """Wrapped text from ``self.y`` down; the last line of a justified paragraph is left-aligned.

        ``hanging``: lines after the first start this much further right."""
        size = size or self.size
        leading = leading or size * 1.36
        x = self.left if x is None else x
        width = self.width if width is None else width
        lines = wrap(runs, size, width - hanging, first_indent=indent - hanging) if hanging else wrap(
            runs, size, width, first_indent=indent
        )
        for i, line in enumerate(lines):
            self.need(leading)
            baseline = self.y - size * 0.98
            last = i == len(lines) - 1
            lx = x + (indent if i == 0 else hanging)
            lw = width - (indent if i == 0 else hanging)
            self.draw_line(line, lx, lw, baseline, size, "left" if (align == "justify" and last) else align)
            self.y -= leading

    def text_height(self, runs: Sequence[Run], size: float, width: float, leading: float | None = None) -> float:
        return len(wrap(runs, size, width)) * (leading or size * 1.36)

    def field(self, label: str, value: str, *, bold: bool = False, size: float | None = None) -> None:
        size = size or self.size
        if value:
            font = BOLD if bold else REGULAR
            label_w = text_width(label + " ", REGULAR, size)
            value_w = text_width(value, font, size)
            hang = 5 * mm
            if label_w + value_w > self.width and value_w <= self.width - hang:
                # A value that fits a line of its own (a date, a name) is not split: it goes
                # under its label, indented.
                self.flow([(label, REGULAR)], size=size)
                self.flow([(value, font)], size=size, indent=hang)
                return
            self.flow([(label + " ", REGULAR), (value, font)], size=size)
            return
        # Empty: the label, then dots to the end of the line, to be filled in by hand.
        self.need(size * 1.36)
        baseline = self.y - size * 0.98
        self.c.setFont(REGULAR, size)
        self.c.drawString(self.left, baseline, label)
        x = self.left + text_width(label + " ", REGULAR, size)
        dot = text_width(".", REGULAR, size)
        n = max(3, int((self.right_edge - x) / dot))
        self.c.drawString(x, baseline, "." * n)
        self.y -= size * 1.36

    def rule(self, x1: float, x2: float, y: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x1, y, x2, y)

    def gap(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.need(height)
        else:
            self.y -= height

    # -- centred column text ------------------------------------------------------------------

    def centred(self, text: str, font: str, size: float, cx: float, width: float, y: float,
                leading: float | None = None) -> float:
        """Centred wrapped text in a column; returns the y below it (does not move ``self.y``)."""
        leading = leading or size * 1.3
        for line in wrap([(text, font)], size, width):
            self.draw_line(line, cx - width / 2, width, y - size * 0.98, size, "center")
            y -= leading
        return y


def draw_code128(sheet: Sheet, code: str, height: float) -> None:
    """The barcode centred in the content width (its quiet zones may use the side margins)."""
    sheet.need(height + 1.5 * mm)
    cx = sheet.left + sheet.width / 2
    edge = 4 * mm  # what a cheap laser printer cannot print at the paper's edge
    available = 2 * min(cx - edge, sheet.page_w - edge - cx)
    barcodes.draw_code128(sheet.c, code, cx, sheet.y - height, height, available)
    sheet.y -= height + 1.5 * mm
