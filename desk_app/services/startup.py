"""What the window shows first, read without the ORM (``db.light.LightReader``).

Each function returns exactly what its ORM twin returns (``setup.get_unit``,
``users.has_users`` / ``users.list_users``, ``catalog.list_procedures``);
``tests/test_startup_reads.py`` holds them equal on the same database. Only these few reads,
all small, go this way: everything else waits for the ORM on the worker thread.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from types import SimpleNamespace

from db.light import LightReader
from desk_app.clock import from_db
from desk_app.services.records import ProcedureInfo, UnitInfo, UserInfo, procedure_info


def _dt(value: str | None) -> datetime | None:
    return from_db(datetime.fromisoformat(value)) if value else None


def read_unit(reader: LightReader) -> UnitInfo | None:
    """``setup.get_unit(session, required=False)``."""
    unit = reader.rows("SELECT code, name, parent_name, place, is_upstream_office FROM units WHERE kind = 'self'")
    station = reader.rows("SELECT number, instance_id FROM stations WHERE is_local = 1")
    if len(unit) != 1 or len(station) != 1:
        return None
    upstream = reader.rows("SELECT name FROM units WHERE kind = 'upstream'")
    u, st = unit[0], station[0]
    return UnitInfo(
        code=u["code"], name=u["name"], parent_name=u["parent_name"],
        upstream_name=upstream[0]["name"] if upstream else "", place=u["place"],
        station=st["number"], station_instance=st["instance_id"], is_upstream_office=bool(u["is_upstream_office"]),
    )


def has_users(reader: LightReader) -> bool:
    return bool(reader.rows("SELECT 1 FROM users LIMIT 1"))


def list_users(reader: LightReader) -> list[UserInfo]:
    """``users.list_users``."""
    return [
        UserInfo(username=r["username"], full_name=r["full_name"], role=r["role"], active=bool(r["active"]),
                 failed_attempts=r["failed_attempts"], locked_until=_dt(r["locked_until"]),
                 created_at=_dt(r["created_at"]))
        for r in reader.rows("SELECT username, full_name, role, active, failed_attempts, locked_until, created_at "
                             "FROM users ORDER BY username")
    ]


def list_procedures(reader: LightReader) -> list[ProcedureInfo]:
    """``catalog.list_procedures(session)``: the current version of every procedure."""
    procs = reader.rows(
        "SELECT p.id, p.code, p.version, p.is_current, p.local_code, p.name, p.field_code, p.field_name, p.level, "
        "p.duration_value, p.duration_unit, p.cutoff, p.fee_amount, p.fee_note, p.result, p.steps, s.code AS set_code "
        "FROM procedures p JOIN procedure_sets s ON s.id = p.set_id WHERE p.is_current = 1 "
        "ORDER BY p.field_code, p.code, p.version"
    )
    documents: dict[int, list] = defaultdict(list)
    for d in reader.rows(
        "SELECT d.procedure_id, d.position, d.case_name, d.name, d.original, d.certified, d.copy, d.present_only "
        "FROM procedure_documents d JOIN procedures p ON p.id = d.procedure_id WHERE p.is_current = 1 "
        "ORDER BY d.procedure_id, d.position"
    ):
        documents[d["procedure_id"]].append(SimpleNamespace(**{k: d[k] for k in d.keys()}))
    out = []
    for r in procs:
        p = SimpleNamespace(**{k: r[k] for k in r.keys()})
        p.steps = json.loads(r["steps"]) if r["steps"] else []
        out.append(procedure_info(p, documents[r["id"]], r["set_code"]))
    return out
