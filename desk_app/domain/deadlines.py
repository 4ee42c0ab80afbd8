"""The deadline engine: due dates, step deadlines, pauses, ratings and warnings.

Pure domain code: no Qt, no database, no I/O. The calendar is passed in and the clock is
injected (callers pass ``now``). Every datetime must be timezone-aware; results are expressed in
the timezone of the input they derive from (the app uses Asia/Ho_Chi_Minh, a fixed +07:00).
Times of day (office hours, end of day, cut-off) are wall-clock times in that timezone.

Rules (DOMAIN.md §5, Civil Code 2015 art. 147–148):

* ``working_days`` N: the day of receipt is not counted. The *anchor* is the receipt date, or
  the next calendar day when the dossier was received at or after the end of day. The due date
  is ``cal.add_working_days(anchor, N)``: the N-th working day strictly after the anchor. So a
  dossier received on Saturday (or Sunday, or a holiday) starts its period on the next working
  day, which is day 1; received Friday 10:00 -> Friday not counted, Monday is day 1; received
  Friday 17:30 -> same as Saturday; received Thursday 17:30 -> counted as received on Friday,
  Friday not counted. Due at ``hours.end_of_day``. (N = 0: the first working day on or after
  the anchor.)
* ``same_day`` 0: received on a working day before the cut-off -> due that day at end of day;
  at or after the cut-off, or on a non-working day -> due the next working day at end of day.
  The procedure's own cut-off (``Duration.cutoff``) wins over ``OfficeHours.cutoff``.
  ``same_day`` with a value N > 0 is treated as ``working_days`` N.
* ``working_hours`` N: N hours counted inside the office-hour windows of working days, from the
  receipt instant (or the next window opening when received outside the windows).
* ``calendar_days`` N: receipt date + N calendar days (no end-of-day shift); a period ending
  on a non-working day ends on the next working day; due at end of day. (N = 0 received after
  the end of day, a deadline already past, moves to the next working day.)
"""

from __future__ import annotations

import statistics
import time as _time
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Mapping, Sequence

from desk_app.domain.calendar import WorkCalendar

__all__ = [
    "UNITS",
    "DAY_UNITS",
    "RATINGS",
    "STATES",
    "OfficeHours",
    "Duration",
    "DeadlineError",
    "compute_due",
    "step_deadlines",
    "resume_after_pause",
    "rate",
    "deadline_state",
    "working_days_late",
    "bench_compute_due",
]

UNITS = ("working_days", "working_hours", "same_day", "calendar_days")
#: Units whose pauses are counted in whole working days.
DAY_UNITS = ("working_days", "same_day", "calendar_days")
#: Results of :func:`rate` (trước hạn / đúng hạn / quá hạn).
RATINGS = ("before", "on", "after")
#: Results of :func:`deadline_state`.
STATES = ("overdue", "due_today", "due_tomorrow", "ok")

#: Upper bound on consecutive days scanned while counting working hours (a broken calendar
#: must not hang the desk).
_MAX_SCAN_DAYS = 400


class DeadlineError(ValueError):
    """Bad input to the deadline engine: naive datetime, unknown unit, negative value..."""


@dataclass(frozen=True)
class OfficeHours:
    """Office hours of the desk *(configurable)*.

    ``morning`` and ``afternoon`` are the windows in which working hours are counted;
    ``end_of_day`` is when a day-based period ends (and after which a receipt counts as made on
    the next day); ``cutoff`` is the default same-day cut-off.
    """

    morning: tuple[time, time] = (time(7, 30), time(11, 30))
    afternoon: tuple[time, time] = (time(13, 30), time(17, 0))
    end_of_day: time = time(17, 0)
    cutoff: time = time(15, 0)

    def __post_init__(self) -> None:
        for name in ("end_of_day", "cutoff"):
            t = getattr(self, name)
            if not isinstance(t, time) or t.tzinfo is not None:
                raise DeadlineError(f"Office hours: {name} must be a naive time, got {t!r}")
        for name in ("morning", "afternoon"):
            w = getattr(self, name)
            if (
                not isinstance(w, tuple)
                or len(w) != 2
                or not all(isinstance(t, time) and t.tzinfo is None for t in w)
            ):
                raise DeadlineError(f"Office hours: {name} must be a pair of times, got {w!r}")
        (ms, me), (as_, ae) = self.morning, self.afternoon
        if not (ms < me <= as_ < ae):
            raise DeadlineError(
                "Office hours must be ordered: morning start < morning end <= afternoon start "
                f"< afternoon end (got {ms:%H:%M}-{me:%H:%M}, {as_:%H:%M}-{ae:%H:%M})"
            )

    @property
    def windows(self) -> tuple[tuple[time, time], tuple[time, time]]:
        return (self.morning, self.afternoon)


