"""Time for the desk: Vietnam local time, injected so rules are testable on any date.

Vietnam keeps one offset all year (UTC+07:00, no daylight saving), so the database stores
naive local wall-clock times; day boundaries in SQL ("received today", "due today") are then
plain range comparisons on an index. Conversions happen only here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def to_local(dt: datetime) -> datetime:
    """An aware datetime in Vietnam time. A naive one is taken as Vietnam time already."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=VN_TZ)
    return dt.astimezone(VN_TZ)


def to_db(dt: datetime | None) -> datetime | None:
    """The naive local wall-clock time the database stores."""
    if dt is None:
        return None
    return to_local(dt).replace(tzinfo=None, microsecond=0)


def from_db(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=VN_TZ)


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 with offset, to the second: ``2026-03-02T17:00:00+07:00``."""
    if dt is None:
        return None
    return to_local(dt).replace(microsecond=0).isoformat()


def parse_datetime(text: str, *, what: str = "time") -> datetime:
    """Parse an ISO 8601 date or datetime typed by a person or a script.

    A date alone means the start of that day; a time without offset is Vietnam time.
    Raises UserError with a message naming ``what``.
    """
    from desk_app.errors import UserError

    raw = (text or "").strip()
    if not raw:
        raise UserError(f"{what} is empty; expected an ISO date such as 2026-03-02T09:30")
    try:
        if len(raw) == 10:
            value = datetime.combine(date.fromisoformat(raw), datetime.min.time())
        else:
            value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise UserError(
            f"{what} '{raw}' is not a valid date/time; expected ISO 8601 such as 2026-03-02T09:30"
        ) from None
    return to_local(value)


def parse_date(text: str, *, what: str = "date") -> date:
    from desk_app.errors import UserError

    raw = (text or "").strip()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UserError(f"{what} '{raw}' is not a valid date; expected YYYY-MM-DD") from None


@dataclass(frozen=True)
class Clock:
    """``Clock()`` is the wall clock; ``Clock(fixed)`` always answers ``fixed``."""

    fixed: datetime | None = None

    def now(self) -> datetime:
        if self.fixed is not None:
            return to_local(self.fixed)
        return datetime.now(VN_TZ).replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()
