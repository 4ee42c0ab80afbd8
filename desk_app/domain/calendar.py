"""The working-day calendar used by the deadline engine.

Pure domain code: no Qt, no database, no I/O. The calendar is built from two layers:

1. **Seed**: the ``holidays`` package (country ``VN``, Vietnamese names). It models Labour Code
   2019 art. 112: 1/1, lunar Tết, Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5, 2/9 plus an
   adjacent day, 24/11 from 2026, compensatory days for holidays falling on a weekly rest day,
   and government-declared swaps (a weekday off in exchange for a make-up Saturday, exposed by
   the package as ``weekend_workdays``).
2. **Overrides**: rows of the calendar override table (date, kind, note, legal reference) that a
   supervisor edits or the upstream office distributes. An override always wins over the seed.

Lookups are cached per year and shared between calendars (the seed never changes at run time),
because :meth:`WorkCalendar.is_working_day` is on the hot path of every due-date computation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Iterable


__all__ = [
    "KINDS",
    "DAY_KINDS",
    "SEED_CONFIRMED_THROUGH",
    "CalendarOverride",
    "CalendarNotConfirmed",
    "DayInfo",
    "WorkCalendar",
]

#: Override kinds, exactly these strings (they are stored in the database and in sync files).
KINDS = ("holiday", "day-off", "working-day")

#: Every value of :attr:`DayInfo.kind`.
DAY_KINDS = ("weekday", "weekend", "holiday", "day-off", "working-day")

#: Last year the seed (``holidays`` package) is trusted for without a confirming override.
SEED_CONFIRMED_THROUGH = 2026

#: Longest run of consecutive non-working days we accept before declaring the calendar broken
#: (guards against an override table that switches off every day).
_MAX_NON_WORKING_RUN = 400

_SOURCE_SEED = "seed"
_SOURCE_OVERRIDE = "override"

# The package's Vietnamese label for a swapped day off: "Ngày nghỉ (thay cho ngày 22/08/2026)".
_DAY_OFF_PREFIX = "Ngày nghỉ (thay cho"
_DMY = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_MAKE_UP_NAME = "Ngày làm việc bù"


@dataclass(frozen=True)
class CalendarOverride:
    """One row of the calendar override table.

    ``kind`` is one of :data:`KINDS`: ``holiday`` and ``day-off`` make the day non-working,
    ``working-day`` makes it a working day (a declared make-up Saturday).
    """

    day: date
    kind: str
    note: str = ""
    ref: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.day, date):
            raise ValueError(f"Calendar override day must be a date, got {self.day!r}")
        if self.kind not in KINDS:
            raise ValueError(
                f"Unknown calendar override kind {self.kind!r} for {self.day.isoformat()}: "
                f"expected one of {', '.join(KINDS)}"
            )

    @property
    def working(self) -> bool:
        return self.kind == "working-day"


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one date.

    ``kind``: ``weekday`` (ordinary Monday–Friday), ``weekend`` (ordinary Saturday/Sunday),
    ``holiday``, ``day-off`` (a declared day off, e.g. swapped for a make-up Saturday) or
    ``working-day`` (a declared make-up working day on a weekend).
    ``name``: the Vietnamese holiday name or the override note, empty for ordinary days.
    ``source``: ``seed`` (weekday rule or the ``holidays`` package) or ``override``.
    ``ref``: the legal reference of an override (empty for the seed).
    """

    day: date
    working: bool
    kind: str
    name: str = ""
    source: str = _SOURCE_SEED
    ref: str = ""


class CalendarNotConfirmed(UserWarning):
    """Notice: a date falls in a year whose calendar nobody has confirmed.

    Dates in such a year are still computed, from the rules (the seed); the caller should tell
    the user that the appointment may move once the government publishes that year's schedule.
    This is information, not an error: nothing raises it inside the domain.
    """

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"The {year} calendar is not confirmed: dates in {year} are computed from the rules "
            f"and may change when the official holiday schedule is published."
        )


@dataclass(frozen=True)
class _SeedYear:
    """The seed's non-default days of one year."""

    non_working: dict[date, tuple[str, str]]  # day -> (kind, name)
    make_up: dict[date, str]  # weekend day declared a working day -> name


