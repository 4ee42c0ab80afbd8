"""The application icon for Windows: ``resources/icons/deskapp.ico`` (the .exe, the installer,
the shortcuts) and ``deskapp.png`` (256 px), rendered from the window's icon
``resources/icons/desk-app.svg`` (``ui/app.py``), so that all of them look the same.

Rendered with Qt's SVG renderer, offscreen; the ``.ico`` holds PNG-compressed images at 16, 24,
32, 48, 64, 128 and 256 px (the format Windows Vista and later read), written by hand so no
extra package is needed. Without the SVG, a stand-in is drawn (an arched door on red).

    .venv/bin/python packaging/make_icon.py            # writes only missing files
    .venv/bin/python packaging/make_icon.py --force    # renders both again (after editing the SVG)
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "desk-app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if SVG.exists():
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(str(SVG))
        if not renderer.isValid():
            raise SystemExit(f"make_icon: {SVG} is not a valid SVG")
        renderer.render(p, QRectF(0, 0, size, size))
        p.end()
        return _png(img)
    s = size / 256.0
    # background: a rounded square
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#b3261e"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    # the door: a rectangle with an arched top
    door = QPainterPath()
    left, right, top, bottom = 78 * s, 178 * s, 54 * s, 214 * s
    radius = (right - left) / 2
    door.moveTo(left, bottom)
    door.lineTo(left, top + radius)
    door.arcTo(QRectF(left, top, 2 * radius, 2 * radius), 180, -180)
    door.lineTo(right, bottom)
    door.closeSubpath()
    p.setBrush(QColor("#ffffff"))
    p.drawPath(door)
    # the knob
    p.setBrush(QColor("#f2b01e"))
    k = max(10 * s, 2.0)
    p.drawEllipse(QRectF(150 * s - k / 2, 140 * s - k / 2, k, k))
    # the threshold
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(60 * s, 214 * s, 136 * s, max(12 * s, 1.5)), 4 * s, 4 * s)
    p.end()
    return _png(img)


def _png(img) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def write_ico(path: Path, images: dict[int, bytes]) -> None:
    """An ICO file whose entries are PNG streams (ICONDIR, ICONDIRENTRY×n, data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    path.write_bytes(header + entries + blobs)


def main(argv: list[str]) -> int:
    force = "--force" in argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["make_icon"])  # noqa: F841 (keeps Qt alive)
    ICONS.mkdir(parents=True, exist_ok=True)
    png, ico = ICONS / "deskapp.png", ICONS / "deskapp.ico"
    if force or not png.exists():
        png.write_bytes(draw_png(256))
        print(f"wrote {png}")
    if force or not ico.exists():
        write_ico(ico, {size: draw_png(size) for size in SIZES})
        print(f"wrote {ico}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
