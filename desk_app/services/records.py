"""The records the services take and return that the window needs before the database layer
is loaded: procedures and their checklists, the unit, accounts, and an intake's input.

They live here, in a module that imports neither SQLAlchemy nor the models, so that the
window can show its first page (``desk_app.services.startup`` reads them with the standard
``sqlite3``) while the ORM loads later. The service modules re-export them
(``catalog.ProcedureInfo`` and ``records.ProcedureInfo`` are the same class).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app.clock import iso
from desk_app.domain.deadlines import Duration

ROLES = ("clerk", "supervisor", "admin")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES, start=1)}

@dataclass(frozen=True)
class DocumentItem:
    position: int
    name: str
    original: int = 0
    certified: int = 0
    copy: int = 0
    present_only: bool = False
    case_name: str = ""

    def to_dict(self) -> dict:
        return {
            "position": self.position,
            "name": self.name,
            "original": self.original,
            "certified": self.certified,
            "copy": self.copy,
            "present_only": self.present_only,
            "case": self.case_name,
        }


@dataclass(frozen=True)
class StepInfo:
    name: str
    unit: str
    duration: Duration


@dataclass(frozen=True)
class ProcedureInfo:
    id: int
    code: str
    version: int
    name: str
    field_code: str
    field_name: str
    duration: Duration
    fee_amount: int | None
    fee_note: str
    result: str
    local_code: str = ""
    level: str = ""
    is_current: bool = True
    set_code: str = ""
    steps: tuple[StepInfo, ...] = ()
    documents: tuple[DocumentItem, ...] = ()

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "version": self.version,
            "name": self.name,
            "local_code": self.local_code,
            "field": {"code": self.field_code, "name": self.field_name},
            "duration": {
                "value": self.duration.value,
                "unit": self.duration.unit,
                **({"cutoff": self.duration.cutoff.strftime("%H:%M")} if self.duration.cutoff else {}),
            },
            "fee": {"amount": self.fee_amount, "note": self.fee_note},
            "result": self.result,
            "is_current": self.is_current,
            "set": self.set_code,
            "steps": [
                {"name": s.name, "unit": s.unit, "duration": {"value": s.duration.value, "unit": s.duration.unit}}
                for s in self.steps
            ],
            "documents": [d.to_dict() for d in self.documents],
        }


def duration_of(value: int, unit: str, cutoff: str | None) -> Duration:
    """A procedure's stored duration columns as a :class:`Duration`."""
    payload: dict = {"value": value, "unit": unit}
    if cutoff:
        payload["cutoff"] = cutoff
    return Duration.from_json(payload)


def procedure_info(p, documents, set_code: str = "") -> ProcedureInfo:
    """A :class:`ProcedureInfo` from a procedure's columns (an ORM ``Procedure`` or a row read
    with ``sqlite3``: anything with the same attribute names; ``steps`` already decoded) and
    its checklist rows in order."""
    return ProcedureInfo(
        id=p.id,
        code=p.code,
        version=p.version,
        name=p.name,
        field_code=p.field_code,
        field_name=p.field_name,
        duration=duration_of(p.duration_value, p.duration_unit, p.cutoff),
        fee_amount=p.fee_amount,
        fee_note=p.fee_note,
        result=p.result,
        local_code=p.local_code,
        level=p.level,
        is_current=bool(p.is_current),
        set_code=set_code,
        steps=tuple(
            StepInfo(name=s["name"], unit=s.get("unit", ""), duration=Duration.from_json(s["duration"]))
            for s in (p.steps or [])
        ),
        documents=tuple(
            DocumentItem(
                position=d.position, name=d.name, original=d.original, certified=d.certified,
                copy=d.copy, present_only=bool(d.present_only), case_name=d.case_name,
            )
            for d in documents
        ),
    )


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    parent_name: str
    upstream_name: str
    place: str
    station: int
    station_instance: str
    is_upstream_office: bool

    def to_dict(self) -> dict:
        return {
            "unit_code": self.code,
            "unit_name": self.name,
            "parent_name": self.parent_name,
            "upstream_name": self.upstream_name,
            "place": self.place,
            "station": self.station,
            "station_instance": self.station_instance,
            "is_upstream_office": self.is_upstream_office,
        }


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: str
    active: bool
    failed_attempts: int = 0
    locked_until: datetime | None = None
    created_at: datetime | None = None

    def can(self, role: str) -> bool:
        return self.active and ROLE_RANK.get(self.role, 0) >= ROLE_RANK[role]

    def to_dict(self) -> dict:
        return {
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "active": self.active,
            "failed_attempts": self.failed_attempts,
            "locked_until": iso(self.locked_until),
            "created_at": iso(self.created_at),
        }


@dataclass(frozen=True)
class LoginResult:
    """``ok`` with ``user``; else ``reason``: ``bad_credentials`` | ``locked`` | ``inactive``."""

    ok: bool
    user: UserInfo | None = None
    reason: str = ""
    locked_until: datetime | None = None
    attempts_left: int = 0


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str = ""
    birth_date: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "id_number": self.id_number,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
        }

    @classmethod
    def from_dict(cls, d: dict | None) -> Person | None:
        if not d:
            return None
        bd = d.get("birth_date")
        return cls(
            name=d.get("name", ""),
            id_number=d.get("id_number", ""),
            birth_date=date.fromisoformat(bd) if bd else None,
            address=d.get("address", ""),
            phone=d.get("phone", ""),
            email=d.get("email", ""),
        )


@dataclass(frozen=True)
class ReceivedDocument:
    name: str
    original: int = 0
    certified: int = 0
    copy: int = 0


@dataclass(frozen=True)
class Intake:
    """What the clerk enters. ``documents`` None means: the procedure's checklist as listed."""

    procedure_code: str
    applicant: Person
    proxy: Person | None = None
    channel: str = "direct"
    received_at: datetime | None = None
    documents: tuple[ReceivedDocument, ...] | None = None
    sets_count: int = 1
    fee: int | None = None
    result_delivery: str = "desk"
    resolving_unit: str = ""
    note: str = ""