@lru_cache(maxsize=None)
def _seed_year(year: int) -> _SeedYear:
    """Read one year from the ``holidays`` package (cached for the life of the process).

    Neighbouring years are populated too, because a swap declared under one year may move a
    day in the next or the previous year (e.g. 2015: 2 Jan 2015 off for Saturday 27 Dec 2014).
    """
    import holidays  # ~10 MB and 25 ms: loaded when the first date is computed, not at start

    years = [y for y in (year - 1, year, year + 1) if 1 <= y <= 9999]
    seed = holidays.country_holidays("VN", years=years, language="vi")
    non_working: dict[date, tuple[str, str]] = {}
    swapped_for: dict[date, date] = {}
    for day, name in seed.items():
        if day.year != year:
            continue
        kind = "day-off" if name.startswith(_DAY_OFF_PREFIX) else "holiday"
        non_working[day] = (kind, name)
    # Pair make-up days with the day off they pay for, to give them a readable name.
    for day, name in seed.items():
        if name.startswith(_DAY_OFF_PREFIX):
            m = _DMY.search(name)
            if m:
                dd, mm, yy = (int(g) for g in m.groups())
                try:
                    swapped_for[date(yy, mm, dd)] = day
                except ValueError:  # pragma: no cover - malformed label in the package
                    pass
    make_up: dict[date, str] = {}
    for day in getattr(seed, "weekend_workdays", ()):
        if day.year != year or day in non_working:
            continue
        other = swapped_for.get(day)
        make_up[day] = (
            f"{_MAKE_UP_NAME} (cho ngày {other.strftime('%d/%m/%Y')})" if other else _MAKE_UP_NAME
        )
    return _SeedYear(non_working=non_working, make_up=make_up)


