"""Setting up a desk: the unit's identity, this station, and the settings a supervisor tunes."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting, Station, Unit
from desk_app.clock import to_db
from desk_app.domain.deadlines import OfficeHours
from desk_app.domain.vntext import nfc
from desk_app.errors import UserError
from desk_app.services.records import UnitInfo  # noqa: F401 (re-exported)
from desk_app.services import audit, changes, config, users

MAX_STATION = 9  # station s issues daily numbers (s-1)*1000+1 … (s-1)*1000+999: 1 → 0001–0999
UNIT_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_]{0,38}[A-Za-z0-9]$")

DEFAULT_SETTINGS: dict[str, str] = {
    "office.morning": "07:30-11:30",
    "office.afternoon": "13:30-17:00",
    "office.end_of_day": "17:00",
    "office.cutoff": "15:00",
    "backup.keep_daily": "14",
}


def _clean(value: str | None, what: str, *, required: bool = False, limit: int = 200) -> str:
    text = nfc(value or "")
    if required and not text:
        raise UserError(f"{what} is required", field=what)
    if len(text) > limit:
        raise UserError(f"{what} is longer than {limit} characters", field=what)
    return text


def init_unit(
    session: Session,
    *,
    unit_code: str,
    unit_name: str,
    parent_name: str = "",
    upstream_name: str = "",
    place: str = "",
    station: int = 1,
    upstream: bool | None = None,
    now: datetime,
    actor: str,
) -> UnitInfo:
    """Create (or, before any dossier exists, correct) the unit's identity and this station."""
    users.authorize(session, actor, "unit.init")
    code = (unit_code or "").strip()
    if not UNIT_CODE_RE.match(code):
        raise UserError(
            f"unit code '{unit_code}' is not valid: 2-40 letters, digits, dots, dashes or "
            "underscores (for example 000.17.22.H56)",
            field="unit_code",
        )
    if not 1 <= station <= MAX_STATION:
        raise UserError(f"station must be a number from 1 to {MAX_STATION}", field="station")
    name = _clean(unit_name, "unit name", required=True)
    existing = session.execute(select(Unit).where(Unit.kind == "self")).scalar_one_or_none()
    local = session.execute(select(Station).where(Station.is_local.is_(True))).scalar_one_or_none()
    if existing is not None and existing.code != code:
        from db.models import Dossier

        has_dossiers = session.execute(select(Dossier.id).limit(1)).first() is not None
        if has_dossiers:
            raise UserError(
                f"this desk already issues codes as unit {existing.code}; the unit code cannot "
                "change once dossiers exist",
                field="unit_code",
            )
    if existing is None:
        existing = Unit(code=code, kind="self", name=name)
        session.add(existing)
    existing.code = code
    existing.name = name
    existing.parent_name = _clean(parent_name, "parent name")
    existing.place = _clean(place, "place", limit=100)
    if upstream is not None:  # None: keep what the desk is
        existing.is_upstream_office = upstream
    upstream_unit = session.execute(select(Unit).where(Unit.kind == "upstream")).scalar_one_or_none()
    up_name = _clean(upstream_name, "upstream name")
    if up_name:
        if upstream_unit is None:
            upstream_unit = Unit(code=f"{code}.UP", kind="upstream", name=up_name)
            session.add(upstream_unit)
        upstream_unit.name = up_name
    if local is None:
        local = Station(
            instance_id=str(uuid.uuid4()), unit_code=code, number=station, is_local=True, created_at=to_db(now)
        )
        session.add(local)
    local.unit_code = code
    local.number = station
    for key, value in DEFAULT_SETTINGS.items():
        if session.get(Setting, key) is None:
            session.add(Setting(key=key, value=value))
    session.flush()
    config.bump(session)
    info = get_unit(session)
    audit.append(session, at=now, actor=actor, action="init", entity="unit", key=code, detail=info.to_dict())
    changes.record(session, entity="unit", key=code, payload=info.to_dict(), at=now)
    return info


