"""The tamper-evident audit log: each row's hash covers its content and the previous hash.

Never put a citizen's name or ID number in ``detail``: dossier codes identify the record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import fastpath
from db.fastpath import DriverInsert
from db.models import AuditEntry
from desk_app.clock import to_db

GENESIS = "0" * 64


def _digest(prev_hash: str, at: str, actor: str, action: str, entity: str, key: str, detail: str) -> str:
    material = "\x1f".join((prev_hash, at, actor, action, entity, key, detail))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _canonical(detail: dict | None) -> str:
    return json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


_INSERT = DriverInsert(AuditEntry.__table__)
_LAST = select(AuditEntry.__table__.c.hash).order_by(AuditEntry.__table__.c.id.desc()).limit(1)


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str = "",
    key: str = "",
    detail: dict | None = None,
) -> str:
    """Append a row; returns its hash."""
    last = fastpath.scalar(session, _LAST, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
    prev = last or GENESIS
    at_db = to_db(at)
    override = session.info.get("clock_override")
    if override:  # `--now` back-dated this command: say so, with the real time
        detail = {**(detail or {}), "_clock": override}
    text = _canonical(detail)
    digest = _digest(prev, at_db.isoformat(), actor, action, entity, key, text)
    _INSERT.one(
        session,
        {"at": at_db, "actor": actor, "action": action, "entity": entity, "entity_key": key,
         "detail": text, "prev_hash": prev, "hash": digest},
    )
    return digest


def head(session: Session) -> tuple[int, str]:
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    rows: int
    head_hash: str
    first_broken_id: int | None = None
    problem: str = ""

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "rows": self.rows,
            "head_hash": self.head_hash,
            "first_broken_id": self.first_broken_id,
            "problem": self.problem,
        }


def verify(session: Session) -> AuditReport:
    """Walk the chain; name the first row whose hash or link does not hold."""
    prev = GENESIS
    count = 0
    expected_id = None
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for row in rows:
        count += 1
        if expected_id is not None and row.id != expected_id:
            return AuditReport(False, count, prev, expected_id, f"row {expected_id} is missing")
        if row.prev_hash != prev:
            return AuditReport(False, count, prev, row.id, "link to the previous row is broken")
        digest = _digest(prev, row.at.isoformat(), row.actor, row.action, row.entity, row.entity_key, row.detail)
        if digest != row.hash:
            return AuditReport(False, count, prev, row.id, "content does not match its hash")
        prev = row.hash
        expected_id = row.id + 1
    return AuditReport(True, count, prev)