class WorkCalendar:
    """Working days: Monday–Friday, minus holidays and declared days off, plus make-up days.

    Immutable once built: to apply an edited override table, build a new calendar (the seed
    cache is shared, so that is cheap).

    ``version`` identifies the calendar (seed plus override set) a computation used; it passes
    through untouched so it can be stored next to each due date.

    ``confirmed_through``: every year up to and including it counts as confirmed (default
    :data:`SEED_CONFIRMED_THROUGH`); a later year is confirmed when it has at least one override.
    """

    def __init__(
        self,
        overrides: Iterable[CalendarOverride] = (),
        version: str = "seed",
        confirmed_through: int | None = None,
    ) -> None:
        self.version = version
        self.confirmed_through = (
            SEED_CONFIRMED_THROUGH if confirmed_through is None else int(confirmed_through)
        )
        by_day: dict[date, CalendarOverride] = {}
        for ov in overrides:
            if not isinstance(ov, CalendarOverride):
                raise ValueError(f"Expected a CalendarOverride, got {ov!r}")
            prev = by_day.get(ov.day)
            if prev is not None and prev.kind != ov.kind:
                raise ValueError(
                    f"Conflicting calendar overrides for {ov.day.isoformat()}: "
                    f"{prev.kind!r} and {ov.kind!r}"
                )
            by_day[ov.day] = ov
        self._overrides: dict[date, CalendarOverride] = by_day
        self._override_years = frozenset(d.year for d in by_day)
        # ordinal -> working? for every day of every year built so far (hot path).
        self._work: dict[int, bool] = {}
        self._built: set[int] = set()

    # ------------------------------------------------------------------ introspection
    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        """The overrides in force, sorted by day."""
        return tuple(self._overrides[d] for d in sorted(self._overrides))

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(version={self.version!r}, overrides={len(self._overrides)}, "
            f"confirmed_through={self.confirmed_through})"
        )

    # ------------------------------------------------------------------ cache
    def _build_year(self, year: int) -> None:
        if year in self._built:
            return
        seed = _seed_year(year)
        work: dict[int, bool] = {}
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        for o in range(first, last + 1):
            work[o] = (o + 6) % 7 < 5  # ordinal 1 (0001-01-01) is a Monday
        for day in seed.non_working:
            work[day.toordinal()] = False
        for day in seed.make_up:
            work[day.toordinal()] = True
        for day, ov in self._overrides.items():
            if day.year == year:
                work[day.toordinal()] = ov.working
        self._work.update(work)
        self._built.add(year)

    def _working_ordinal(self, o: int) -> bool:
        w = self._work.get(o)
        if w is None:
            self._build_year(date.fromordinal(o).year)
            w = self._work[o]
        return w

    # ------------------------------------------------------------------ queries
    def is_working_day(self, d: date) -> bool:
        """True if ``d`` is a working day (counts towards deadlines)."""
        w = self._work.get(d.toordinal())
        if w is None:
            self._build_year(d.year)
            w = self._work[d.toordinal()]
        return w

    def day_info(self, d: date) -> DayInfo:
        """Everything the calendar knows about ``d`` (for display and reports)."""
        if isinstance(d, datetime):
            d = d.date()
        ov = self._overrides.get(d)
        seed = _seed_year(d.year)
        seed_name = seed.non_working.get(d, ("", ""))[1] or seed.make_up.get(d, "")
        if ov is not None:
            return DayInfo(
                day=d,
                working=ov.working,
                kind=ov.kind,
                name=ov.note or seed_name,
                source=_SOURCE_OVERRIDE,
                ref=ov.ref,
            )
        if d in seed.non_working:
            kind, name = seed.non_working[d]
            return DayInfo(day=d, working=False, kind=kind, name=name)
        if d in seed.make_up:
            return DayInfo(day=d, working=True, kind="working-day", name=seed.make_up[d])
        if d.weekday() < 5:
            return DayInfo(day=d, working=True, kind="weekday")
        return DayInfo(day=d, working=False, kind="weekend")

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        o = d.toordinal()
        for _ in range(_MAX_NON_WORKING_RUN):
            o += 1
            if self._working_ordinal(o):
                return date.fromordinal(o)
        raise ValueError(f"No working day within {_MAX_NON_WORKING_RUN} days after {d}")

    def working_day_on_or_after(self, d: date) -> date:
        """``d`` if it is a working day, else the next working day."""
        if self.is_working_day(d):
            return d
        return self.next_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day strictly after ``d`` (``n == 0`` returns ``d`` itself).

        ``d`` itself is never counted, whether or not it is a working day: from Saturday,
        Monday is the first working day; from Friday, Monday is the first too.
        """
        if n < 0:
            raise ValueError(f"Cannot add a negative number of working days ({n})")
        o = d.toordinal()
        work = self._work
        gap = 0
        while n:
            o += 1
            w = work.get(o)
            if w is None:
                w = self._working_ordinal(o)
            if w:
                n -= 1
                gap = 0
            else:
                gap += 1
                if gap > _MAX_NON_WORKING_RUN:
                    raise ValueError(f"No working day within {gap} days after {d}")
        return date.fromordinal(o)

    def working_days_between(self, a: date, b: date) -> int:
        """How many working days ``w`` satisfy ``a < w <= b`` (0 when ``b <= a``)."""
        oa, ob = a.toordinal(), b.toordinal()
        count = 0
        work = self._work
        for o in range(oa + 1, ob + 1):
            w = work.get(o)
            if w is None:
                w = self._working_ordinal(o)
            count += w
        return count

    def year(self, y: int) -> list[DayInfo]:
        """Every non-default day of year ``y``, sorted: holidays (including those on a weekend),
        days off, make-up working days, and every override, whatever it says."""
        seed = _seed_year(y)
        days = set(seed.non_working) | set(seed.make_up)
        days |= {d for d in self._overrides if d.year == y}
        return [self.day_info(d) for d in sorted(days)]

    def is_confirmed(self, y: int) -> bool:
        """True if year ``y`` is covered by a confirmed calendar (see the class docstring)."""
        return y <= self.confirmed_through or y in self._override_years

    def unconfirmed_notices(self, *days: date) -> list[CalendarNotConfirmed]:
        """One :class:`CalendarNotConfirmed` per distinct unconfirmed year among ``days``."""
        years = sorted({d.year for d in days if not self.is_confirmed(d.year)})
        return [CalendarNotConfirmed(y) for y in years]