def _parse_time(value: Any, what: str) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        parts = value.strip().split(":")
        if 2 <= len(parts) <= 3 and all(p.isdigit() for p in parts):
            try:
                return time(*(int(p) for p in parts))
            except ValueError:
                pass
    raise DeadlineError(f"{what} must be a time written HH:MM (e.g. \"15:00\"), got {value!r}")


@dataclass(frozen=True)
class Duration:
    """A processing time: ``value`` in ``unit`` (one of :data:`UNITS`).

    ``cutoff`` is a per-procedure same-day cut-off that overrides ``OfficeHours.cutoff``.
    """

    value: int
    unit: str
    cutoff: time | None = field(default=None)

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise DeadlineError(
                f"Unknown duration unit {self.unit!r}: expected one of {', '.join(UNITS)}"
            )
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise DeadlineError(
                f"Duration value must be a whole number, got {self.value!r} ({self.unit})"
            )
        if self.value < 0:
            raise DeadlineError(f"Duration value must not be negative, got {self.value} ({self.unit})")
        if self.cutoff is not None and (not isinstance(self.cutoff, time) or self.cutoff.tzinfo):
            raise DeadlineError(f"Duration cut-off must be a naive time, got {self.cutoff!r}")

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Duration:
        """Read ``{"value": 3, "unit": "working_days"}`` or
        ``{"value": 0, "unit": "same_day", "cutoff": "15:00"}``."""
        if not isinstance(d, Mapping):
            raise DeadlineError(f"A duration must be an object with value and unit, got {d!r}")
        if "unit" not in d or "value" not in d:
            raise DeadlineError(f"A duration needs both 'value' and 'unit', got {dict(d)!r}")
        value = d["value"]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        cutoff = d.get("cutoff")
        return cls(
            value=value,
            unit=d["unit"],
            cutoff=None if cutoff in (None, "") else _parse_time(cutoff, "Duration cut-off"),
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "unit": self.unit}
        if self.cutoff is not None:
            out["cutoff"] = self.cutoff.strftime("%H:%M")
        return out

    @property
    def effective_unit(self) -> str:
        """``same_day`` with a value above 0 is counted as ``working_days``."""
        if self.unit == "same_day" and self.value > 0:
            return "working_days"
        return self.unit


# ---------------------------------------------------------------------- helpers
def _aware(dt: Any, name: str) -> datetime:
    if not isinstance(dt, datetime):
        raise DeadlineError(f"{name} must be a datetime, got {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise DeadlineError(
            f"{name} must be timezone-aware (e.g. +07:00), got a naive datetime {dt.isoformat()}"
        )
    return dt


def _at(d: date, t: time, tz: Any) -> datetime:
    return datetime.combine(d, t, tzinfo=tz)


