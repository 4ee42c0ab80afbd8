"""The report over random histories (hypothesis), made through the real services.

Properties, on SQLite and PostgreSQL:
* every row: received total = resolved + pending + withdrawn + stopped + refused;
* the SQL aggregates equal a plain per-dossier reading of the rule (the module docstring of
  desk_app.services.reports) over the same rows;
* what is pending at the end of a month is exactly what the next month carries over.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.models import Dossier, Procedure
from desk_app.domain.dossier_rules import allowed_actions
from desk_app.reports.periods import Period, date_range, parse_period
from desk_app.services import calendar as calendar_service
from desk_app.services import dossiers
from desk_app.services.dossiers import TransitionRequest
from desk_app.services.reports import COUNT_KEYS, build_report
from tests.conftest import receive

PROCS = ["1.004873", "1.004884", "2.001019", "2.000815", "1.001776", "SAMPLE.HOURS", "1.013225"]
CHANNELS = ["direct", "online", "postal"]
BASE = datetime.fromisoformat("2026-01-05T07:30:00+07:00")  # a Monday
ACTIONS = ["handover", "request-supplement", "supplement-received", "request-payment", "payment-received",
           "extend", "result-ready", "result-ready-on-due", "return", "refuse", "withdraw", "stop"]

step = st.tuples(st.sampled_from(ACTIONS), st.integers(min_value=1, max_value=240))  # action, hours later
dossier = st.fixed_dictionaries({
    "proc": st.sampled_from(PROCS),
    "channel": st.sampled_from(CHANNELS),
    "day": st.integers(min_value=0, max_value=100),
    "minute": st.integers(min_value=0, max_value=540),
    "steps": st.lists(step, max_size=6),
    "pause_then_extend": st.booleans(),  # the rare path: judged against original + paused days
})


def _play(database, spec) -> None:
    at = BASE + timedelta(days=spec["day"], minutes=spec["minute"])
    rec = receive(database, spec["proc"], at, channel=spec["channel"])
    status, due = rec.status, rec.due_at
    prefix = [("request-supplement", 2), ("supplement-received", 30), ("extend", 3)] if spec["pause_then_extend"] else []
    for action, hours in prefix + spec["steps"]:
        if action == "result-ready-on-due":  # finish on the appointment's own day, if still ahead
            action, on_due = "result-ready", due.replace(hour=8 + hours % 8, minute=0)
            if on_due <= at:
                continue
            hours = (on_due - at).total_seconds() / 3600
        if action not in allowed_actions(status):
            continue
        at = at + timedelta(hours=hours)
        kw = {}
        if action in ("request-supplement", "request-payment", "refuse", "withdraw", "stop", "extend"):
            kw["reason"] = "lý do"
        if action == "handover":
            kw["to_unit"] = "Công chức Tư pháp - Hộ tịch"
        if action == "extend":
            with database.session(write=False) as s:
                cal = calendar_service.load_calendar(s)
            new_day = cal.add_working_days(max(due.date(), at.date()), 1 + hours % 5)
            kw["new_due"] = datetime.combine(new_day, datetime.min.time(), tzinfo=at.tzinfo)
        with database.session() as s:
            rec = dossiers.transition(s, rec.code, TransitionRequest(action=action, at=at, **kw), now=at, actor="x")
        status, due = rec.status, rec.due_at


def _judged(d: Dossier, cal) -> datetime | None:
    if d.extension_count == 0:
        return d.due_at
    original = d.original_due_at or d.due_at
    if d.paused_days == 0 or original is None:
        return original
    base = original.date()
    while not cal.is_working_day(base):
        base -= timedelta(days=1)
    return datetime.combine(cal.add_working_days(base, d.paused_days), original.time())


def _oracle(rows: list[Dossier], fields: dict[int, str], period: Period, cal) -> dict[tuple, Counter]:
    start, end = period.start, period.end
    out: dict[tuple, Counter] = {}
    for d in rows:
        if not (d.received_at < end and (d.finished_at is None or d.finished_at >= start)):
            continue
        c = out.setdefault((fields[d.procedure_id], d.procedure_code), Counter())
        if d.received_at < start:
            c["received_carried"] += 1
        elif d.channel == 2:
            c["received_online"] += 1
        else:
            c["received_direct"] += 1
        jd = _judged(d, cal)
        if d.finished_at is None or d.finished_at >= end:
            stopped_clock = d.paused_at is not None and d.paused_at < end and (jd is None or d.paused_at < jd)
            c["pending_overdue" if not stopped_clock and jd is not None and jd < end else "pending_within"] += 1
        elif d.status in (3, 7, 8):
            c[{3: "refused", 7: "withdrawn", 8: "stopped"}[d.status]] += 1
        elif d.supplement_count > 1 or (jd is not None and d.finished_at > jd):
            c["resolved_late"] += 1
        elif jd is not None and d.finished_at.date() < jd.date():
            c["resolved_early"] += 1
        else:
            c["resolved_on_time"] += 1
    return out


PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-Q1", "2026-H1"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(history=st.lists(dossier, min_size=1, max_size=6),
       first=st.integers(min_value=0, max_value=120), length=st.integers(min_value=0, max_value=60))
def test_report_matches_the_rule_and_keeps_the_identity(desk, history, first, length):
    for spec in history:
        _play(desk, spec)
    now = datetime.fromisoformat("2026-09-01T09:00:00+07:00")
    periods = [parse_period(p) for p in PERIODS]
    periods.append(date_range(date(2026, 1, 1) + timedelta(days=first), date(2026, 1, 1) + timedelta(days=first + length)))
    with desk.session(write=False) as s:
        cal = calendar_service.load_calendar(s)
        rows = s.execute(select(Dossier)).scalars().all()
        fields = dict(s.execute(select(Procedure.id, Procedure.field_code)).all())
        reports = {p.key: build_report(s, p, now=now, with_weeks=False) for p in periods}
    for p in periods:
        rep = reports[p.key]
        for r in (*rep.rows, *rep.fields, rep.totals):
            assert r.received_total == r.resolved_total + r.pending_total + r.withdrawn + r.stopped + r.refused
        expected = _oracle(rows, fields, p, cal)
        got = {(r.field, r.procedure_code): {k: getattr(r.counts, k) for k in COUNT_KEYS} for r in rep.rows}
        assert got == {k: {n: v[n] for n in COUNT_KEYS} for k, v in expected.items()}, p.key
    for k in COUNT_KEYS:  # what the examples exercised (--hypothesis-show-statistics)
        if any(getattr(r.totals.counts, k) for r in reports.values()):
            event(k)
    if any(d.extension_count and d.paused_days for d in rows):
        event("extended and paused")
    months = [reports[k] for k in PERIODS[:5]]
    for prev, nxt in zip(months, months[1:]):
        assert nxt.totals.received_carried == prev.totals.pending_total
