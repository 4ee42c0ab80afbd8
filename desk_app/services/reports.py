"""The periodic report (tình hình, kết quả giải quyết TTHC) and the QĐ 766 indicators.

DOMAIN.md §7. Every number is a SQL aggregate (GROUP BY with CASE sums): one statement for
the table, one for the weekly picture, two small ones for feedback. No dossier passes through
Python, so a yearly report over 300,000 dossiers stays well under a second on the commune's
SQLite and on the upstream office's PostgreSQL.

Who is counted (period = the days ``first … last``; ``start`` = first 00:00, ``end`` = the
day after last, 00:00, both naive Vietnam time like the stored columns):

* a dossier is in the report when it was received before ``end`` and had not finished
  before ``start`` (``finished_at`` NULL or ``>= start``). Its state *as of the period's end*
  is reconstructed from ``received_at`` and ``finished_at``, never from today's status,
  except for *how* a finished dossier ended (the status it finished in: refused 3,
  withdrawn 7, stopped 8, otherwise resolved 9/10; these are final statuses, set at
  ``finished_at``);
* received: ``carried`` = received before ``start`` (and still open at ``start``);
  ``online`` = received in the period on channel 2; ``direct`` = received in the period on
  channel 1 (direct) or 3 (public postal service);
* ended in the period (``finished_at < end``): refused / withdrawn / stopped / resolved;
* otherwise pending at the period's end.

Every row therefore satisfies ``received total = resolved total + pending total +
withdrawn + stopped + refused``.

**The on-time rule** (``judged appointment``, QĐ 766 and DOMAIN.md §5.6–5.7):

* The appointment a dossier is judged against is its *original* appointment moved later by
  the time it spent waiting for the citizen (supplement, and fees/taxes: both stop the clock
  in the deadline engine). Extensions (apology letter, form 04) never count.
  - never extended (``extension_count = 0``): ``due_at`` itself: the deadline engine has
    already moved the original appointment by every pause (and only by pauses that began
    before the deadline, in working hours for hour-based procedures);
  - extended: ``original_due_at`` moved forward by ``paused_days`` working days of the
    desk's calendar, same time of day (a pause that began after the deadline still counts
    here: the one approximation, and only for extended dossiers).
* Resolved dossiers (``finished_at`` = result ready) are classed like the handover slip
  (``deadlines.rate``): **late** (quá hạn) when ``finished_at`` is after the judged
  appointment, *or when the citizen was asked for a supplement more than once*
  (``supplement_count > 1``, QĐ 766); otherwise **on time** (đúng hạn) when finished on the
  appointment's day, **early** (trước hạn) when finished on an earlier day.
* Pending dossiers at the period's end are **overdue** when the judged appointment is before
  ``end``; a dossier whose clock was stopped at ``end`` (paused before ``end`` and before its
  appointment, still paused) is within its time.

Indicators (percentages, 2 decimals, ``None`` when the denominator is 0):

* on-time rate = (early + on time) / resolved total;
* online share = new online / (new online + new direct/postal);
* overdue % = (resolved late + pending overdue) / (resolved total + pending total);
* complaint % = complaints (phản ánh, kind ``complaint``) received in the period about the
  dossiers or procedures of the report / received total; suggestions (kiến nghị) are counted
  but are not dissatisfaction;
* satisfaction = 100 − (overdue % + complaint %), never below 0.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_app.reports.periods import Period, date_range, parse_period
from desk_app.services import calendar as calendar_service

__all__ = [
    "Counts",
    "Indicators",
    "Report",
    "ReportRow",
    "WeekPoint",
    "ON_TIME_RULE",
    "build_report",
    "bench_report",
    "parse_period",
    "date_range",
]

ON_TIME_RULE = (
    "Judged appointment = due_at when the dossier was never extended (the original appointment "
    "moved by the deadline engine for every pause: supplement or fee waits), otherwise "
    "original_due_at moved by paused_days working days; extensions never count. Resolved: late if "
    "finished_at > judged appointment or more than one supplement request (QĐ 766); on time if "
    "finished on the appointment's day; early if on an earlier day. Pending at the period's end: "
    "overdue if the judged appointment is before the end, unless its clock was stopped (paused "
    "before its appointment)."
)

COUNT_KEYS = (
    "received_carried",
    "received_online",
    "received_direct",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within",
    "pending_overdue",
    "withdrawn",
    "stopped",
    "refused",
)
FEEDBACK_KEYS = ("complaints", "complaints_resolved", "suggestions", "ratings", "rating_points", "ratings_satisfied")


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


@dataclass(frozen=True)
class Counts:
    received_carried: int = 0
    received_online: int = 0
    received_direct: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    pending_within: int = 0
    pending_overdue: int = 0
    withdrawn: int = 0
    stopped: int = 0
    refused: int = 0
    # feedback received in the period
    complaints: int = 0
    complaints_resolved: int = 0  # of those, resolved before the period's end
    suggestions: int = 0
    ratings: int = 0
    rating_points: int = 0  # sum of levels (1-3)
    ratings_satisfied: int = 0  # level >= 2

    @property
    def received_new(self) -> int:
        return self.received_online + self.received_direct

    @property
    def received_total(self) -> int:
        return self.received_carried + self.received_online + self.received_direct

    @property
    def resolved_total(self) -> int:
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def pending_total(self) -> int:
        return self.pending_within + self.pending_overdue

    @property
    def on_time_rate(self) -> float | None:
        return _pct(self.resolved_early + self.resolved_on_time, self.resolved_total)

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def to_dict(self) -> dict:
        return {
            "received_carried": self.received_carried,
            "received_online": self.received_online,
            "received_direct": self.received_direct,
            "received_total": self.received_total,
            "resolved_early": self.resolved_early,
            "resolved_on_time": self.resolved_on_time,
            "resolved_late": self.resolved_late,
            "resolved_total": self.resolved_total,
            "pending_within": self.pending_within,
            "pending_overdue": self.pending_overdue,
            "pending_total": self.pending_total,
            "withdrawn": self.withdrawn,
            "stopped": self.stopped,
            "refused": self.refused,
            "on_time_rate": self.on_time_rate,
            "complaints": self.complaints,
            "complaints_resolved": self.complaints_resolved,
            "suggestions": self.suggestions,
            "ratings": self.ratings,
            "rating_average": round(self.rating_points / self.ratings, 2) if self.ratings else None,
        }


@dataclass(frozen=True)
class ReportRow:
    kind: str  # procedure | field | unit | total
    counts: Counts
    field: str = ""  # field code (mã lĩnh vực)
    field_name: str = ""
    procedure_code: str = ""
    procedure_name: str = ""
    unit_code: str = ""
    unit_name: str = ""

    def __getattr__(self, name: str):  # row.received_total etc. read through to the counts
        if name.startswith("__") or name == "counts":
            raise AttributeError(name)
        return getattr(self.counts, name)

    @property
    def label(self) -> str:
        if self.kind == "procedure":
            return self.procedure_name or self.procedure_code
        if self.kind == "field":
            return self.field_name or self.field or "(không rõ lĩnh vực)"
        if self.kind == "unit":
            return self.unit_name or self.unit_code
        return "Tổng cộng"

    def to_dict(self) -> dict:
        d = {"kind": self.kind}
        if self.kind in ("procedure", "field"):
            d.update({"field": self.field, "field_name": self.field_name})
        if self.kind == "procedure":
            d.update({"procedure_code": self.procedure_code, "procedure_name": self.procedure_name})
        if self.kind == "unit":
            d.update({"unit_code": self.unit_code, "unit_name": self.unit_name})
        d.update(self.counts.to_dict())
        return d


@dataclass(frozen=True)
class Indicators:
    on_time_rate: float | None
    online_share: float | None
    overdue_pct: float | None
    complaint_pct: float | None
    satisfaction: float | None
    complaints: int
    complaints_resolved: int
    suggestions: int
    ratings: int
    rating_average: float | None
    ratings_satisfied_pct: float | None

    @classmethod
    def of(cls, c: Counts) -> Indicators:
        overdue = _pct(c.resolved_late + c.pending_overdue, c.resolved_total + c.pending_total)
        complaint = _pct(c.complaints, c.received_total)
        if overdue is None and complaint is None:
            satisfaction = None
        else:
            satisfaction = round(max(0.0, 100.0 - ((overdue or 0.0) + (complaint or 0.0))), 2)
        return cls(
            on_time_rate=c.on_time_rate,
            online_share=_pct(c.received_online, c.received_new),
            overdue_pct=overdue,
            complaint_pct=complaint,
            satisfaction=satisfaction,
            complaints=c.complaints,
            complaints_resolved=c.complaints_resolved,
            suggestions=c.suggestions,
            ratings=c.ratings,
            rating_average=round(c.rating_points / c.ratings, 2) if c.ratings else None,
            ratings_satisfied_pct=_pct(c.ratings_satisfied, c.ratings),
        )

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class WeekPoint:
    week_start: date  # a Monday (the first week may start before the period)
    received: int
    resolved: int

    def to_dict(self) -> dict:
        return {"week_start": self.week_start.isoformat(), "received": self.received, "resolved": self.resolved}


@dataclass(frozen=True)
class Report:
    period: Period
    unit: dict  # the reporting unit: code, name, parent_name, place, upstream_name
    by_unit: bool
    unit_filter: str
    rows: tuple[ReportRow, ...]  # procedures (or communes when by_unit)
    fields: tuple[ReportRow, ...]  # subtotal per field (empty when by_unit)
    totals: ReportRow
    indicators: Indicators
    weeks: tuple[WeekPoint, ...]
    generated_at: datetime

    def groups(self) -> list[tuple[ReportRow | None, list[ReportRow]]]:
        """Rows as the official table shows them: each field's subtotal then its procedures."""
        if self.by_unit:
            return [(None, list(self.rows))]
        return [(f, [r for r in self.rows if r.field == f.field]) for f in self.fields]

    def to_dict(self) -> dict:
        return {
            "report": "tinh-hinh-giai-quyet-tthc",
            "period": self.period.to_dict(),
            "unit": self.unit,
            "by_unit": self.by_unit,
            "unit_filter": self.unit_filter or None,
            "generated_at": self.generated_at.isoformat(),
            "on_time_rule": ON_TIME_RULE,
            "rows": [r.to_dict() for r in self.rows],
            "fields": [r.to_dict() for r in self.fields],
            "totals": self.totals.to_dict(),
            "indicators": self.indicators.to_dict(),
            "weeks": [w.to_dict() for w in self.weeks],
        }