def _add_working_time(
    start: datetime, amount: timedelta, cal: WorkCalendar, hours: OfficeHours
) -> datetime:
    """The instant reached after ``amount`` of office time counted from ``start``.

    Time outside the windows or on non-working days does not count; when ``start`` lies outside
    the windows the count begins at the next window opening. A result exactly at a window's
    end stays there (11:30 or 17:00), so the result is always inside office hours.
    """
    tz = start.tzinfo
    d = start.date()
    from_t: time | None = start.time()
    remaining = amount
    windows = hours.windows
    for _ in range(_MAX_SCAN_DAYS * 50):
        if cal.is_working_day(d):
            for ws, we in windows:
                if from_t is not None and from_t >= we:
                    continue
                begin_t = ws if from_t is None or from_t <= ws else from_t
                begin = _at(d, begin_t, tz)
                avail = _at(d, we, tz) - begin
                if remaining <= avail:
                    return begin + remaining
                remaining -= avail
        from_t = None
        d = cal.next_working_day(d)
    raise DeadlineError("Working hours could not be placed on the calendar")  # pragma: no cover


def _working_time_between(
    a: datetime, b: datetime, cal: WorkCalendar, hours: OfficeHours
) -> timedelta:
    """Office time inside the windows of working days between instants ``a`` and ``b``."""
    total = timedelta(0)
    if b <= a:
        return total
    tz = a.tzinfo
    b = b.astimezone(tz)
    d = a.date()
    end_d = b.date()
    while d <= end_d:
        if cal.is_working_day(d):
            for ws, we in hours.windows:
                lo = max(a, _at(d, ws, tz))
                hi = min(b, _at(d, we, tz))
                if hi > lo:
                    total += hi - lo
        d += timedelta(days=1)
    return total


def _due_days(anchor: date, n: int, cal: WorkCalendar, hours: OfficeHours, tz: Any) -> datetime:
    """End of day of the ``n``-th working day after ``anchor`` (n=0: first working day on or
    after the anchor)."""
    day = cal.add_working_days(anchor, n) if n else cal.working_day_on_or_after(anchor)
    return _at(day, hours.end_of_day, tz)


def _due_calendar_days(start: date, n: int, cal: WorkCalendar, hours: OfficeHours, tz: Any) -> datetime:
    day = cal.working_day_on_or_after(start + timedelta(days=n))
    return _at(day, hours.end_of_day, tz)


def _due_same_day(
    received_at: datetime, duration: Duration, cal: WorkCalendar, hours: OfficeHours
) -> datetime:
    tz = received_at.tzinfo
    d = received_at.date()
    cutoff = duration.cutoff if duration.cutoff is not None else hours.cutoff
    if cal.is_working_day(d) and received_at.time() < cutoff:
        return _at(d, hours.end_of_day, tz)
    return _at(cal.next_working_day(d), hours.end_of_day, tz)


# ---------------------------------------------------------------------- public API
def compute_due(
    received_at: datetime,
    duration: Duration,
    cal: WorkCalendar,
    hours: OfficeHours = OfficeHours(),
) -> datetime:
    """The deadline (appointment) of a dossier received at ``received_at``.

    See the module docstring for the rule of each unit. In short, for ``working_days`` N:
    ``anchor = received date`` (``+ 1 calendar day`` if received at/after ``end_of_day``) and
    ``due = end_of_day on cal.add_working_days(anchor, N)``: the receipt day is never counted,
    and a receipt on a non-working day starts the period on the next working day (day 1).
    The result is in ``received_at``'s timezone.
    """
    received_at = _aware(received_at, "received_at")
    if not isinstance(duration, Duration):
        raise DeadlineError(f"duration must be a Duration, got {type(duration).__name__}")
    tz = received_at.tzinfo
    unit = duration.effective_unit
    n = duration.value
    if unit == "working_days":
        anchor = received_at.date()
        if received_at.time() >= hours.end_of_day:
            anchor += timedelta(days=1)
        return _due_days(anchor, n, cal, hours, tz)
    if unit == "same_day":
        return _due_same_day(received_at, duration, cal, hours)
    if unit == "working_hours":
        return _add_working_time(received_at, timedelta(hours=n), cal, hours)
    if unit == "calendar_days":
        due = _due_calendar_days(received_at.date(), n, cal, hours, tz)
        if due < received_at:  # only N = 0 received after end of day
            due = _at(cal.next_working_day(due.date()), hours.end_of_day, tz)
        return due
    raise DeadlineError(f"Unknown duration unit {duration.unit!r}")  # pragma: no cover


