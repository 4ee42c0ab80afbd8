"""The embedded form font: DejaVu Serif Condensed, registered once per process.

The PDF core fonts (Helvetica, Times) have no glyph for ă ơ ư đ ạ …; a TrueType font with
the whole Vietnamese range is embedded instead (reportlab subsets it, so a form is ~30 kB).
Serif because the official forms are set in Times New Roman; condensed because an A5 line
is only 124 mm. Licence: ``resources/fonts/LICENSE-DejaVu.txt``.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desk_app.errors import StorageError
from desk_app.paths import resource_path

REGULAR = "DeskSerif"
BOLD = "DeskSerif-Bold"
ITALIC = "DeskSerif-Italic"

FILES = {
    REGULAR: "DejaVuSerifCondensed.ttf",
    BOLD: "DejaVuSerifCondensed-Bold.ttf",
    ITALIC: "DejaVuSerifCondensed-Italic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the form fonts with reportlab (idempotent, thread-safe, cheap after the first call)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FILES.items():
            path = resource_path("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise StorageError(
                    f"The form font {path} is missing or damaged ({exc}); reinstall Một Cửa Desk."
                ) from None
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