# ----------------------------------------------------------------------------- SQL

_OUTCOMES = (
    # out-class number -> count key
    (1, "resolved_early"),
    (2, "resolved_on_time"),
    (3, "resolved_late"),
    (4, "pending_within"),
    (5, "pending_overdue"),
    (6, "withdrawn"),
    (7, "stopped"),
    (8, "refused"),
)


class _Dialect:
    """The few SQL fragments that differ between SQLite and PostgreSQL."""

    def __init__(self, name: str) -> None:
        self.sqlite = name == "sqlite"

    def dt(self, value: datetime):
        # SQLAlchemy stores SQLite DATETIME as this exact text; comparing like with like.
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else value

    def day(self, expr: str) -> str:
        return f"date({expr})" if self.sqlite else f"CAST({expr} AS DATE)"

    def day_literal(self, d: date) -> str:
        return f"'{d.isoformat()}'" if self.sqlite else f"DATE '{d.isoformat()}'"

    def at_time_of(self, day_expr: str, dt_expr: str) -> str:
        """The day ``day_expr`` at the time of day of ``dt_expr``."""
        if self.sqlite:
            return f"({day_expr} || substr({dt_expr}, 11))"
        return f"({day_expr} + CAST({dt_expr} AS TIME))"

    def week(self, expr: str) -> str:
        if self.sqlite:
            return f"CAST((julianday(date({expr})) - julianday(:week0)) / 7 AS INTEGER)"
        return f"((CAST({expr} AS DATE) - CAST(:week0 AS DATE)) / 7)"

    def week0(self, d: date):
        return d.isoformat() if self.sqlite else d