def step_deadlines(
    received_at: datetime,
    steps: Sequence[Duration],
    cal: WorkCalendar,
    hours: OfficeHours = OfficeHours(),
) -> list[datetime]:
    """The deadline of each step of a procedure, steps running one after another.

    Step 1 is computed from the receipt exactly like :func:`compute_due`. Each later step starts
    where the previous one's deadline ends, treating the previous deadline's *date* as the
    (uncounted) receipt day of the next step, without the after-end-of-day shift (a deadline
    falls at end of day by construction; shifting would add a day per step):

    * ``working_days`` N: N-th working day after the previous due date, at end of day;
    * ``calendar_days`` N: previous due date + N days, moved to a working day, at end of day;
    * ``same_day`` 0: handed over at the previous deadline instant, so before the cut-off ->
      same day, otherwise the next working day;
    * ``working_hours`` N: N office hours counted from the previous deadline instant.

    Hence working-day steps add up: for 1.001776 the 10 + 7 + 3 steps end on the same day as
    the 20-working-day total, whatever the receipt time.
    """
    received_at = _aware(received_at, "received_at")
    dues: list[datetime] = []
    prev: datetime | None = None
    for step in steps:
        if not isinstance(step, Duration):
            raise DeadlineError(f"each step must be a Duration, got {type(step).__name__}")
        if prev is None:
            due = compute_due(received_at, step, cal, hours)
        else:
            unit, n, tz = step.effective_unit, step.value, prev.tzinfo
            if unit == "working_days":
                due = _due_days(prev.date(), n, cal, hours, tz)
            elif unit == "calendar_days":
                due = _due_calendar_days(prev.date(), n, cal, hours, tz)
            elif unit == "same_day":
                due = _due_same_day(prev, step, cal, hours)
            else:
                due = _add_working_time(prev, timedelta(hours=n), cal, hours)
        dues.append(due)
        prev = due
    return dues


def resume_after_pause(
    due_at: datetime,
    paused_at: datetime,
    resumed_at: datetime,
    unit: str,
    cal: WorkCalendar,
    hours: OfficeHours = OfficeHours(),
) -> datetime:
    """The new deadline after the clock stopped at ``paused_at`` and restarted at ``resumed_at``
    (form 02 issued -> supplement received).

    * day-based units (``working_days``, ``same_day``, ``calendar_days``): the deadline moves by
      ``k = cal.working_days_between(paused date, resumed date)`` working days, i.e. the working
      days strictly after the pause day up to and including the resume day. Pausing and resuming
      on the same day costs nothing; a pause across Tết adds only the working days inside it.
      The new deadline is at ``hours.end_of_day``.
    * ``working_hours``: the office time left between ``paused_at`` and ``due_at`` is counted
      again from ``resumed_at``.

    A pause that starts at or after the deadline does not move it (the period had already run
    out). The result is never earlier than ``due_at``. Dates are read in ``due_at``'s timezone.
    """
    due_at = _aware(due_at, "due_at")
    paused_at = _aware(paused_at, "paused_at")
    resumed_at = _aware(resumed_at, "resumed_at")
    if unit not in UNITS:
        raise DeadlineError(f"Unknown duration unit {unit!r}: expected one of {', '.join(UNITS)}")
    if resumed_at < paused_at:
        raise DeadlineError(
            f"The clock cannot restart ({resumed_at.isoformat()}) before it stopped "
            f"({paused_at.isoformat()})"
        )
    if paused_at >= due_at:
        return due_at
    tz = due_at.tzinfo
    paused_l, resumed_l = paused_at.astimezone(tz), resumed_at.astimezone(tz)
    if unit == "working_hours":
        remaining = _working_time_between(paused_l, due_at, cal, hours)
        new_due = _add_working_time(resumed_l, remaining, cal, hours)
    else:
        k = cal.working_days_between(paused_l.date(), resumed_l.date())
        if k == 0:
            return due_at
        new_due = _at(cal.add_working_days(due_at.date(), k), hours.end_of_day, tz)
    return max(new_due, due_at)


