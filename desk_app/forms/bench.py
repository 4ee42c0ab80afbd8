"""How fast the receipt renders, against a floor measured in the same run.

The floor is what any reportlab receipt must pay: one A5 page with the same embedded font, a
table of the same size and the same Code 128 symbol, drawn with the bare canvas. The receipt
itself (two copies, header, wrapped text, QR code) is judged by the ratio of the medians;
the target is ``ratio <= 1.5``. Everything is in memory: no database, no file.
"""

from __future__ import annotations

import gc
import io
import statistics
import time
from datetime import datetime

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk_app.clock import VN_TZ
from desk_app.domain.deadlines import Duration
from desk_app.forms import barcodes
from desk_app.forms.context import FormContext
from desk_app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts


def sample_context(code: str = "000.17.22.H56-260213-0001") -> FormContext:
    """An in-memory dossier (what the receipt of a typical birth registration carries)."""
    from desk_app.services.dossiers import DossierRecord, EventRecord, Person, ReceivedDocument
    from desk_app.services.setup import UnitInfo

    received = datetime(2026, 2, 13, 10, 0, tzinfo=VN_TZ)
    due = datetime(2026, 2, 24, 17, 0, tzinfo=VN_TZ)
    rec = DossierRecord(
        code=code, uuid="00000000-0000-4000-8000-000000000001", procedure_code="1.000689",
        procedure_version=1, procedure_name="Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
        field_code="HT", field_name="Hộ tịch", duration=Duration(3, "working_days"), status=2,
        sub_status="", channel=1, received_at=received, received_by="canbo1", due_at=due,
        original_due_at=due, calendar_version="c1",
        applicant=Person(name="Nguyễn Thị Hường", id_number="001190012345",
                         address="Thôn Đông Ưng, xã Tân Lập, tỉnh Phú Thọ", phone="0912345678",
                         email="huong.nt@example.vn"),
        proxy=None,
        documents=(
            ReceivedDocument("Tờ khai đăng ký khai sinh kết hợp nhận cha, mẹ, con", original=1),
            ReceivedDocument("Giấy chứng sinh", original=1),
            ReceivedDocument("Chứng cứ chứng minh quan hệ cha, mẹ, con", original=1, copy=1),
            ReceivedDocument("Giấy chứng nhận kết hôn của cha, mẹ", certified=1),
        ),
        sets_count=1, fee=8000, result_delivery="desk", register_book="01/2026", register_no=1,
        unit_code="000.17.22.H56", resolving_unit="Ủy ban nhân dân xã Tân Lập", station=1,
        extension_count=0, supplement_count=0, paused_at=None, finished_at=None, returned_at=None,
        returned_to="", note="",
        events=(EventRecord("receive", None, 2, received, "canbo1", "", None, due, {}),),
    )
    unit = UnitInfo(code="000.17.22.H56", name="Bộ phận Một cửa xã Tân Lập",
                    parent_name="Ủy ban nhân dân xã Tân Lập", upstream_name="", place="Tân Lập",
                    station=1, station_instance="bench", is_upstream_office=False)
    return FormContext(dossier=rec, unit=unit, printed_at=received, names={"canbo1": "Trần Đức Ưng"})


_FLOOR_LINES = (
    (BOLD, "Bộ phận Một cửa xã Tân Lập đã tiếp nhận hồ sơ của:"),
    (REGULAR, "Ông/Bà: Nguyễn Thị Hường"),
    (REGULAR, "Địa chỉ: Thôn Đông Ưng, xã Tân Lập, tỉnh Phú Thọ"),
    (REGULAR, "Số điện thoại, thư điện tử: 0912345678; huong.nt@example.vn"),
    (REGULAR, "Nội dung yêu cầu giải quyết: Đăng ký khai sinh kết hợp nhận cha, mẹ, con"),
    (REGULAR, "1. Thành phần hồ sơ nộp gồm:"),
)
_FLOOR_AFTER = (
    (REGULAR, "2. Số lượng hồ sơ: 01 bộ"),
    (REGULAR, "3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc"),
    (REGULAR, "4. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 13 tháng 02 năm 2026"),
    (BOLD, "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 24 tháng 02 năm 2026"),
    (REGULAR, "6. Đăng ký nhận kết quả tại: Trực tiếp tại Bộ phận Một cửa xã Tân Lập"),
    (REGULAR, "7. Phí, lệ phí: 8.000 đồng"),
    (ITALIC, "Vào sổ theo dõi hồ sơ, Quyển số 01/2026, Số thứ tự 1."),
)
_FLOOR_ROWS = (
    ("STT", "Tên giấy tờ", "Bản chính", "Bản sao có chứng thực", "Bản sao"),
    ("1", "Tờ khai đăng ký khai sinh kết hợp nhận cha, mẹ, con", "01", "-", "-"),
    ("2", "Giấy chứng sinh", "01", "-", "-"),
    ("3", "Chứng cứ chứng minh quan hệ cha, mẹ, con", "01", "-", "01"),
    ("4", "Giấy chứng nhận kết hôn của cha, mẹ", "-", "01", "-"),
)