def _judged_due(dia: _Dialect, shifted: bool) -> str:
    """The appointment a dossier is judged against (see the module docstring)."""
    original = "COALESCE(d.original_due_at, d.due_at)"
    if not shifted:
        return f"(CASE WHEN d.extension_count = 0 THEN d.due_at ELSE {original} END)"
    base = f"(SELECT MAX(w1.idx) FROM wd w1 WHERE w1.day <= {dia.day(original)})"
    moved_day = f"(SELECT w2.day FROM wd w2 WHERE w2.idx = {base} + d.paused_days)"
    return (
        f"(CASE WHEN d.extension_count = 0 THEN d.due_at WHEN d.paused_days = 0 THEN {original} "
        f"ELSE {dia.at_time_of(moved_day, original)} END)"
    )


def _outcome(dia: _Dialect, jd: str) -> str:
    return (
        "CASE WHEN d.finished_at IS NULL OR d.finished_at >= :end THEN "
        f"  CASE WHEN d.paused_at IS NOT NULL AND d.paused_at < :end AND ({jd} IS NULL OR d.paused_at < {jd}) THEN 4 "
        f"       WHEN {jd} < :end THEN 5 ELSE 4 END "
        "WHEN d.status = 7 THEN 6 WHEN d.status = 8 THEN 7 WHEN d.status = 3 THEN 8 "
        f"WHEN d.supplement_count > 1 OR d.finished_at > {jd} THEN 3 "
        f"WHEN d.finished_at < {dia.day(jd)} THEN 1 "
        "ELSE 2 END"
    )


