"""What every receive needs and rarely changes (unit, office hours, calendar, procedures),
cached per database and checked with one indexed read of ``config.revision``.

Every service that changes any of these calls ``bump()`` in its own transaction, so another
process (the CLI beside the window) sees the change at its next call.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import fastpath
from db.models import Setting
from desk_app.domain.calendar import WorkCalendar
from desk_app.domain.deadlines import OfficeHours

REVISION_KEY = "config.revision"
_REVISION = select(Setting.__table__.c.value).where(Setting.__table__.c.key == REVISION_KEY)

_lock = threading.Lock()
_cache: dict[str, DeskConfig] = {}


@dataclass
class DeskConfig:
    revision: str
    unit: object  # setup.UnitInfo
    hours: OfficeHours
    calendar: WorkCalendar
    procedures: dict = field(default_factory=dict)  # code -> catalog.ProcedureInfo (current)


def bump(session: Session) -> None:
    value = uuid.uuid4().hex
    row = session.get(Setting, REVISION_KEY)
    if row is None:
        session.add(Setting(key=REVISION_KEY, value=value))
    else:
        row.value = value
    session.flush()


def desk_config(session: Session) -> DeskConfig:
    from desk_app.services import calendar as calendar_service
    from desk_app.services.setup import get_unit, office_hours

    revision = fastpath.scalar(session, _REVISION, "SELECT value FROM settings WHERE key = ?", (REVISION_KEY,)) or ""
    key = str(session.get_bind().url)
    cfg = _cache.get(key)
    if cfg is not None and cfg.revision == revision and revision:
        session.info["station_instance"] = cfg.unit.station_instance
        return cfg
    cfg = DeskConfig(
        revision=revision,
        unit=get_unit(session),
        hours=office_hours(session),
        calendar=calendar_service.load_calendar(session),
    )
    with _lock:
        _cache[key] = cfg
    session.info["station_instance"] = cfg.unit.station_instance
    return cfg


def procedure(session: Session, cfg: DeskConfig, code: str):
    """The current version of a procedure, as a ProcedureInfo (cached with the config)."""
    from desk_app.services import catalog

    code = (code or "").strip()
    info = cfg.procedures.get(code)
    if info is None:
        info = catalog.to_info(catalog.current_procedure(session, code))
        cfg.procedures[code] = info
    return info
