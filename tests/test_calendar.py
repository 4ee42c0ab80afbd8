"""Tests of the working-day calendar on the real Vietnamese 2025–2027 calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.calendar import (
    KINDS,
    SEED_CONFIRMED_THROUGH,
    CalendarNotConfirmed,
    CalendarOverride,
    DayInfo,
    WorkCalendar,
)

CAL = WorkCalendar()


# ---------------------------------------------------------------- the 2026 seed
@pytest.mark.parametrize(
    ("day", "working", "kind"),
    [
        (date(2026, 1, 1), False, "holiday"),  # Tết Dương lịch (Thu)
        (date(2026, 1, 2), True, "weekday"),
        (date(2026, 2, 13), True, "weekday"),  # Friday before Tết
        (date(2026, 2, 14), False, "weekend"),
        (date(2026, 2, 16), False, "holiday"),  # Tết official days 16–20 Feb (Mon–Fri)
        (date(2026, 2, 17), False, "holiday"),
        (date(2026, 2, 18), False, "holiday"),
        (date(2026, 2, 19), False, "holiday"),
        (date(2026, 2, 20), False, "holiday"),
        (date(2026, 2, 23), True, "weekday"),
        (date(2026, 4, 26), False, "holiday"),  # Giỗ Tổ on a Sunday
        (date(2026, 4, 27), False, "holiday"),  # ... compensated on Monday
        (date(2026, 4, 28), True, "weekday"),
        (date(2026, 4, 30), False, "holiday"),
        (date(2026, 5, 1), False, "holiday"),
        (date(2026, 8, 22), True, "working-day"),  # make-up Saturday
        (date(2026, 8, 29), False, "weekend"),  # an ordinary Saturday
        (date(2026, 8, 31), False, "day-off"),  # swapped with 22 Aug
        (date(2026, 9, 1), False, "holiday"),
        (date(2026, 9, 2), False, "holiday"),
        (date(2026, 9, 3), True, "weekday"),
        (date(2026, 11, 24), False, "holiday"),  # Ngày Văn hóa Việt Nam (from the package)
    ],
)
def test_day_info_matches_2026_calendar(day: date, working: bool, kind: str) -> None:
    info = CAL.day_info(day)
    assert CAL.is_working_day(day) is working
    assert info == DayInfo(day=day, working=working, kind=kind, name=info.name, source="seed")
    if kind in ("holiday", "day-off", "working-day"):
        assert info.name  # a Vietnamese name
    else:
        assert info.name == ""


def test_day_info_names_are_vietnamese() -> None:
    assert CAL.day_info(date(2026, 2, 17)).name == "Tết Nguyên Đán"
    assert "Giỗ Tổ Hùng Vương" in CAL.day_info(date(2026, 4, 27)).name
    assert "nghỉ bù" in CAL.day_info(date(2026, 4, 27)).name
    assert "22/08/2026" in CAL.day_info(date(2026, 8, 31)).name
    assert "31/08/2026" in CAL.day_info(date(2026, 8, 22)).name
    assert CAL.day_info(date(2026, 11, 24)).name == "Ngày Văn hóa Việt Nam"


def test_seed_2025_make_up_saturday_and_swap() -> None:
    assert CAL.is_working_day(date(2025, 4, 26))  # Saturday worked ...
    assert not CAL.is_working_day(date(2025, 5, 2))  # ... for Friday 2 May off
    assert CAL.day_info(date(2025, 5, 2)).kind == "day-off"


def test_seed_holiday_on_weekend_is_listed_as_holiday() -> None:
    info = CAL.day_info(date(2027, 2, 6))  # Tết 2027 on a Saturday
    assert info.kind == "holiday" and not info.working
    assert not CAL.is_working_day(date(2027, 5, 3))  # 1 May 2027 (Sat) compensated Monday


def test_seed_swap_declared_under_the_next_year() -> None:
    # 2015 swap: Friday 2 Jan 2015 off, Saturday 27 Dec 2014 worked (declared under 2015).
    assert CAL.is_working_day(date(2014, 12, 27))
    assert not CAL.is_working_day(date(2015, 1, 2))


def test_is_working_day_accepts_ordinary_days_far_from_holidays() -> None:
    assert CAL.is_working_day(date(2026, 3, 10))  # Tuesday
    assert not CAL.is_working_day(date(2026, 3, 8))  # Sunday


# ---------------------------------------------------------------- navigation
@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 2, 13), date(2026, 2, 23)),  # over Tết
        (date(2026, 8, 21), date(2026, 8, 22)),  # onto the make-up Saturday
        (date(2026, 8, 28), date(2026, 9, 3)),  # over 31 Aug, 1 and 2 Sep
        (date(2026, 12, 31), date(2027, 1, 4)),  # over New Year 2027 and a weekend
        (date(2026, 3, 9), date(2026, 3, 10)),
    ],
)
def test_next_working_day_skips_non_working_days(start: date, expected: date) -> None:
    assert CAL.next_working_day(start) == expected


def test_working_day_on_or_after() -> None:
    assert CAL.working_day_on_or_after(date(2026, 3, 10)) == date(2026, 3, 10)
    assert CAL.working_day_on_or_after(date(2026, 2, 14)) == date(2026, 2, 23)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 2, 13), 0, date(2026, 2, 13)),
        (date(2026, 2, 14), 0, date(2026, 2, 14)),  # n=0 returns the day itself
        (date(2026, 2, 13), 3, date(2026, 2, 25)),
        (date(2026, 2, 14), 1, date(2026, 2, 23)),  # from a Saturday, Monday is day 1
        (date(2026, 4, 23), 5, date(2026, 5, 5)),  # skips 27 Apr, 30 Apr, 1 May
        (date(2026, 8, 20), 2, date(2026, 8, 22)),  # make-up Saturday counts
        (date(2026, 8, 28), 2, date(2026, 9, 4)),
        (date(2026, 12, 30), 3, date(2027, 1, 5)),  # year boundary
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_add_working_days_rejects_negative() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 1, 5), -1)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2026, 2, 13), date(2026, 2, 23), 1),  # Tết week counts nothing
        (date(2026, 2, 12), date(2026, 2, 13), 1),
        (date(2026, 2, 13), date(2026, 2, 13), 0),
        (date(2026, 2, 23), date(2026, 2, 13), 0),  # b before a
        # 22 Aug (make-up Saturday), 24–28 Aug, 3 Sep; not 31 Aug, 1 Sep, 2 Sep.
        (date(2026, 8, 21), date(2026, 9, 3), 7),
    ],
)
def test_working_days_between(a: date, b: date, expected: int) -> None:
    assert CAL.working_days_between(a, b) == expected


# ---------------------------------------------------------------- year listing
def test_year_lists_every_non_default_day_sorted() -> None:
    days = CAL.year(2026)
    assert [d.day for d in days] == sorted(d.day for d in days)
    listed = {d.day: d.kind for d in days}
    assert listed[date(2026, 1, 1)] == "holiday"
    assert all(listed[date(2026, 2, d)] == "holiday" for d in range(16, 21))
    assert listed[date(2026, 4, 27)] == "holiday"
    assert listed[date(2026, 8, 22)] == "working-day"
    assert listed[date(2026, 8, 31)] == "day-off"
    assert listed[date(2026, 11, 24)] == "holiday"
    assert all(d.kind not in ("weekday", "weekend") for d in days)
    assert date(2026, 3, 10) not in listed


def test_year_includes_overrides() -> None:
    cal = WorkCalendar(
        [CalendarOverride(date(2026, 6, 1), "day-off", "Nghỉ đột xuất", "CV 1/UBND")]
    )
    info = {d.day: d for d in cal.year(2026)}[date(2026, 6, 1)]
    assert info == DayInfo(
        date(2026, 6, 1), False, "day-off", "Nghỉ đột xuất", "override", "CV 1/UBND"
    )


# ---------------------------------------------------------------- overrides
def test_override_day_off_makes_a_weekday_non_working() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 3, 10), "day-off")], version="v7")
    assert not cal.is_working_day(date(2026, 3, 10))
    assert cal.add_working_days(date(2026, 3, 9), 1) == date(2026, 3, 11)
    assert cal.version == "v7"
    assert CAL.is_working_day(date(2026, 3, 10))  # the seed calendar is unaffected


def test_override_working_day_on_saturday_counts() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 3, 14), "working-day", "Làm bù")])
    assert cal.is_working_day(date(2026, 3, 14))
    assert cal.add_working_days(date(2026, 3, 13), 1) == date(2026, 3, 14)
    info = cal.day_info(date(2026, 3, 14))
    assert (info.kind, info.source, info.name) == ("working-day", "override", "Làm bù")


def test_override_wins_over_seed() -> None:
    cal = WorkCalendar(
        [
            CalendarOverride(date(2026, 4, 27), "working-day"),  # cancel the compensatory day
            CalendarOverride(date(2026, 8, 22), "holiday", "Nghỉ"),  # cancel the make-up day
        ]
    )
    assert cal.is_working_day(date(2026, 4, 27))
    assert not cal.is_working_day(date(2026, 8, 22))
    # The seed name is kept when the override has no note.
    assert "Giỗ Tổ" in cal.day_info(date(2026, 4, 27)).name


def test_override_holiday_kind() -> None:
    cal = WorkCalendar([CalendarOverride(date(2027, 3, 8), "holiday", "Lễ địa phương")])
    assert not cal.is_working_day(date(2027, 3, 8))
    assert cal.day_info(date(2027, 3, 8)).kind == "holiday"


def test_override_rejects_unknown_kind() -> None:
    assert KINDS == ("holiday", "day-off", "working-day")
    with pytest.raises(ValueError, match="Unknown calendar override kind"):
        CalendarOverride(date(2026, 1, 5), "holiday ")


def test_conflicting_overrides_are_rejected_and_duplicates_allowed() -> None:
    d = date(2026, 3, 10)
    with pytest.raises(ValueError, match="Conflicting"):
        WorkCalendar([CalendarOverride(d, "day-off"), CalendarOverride(d, "working-day")])
    cal = WorkCalendar([CalendarOverride(d, "day-off"), CalendarOverride(d, "day-off", "x")])
    assert len(cal.overrides) == 1


# ---------------------------------------------------------------- confirmation
def test_is_confirmed_by_seed_year_and_by_override() -> None:
    assert SEED_CONFIRMED_THROUGH == 2026
    assert CAL.is_confirmed(2025) and CAL.is_confirmed(2026)
    assert not CAL.is_confirmed(2027)
    cal = WorkCalendar([CalendarOverride(date(2027, 2, 4), "holiday", "29 Tết")])
    assert cal.is_confirmed(2027)
    assert not cal.is_confirmed(2028)
    assert WorkCalendar(confirmed_through=2028).is_confirmed(2028)


def test_unconfirmed_year_still_computes_and_gives_a_notice() -> None:
    assert CAL.add_working_days(date(2027, 2, 3), 1) == date(2027, 2, 11)  # Tết 2027 by rule
    notices = CAL.unconfirmed_notices(date(2026, 12, 30), date(2027, 1, 5), date(2027, 2, 1))
    assert [n.year for n in notices] == [2027]
    assert isinstance(notices[0], CalendarNotConfirmed) and "2027" in str(notices[0])


# ---------------------------------------------------------------- properties
DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=60))
def test_property_add_working_days_consistent(d: date, n: int) -> None:
    r = CAL.add_working_days(d, n)
    assert CAL.working_days_between(d, r) == n
    if n:
        assert r > d and CAL.is_working_day(r)
        assert CAL.add_working_days(d, n - 1) < r


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_property_next_working_day_is_first(d: date) -> None:
    nxt = CAL.next_working_day(d)
    assert CAL.is_working_day(nxt)
    day = d + timedelta(days=1)
    while day < nxt:
        assert not CAL.is_working_day(day)
        day += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(DAYS)
def test_property_is_working_day_agrees_with_day_info(d: date) -> None:
    assert CAL.day_info(d).working is CAL.is_working_day(d)