# The dossiers of a report, in two halves that each follow an index: received inside the
# period (ix_dossiers_received_at), and received before it but not finished before its start
# (ix_dossiers_finished_at: the carried-over ones). Never a scan of every dossier ever received.
# SQLite has no statistics to choose by: the unary ``+`` keeps it off the received_at index
# in the second half (PostgreSQL's planner chooses by itself and has no unary + on timestamps).
_HALVES = (
    "d.received_at >= :start AND d.received_at < :end",
    "{plus}d.received_at < :start AND (d.finished_at >= :start OR d.finished_at IS NULL)",
)
_EXTENDED_AND_PAUSED = "d.extension_count > 0 AND d.paused_days > 0"


def _union(dia: _Dialect, select_list: str, *, join: str = "", unit_filter: bool, extra: str = "") -> str:
    uf = " AND d.unit_code = :unit" if unit_filter else ""
    plus = "+" if dia.sqlite else ""
    return " UNION ALL ".join(
        f"SELECT {select_list} FROM dossiers d {join}WHERE {half.format(plus=plus)}{uf}{extra}" for half in _HALVES
    )


def _table_sql(dia: _Dialect, *, by_unit: bool, unit_filter: bool, cte: str) -> str:
    jd = _judged_due(dia, bool(cte))
    if by_unit:
        keys, join = "d.unit_code AS g1, '' AS g2, '' AS g3", ""
    else:
        keys = "p.field_code AS g1, d.procedure_code AS g2, p.field_name AS g3"
        join = "JOIN procedures p ON p.id = d.procedure_id "
    inner = _union(
        dia,
        f"{keys}, d.received_at AS received_at, d.channel AS channel, {_outcome(dia, jd)} AS oc, "
        f"CASE WHEN {_EXTENDED_AND_PAUSED} THEN 1 ELSE 0 END AS xp",
        join=join,
        unit_filter=unit_filter,
    )
    sums = [
        "SUM(CASE WHEN x.received_at < :start THEN 1 ELSE 0 END)",
        "SUM(CASE WHEN x.received_at >= :start AND x.channel = 2 THEN 1 ELSE 0 END)",
        "SUM(CASE WHEN x.received_at >= :start AND x.channel <> 2 THEN 1 ELSE 0 END)",
    ] + [f"SUM(CASE WHEN x.oc = {n} THEN 1 ELSE 0 END)" for n, _ in _OUTCOMES] + ["SUM(x.xp)"]
    return f"{cte}SELECT g1, g2, MAX(g3), {', '.join(sums)} FROM ({inner}) x GROUP BY g1, g2"