def _floor(code: str) -> bytes:
    """The bare minimum: one A5 page with the receipt's strings at fixed positions in the same
    three fonts, a grid table of the same rows, and the same barcode: no layout, no second copy,
    no QR code."""
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5, invariant=1, pageCompression=1, initialFontName=REGULAR,
               initialFontSize=9.5, lang="vi")
    w, h = A5
    left, right = 14 * mm, w - 10 * mm
    c.setFont(REGULAR, 8.4)
    c.drawCentredString(45 * mm, h - 12 * mm, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP")
    c.setFont(BOLD, 8.4)
    c.drawCentredString(45 * mm, h - 15.5 * mm, "BỘ PHẬN MỘT CỬA XÃ TÂN LẬP")
    c.drawCentredString(105 * mm, h - 12 * mm, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawCentredString(105 * mm, h - 15.5 * mm, "Độc lập - Tự do - Hạnh phúc")
    c.line(89 * mm, h - 16.5 * mm, 121 * mm, h - 16.5 * mm)
    c.setFont(ITALIC, 8.4)
    c.drawCentredString(105 * mm, h - 21 * mm, "Tân Lập, ngày 13 tháng 02 năm 2026")
    c.setFont(BOLD, 11.3)
    c.drawCentredString(w / 2, h - 29 * mm, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    c.setFont(REGULAR, 9.3)
    c.drawCentredString(w / 2, h - 33 * mm, "Mã hồ sơ: " + code)
    c.setFont(ITALIC, 8.6)
    c.drawCentredString(w / 2, h - 37 * mm, "(Liên 1: Lưu)")
    barcodes.draw_code128(c, code, w / 2, h - 50 * mm, 10 * mm, w - 8 * mm)
    y = h - 56 * mm
    for font, text in _FLOOR_LINES:
        c.setFont(font, 9.3)
        c.drawString(left, y, text)
        y -= 12.6
    xs = (left, left + 20, left + 200, left + 240, left + 290, right)
    c.setLineWidth(0.5)
    for i, row in enumerate(_FLOOR_ROWS):
        c.rect(left, y - 16, right - left, 16)
        for x in xs[1:-1]:
            c.line(x, y, x, y - 16)
        c.setFont(BOLD if i == 0 else REGULAR, 7.4 if i == 0 else 8.5)
        for x, text in zip(xs, row):
            c.drawString(x + 2, y - 11, text)
        y -= 16
    y -= 12
    for font, text in _FLOOR_AFTER:
        c.setFont(font, 9.3)
        c.drawString(left, y, text)
        y -= 12.6
    for cx, title, name in ((45 * mm, "NGƯỜI NỘP HỒ SƠ", "Nguyễn Thị Hường"),
                            (105 * mm, "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Đức Ưng")):
        c.setFont(BOLD, 9.3)
        c.drawCentredString(cx, y - 6, title)
        c.setFont(ITALIC, 8.2)
        c.drawCentredString(cx, y - 17, "(Ký và ghi rõ họ tên)")
        c.setFont(BOLD, 9.3)
        c.drawCentredString(cx, y - 60, name)
    c.showPage()
    c.save()
    return buf.getvalue()


def _median_ms(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_receipt(n: int = 30) -> dict:
    """``{"value_ms", "floor_ms", "ratio", "pages", "n"}``: median receipt render time vs the floor."""
    from desk_app.forms.render import render
    from desk_app.forms.templates import template_for

    register_fonts()
    ctx = sample_context()
    template = template_for("receipt", ctx.dossier.received_at.date())
    pages = render(template, ctx).pages  # warm-up (caches), and the page count
    _floor(ctx.dossier.code)
    n = max(3, int(n))
    # Interleave the two measurements so a noisy neighbour hits both alike; keep the garbage
    # collector out of the timed calls (it would land on whichever call trips it).
    value_times, floor_times = [], []
    enabled = gc.isenabled()
    try:
        for i in range(n):
            if i % 10 == 0:
                gc.enable()
                gc.collect()
            gc.disable()
            value_times.append(_median_ms(lambda: render(template, ctx), 1))
            floor_times.append(_median_ms(lambda: _floor(ctx.dossier.code), 1))
    finally:
        if enabled:
            gc.enable()
    value = statistics.median(value_times)
    floor = statistics.median(floor_times)
    return {
        "value_ms": round(value, 3),
        "floor_ms": round(floor, 3),
        "ratio": round(value / floor, 3) if floor else None,
        "pages": pages,
        "n": n,
    }
