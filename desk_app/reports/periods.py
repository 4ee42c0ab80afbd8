"""Report periods: a month, a quarter, a half-year, a year, or any range of days.

Pure code. A period is a closed range of days ``[first, last]``; in the database it is the
half-open range of instants ``[first 00:00, last + 1 day 00:00)`` in Vietnam local time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desk_app.errors import UserError

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_HALF = re.compile(r"^(\d{4})-?[Hh]([12])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    kind: str  # month | quarter | half | year | range
    key: str  # 2026-03, 2026-Q1, 2026-H1, 2026, 2026-03-01_2026-03-15

    @property
    def start(self) -> datetime:
        """The first instant inside the period (naive local, as the database stores)."""
        return datetime.combine(self.first, datetime.min.time())

    @property
    def end(self) -> datetime:
        """The first instant after the period (exclusive)."""
        return datetime.combine(self.last + timedelta(days=1), datetime.min.time())

    @property
    def label(self) -> str:
        """The Vietnamese name of the period, as a report title says it."""
        y = self.first.year
        if self.kind == "month":
            return f"Tháng {self.first.month:02d} năm {y}"
        if self.kind == "quarter":
            return f"Quý {ROMAN[(self.first.month - 1) // 3 + 1]} năm {y}"
        if self.kind == "half":
            return f"6 tháng {'đầu' if self.first.month == 1 else 'cuối'} năm {y}"
        if self.kind == "year":
            return f"Năm {y}"
        return f"Từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    @property
    def range_label(self) -> str:
        return f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "label": self.label,
        }


def _month_end(y: int, m: int) -> date:
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_period(text: str) -> Period:
    """``2026-03`` | ``2026-Q1`` | ``2026-H1`` | ``2026``."""
    raw = (text or "").strip()
    try:
        if m := _MONTH.match(raw):
            y, mo = int(m[1]), int(m[2])
            if not 1 <= mo <= 12:
                raise ValueError
            return Period(date(y, mo, 1), _month_end(y, mo), "month", f"{y}-{mo:02d}")
        if m := _QUARTER.match(raw):
            y, q = int(m[1]), int(m[2])
            return Period(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", f"{y}-Q{q}")
        if m := _HALF.match(raw):
            y, h = int(m[1]), int(m[2])
            return Period(date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half", f"{y}-H{h}")
        if m := _YEAR.match(raw):
            y = int(m[1])
            return Period(date(y, 1, 1), date(y, 12, 31), "year", f"{y}")
    except ValueError:
        pass
    raise UserError(
        f"period '{raw}' is not one of: a month 2026-03, a quarter 2026-Q1, a half-year 2026-H1, "
        "a year 2026 (or give --from DATE --to DATE)",
        field="period",
    )


def date_range(first: date, last: date) -> Period:
    if last < first:
        raise UserError(f"the period ends ({last.isoformat()}) before it starts ({first.isoformat()})", field="to")
    if (last - first).days > 366 * 10:
        raise UserError("a report covers at most ten years", field="to")
    return Period(first, last, "range", f"{first.isoformat()}_{last.isoformat()}")