def _shift_cte(session: Session, dia: _Dialect, params: dict, unit_filter: bool) -> str:
    """A working-day index ``wd(day, idx)`` covering the original appointments of the
    report's extended-and-paused dossiers and their shifts."""
    original = "COALESCE(d.original_due_at, d.due_at)"
    inner = _union(
        dia,
        f"{dia.day(original)} AS due_day, d.paused_days AS paused", unit_filter=unit_filter,
        extra=f" AND {_EXTENDED_AND_PAUSED}",
    )
    row = session.execute(text(f"SELECT MIN(due_day), MAX(due_day), MAX(paused) FROM ({inner}) x"), params).one()
    if row[0] is None:
        return ""
    lo, hi = (v if isinstance(v, date) else date.fromisoformat(str(v)[:10]) for v in row[:2])
    cal = calendar_service.load_calendar(session)
    first = lo - timedelta(days=14)
    last = cal.add_working_days(hi, int(row[2]) + 1)
    values, idx, d = [], 0, first
    while d <= last:
        if cal.is_working_day(d):
            idx += 1
            values.append(f"({dia.day_literal(d)}, {idx})")
        d += timedelta(days=1)
    return f"WITH wd(day, idx) AS (VALUES {', '.join(values)}) "


def _table(session: Session, dia: _Dialect, params: dict, *, by_unit: bool, unit_filter: bool) -> list[tuple]:
    """(g1, g2, g3, counts…) per row. One pass; a second, exact one only when some dossier
    was both extended and paused (its judged appointment needs the working-day index)."""
    rows = session.execute(text(_table_sql(dia, by_unit=by_unit, unit_filter=unit_filter, cte="")), params).all()
    if any(r[-1] for r in rows):
        cte = _shift_cte(session, dia, params, unit_filter)
        sql = _table_sql(dia, by_unit=by_unit, unit_filter=unit_filter, cte=cte)
        rows = session.execute(text(sql), params).all()
    return [tuple(r[:-1]) for r in rows]


def _feedback(session: Session, params: dict, *, by_unit: bool, unit_filter: bool) -> dict[str, dict[str, int]]:
    key = "unit_code" if by_unit else "procedure_code"
    uf = " AND unit_code = :unit" if unit_filter else ""
    out: dict[str, dict[str, int]] = {}
    for k, kind, n, resolved in session.execute(
        text(
            f"SELECT {key}, kind, COUNT(*), SUM(CASE WHEN resolved_at IS NOT NULL AND resolved_at < :end THEN 1 ELSE 0 END) "
            f"FROM complaints WHERE received_at >= :start AND received_at < :end{uf} GROUP BY {key}, kind"
        ),
        params,
    ):
        bucket = out.setdefault(k, {})
        if kind == "complaint":
            bucket["complaints"] = bucket.get("complaints", 0) + int(n)
            bucket["complaints_resolved"] = bucket.get("complaints_resolved", 0) + int(resolved or 0)
        else:
            bucket["suggestions"] = bucket.get("suggestions", 0) + int(n)
    for k, n, points, satisfied in session.execute(
        text(
            f"SELECT {key}, COUNT(*), SUM(level), SUM(CASE WHEN level >= 2 THEN 1 ELSE 0 END) "
            f"FROM ratings WHERE rated_at >= :start AND rated_at < :end{uf} GROUP BY {key}"
        ),
        params,
    ):
        bucket = out.setdefault(k, {})
        bucket.update(ratings=int(n), rating_points=int(points or 0), ratings_satisfied=int(satisfied or 0))
    return out


def _weeks(session: Session, dia: _Dialect, period: Period, params: dict, unit_filter: bool) -> tuple[WeekPoint, ...]:
    week0 = period.first - timedelta(days=period.first.weekday())
    uf = " AND d.unit_code = :unit" if unit_filter else ""
    sql = (
        f"SELECT 0, {dia.week('d.received_at')} AS w, COUNT(*) FROM dossiers d "
        f"WHERE d.received_at >= :start AND d.received_at < :end{uf} GROUP BY w "
        "UNION ALL "
        f"SELECT 1, {dia.week('d.finished_at')} AS w, COUNT(*) FROM dossiers d "
        f"WHERE d.finished_at >= :start AND d.finished_at < :end AND d.status NOT IN (3, 7, 8){uf} GROUP BY w"
    )
    n_weeks = (period.last - week0).days // 7 + 1
    received, resolved = [0] * n_weeks, [0] * n_weeks
    for series, w, n in session.execute(text(sql), {**params, "week0": dia.week0(week0)}):
        target = received if series == 0 else resolved
        w = int(w)
        if 0 <= w < n_weeks:
            target[w] += int(n)
    return tuple(
        WeekPoint(week0 + timedelta(days=7 * i), received[i], resolved[i]) for i in range(n_weeks)
    )


