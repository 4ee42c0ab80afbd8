"""Tests of the deadline engine on the real Vietnamese 2025–2027 calendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.calendar import CalendarOverride, WorkCalendar
from desk_app.domain.deadlines import (
    UNITS,
    DeadlineError,
    _working_time_between,
    Duration,
    OfficeHours,
    bench_compute_due,
    compute_due,
    deadline_state,
    rate,
    resume_after_pause,
    step_deadlines,
    working_days_late,
)

VN = timezone(timedelta(hours=7), "+07")
CAL = WorkCalendar()
HOURS = OfficeHours()


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VN)


def wd(n: int) -> Duration:
    return Duration(n, "working_days")


# ---------------------------------------------------------------- Duration
def test_duration_from_json_reads_sample_shapes() -> None:
    assert Duration.from_json({"value": 3, "unit": "working_days"}) == wd(3)
    d = Duration.from_json({"value": 0, "unit": "same_day", "cutoff": "15:00"})
    assert d == Duration(0, "same_day", time(15, 0))
    assert d.to_json() == {"value": 0, "unit": "same_day", "cutoff": "15:00"}
    assert Duration.from_json({"value": 4.0, "unit": "working_hours"}).value == 4


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"value": 3, "unit": "days"}, "Unknown duration unit"),
        ({"value": -1, "unit": "working_days"}, "negative"),
        ({"value": 2.5, "unit": "working_days"}, "whole number"),
        ({"value": True, "unit": "working_days"}, "whole number"),
        ({"value": "3", "unit": "working_days"}, "whole number"),
        ({"unit": "working_days"}, "needs both"),
        ({"value": 0, "unit": "same_day", "cutoff": "3pm"}, "HH:MM"),
        ({"value": 0, "unit": "same_day", "cutoff": "25:00"}, "HH:MM"),
        ("3 working days", "must be an object"),
    ],
)
def test_duration_from_json_rejects_bad_input(payload: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Duration.from_json(payload)  # type: ignore[arg-type]


def test_deadline_error_is_a_value_error() -> None:
    assert UNITS == ("working_days", "working_hours", "same_day", "calendar_days")
    assert issubclass(DeadlineError, ValueError)
    with pytest.raises(DeadlineError):
        Duration(1, "weeks")


def test_office_hours_must_be_ordered() -> None:
    with pytest.raises(DeadlineError, match="ordered"):
        OfficeHours(morning=(time(11, 30), time(7, 30)))


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(DeadlineError, match="timezone-aware"):
        compute_due(datetime(2026, 3, 2, 10, 0), wd(3), CAL)
    with pytest.raises(DeadlineError, match="timezone-aware"):
        rate(datetime(2026, 3, 2, 10, 0), at(2026, 3, 2))
    with pytest.raises(DeadlineError, match="timezone-aware"):
        deadline_state(at(2026, 3, 2), datetime(2026, 3, 2, 10, 0), CAL)


# ---------------------------------------------------------------- working_days
@pytest.mark.parametrize(
    ("received", "n", "due_day"),
    [
        # Tết 2026: official days off 16–20 Feb.
        (at(2026, 2, 13), 3, date(2026, 2, 25)),
        # Giỗ Tổ observed Mon 27 Apr, then 30 Apr and 1 May.
        (at(2026, 4, 23), 3, date(2026, 4, 29)),
        (at(2026, 4, 23), 5, date(2026, 5, 5)),
        # Make-up Saturday 22 Aug counts; 31 Aug, 1 and 2 Sep do not.
        (at(2026, 8, 20), 2, date(2026, 8, 22)),
        (at(2026, 8, 20), 3, date(2026, 8, 24)),
        (at(2026, 8, 27), 3, date(2026, 9, 4)),
        # Year boundary: 1 Jan 2027 skipped.
        (at(2026, 12, 30), 3, date(2027, 1, 5)),
        # 24 Nov 2026 (Ngày Văn hóa Việt Nam) skipped.
        (at(2026, 11, 23), 1, date(2026, 11, 25)),
        # Ordinary week.
        (at(2026, 3, 2), 3, date(2026, 3, 5)),
    ],
)
def test_working_days_due_on_real_2026_calendar(received: datetime, n: int, due_day: date) -> None:
    due = compute_due(received, wd(n), CAL)
    assert due == datetime.combine(due_day, time(17, 0), tzinfo=VN)


@pytest.mark.parametrize(
    ("received", "due_day", "why"),
    [
        (at(2026, 3, 6, 10, 0), date(2026, 3, 11), "Friday: Friday not counted, Mon is day 1"),
        (at(2026, 3, 6, 17, 30), date(2026, 3, 11), "Friday after hours: same as Saturday"),
        (at(2026, 3, 7, 9, 0), date(2026, 3, 11), "Saturday reception: Monday is day 1"),
        (at(2026, 3, 8, 9, 0), date(2026, 3, 11), "Sunday: Monday is day 1"),
        (at(2026, 3, 5, 16, 59), date(2026, 3, 10), "Thursday before end of day"),
        (at(2026, 3, 5, 17, 0), date(2026, 3, 11), "Thursday at end of day: as if Friday"),
        (at(2026, 3, 5, 6, 45), date(2026, 3, 10), "Thursday before opening"),
        (at(2026, 2, 17, 9, 0), date(2026, 2, 25), "on a Tết holiday: 23 Feb is day 1"),
    ],
)
def test_working_days_receipt_day_not_counted_and_non_working_receipt(
    received: datetime, due_day: date, why: str
) -> None:
    assert compute_due(received, wd(3), CAL).date() == due_day, why


def test_working_days_due_at_end_of_day_configurable() -> None:
    hours = OfficeHours(afternoon=(time(13, 0), time(16, 30)), end_of_day=time(16, 30))
    assert compute_due(at(2026, 3, 2), wd(1), CAL, hours) == at(2026, 3, 3, 16, 30)


def test_working_days_zero_is_first_working_day_on_or_after() -> None:
    assert compute_due(at(2026, 3, 2), wd(0), CAL) == at(2026, 3, 2, 17, 0)
    assert compute_due(at(2026, 3, 7), wd(0), CAL) == at(2026, 3, 9, 17, 0)


def test_working_days_override_day_off_moves_due_date() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 3, 4), "day-off", "Bão")], version="2026.2")
    assert compute_due(at(2026, 3, 2), wd(3), CAL).date() == date(2026, 3, 5)
    assert compute_due(at(2026, 3, 2), wd(3), cal).date() == date(2026, 3, 6)
    assert cal.version == "2026.2"


def test_working_days_override_working_saturday_counts() -> None:
    cal = WorkCalendar([CalendarOverride(date(2026, 3, 7), "working-day", "Làm bù")])
    assert compute_due(at(2026, 3, 5), wd(2), cal).date() == date(2026, 3, 7)
    # A dossier received on that Saturday is received on a working day: not counted.
    assert compute_due(at(2026, 3, 7), wd(1), cal).date() == date(2026, 3, 9)


def test_due_is_in_the_receipt_timezone() -> None:
    utc_receipt = datetime(2026, 3, 2, 3, 0, tzinfo=timezone.utc)
    due = compute_due(utc_receipt, wd(1), CAL)
    assert due.tzinfo is timezone.utc and due == datetime(2026, 3, 3, 17, 0, tzinfo=timezone.utc)


# ---------------------------------------------------------------- same_day
SAME_DAY = Duration(0, "same_day", time(15, 0))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(2026, 3, 2, 14, 59), at(2026, 3, 2, 17, 0)),  # before cut-off: today
        (at(2026, 3, 2, 15, 0), at(2026, 3, 3, 17, 0)),  # at cut-off: next working day
        (at(2026, 3, 6, 15, 30), at(2026, 3, 9, 17, 0)),  # Friday after cut-off: Monday
        (at(2026, 3, 7, 9, 0), at(2026, 3, 9, 17, 0)),  # Saturday reception: Monday
        (at(2026, 2, 13, 16, 0), at(2026, 2, 23, 17, 0)),  # before Tết
        (at(2026, 8, 21, 15, 1), at(2026, 8, 22, 17, 0)),  # onto the make-up Saturday
        (at(2026, 8, 22, 9, 0), at(2026, 8, 22, 17, 0)),  # received on the make-up Saturday
    ],
)
def test_same_day_cutoff(received: datetime, due: datetime) -> None:
    assert compute_due(received, SAME_DAY, CAL) == due


def test_same_day_procedure_cutoff_overrides_office_hours() -> None:
    early = Duration(0, "same_day", time(11, 0))
    assert compute_due(at(2026, 3, 2, 11, 0), early, CAL) == at(2026, 3, 3, 17, 0)
    assert compute_due(at(2026, 3, 2, 14, 0), Duration(0, "same_day"), CAL) == at(2026, 3, 2, 17)
    hours = OfficeHours(cutoff=time(16, 0))
    assert compute_due(at(2026, 3, 2, 15, 30), Duration(0, "same_day"), CAL, hours).day == 2


def test_same_day_with_value_counts_as_working_days() -> None:
    assert compute_due(at(2026, 2, 13), Duration(3, "same_day"), CAL) == compute_due(
        at(2026, 2, 13), wd(3), CAL
    )


# ---------------------------------------------------------------- working_hours
@pytest.mark.parametrize(
    ("received", "n", "due"),
    [
        (at(2026, 3, 2, 10, 30), 4, at(2026, 3, 2, 16, 30)),  # crosses lunch
        (at(2026, 3, 2, 10, 30), 1, at(2026, 3, 2, 11, 30)),  # ends at the window's end
        (at(2026, 3, 2, 12, 0), 2, at(2026, 3, 2, 15, 30)),  # received at lunch
        (at(2026, 3, 2, 6, 0), 1, at(2026, 3, 2, 8, 30)),  # received before opening
        (at(2026, 3, 2, 16, 0), 2, at(2026, 3, 3, 8, 30)),  # crosses the night
        (at(2026, 3, 2, 18, 0), 1, at(2026, 3, 3, 8, 30)),  # received after closing
        (at(2026, 3, 6, 16, 0), 4, at(2026, 3, 9, 10, 30)),  # crosses the weekend
        (at(2026, 3, 7, 9, 0), 4, at(2026, 3, 9, 11, 30)),  # Saturday reception
        (at(2026, 2, 13, 16, 0), 8, at(2026, 2, 23, 16, 30)),  # crosses Tết: 1 h + 7 h
        (at(2026, 3, 2, 7, 30), 8, at(2026, 3, 3, 8, 0)),  # a full day is 7.5 h
        (at(2026, 3, 2, 10, 30), 0, at(2026, 3, 2, 10, 30)),
        (at(2026, 3, 2, 11, 30), 0, at(2026, 3, 2, 13, 30)),
    ],
)
def test_working_hours(received: datetime, n: int, due: datetime) -> None:
    assert compute_due(received, Duration(n, "working_hours"), CAL) == due


def test_working_hours_keeps_seconds() -> None:
    received = datetime(2026, 3, 2, 10, 30, 15, tzinfo=VN)
    assert compute_due(received, Duration(4, "working_hours"), CAL) == datetime(
        2026, 3, 2, 16, 30, 15, tzinfo=VN
    )


# ---------------------------------------------------------------- calendar_days
@pytest.mark.parametrize(
    ("received", "n", "due_day"),
    [
        (at(2026, 3, 2), 15, date(2026, 3, 17)),  # ends on a Tuesday
        (at(2026, 3, 2), 13, date(2026, 3, 16)),  # ends on Sunday 15 Mar -> Monday
        (at(2026, 2, 6), 10, date(2026, 2, 23)),  # ends on Mon 16 Feb (Tết) -> 23 Feb
        (at(2026, 4, 12), 15, date(2026, 4, 28)),  # ends on Mon 27 Apr (observed) -> 28 Apr
        (at(2026, 8, 7), 15, date(2026, 8, 22)),  # ends on the make-up Saturday: kept
        (at(2026, 12, 17), 15, date(2027, 1, 4)),  # ends on 1 Jan 2027 (Fri) -> Monday
        (at(2026, 3, 7), 2, date(2026, 3, 9)),  # received Saturday: counted from Sunday
        (at(2026, 3, 2, 18, 0), 0, date(2026, 3, 3)),  # 0 days after hours: already past
    ],
)
def test_calendar_days_moved_off_non_working_days(received: datetime, n: int, due_day: date) -> None:
    due = compute_due(received, Duration(n, "calendar_days"), CAL)
    assert due == datetime.combine(due_day, time(17, 0), tzinfo=VN)


# ---------------------------------------------------------------- steps
STEPS_1_001776 = [wd(10), wd(7), wd(3)]


def test_step_deadlines_1_001776_add_up_to_total() -> None:
    received = at(2026, 1, 28, 9, 0)
    dues = step_deadlines(received, STEPS_1_001776, CAL)
    assert [d.date() for d in dues] == [date(2026, 2, 11), date(2026, 2, 27), date(2026, 3, 4)]
    total = compute_due(received, wd(20), CAL)
    assert dues[-1] == total
    assert all(d.time() == time(17, 0) for d in dues)


def test_step_deadlines_mixed_units() -> None:
    received = at(2026, 3, 2, 9, 0)
    dues = step_deadlines(
        received,
        [Duration(2, "working_hours"), Duration(0, "same_day"), wd(1), Duration(3, "calendar_days")],
        CAL,
    )
    assert dues == [
        at(2026, 3, 2, 11, 0),  # 2 office hours
        at(2026, 3, 2, 17, 0),  # handed over at 11:00, before the cut-off: same day
        at(2026, 3, 3, 17, 0),  # next working day
        at(2026, 3, 6, 17, 0),  # + 3 calendar days
    ]
    assert step_deadlines(received, [], CAL) == []


# ---------------------------------------------------------------- pauses
def test_pause_spanning_tet_adds_only_working_days_inside() -> None:
    due = compute_due(at(2026, 2, 10), wd(5), CAL)
    assert due == at(2026, 2, 24, 17, 0)  # 11, 12, 13, 23, 24 Feb
    # Form 02 on Thu 12 Feb, supplement on Tue 24 Feb: 13, 23 and 24 Feb were stopped.
    new = resume_after_pause(due, at(2026, 2, 12, 9), at(2026, 2, 24, 9), "working_days", CAL)
    assert new == at(2026, 2, 27, 17, 0)
    # Form 02 on Fri 13 Feb, supplement on Mon 23 Feb: the whole Tết week costs one day.
    new = resume_after_pause(due, at(2026, 2, 13, 9), at(2026, 2, 23, 9), "working_days", CAL)
    assert new == at(2026, 2, 25, 17, 0)


def test_pause_same_day_costs_nothing() -> None:
    due = at(2026, 3, 5, 17, 0)
    assert resume_after_pause(due, at(2026, 3, 3, 9), at(2026, 3, 3, 16), "working_days", CAL) == due


def test_pause_over_weekend_only() -> None:
    due = at(2026, 3, 12, 17, 0)
    new = resume_after_pause(due, at(2026, 3, 6, 16), at(2026, 3, 8, 10), "same_day", CAL)
    assert new == due  # Sat and Sun are not working days
    new = resume_after_pause(due, at(2026, 3, 6, 16), at(2026, 3, 9, 10), "calendar_days", CAL)
    assert new == at(2026, 3, 13, 17, 0)


def test_pause_starting_after_the_deadline_does_not_move_it() -> None:
    due = at(2026, 3, 5, 17, 0)
    assert resume_after_pause(due, at(2026, 3, 6, 9), at(2026, 3, 10, 9), "working_days", CAL) == due


def test_pause_working_hours_counts_remaining_office_time() -> None:
    due = compute_due(at(2026, 3, 2, 10, 30), Duration(4, "working_hours"), CAL)
    assert due == at(2026, 3, 2, 16, 30)
    # Paused at 14:00 (2h30 left), resumed next day 09:00 -> 11:30.
    new = resume_after_pause(due, at(2026, 3, 2, 14), at(2026, 3, 3, 9), "working_hours", CAL)
    assert new == at(2026, 3, 3, 11, 30)
    # Paused at lunch (3h left), resumed at 16:00 same day -> 1h today, 2h tomorrow.
    new = resume_after_pause(due, at(2026, 3, 2, 12), at(2026, 3, 2, 16), "working_hours", CAL)
    assert new == at(2026, 3, 3, 9, 30)


def test_pause_rejects_resume_before_pause_and_bad_unit() -> None:
    due = at(2026, 3, 5, 17, 0)
    with pytest.raises(DeadlineError, match="before it stopped"):
        resume_after_pause(due, at(2026, 3, 3), at(2026, 3, 2), "working_days", CAL)
    with pytest.raises(DeadlineError, match="Unknown duration unit"):
        resume_after_pause(due, at(2026, 3, 2), at(2026, 3, 3), "weeks", CAL)


# ---------------------------------------------------------------- rate / state / lateness
@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (at(2026, 3, 4, 16, 0), "before"),
        (at(2026, 3, 5, 8, 0), "on"),
        (at(2026, 3, 5, 17, 0), "on"),
        (at(2026, 3, 5, 17, 1), "after"),
        (at(2026, 3, 6, 8, 0), "after"),
        (datetime(2026, 3, 4, 23, 30, tzinfo=timezone.utc), "on"),  # 06:30 on 5 Mar in +07
    ],
)
def test_rate(event: datetime, expected: str) -> None:
    assert rate(event, at(2026, 3, 5, 17, 0)) == expected


@pytest.mark.parametrize(
    ("due", "now", "expected"),
    [
        (at(2026, 3, 5, 17), at(2026, 3, 5, 17, 1), "overdue"),
        (at(2026, 3, 5, 17), at(2026, 3, 5, 9), "due_today"),
        (at(2026, 3, 5, 17), at(2026, 3, 4, 9), "due_tomorrow"),
        (at(2026, 3, 5, 17), at(2026, 3, 3, 9), "ok"),
        (at(2026, 3, 9, 17), at(2026, 3, 6, 9), "due_tomorrow"),  # Friday -> Monday
        (at(2026, 2, 23, 17), at(2026, 2, 13, 9), "due_tomorrow"),  # over Tết
        (at(2026, 8, 22, 17), at(2026, 8, 21, 9), "due_tomorrow"),  # make-up Saturday
        (at(2026, 8, 24, 17), at(2026, 8, 21, 9), "ok"),  # Sat 22 Aug is a working day
        (at(2026, 3, 10, 17), at(2026, 3, 6, 9), "ok"),
    ],
)
def test_deadline_state(due: datetime, now: datetime, expected: str) -> None:
    assert deadline_state(due, now, CAL) == expected


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (at(2026, 2, 13, 16, 0), 0),
        (at(2026, 2, 13, 17, 0), 0),
        (at(2026, 2, 13, 17, 30), 1),  # late on the due date itself counts 1
        (at(2026, 2, 16, 9, 0), 1),  # during Tết: still 1
        (at(2026, 2, 23, 9, 0), 1),  # first working day after Tết
        (at(2026, 2, 25, 9, 0), 3),
    ],
)
def test_working_days_late(event: datetime, expected: int) -> None:
    assert working_days_late(at(2026, 2, 13, 17, 0), event, CAL) == expected


# ---------------------------------------------------------------- bench helper
def test_bench_compute_due_returns_median() -> None:
    result = bench_compute_due(n=50)
    assert set(result) >= {"median_us"} and result["median_us"] > 0


# ---------------------------------------------------------------- properties
RECEIVED = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31, 23, 59)
).map(lambda d: d.replace(tzinfo=VN))
DURATIONS = st.one_of(
    st.builds(Duration, st.integers(0, 40), st.just("working_days")),
    st.builds(Duration, st.integers(0, 3), st.just("same_day")),
    st.builds(Duration, st.integers(0, 60), st.just("working_hours")),
    st.builds(Duration, st.integers(0, 60), st.just("calendar_days")),
)


def _in_office_hours(dt: datetime) -> bool:
    t = dt.time()
    return any(ws <= t <= we for ws, we in HOURS.windows)


@settings(max_examples=400, deadline=None)
@given(RECEIVED, DURATIONS)
def test_property_due_falls_on_a_working_day(received: datetime, duration: Duration) -> None:
    due = compute_due(received, duration, CAL)
    assert CAL.is_working_day(due.date())
    assert due >= received
    if duration.unit == "working_hours":
        assert _in_office_hours(due)
    else:
        assert due.time() == HOURS.end_of_day


@settings(max_examples=400, deadline=None)
@given(RECEIVED, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=10)), DURATIONS)
def test_property_later_receipt_never_earlier_due(
    received: datetime, later_by: timedelta, duration: Duration
) -> None:
    assert compute_due(received + later_by, duration, CAL) >= compute_due(received, duration, CAL)


@settings(max_examples=400, deadline=None)
@given(
    RECEIVED,
    DURATIONS,
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)),
)
def test_property_pause_never_shortens(
    received: datetime, duration: Duration, pause_after: timedelta, pause_length: timedelta
) -> None:
    due = compute_due(received, duration, CAL)
    paused = received + pause_after
    resumed = paused + pause_length
    new = resume_after_pause(due, paused, resumed, duration.unit, CAL)
    assert new >= due
    assert CAL.is_working_day(new.date())
    if duration.unit == "working_hours" and paused < due:
        # The office time left at the pause is left again at the resumption.
        assert _working_time_between(resumed, new, CAL, HOURS) == _working_time_between(
            paused, due, CAL, HOURS
        )


@settings(max_examples=300, deadline=None)
@given(RECEIVED)
def test_property_steps_1_001776_end_with_total(received: datetime) -> None:
    dues = step_deadlines(received, STEPS_1_001776, CAL)
    assert dues == sorted(dues)
    assert dues[-1].date() == compute_due(received, wd(20), CAL).date()


@settings(max_examples=300, deadline=None)
@given(RECEIVED, st.integers(1, 40))
def test_property_working_days_counted_from_receipt(received: datetime, n: int) -> None:
    """Exactly n working days lie after the (uncounted) receipt day up to the due date."""
    due = compute_due(received, wd(n), CAL)
    anchor = received.date() + (timedelta(days=1) if received.time() >= time(17) else timedelta(0))
    assert CAL.working_days_between(anchor, due.date()) == n


@settings(max_examples=200, deadline=None)
@given(RECEIVED, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)))
def test_property_rate_and_late_agree(received: datetime, delta: timedelta) -> None:
    due = compute_due(received, wd(3), CAL)
    event = received + delta
    r = rate(event, due)
    late = working_days_late(due, event, CAL)
    assert r in ("before", "on", "after")
    assert (r == "after") == (late > 0) == (deadline_state(due, event, CAL) == "overdue")