def rate(at: datetime, due_at: datetime) -> str:
    """Rate an event against a deadline (trước hạn / đúng hạn / quá hạn).

    ``'after'`` if ``at > due_at``; ``'on'`` if ``at`` falls on the deadline's date and
    ``at <= due_at``; ``'before'`` if ``at`` falls on an earlier date. Dates are read in
    ``due_at``'s timezone.
    """
    at = _aware(at, "at")
    due_at = _aware(due_at, "due_at")
    if at > due_at:
        return "after"
    if at.astimezone(due_at.tzinfo).date() == due_at.date():
        return "on"
    return "before"


def deadline_state(due_at: datetime, now: datetime, cal: WorkCalendar) -> str:
    """Warning state of an open dossier at ``now`` (the injected clock).

    ``'overdue'`` if ``now > due_at``; ``'due_today'`` if the deadline is later today;
    ``'due_tomorrow'`` (D-1) if the deadline's date is after today and no later than the next
    working day (so on Friday a deadline on Monday is "due tomorrow"); otherwise ``'ok'``.
    Dates are read in ``due_at``'s timezone.
    """
    due_at = _aware(due_at, "due_at")
    now = _aware(now, "now")
    if now > due_at:
        return "overdue"
    today = now.astimezone(due_at.tzinfo).date()
    due_day = due_at.date()
    if due_day == today:
        return "due_today"
    if today < due_day <= cal.next_working_day(today):
        return "due_tomorrow"
    return "ok"


def working_days_late(due_at: datetime, at: datetime, cal: WorkCalendar) -> int:
    """How many working days late ``at`` is: 0 if ``at <= due_at``.

    Otherwise the number of working days after the deadline's date up to and including
    ``at``'s date, and at least 1: being late on the deadline's own date (e.g. 17:30 when due at
    17:00) or on the non-working days right after it counts as 1 day late.
    """
    due_at = _aware(due_at, "due_at")
    at = _aware(at, "at")
    if at <= due_at:
        return 0
    at_day = at.astimezone(due_at.tzinfo).date()
    return max(1, cal.working_days_between(due_at.date(), at_day))


def bench_compute_due(n: int = 2000, cal: WorkCalendar | None = None) -> dict[str, float]:
    """Micro-benchmark of :func:`compute_due` on warm caches (used by ``desk-app bench``).

    Times ``n`` calls over a mix of receipt instants in 2025–2027 and the sample procedure
    durations; returns ``{"median_us", "p95_us", "max_us", "n"}`` (microseconds per call).
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    cal = cal if cal is not None else WorkCalendar()
    hours = OfficeHours()
    tz = timezone(timedelta(hours=7), "+07")
    durations = [
        Duration(3, "working_days"),
        Duration(20, "working_days"),
        Duration(0, "same_day", time(15, 0)),
        Duration(4, "working_hours"),
        Duration(15, "calendar_days"),
        Duration(5, "working_days"),
    ]
    base = datetime(2025, 1, 1, 7, 0, tzinfo=tz)
    step = timedelta(hours=7, minutes=13)
    cases = [(base + step * (i % 3000), durations[i % len(durations)]) for i in range(n)]
    for received, dur in cases:  # warm-up: builds the calendar years touched
        compute_due(received, dur, cal, hours)
    samples: list[float] = []
    clock = _time.perf_counter_ns
    for received, dur in cases:
        t0 = clock()
        compute_due(received, dur, cal, hours)
        samples.append((clock() - t0) / 1000.0)
    samples.sort()
    return {
        "median_us": statistics.median(samples),
        "p95_us": samples[min(len(samples) - 1, int(len(samples) * 0.95))],
        "max_us": samples[-1],
        "n": float(n),
    }
