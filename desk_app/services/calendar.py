"""The working-day calendar as this desk knows it: the `holidays` seed plus the overrides a
supervisor (or the upstream office) declared. Every change makes a new calendar version;
a dossier records the version its appointment was computed with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import holidays
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CalendarOverride as OverrideRow
from db.models import CalendarVersion
from desk_app.clock import iso, to_db
from desk_app.domain.calendar import KINDS, CalendarOverride, WorkCalendar
from desk_app.domain.vntext import nfc
from desk_app.errors import NotFound, UserError
from desk_app.services import audit, changes, config, users

SEED = f"vn-holidays-{holidays.__version__}"

_cache: dict[tuple[int, str], WorkCalendar] = {}


def version_label(version_id: int) -> str:
    return f"{SEED}+{version_id}"


def current_version_id(session: Session) -> int:
    return session.execute(select(func.max(CalendarVersion.id))).scalar() or 0


def load_calendar(session: Session) -> WorkCalendar:
    """The calendar in force now (cached per database and version)."""
    version_id = current_version_id(session)
    key = (version_id, str(session.get_bind().url))
    cal = _cache.get(key)
    if cal is None:
        rows = session.execute(select(OverrideRow)).scalars()
        overrides = [CalendarOverride(day=r.day, kind=r.kind, note=r.note, ref=r.ref) for r in rows]
        cal = WorkCalendar(overrides, version=version_label(version_id))
        if len(_cache) > 16:
            _cache.clear()
        _cache[key] = cal
    return cal


@dataclass(frozen=True)
class CalendarChange:
    day: date
    kind: str | None
    version: str

    def to_dict(self) -> dict:
        return {"date": self.day.isoformat(), "kind": self.kind, "calendar_version": self.version}


def _new_version(session: Session, *, now: datetime, actor: str, description: str) -> CalendarVersion:
    v = CalendarVersion(created_at=to_db(now), actor=actor, description=description)
    session.add(v)
    session.flush()
    config.bump(session)
    return v


def add_override(
    session: Session, day: date, kind: str, *, note: str = "", ref: str = "", now: datetime, actor: str
) -> CalendarChange:
    users.authorize(session, actor, "calendar.edit")
    if kind not in KINDS:
        raise UserError(f"'{kind}' is not a kind of day; use one of: {', '.join(KINDS)}", field="kind")
    if kind == "working-day" and day.weekday() < 5:
        cal = load_calendar(session)
        if cal.is_working_day(day):
            raise UserError(f"{day.isoformat()} is already a working day", field="date")
    existing = session.execute(select(OverrideRow).where(OverrideRow.day == day)).scalar_one_or_none()
    version = _new_version(session, now=now, actor=actor, description=f"{kind} {day.isoformat()}")
    if existing is None:
        existing = OverrideRow(day=day, kind=kind)
        session.add(existing)
    existing.kind = kind
    existing.note = nfc(note)
    existing.ref = nfc(ref)
    existing.version_id = version.id
    session.flush()
    label = version_label(version.id)
    payload = {"date": day.isoformat(), "kind": kind, "note": existing.note, "ref": existing.ref, "version": label}
    audit.append(session, at=now, actor=actor, action="calendar.add", entity="calendar", key=day.isoformat(), detail=payload)
    changes.record(session, entity="calendar_day", key=day.isoformat(), payload=payload, at=now)
    return CalendarChange(day, kind, label)


def remove_override(session: Session, day: date, *, now: datetime, actor: str) -> CalendarChange:
    users.authorize(session, actor, "calendar.edit")
    existing = session.execute(select(OverrideRow).where(OverrideRow.day == day)).scalar_one_or_none()
    if existing is None:
        raise NotFound(f"there is no calendar override on {day.isoformat()}", field="date")
    session.delete(existing)
    version = _new_version(session, now=now, actor=actor, description=f"remove {day.isoformat()}")
    label = version_label(version.id)
    payload = {"date": day.isoformat(), "kind": None, "version": label}
    audit.append(session, at=now, actor=actor, action="calendar.remove", entity="calendar", key=day.isoformat(), detail=payload)
    changes.record(session, entity="calendar_day", key=day.isoformat(), payload=payload, at=now, op="delete")
    return CalendarChange(day, None, label)


def show_year(session: Session, year: int) -> dict:
    if not 1990 <= year <= 2100:
        raise UserError(f"year {year} is out of range", field="year")
    cal = load_calendar(session)
    days = [
        {
            "date": info.day.isoformat(),
            "weekday": info.day.isoweekday(),
            "working": info.working,
            "kind": info.kind,
            "name": info.name,
            "source": info.source,
        }
        for info in cal.year(year)
    ]
    overrides = {
        r.day.isoformat(): {"note": r.note, "ref": r.ref}
        for r in session.execute(
            select(OverrideRow).where(OverrideRow.day >= date(year, 1, 1), OverrideRow.day <= date(year, 12, 31))
        ).scalars()
    }
    for d in days:
        d.update(overrides.get(d["date"], {}))
    versions = session.execute(select(CalendarVersion).order_by(CalendarVersion.id.desc()).limit(1)).scalars().first()
    return {
        "year": year,
        "calendar_version": cal.version,
        "confirmed": cal.is_confirmed(year),
        "changed_at": iso(versions.created_at) if versions else None,
        "days": days,
    }