def _names(session: Session, *, by_unit: bool) -> dict[str, tuple[str, str, str]]:
    """procedure code -> (name, field code, field name) of its current (else latest) version;
    or unit code -> (name, '', '') when by_unit."""
    if by_unit:
        names: dict[str, tuple[str, str, str]] = {}
        from sqlalchemy import inspect

        if inspect(session.connection()).has_table("sync_stations"):  # communes enrolled upstream (sync)
            for code, name in session.execute(text(
                "SELECT unit_code, MAX(unit_name) FROM sync_stations WHERE unit_name <> '' GROUP BY unit_code"
            )):
                names[code] = (name, "", "")
        for code, name in session.execute(text("SELECT code, name FROM units")):
            names[code] = (name, "", "")  # this desk's own unit and the agencies it knows
        return names
    out: dict[str, tuple[str, str, str]] = {}
    rows = session.execute(
        text("SELECT code, name, field_code, field_name, is_current, version FROM procedures ORDER BY code, is_current, version")
    )
    for code, name, fcode, fname, _current, _version in rows:
        out[code] = (name, fcode, fname)  # ordered so the current (else latest) version wins
    return out


def build_report(
    session: Session,
    period: Period,
    *,
    now: datetime,
    by_unit: bool = False,
    unit_code: str = "",
    with_weeks: bool = True,
) -> Report:
    """The report for ``period`` from the dossiers and feedback in this database.

    ``by_unit``: one row per commune (``dossiers.unit_code``), the upstream office's view.
    ``unit_code``: only that unit's dossiers and feedback (the upstream office looking at one
    commune); by default every dossier in the database."""
    from desk_app.services.setup import get_unit

    dia = _Dialect(session.get_bind().dialect.name)
    unit_code = (unit_code or "").strip()
    params: dict = {"start": dia.dt(period.start), "end": dia.dt(period.end)}
    if unit_code:
        params["unit"] = unit_code
    names = _names(session, by_unit=by_unit)
    feedback = _feedback(session, params, by_unit=by_unit, unit_filter=bool(unit_code))

    rows: dict[tuple[str, str], ReportRow] = {}
    for g1, g2, g3, *values in _table(session, dia, params, by_unit=by_unit, unit_filter=bool(unit_code)):
        counts = Counts(**dict(zip(COUNT_KEYS, (int(v or 0) for v in values))))
        if by_unit:
            rows[(g1, "")] = ReportRow("unit", counts, unit_code=g1, unit_name=names.get(g1, ("", "", ""))[0])
        else:
            name = names.get(g2, ("", "", ""))[0]
            rows[(g1 or "", g2)] = ReportRow(
                "procedure", counts, field=g1 or "", field_name=g3 or "", procedure_code=g2, procedure_name=name
            )
    # feedback about procedures (or units) that had no dossier in the period still shows
    for key, extra in feedback.items():
        target = [k for k in rows if (k[0] if by_unit else k[1]) == key]
        if not target:
            if by_unit:
                rows[(key, "")] = ReportRow("unit", Counts(), unit_code=key, unit_name=names.get(key, ("", "", ""))[0])
            else:
                name, fcode, fname = names.get(key, ("", "", ""))
                rows[(fcode, key)] = ReportRow(
                    "procedure", Counts(), field=fcode, field_name=fname, procedure_code=key, procedure_name=name
                )
            target = [(key, "") if by_unit else (names.get(key, ("", "", ""))[1], key)]
        k0 = target[0]  # a procedure filed under two fields: its feedback goes to the first
        rows[k0] = replace(rows[k0], counts=rows[k0].counts + Counts(**extra))

    ordered = sorted(rows.values(), key=lambda r: (r.unit_code, r.field, r.procedure_code))
    field_rows: list[ReportRow] = []
    if not by_unit:
        by_field: dict[str, ReportRow] = {}
        for r in ordered:
            f = by_field.get(r.field)
            by_field[r.field] = (
                ReportRow("field", r.counts, field=r.field, field_name=r.field_name)
                if f is None
                else replace(f, counts=f.counts + r.counts, field_name=f.field_name or r.field_name)
            )
        field_rows = list(by_field.values())
    total = Counts()
    for r in ordered:
        total = total + r.counts
    unit = get_unit(session, required=False)
    unit_info = (
        {"code": unit.code, "name": unit.name, "parent_name": unit.parent_name, "place": unit.place,
         "upstream_name": unit.upstream_name}
        if unit
        else {"code": "", "name": "", "parent_name": "", "place": "", "upstream_name": ""}
    )
    return Report(
        period=period,
        unit=unit_info,
        by_unit=by_unit,
        unit_filter=unit_code,
        rows=tuple(ordered),
        fields=tuple(field_rows),
        totals=ReportRow("total", total),
        indicators=Indicators.of(total),
        weeks=_weeks(session, dia, period, params, bool(unit_code)) if with_weeks else (),
        generated_at=now,
    )


