"""Dates, times, money and durations written the way Vietnamese official forms write them.

    vn_datetime(17:00 24/02/2026)  -> "17 giờ 00 phút, ngày 24 tháng 02 năm 2026"
    vn_date(24/02/2026)            -> "ngày 24 tháng 02 năm 2026"
    place_date("Tân Lập", d)       -> "Tân Lập, ngày 24 tháng 02 năm 2026"
    money(10000)                   -> "10.000 đồng"
    duration_text(3 working days)  -> "03 ngày làm việc"
"""

from __future__ import annotations

from datetime import date, datetime

from desk_app.clock import to_local
from desk_app.domain.deadlines import Duration

DOTS = "…………………"


def vn_date(d: date | datetime | None) -> str:
    if d is None:
        return "ngày …… tháng …… năm ……"
    if isinstance(d, datetime):
        d = to_local(d).date()
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def vn_time(dt: datetime) -> str:
    dt = to_local(dt)
    return f"{dt.hour:02d} giờ {dt.minute:02d} phút"


def vn_datetime(dt: datetime | None) -> str:
    if dt is None:
        return "…… giờ …… phút, ngày …… tháng …… năm ……"
    return f"{vn_time(dt)}, {vn_date(dt)}"


def short_date(d: date | datetime | None) -> str:
    """``24/02/2026`` (tables)."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = to_local(d).date()
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def short_datetime(dt: datetime | None) -> str:
    """``10:00 24/02/2026`` (tables)."""
    if dt is None:
        return ""
    dt = to_local(dt)
    return f"{dt.hour:02d}:{dt.minute:02d} {short_date(dt)}"


def place_date(place: str, d: date | datetime | None) -> str:
    place = (place or "").strip()
    if not place:
        text = vn_date(d)
        return text[:1].upper() + text[1:]
    return f"{place}, {vn_date(d)}"


def thousands(n: int) -> str:
    """``10000`` -> ``10.000`` (Vietnamese digit grouping)."""
    sign = "-" if n < 0 else ""
    return sign + f"{abs(int(n)):,}".replace(",", ".")


def money(amount: int | None) -> str:
    if amount is None:
        return ""
    return f"{thousands(amount)} đồng"


def fee_text(amount: int | None) -> str:
    """The fee line of a form: ``10.000 đồng``, or ``Không`` when nothing was collected."""
    if not amount:
        return "Không"
    return money(amount)


def duration_text(duration: Duration) -> str:
    v = duration.value
    if duration.unit == "same_day" and v == 0:
        return "Trong ngày"
    if duration.unit in ("working_days", "same_day"):
        return f"{v:02d} ngày làm việc"
    if duration.unit == "working_hours":
        return f"{v:02d} giờ làm việc"
    return f"{v:02d} ngày"


def count2(n: int) -> str:
    """Counts as the forms write them: ``01``; empty for zero."""
    return f"{n:02d}" if n else ""
