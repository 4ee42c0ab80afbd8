"""Code 128 and QR symbols drawn as vector rectangles on a reportlab canvas.

Code 128 modules come from python-barcode (``Code128(code).build()``: a string of 1/0 with
automatic A/B/C charset switching, so the digit runs of a dossier code are packed two per
symbol: ``000.17.22.H56-260224-0001`` is 288 modules). QR modules come from reportlab's own
encoder (``reportlab.graphics.barcode.qr``). No Pillow, no raster: the printer gets crisp
edges at any resolution.

Bar width (the "X dimension"). Each module is a whole number of printer dots at 150, 300 and
600 dpi, and the symbol starts on that grid, so no bar is ever smeared by rounding:

* 0.96 pt = 1/75 in = 0.339 mm = 2 px at 150 dpi (8 dots at 600 dpi), used whenever it fits;
* 0.72 pt = 0.254 mm = 1.5 px at 150 dpi, for long unit codes;
* 0.48 pt = 0.169 mm = 1 px at 150 dpi, the last resort (still read by zbar from a 150 dpi
  raster, but needs a good scanner on paper).

Measured with ``pdftoppm -r 150`` + ``zbarimg``: 0.48, 0.72, 0.96 and 1.0 pt decode; 0.6 and
0.8 pt (1.25 and 1.67 px) do not always, because the bars then alias unevenly. Hence the
grid-aligned steps rather than "as wide as fits".
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import barcode
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

from desk_app.errors import UserError

#: X dimensions tried in order (points); see the module docstring.
MODULE_WIDTHS = (0.96, 0.72, 0.48)
#: The raster grid the symbol is snapped to: one pixel at 150 dpi.
GRID = 72 / 150
#: Quiet zone on each side, in modules (ISO/IEC 15417 asks for 10).
QUIET_MODULES = 10
#: QR module size: 3 px at 150 dpi (0.508 mm).
QR_MODULE = 3 * GRID
QR_BORDER = 4


@lru_cache(maxsize=256)
def code128_modules(code: str) -> str:
    """The module string of ``code`` (1 = bar), start and stop patterns included."""
    if not code or any(not 32 <= ord(ch) < 127 for ch in code):
        raise UserError(f"'{code}' cannot be printed as a Code 128 barcode (ASCII letters and digits only)")
    return barcode.Code128(code).build()[0]


def module_width_for(code: str, available: float) -> float:
    """The widest X dimension at which ``code`` and its quiet zones fit in ``available`` points."""
    n = len(code128_modules(code)) + 2 * QUIET_MODULES
    for w in MODULE_WIDTHS:
        if n * w <= available:
            return w
    raise UserError(
        f"the dossier code '{code}' is too long for a barcode that a scanner can read on this page"
    )


def _snap(v: float) -> float:
    return round(v / GRID) * GRID


@lru_cache(maxsize=256)
def _bars_ops(modules: str) -> str:
    """PDF path operators for the bars in module units (x: modules, y: 0..1), then fill."""
    ops = []
    pos = 0
    for bit, run in itertools.groupby(modules):
        n = len(list(run))
        if bit == "1":
            ops.append(f"{pos} 0 {n} 1 re")
        pos += n
    return " ".join(ops) + " f"


def draw_code128(c: Canvas, code: str, center_x: float, y: float, height: float, available: float) -> tuple[float, float]:
    """Draw ``code`` centred on ``center_x`` with its bottom at ``y``.

    Returns (module width, symbol width without quiet zones). The bars are one pre-formatted
    path (cached per code) under a scale transform: a symbol costs one PDF operator string."""
    modules = code128_modules(code)
    w = module_width_for(code, available)
    width = len(modules) * w
    x0 = _snap(center_x - width / 2)
    c.saveState()
    c.setFillGray(0)
    c.transform(w, 0, 0, height, x0, y)
    c.addLiteral(_bars_ops(modules))
    c.restoreState()
    return w, width


@lru_cache(maxsize=64)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """QR modules (level M: survives a smudge or a staple hole)."""
    widget = QrCodeWidget(data, barLevel="M")
    widget.qr.make()
    return tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)


def qr_size(data: str) -> float:
    """Side of the QR symbol including its quiet zone, in points."""
    return (len(qr_matrix(data)) + 2 * QR_BORDER) * QR_MODULE


@lru_cache(maxsize=64)
def _qr_ops(data: str) -> str:
    """PDF path operators for the dark modules in module units (row 0 at the top), then fill.

    Horizontal runs of one row are one rectangle, and a run repeated on the next rows grows
    into a taller rectangle: about a third of the modules' count of operators."""
    matrix = qr_matrix(data)
    size = len(matrix)
    open_runs: dict[tuple[int, int], int] = {}  # (col, length) -> first row
    rects: list[tuple[int, int, int, int]] = []
    for r in range(size + 1):
        runs = set()
        if r < size:
            col = 0
            for dark, run in itertools.groupby(matrix[r]):
                n = len(list(run))
                if dark:
                    runs.add((col, n))
                col += n
        for key in list(open_runs):
            if key not in runs:
                first = open_runs.pop(key)
                rects.append((key[0], first, key[1], r - first))
        for key in runs:
            open_runs.setdefault(key, r)
    ops = [f"{x} {size - top - h} {w} {h} re" for x, top, w, h in sorted(rects)]
    return " ".join(ops) + " f"


def draw_qr(c: Canvas, data: str, x: float, y: float) -> float:
    """Draw the QR symbol (quiet zone included) with its lower-left corner at (x, y); returns its side."""
    n = len(qr_matrix(data))
    m = QR_MODULE
    side = (n + 2 * QR_BORDER) * m
    c.saveState()
    c.setFillGray(0)
    c.transform(m, 0, 0, m, _snap(x) + QR_BORDER * m, _snap(y) + QR_BORDER * m)
    c.addLiteral(_qr_ops(data))
    c.restoreState()
    return side