# ----------------------------------------------------------------------------- benchmark


def bench_report(
    workdir: Path | None = None,
    *,
    db_url: str | None = None,
    dossiers: int = 300_000,
    period: str | None = None,
    repeat: int = 5,
) -> dict:
    """Time a yearly report (table, indicators, feedback, weekly picture) over a big database.

    ``workdir``: a data folder holding a desk database (built by ``desk-app bench`` or
    ``demo-data``); an empty one is filled with ``dossiers`` demo dossiers first (~100 s for
    300,000). ``db_url``: a PostgreSQL upstream instead. ``period``: the period to report
    (default: the last full year before the newest dossier, else the newest dossier's year).
    Returns ``{"value_ms", "dossiers", "period", "rows", …}`` (the median of ``repeat`` runs)."""
    import tempfile

    from sqlalchemy import func, select

    from db.engine import open_database
    from db.models import Dossier
    from desk_app.bench import NOW
    from desk_app.paths import resource_path
    from desk_app.services import catalog, demo, setup

    tmp = None
    if workdir is None and db_url is None:
        tmp = tempfile.TemporaryDirectory(prefix="desk-report-bench-")
        workdir = Path(tmp.name)
    database = open_database(Path(workdir) if workdir else Path(tempfile.gettempdir()), db_url)
    try:
        with database.session(write=False) as s:
            have = s.execute(select(func.count(Dossier.id))).scalar() or 0
        build_s = 0.0
        if have == 0:
            t0 = time.perf_counter()
            with database.session() as s:
                if setup.get_unit(s, required=False) is None:
                    setup.init_unit(s, unit_code="000.17.22.H56", unit_name="Bộ phận Một cửa UBND xã Bench",
                                    parent_name="UBND xã Bench", place="Bench", now=NOW, actor="bench")
                    catalog.import_file(s, resource_path("samples", "procedures_sample.json"), now=NOW, actor="bench")
            with database.session() as s:
                demo.generate(s, dossiers=dossiers, now=NOW - timedelta(days=1), seed=7, actor="bench")
            build_s = time.perf_counter() - t0
            with database.session(write=False) as s:
                have = s.execute(select(func.count(Dossier.id))).scalar() or 0
        with database.session(write=False) as s:
            oldest, newest = s.execute(select(func.min(Dossier.received_at), func.max(Dossier.received_at))).one()
        year = newest.year - 1 if oldest.year < newest.year else newest.year  # the last full year, if any
        per = parse_period(period) if period else parse_period(str(year))
        times, report = [], None
        for _ in range(max(1, repeat) + 1):  # the first run warms the caches and is dropped
            t0 = time.perf_counter()
            with database.session(write=False) as s:
                report = build_report(s, per, now=NOW)
            times.append((time.perf_counter() - t0) * 1000)
        times = times[1:]
        return {
            "value_ms": round(statistics.median(times), 1),
            "max_ms": round(max(times), 1),
            "dossiers": have,
            "period": per.key,
            "rows": len(report.rows),
            "in_report": report.totals.received_total,
            "backend": database.engine.dialect.name,
            "build_s": round(build_s, 1),
        }
    finally:
        database.dispose()
        if tmp is not None:
            tmp.cleanup()
