"""The sync outbox: every business change writes its full after-image in the same
transaction (ARCHITECTURE.md, "Sync bundles")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.fastpath import DriverInsert
from db.models import ChangeLog, Station
from desk_app.clock import to_db


def local_instance(session: Session) -> str:
    cached = session.info.get("station_instance")
    if cached is None:
        cached = session.execute(
            select(Station.instance_id).where(Station.is_local.is_(True))
        ).scalar_one_or_none() or ""
        session.info["station_instance"] = cached
    return cached


_INSERT = DriverInsert(ChangeLog.__table__)


def record(session: Session, *, entity: str, key: str, payload: dict, at: datetime, op: str = "upsert") -> None:
    record_many(session, [(entity, key, payload)], at=at, op=op)


def record_many(session: Session, items: list[tuple[str, str, dict]], *, at: datetime, op: str = "upsert") -> None:
    """Several after-images of one change, in one statement: [(entity, key, payload), …]."""
    instance = local_instance(session)
    at_db = to_db(at)
    _INSERT.many(
        session,
        [
            {"station_instance": instance, "entity": entity, "entity_key": key, "op": op, "payload": payload, "at": at_db}
            for entity, key, payload in items
        ],
    )