def renew_station_identity(session: Session, *, now: datetime, actor: str) -> str:
    """A new station instance id, after a restore from a backup (SYNC.md, "Identities").

    The restored database's change ids restart from the backup's point; under the old id the
    upstream office would take the new changes for ones it already applied and drop them.
    A new id tells it the sequence restarted (the station enrolls again)."""
    station = session.execute(select(Station).where(Station.is_local.is_(True))).scalar_one_or_none()
    if station is None:
        return ""
    old = station.instance_id
    station.instance_id = str(uuid.uuid4())
    session.info.pop("station_instance", None)
    config.bump(session)
    audit.append(session, at=now, actor=actor, action="station.renew", entity="station", key=station.instance_id,
                 detail={"previous": old})
    return station.instance_id


def get_unit(session: Session, *, required: bool = True) -> UnitInfo | None:
    unit = session.execute(select(Unit).where(Unit.kind == "self")).scalar_one_or_none()
    station = session.execute(select(Station).where(Station.is_local.is_(True))).scalar_one_or_none()
    if unit is None or station is None:
        if required:
            raise UserError(
                "this desk is not set up yet: run 'desk-app init --unit-code CODE --unit-name NAME'"
            )
        return None
    upstream = session.execute(select(Unit.name).where(Unit.kind == "upstream")).scalar_one_or_none()
    return UnitInfo(
        code=unit.code,
        name=unit.name,
        parent_name=unit.parent_name,
        upstream_name=upstream or "",
        place=unit.place,
        station=station.number,
        station_instance=station.instance_id,
        is_upstream_office=unit.is_upstream_office,
    )


def get_settings(session: Session) -> dict[str, str]:
    values = dict(DEFAULT_SETTINGS)
    values.update({s.key: s.value for s in session.execute(select(Setting)).scalars()})
    return values


def _parse_hhmm(value: str, key: str) -> time:
    try:
        hh, mm = value.strip().split(":")
        return time(int(hh), int(mm))
    except (ValueError, TypeError):
        raise UserError(f"setting {key} = '{value}' is not a time such as 15:00", field=key) from None


def _parse_range(value: str, key: str) -> tuple[time, time]:
    try:
        start, end = value.split("-")
    except ValueError:
        raise UserError(f"setting {key} = '{value}' is not a range such as 07:30-11:30", field=key) from None
    a, b = _parse_hhmm(start, key), _parse_hhmm(end, key)
    if not a < b:
        raise UserError(f"setting {key}: the start must be before the end", field=key)
    return a, b


def office_hours_from(settings: dict[str, str]) -> OfficeHours:
    morning = _parse_range(settings["office.morning"], "office.morning")
    afternoon = _parse_range(settings["office.afternoon"], "office.afternoon")
    if not morning[1] <= afternoon[0]:
        raise UserError("office hours: the morning must end before the afternoon starts")
    return OfficeHours(
        morning=morning,
        afternoon=afternoon,
        end_of_day=_parse_hhmm(settings["office.end_of_day"], "office.end_of_day"),
        cutoff=_parse_hhmm(settings["office.cutoff"], "office.cutoff"),
    )


def office_hours(session: Session) -> OfficeHours:
    return office_hours_from(get_settings(session))


def set_setting(session: Session, key: str, value: str, *, now: datetime, actor: str) -> dict[str, str]:
    users.authorize(session, actor, "settings.set")
    if key not in DEFAULT_SETTINGS:
        raise UserError(f"unknown setting '{key}'; known: {', '.join(sorted(DEFAULT_SETTINGS))}", field=key)
    candidate = get_settings(session)
    candidate[key] = value.strip()
    office_hours_from(candidate)  # validates every office setting together
    if key == "backup.keep_daily" and not value.strip().isdigit():
        raise UserError("backup.keep_daily must be a whole number", field=key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value.strip()))
    else:
        row.value = value.strip()
    config.bump(session)
    audit.append(session, at=now, actor=actor, action="setting", entity="setting", key=key, detail={"value": value})
    return candidate
