"""Dossiers: receive, transitions, look-up, search and lists.

Every write is one transaction in the caller's session (``Database.session()``): the code,
the dossier, its documents, its first event, the change-log rows and the audit row are
committed together or not at all.
"""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, selectinload

from db.fastpath import DriverInsert
from db.models import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    PAUSED_STATUSES,
    DailySequence,
    Dossier,
    DossierDocument,
    DossierEvent,
    Handover,
    RegisterSequence,
)
from desk_app.clock import VN_TZ, from_db, iso, to_db, to_local
from desk_app.domain import deadlines
from desk_app.domain.calendar import WorkCalendar
from desk_app.domain.deadlines import Duration, OfficeHours
from desk_app.domain.dossier_rules import (
    CHANNEL_NAMES,
    CHANNELS,
    DELIVERY,
    STATUS_LABELS,
    allowed_actions,
    check_birth_date,
    check_email,
    check_id_number,
    check_name,
    check_phone,
    check_transition,
    make_code,
)
from desk_app.domain.vntext import fold, nfc
from desk_app.errors import NotFound, UserError
from desk_app.services.records import Intake, Person, ReceivedDocument, duration_of  # noqa: F401 (re-exported)
from desk_app.services import audit, changes
from desk_app.services import calendar as calendar_service
from desk_app.services import catalog, config, users

FUTURE_TOLERANCE = timedelta(minutes=5)


# ----------------------------------------------------------------------------- input


# ----------------------------------------------------------------------------- output


@dataclass(frozen=True)
class EventRecord:
    action: str
    from_status: int | None
    to_status: int
    at: datetime
    actor: str
    reason: str
    due_before: datetime | None
    due_after: datetime | None
    data: dict

    def to_dict(self) -> dict:
        return {
            "action": self.action,
            "from_status": self.from_status,
            "to_status": self.to_status,
            "at": iso(self.at),
            "actor": self.actor,
            "reason": self.reason,
            "due_before": iso(self.due_before),
            "due_after": iso(self.due_after),
            "data": self.data,
        }


@dataclass(frozen=True)
class HandoverRecord:
    step_no: int
    step_name: str
    from_unit: str
    from_person: str
    to_unit: str
    to_person: str
    at: datetime
    step_due_at: datetime | None
    result_class: str
    note: str

    def to_dict(self) -> dict:
        d = asdict(self)
        d["at"] = iso(self.at)
        d["step_due_at"] = iso(self.step_due_at)
        return d


@dataclass(frozen=True)
class DossierRecord:
    code: str
    uuid: str
    procedure_code: str
    procedure_version: int
    procedure_name: str
    field_code: str
    field_name: str
    duration: Duration
    status: int
    sub_status: str
    channel: int
    received_at: datetime
    received_by: str
    due_at: datetime | None
    original_due_at: datetime | None
    calendar_version: str
    applicant: Person
    proxy: Person | None
    documents: tuple[ReceivedDocument, ...]
    sets_count: int
    fee: int
    result_delivery: str
    register_book: str
    register_no: int
    unit_code: str
    resolving_unit: str
    station: int
    extension_count: int
    supplement_count: int
    paused_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    returned_to: str
    note: str
    step_due: tuple[datetime, ...] = ()
    events: tuple[EventRecord, ...] = ()
    handovers: tuple[HandoverRecord, ...] = ()
    state: str = ""  # derived against "now": overdue | due_today | due_tomorrow | ok | paused | done
    days_late: int = 0
    warnings: tuple[str, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def allowed_actions(self) -> list[str]:
        return allowed_actions(self.status)

    def to_dict(self, *, with_events: bool = True) -> dict:
        d = {
            "code": self.code,
            "uuid": self.uuid,
            "procedure_code": self.procedure_code,
            "procedure_version": self.procedure_version,
            "procedure_name": self.procedure_name,
            "field": {"code": self.field_code, "name": self.field_name},
            "duration": {"value": self.duration.value, "unit": self.duration.unit},
            "status": self.status,
            "status_label": self.status_label,
            "sub_status": self.sub_status,
            "channel": CHANNEL_NAMES[self.channel],
            "received_at": iso(self.received_at),
            "received_by": self.received_by,
            "due_at": iso(self.due_at),
            "original_due_at": iso(self.original_due_at),
            "calendar_version": self.calendar_version,
            "state": self.state,
            "days_late": self.days_late,
            "applicant": self.applicant.to_dict(),
            "proxy": self.proxy.to_dict() if self.proxy else None,
            "documents": [asdict(doc) for doc in self.documents],
            "sets_count": self.sets_count,
            "fee": self.fee,
            "result_delivery": self.result_delivery,
            "register": {"book": self.register_book, "number": self.register_no},
            "unit_code": self.unit_code,
            "resolving_unit": self.resolving_unit,
            "station": self.station,
            "extension_count": self.extension_count,
            "supplement_count": self.supplement_count,
            "paused_at": iso(self.paused_at),
            "finished_at": iso(self.finished_at),
            "returned_at": iso(self.returned_at),
            "returned_to": self.returned_to,
            "note": self.note,
            "step_due": [iso(s) for s in self.step_due],
            "allowed_actions": self.allowed_actions,
        }
        if with_events:
            d["events"] = [e.to_dict() for e in self.events]
            d["handovers"] = [h.to_dict() for h in self.handovers]
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d


# ----------------------------------------------------------------------------- helpers


def _derive(row: Dossier, now: datetime | None, cal: WorkCalendar | None) -> tuple[str, int]:
    if row.status in FINAL_STATUSES or row.status == 9:
        return "done", 0
    if row.status in PAUSED_STATUSES:
        return "paused", 0
    if now is None or cal is None or row.due_at is None:
        return "", 0
    due = from_db(row.due_at)
    state = deadlines.deadline_state(due, now, cal)
    late = deadlines.working_days_late(due, now, cal) if state == "overdue" else 0
    return state, late


def to_record(
    row: Dossier,
    *,
    now: datetime | None = None,
    cal: WorkCalendar | None = None,
    events: Sequence[DossierEvent] = (),
    handovers: Sequence[Handover] = (),
    warnings: Sequence[str] = (),
) -> DossierRecord:
    proc = row.procedure
    state, late = _derive(row, now, cal)
    return DossierRecord(
        code=row.code,
        uuid=row.uuid,
        procedure_code=row.procedure_code,
        procedure_version=proc.version,
        procedure_name=proc.name,
        field_code=proc.field_code,
        field_name=proc.field_name,
        duration=duration_of(proc.duration_value, proc.duration_unit, proc.cutoff),
        status=row.status,
        sub_status=row.sub_status,
        channel=row.channel,
        received_at=from_db(row.received_at),
        received_by=row.received_by,
        due_at=from_db(row.due_at),
        original_due_at=from_db(row.original_due_at),
        calendar_version=row.calendar_version,
        applicant=Person(
            name=row.applicant_name,
            id_number=row.applicant_id_number,
            birth_date=row.applicant_birth_date,
            address=row.applicant_address,
            phone=row.applicant_phone,
            email=row.applicant_email,
        ),
        proxy=Person.from_dict(row.proxy),
        documents=tuple(
            ReceivedDocument(name=d.name, original=d.original, certified=d.certified, copy=d.copy)
            for d in row.documents
        ),
        sets_count=row.sets_count,
        fee=row.fee,
        result_delivery=row.result_delivery,
        register_book=row.register_book,
        register_no=row.register_no,
        unit_code=row.unit_code,
        resolving_unit=row.resolving_unit,
        station=row.station,
        extension_count=row.extension_count,
        supplement_count=row.supplement_count,
        paused_at=from_db(row.paused_at),
        finished_at=from_db(row.finished_at),
        returned_at=from_db(row.returned_at),
        returned_to=row.returned_to,
        note=row.note,
        step_due=tuple(datetime.fromisoformat(s) for s in (row.step_due or [])),
        events=tuple(
            EventRecord(
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                at=from_db(e.at),
                actor=e.actor,
                reason=e.reason,
                due_before=from_db(e.due_before),
                due_after=from_db(e.due_after),
                data=e.data or {},
            )
            for e in events
        ),
        handovers=tuple(
            HandoverRecord(
                step_no=h.step_no,
                step_name=h.step_name,
                from_unit=h.from_unit,
                from_person=h.from_person,
                to_unit=h.to_unit,
                to_person=h.to_person,
                at=from_db(h.at),
                step_due_at=from_db(h.step_due_at),
                result_class=h.result_class,
                note=h.note,
            )
            for h in handovers
        ),
        state=state,
        days_late=late,
        warnings=tuple(warnings),
    )


def _after_image(row: Dossier) -> dict:
    """What the sync bundle carries for a dossier (personal data included: bundles are
    encrypted). Field names follow the national portal's payload where one exists."""
    return {
        "MaHoSo": row.code,
        "uuid": row.uuid,
        "MaTTHC": row.procedure_code,
        "procedure_version": row.procedure.version if row.procedure else None,
        "MaLinhVuc": row.procedure.field_code if row.procedure else "",
        "KenhThucHien": row.channel,
        "ChuHoSo": row.applicant_name,
        "SoGiayToChuHoSo": row.applicant_id_number,
        "DiaChiChuHoSo": row.applicant_address,
        "SoDienThoai": row.applicant_phone,
        "Email": row.applicant_email,
        "NguoiUyQuyen": row.proxy,
        "NgayTiepNhan": iso(from_db(row.received_at)),
        "NgayHenTra": iso(from_db(row.due_at)),
        "NgayHenTraBanDau": iso(from_db(row.original_due_at)),
        "TrangThaiHoSo": row.status,
        "sub_status": row.sub_status,
        "NgayKetThucXuLy": iso(from_db(row.finished_at)),
        "NgayTra": iso(from_db(row.returned_at)),
        "calendar_version": row.calendar_version,
        "extension_count": row.extension_count,
        "supplement_count": row.supplement_count,
        "paused_days": row.paused_days,
        "unit_code": row.unit_code,
        "resolving_unit": row.resolving_unit,
        "station": row.station,
        "received_by": row.received_by,
        "paused_at": iso(from_db(row.paused_at)),
        "resume_status": row.resume_status,
        "step_due": row.step_due,
        "sets_count": row.sets_count,
        "result_delivery": row.result_delivery,
        "applicant_birth_date": row.applicant_birth_date.isoformat() if row.applicant_birth_date else None,
        "returned_to": row.returned_to,
        "note": row.note,
        "fee": row.fee,
        "register": [row.register_book, row.register_no],
        "documents": [
            {"name": d.name, "original": d.original, "certified": d.certified, "copy": d.copy}
            for d in row.documents
        ],
    }


_COUNTER_SQL: dict[tuple[str, str], object] = {}


def _next_number(session: Session, table, keys: dict) -> int:
    """Atomically increment and return a counter row (INSERT … ON CONFLICT … RETURNING).

    On SQLite the statement goes straight to the driver: it runs twice in every receive, and
    SQLAlchemy's per-statement overhead there is four times the statement itself."""
    dialect = session.get_bind().dialect.name
    conn = session.connection()
    if dialect == "sqlite":
        cols = list(keys)
        sql = (
            f"INSERT INTO {table.__tablename__} ({', '.join(cols)}, last) VALUES ({', '.join('?' * len(cols))}, 1) "
            f"ON CONFLICT ({', '.join(cols)}) DO UPDATE SET last = last + 1 RETURNING last"
        )
        params = [v.isoformat() if isinstance(v, date) else v for v in keys.values()]
        return conn.connection.driver_connection.execute(sql, params).fetchone()[0]
    stmt = _COUNTER_SQL.get((dialect, table.__tablename__))
    if stmt is None:
        t = table.__table__
        stmt = postgresql.insert(t).on_conflict_do_update(
            index_elements=list(keys), set_={"last": t.c.last + 1}
        ).returning(t.c.last)
        _COUNTER_SQL[(dialect, table.__tablename__)] = stmt
    return conn.execute(stmt, {**keys, "last": 1}).scalar_one()


def search_text_for(code: str, applicant: Person, proxy: Person | None) -> str:
    parts = [code, applicant.name, applicant.id_number, applicant.phone]
    if proxy is not None:
        parts += [proxy.name, proxy.id_number, proxy.phone]
    return fold(" ".join(p for p in parts if p))


def _clean_person(p: Person, today: date, prefix: str, *, id_required: bool) -> Person:
    id_number = ""
    if id_required or (p.id_number or "").strip():
        id_number = check_id_number(p.id_number, f"{prefix}_id")
    address = nfc(p.address or "")
    if len(address) > 500:
        raise UserError("address is longer than 500 characters", field=f"{prefix}_address")
    return Person(
        name=check_name(p.name, f"{prefix}_name"),
        id_number=id_number,
        birth_date=check_birth_date(p.birth_date, today, f"{prefix}_birth_date"),
        address=" ".join(address.split()),
        phone=check_phone(p.phone, f"{prefix}_phone"),
        email=check_email(p.email, f"{prefix}_email"),
    )


def _check_time(at: datetime, now: datetime, what: str) -> datetime:
    if at.tzinfo is None:
        at = to_local(at)
    if at > now + FUTURE_TOLERANCE:
        raise UserError(f"{what} {iso(at)} is in the future (now is {iso(now)})", field=what)
    return to_local(at).replace(microsecond=0)


@dataclass(frozen=True)
class DeadlineQuote:
    """An appointment as the engine computes it, before anything is saved."""

    procedure_code: str
    procedure_version: int
    received_at: datetime
    due_at: datetime
    duration: Duration
    calendar_version: str
    step_due: tuple[datetime, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "procedure_code": self.procedure_code,
            "procedure_version": self.procedure_version,
            "received_at": iso(self.received_at),
            "due_at": iso(self.due_at),
            "duration": {"value": self.duration.value, "unit": self.duration.unit},
            "calendar_version": self.calendar_version,
            "step_due": [iso(s) for s in self.step_due],
            "warnings": list(self.warnings),
        }


def _unconfirmed_warnings(cal: WorkCalendar, *moments: datetime) -> tuple[str, ...]:
    years = sorted({m.year for m in moments if m is not None})
    return tuple(
        f"the {y} calendar is not confirmed; computed from the rules" for y in years if not cal.is_confirmed(y)
    )


def quote(
    session: Session,
    procedure_code: str,
    received_at: datetime,
    *,
    cal: WorkCalendar | None = None,
    hours: OfficeHours | None = None,
) -> DeadlineQuote:
    """The appointment a dossier received at ``received_at`` gets: the one rule for both
    ``desk-app deadline`` and ``receive``."""
    cfg = config.desk_config(session)
    proc = config.procedure(session, cfg, procedure_code)
    return _quote(proc, to_local(received_at), cal or cfg.calendar, hours or cfg.hours)


def _quote(proc: catalog.ProcedureInfo, received_at: datetime, cal: WorkCalendar, hours: OfficeHours) -> DeadlineQuote:
    try:
        due = deadlines.compute_due(received_at, proc.duration, cal, hours)
        steps = tuple(deadlines.step_deadlines(received_at, [st.duration for st in proc.steps], cal, hours)) if proc.steps else ()
    except deadlines.DeadlineError as exc:
        raise UserError(str(exc)) from None
    return DeadlineQuote(
        procedure_code=proc.code,
        procedure_version=proc.version,
        received_at=received_at,
        due_at=due,
        duration=proc.duration,
        calendar_version=cal.version,
        step_due=steps,
        warnings=_unconfirmed_warnings(cal, received_at, due),
    )


# ----------------------------------------------------------------------------- receive


def _procedure_view(proc: catalog.ProcedureInfo) -> SimpleNamespace:
    """The procedure columns ``to_record`` and ``_after_image`` read, from the cached info."""
    return SimpleNamespace(
        version=proc.version, name=proc.name, field_code=proc.field_code, field_name=proc.field_name,
        duration_value=proc.duration.value, duration_unit=proc.duration.unit,
        cutoff=proc.duration.cutoff.strftime("%H:%M") if proc.duration.cutoff else "",
    )


_INSERT_DOSSIER = DriverInsert(Dossier.__table__, returning="id")
_INSERT_DOCUMENTS = DriverInsert(DossierDocument.__table__)
_INSERT_EVENT = DriverInsert(DossierEvent.__table__, returning="id")


def receive(session: Session, intake: Intake, *, now: datetime, actor: str) -> DossierRecord:
    """Record a dossier received at the desk and allocate its code (one transaction).

    The hot path of the desk: Core statements only, configuration from the per-database
    cache (``services.config``)."""
    users.authorize(session, actor, "dossier.receive")
    cfg = config.desk_config(session)
    unit = cfg.unit
    proc = config.procedure(session, cfg, intake.procedure_code)
    received_at = _check_time(intake.received_at or now, now, "received_at")
    applicant = _clean_person(intake.applicant, now.date(), "applicant", id_required=True)
    proxy = _clean_person(intake.proxy, now.date(), "proxy", id_required=True) if intake.proxy else None
    if intake.channel not in CHANNELS:
        raise UserError(f"channel '{intake.channel}' is not one of: {', '.join(CHANNELS)}", field="channel")
    if intake.result_delivery not in DELIVERY:
        raise UserError(f"result delivery '{intake.result_delivery}' is not one of: {', '.join(DELIVERY)}", field="result_delivery")
    if not 1 <= intake.sets_count <= 99:
        raise UserError("number of sets must be between 1 and 99", field="sets_count")
    fee = intake.fee if intake.fee is not None else (proc.fee_amount or 0)
    if fee < 0 or fee > 1_000_000_000:
        raise UserError("fee must be between 0 and 1,000,000,000 đồng", field="fee")
    if intake.documents is None:
        docs = [
            ReceivedDocument(name=d.name, original=d.original, certified=d.certified, copy=d.copy)
            for d in proc.documents
            if not d.present_only
        ]
    else:
        docs = []
        for i, d in enumerate(intake.documents):
            name = nfc(d.name)
            if not name:
                raise UserError(f"document {i + 1} has no name", field="documents")
            if min(d.original, d.certified, d.copy) < 0 or max(d.original, d.certified, d.copy) > 99:
                raise UserError(f"document {i + 1}: counts must be between 0 and 99", field="documents")
            docs.append(ReceivedDocument(name=name, original=d.original, certified=d.certified, copy=d.copy))
    q = _quote(proc, received_at, cfg.calendar, cfg.hours)

    day = received_at.date()
    seq = _next_number(session, DailySequence, {"unit_code": unit.code, "day": day, "station": unit.station})
    code = make_code(unit.code, day, unit.station, seq)
    reg_no = _next_number(
        session, RegisterSequence, {"unit_code": unit.code, "year": day.year, "station": unit.station}
    )
    values = dict(
        uuid=str(uuid.uuid4()),
        code=code,
        procedure_id=proc.id,
        procedure_code=proc.code,
        unit_code=unit.code,
        resolving_unit=nfc(intake.resolving_unit) or unit.name,
        station=unit.station,
        channel=CHANNELS[intake.channel],
        status=2,
        sub_status="",
        received_at=to_db(received_at),
        received_by=actor,
        original_due_at=to_db(q.due_at),
        due_at=to_db(q.due_at),
        calendar_version=q.calendar_version,
        step_due=[iso(s) for s in q.step_due] or None,
        paused_at=None,
        resume_status=None,
        paused_days=0,
        supplement_count=0,
        extension_count=0,
        finished_at=None,
        returned_at=None,
        returned_to="",
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_birth_date=applicant.birth_date,
        applicant_address=applicant.address,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        proxy=proxy.to_dict() if proxy else None,
        sets_count=intake.sets_count,
        fee=fee,
        result_delivery=intake.result_delivery,
        register_book=f"{unit.station:02d}/{day.year}",
        register_no=reg_no,
        note=nfc(intake.note),
        search_text=search_text_for(code, applicant, proxy),
        updated_at=to_db(now),
    )
    dossier_id = _INSERT_DOSSIER.one(session, values)
    _INSERT_DOCUMENTS.many(
        session,
        [
            {"dossier_id": dossier_id, "position": i + 1, "name": d.name, "original": d.original,
             "certified": d.certified, "copy": d.copy}
            for i, d in enumerate(docs)
        ],
    )
    event_values = dict(
        dossier_id=dossier_id,
        action="receive",
        from_status=None,
        to_status=2,
        at=values["received_at"],
        recorded_at=to_db(now),
        actor=actor,
        reason="",
        due_before=None,
        due_after=values["due_at"],
        data={"calendar_version": q.calendar_version, "procedure_version": proc.version},
    )
    event_id = _INSERT_EVENT.one(session, event_values)
    row = SimpleNamespace(id=dossier_id, **values, procedure=_procedure_view(proc), documents=docs)
    event = SimpleNamespace(id=event_id, **event_values)
    _log(session, row, event, now=now, actor=actor)
    return to_record(row, now=now, cal=cfg.calendar, events=[event], warnings=q.warnings)


def _log(session: Session, row, event, *, now: datetime, actor: str, handover: Handover | None = None) -> None:
    """The sync outbox rows and the audit row of one dossier change."""
    items = [
        ("dossier", row.uuid, _after_image(row)),
        ("dossier_event", f"{row.uuid}:{event.id}", {"MaHoSo": row.code, "uuid": row.uuid, **_event_payload(event)}),
    ]
    if handover is not None:
        items.append(
            (
                "handover",
                f"{row.uuid}:{handover.id}",
                {
                    "MaHoSo": row.code,
                    "uuid": row.uuid,
                    "step_no": handover.step_no,
                    "step_name": handover.step_name,
                    "from_unit": handover.from_unit,
                    "from_person": handover.from_person,
                    "to_unit": handover.to_unit,
                    "to_person": handover.to_person,
                    "at": iso(from_db(handover.at)),
                    "step_due_at": iso(from_db(handover.step_due_at)),
                    "result_class": handover.result_class,
                    "note": handover.note,
                },
            )
        )
    changes.record_many(session, items, at=now)
    audit.append(
        session,
        at=now,
        actor=actor,
        action=f"dossier.{event.action}",
        entity="dossier",
        key=row.code,
        detail={"from": event.from_status, "to": event.to_status, "at": iso(from_db(event.at))},
    )


def _event_payload(e: DossierEvent) -> dict:
    return {
        "event_id": e.id,
        "action": e.action,
        "from_status": e.from_status,
        "to_status": e.to_status,
        "at": iso(from_db(e.at)),
        "recorded_at": iso(from_db(e.recorded_at)),
        "actor": e.actor,
        "reason": e.reason,
        "due_before": iso(from_db(e.due_before)),
        "due_after": iso(from_db(e.due_after)),
        "data": e.data or {},
    }


# ----------------------------------------------------------------------------- transitions


@dataclass(frozen=True)
class TransitionRequest:
    action: str
    at: datetime | None = None
    reason: str = ""
    new_due: datetime | None = None
    to_unit: str = ""
    to_person: str = ""
    note: str = ""
    received_by: str = ""  # who took the result (return)
    sub_status: str = ""


def _load(session: Session, code: str, *, for_update: bool = False) -> Dossier:
    code = (code or "").strip()
    stmt = select(Dossier).options(selectinload(Dossier.documents)).where(Dossier.code == code)
    if for_update and session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=Dossier)
    row = session.execute(stmt).scalar_one_or_none()
    if row is None:
        raise NotFound(f"no dossier with code '{code}'", field="code")
    return row


def transition(session: Session, code: str, req: TransitionRequest, *, now: datetime, actor: str) -> DossierRecord:
    users.authorize(session, actor, "dossier.transition")
    row = _load(session, code, for_update=True)
    rule = check_transition(req.action, row.status)
    reason = " ".join(nfc(req.reason).split())
    if rule.needs_reason and not reason:
        raise UserError(f"'{req.action}' needs a reason (--reason)", field="reason")
    if len(reason) > 2000:
        raise UserError("reason is longer than 2000 characters", field="reason")
    at = _check_time(req.at or now, now, "at")
    received = from_db(row.received_at)
    last_at = session.execute(
        select(func.max(DossierEvent.at)).where(DossierEvent.dossier_id == row.id)
    ).scalar()
    if at < received:
        raise UserError(f"{iso(at)} is before the dossier was received ({iso(received)})", field="at")
    if last_at is not None and at < from_db(last_at):
        raise UserError(f"{iso(at)} is before the dossier's last event ({iso(from_db(last_at))})", field="at")

    cfg = config.desk_config(session)
    cal, hours = cfg.calendar, cfg.hours
    from_status = row.status
    due_before = from_db(row.due_at)
    data: dict = {}
    handover: Handover | None = None
    warnings: list[str] = []

    if rule.pauses:
        row.paused_at = to_db(at)
        row.resume_status = from_status
        if req.action == "request-supplement":
            row.supplement_count += 1
            data["supplement_no"] = row.supplement_count
    elif rule.resumes:
        paused_at = from_db(row.paused_at)
        unit = row.procedure.duration_unit
        new_due = deadlines.resume_after_pause(due_before, paused_at, at, unit, cal, hours)
        row.paused_days += cal.working_days_between(paused_at.date(), at.date())
        if row.step_due:
            row.step_due = [
                iso(deadlines.resume_after_pause(s, paused_at, at, unit, cal, hours)) if s >= paused_at else iso(s)
                for s in (datetime.fromisoformat(x) for x in row.step_due)
            ]
        row.due_at = to_db(new_due)
        data.update({"paused_at": iso(paused_at), "resumed_at": iso(at)})
        row.paused_at = None
    elif req.action == "extend":
        if req.new_due is None:
            raise UserError("'extend' needs the new appointment (--new-due)", field="new_due")
        new_due = to_local(req.new_due).replace(microsecond=0)
        if new_due.hour == 0 and new_due.minute == 0:
            new_due = new_due.replace(hour=hours.end_of_day.hour, minute=hours.end_of_day.minute)
        if due_before is not None and new_due <= due_before:
            raise UserError(
                f"the new appointment {iso(new_due)} must be later than the current one {iso(due_before)}",
                field="new_due",
            )
        if new_due <= at:
            raise UserError("the new appointment must be in the future", field="new_due")
        if not cal.is_working_day(new_due.date()):
            raise UserError(f"{new_due.date().isoformat()} is not a working day; choose a working day", field="new_due")
        row.due_at = to_db(new_due)
        row.extension_count += 1
        data["extension_no"] = row.extension_count
        warnings.extend(_unconfirmed_warnings(cal, new_due))
    elif req.action == "handover":
        step_no = session.execute(
            select(func.count(Handover.id)).where(Handover.dossier_id == row.id)
        ).scalar() + 1
        steps = row.procedure.steps or []
        step_due = [datetime.fromisoformat(s) for s in (row.step_due or [])]
        idx = min(step_no, len(steps)) - 1 if steps else -1
        due_for_step = step_due[idx] if idx >= 0 and idx < len(step_due) else from_db(row.due_at)
        unit = cfg.unit
        last = session.execute(
            select(Handover).where(Handover.dossier_id == row.id).order_by(Handover.id.desc()).limit(1)
        ).scalar_one_or_none()
        to_unit = nfc(req.to_unit)
        if not to_unit:
            raise UserError("'handover' needs the receiving unit (--to-unit)", field="to_unit")
        handover = Handover(
            dossier_id=row.id,
            step_no=step_no,
            step_name=steps[idx]["name"] if idx >= 0 else "",
            from_unit=last.to_unit if last else unit.name,
            from_person=last.to_person if last else actor,
            to_unit=to_unit,
            to_person=nfc(req.to_person),
            at=to_db(at),
            step_due_at=to_db(due_for_step),
            result_class=deadlines.rate(at, due_for_step) if due_for_step else "",
            note=nfc(req.note),
        )
        session.add(handover)
        data.update({"step_no": step_no, "to_unit": to_unit, "result_class": handover.result_class})
    elif req.action == "return":
        row.returned_at = to_db(at)
        row.returned_to = nfc(req.received_by) or row.applicant_name
        data["received_by"] = "proxy" if row.proxy and row.returned_to == row.proxy.get("name") else (
            "applicant" if row.returned_to == row.applicant_name else "other"
        )

    if rule.finishes:
        row.finished_at = to_db(at)
        if row.paused_at is not None:
            row.paused_at = None
    if rule.to == "same":
        to_status = from_status
    elif rule.to is None:
        to_status = row.resume_status or 4
        row.resume_status = None
    else:
        to_status = rule.to
    row.status = to_status
    row.sub_status = nfc(req.sub_status)[:40]
    row.updated_at = to_db(now)
    session.flush()
    event = DossierEvent(
        dossier_id=row.id,
        action=req.action,
        from_status=from_status,
        to_status=to_status,
        at=to_db(at),
        recorded_at=to_db(now),
        actor=actor,
        reason=reason,
        due_before=to_db(due_before),
        due_after=row.due_at,
        data=data,
    )
    session.add(event)
    session.flush()
    _log(session, row, event, now=now, actor=actor, handover=handover)
    return show(session, row.code, now=now, warnings=warnings)


# ----------------------------------------------------------------------------- queries


def show(session: Session, code: str, *, now: datetime | None = None, warnings: Sequence[str] = ()) -> DossierRecord:
    row = _load(session, code)
    events = session.execute(
        select(DossierEvent).where(DossierEvent.dossier_id == row.id).order_by(DossierEvent.id)
    ).scalars().all()
    handovers = session.execute(
        select(Handover).where(Handover.dossier_id == row.id).order_by(Handover.id)
    ).scalars().all()
    cal = calendar_service.load_calendar(session) if now is not None else None
    return to_record(row, now=now, cal=cal, events=events, handovers=handovers, warnings=warnings)


# The lists below are the hot paths (the scanner, the search box, the overdue board over
# 300,000 dossiers): they run one indexed SQL statement on the session's own DBAPI
# connection and build light summaries; the deadline state is a CASE over bounds computed
# once per call, never per-row Python date arithmetic inside SQL.


@dataclass(frozen=True)
class DossierSummary:
    """A dossier as a list, the scanner or the search box shows it."""

    code: str
    procedure_code: str
    procedure_name: str
    status: int
    channel: int
    received_at: datetime
    due_at: datetime | None
    original_due_at: datetime | None
    applicant_name: str
    applicant_phone: str
    extension_count: int
    state: str = ""
    days_late: int = 0
    resolving_unit: str = ""
    unit_code: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def applicant(self) -> Person:
        return Person(name=self.applicant_name, phone=self.applicant_phone)

    def to_dict(self, *, with_events: bool = False) -> dict:
        return {
            "code": self.code,
            "procedure_code": self.procedure_code,
            "procedure_name": self.procedure_name,
            "status": self.status,
            "status_label": self.status_label,
            "channel": CHANNEL_NAMES[self.channel],
            "received_at": iso(self.received_at),
            "due_at": iso(self.due_at),
            "original_due_at": iso(self.original_due_at),
            "applicant": {"name": self.applicant_name, "phone": self.applicant_phone},
            "extension_count": self.extension_count,
            "state": self.state,
            "days_late": self.days_late,
            "resolving_unit": self.resolving_unit,
            "unit_code": self.unit_code,
        }


_SUMMARY_COLUMNS = (
    "SELECT d.code, d.procedure_code, p.name, d.status, d.channel, d.received_at, d.due_at, "
    "d.original_due_at, d.applicant_name, d.applicant_phone, d.extension_count, d.resolving_unit, d.unit_code, "
    "CASE WHEN d.status IN (3, 7, 8, 9, 10) THEN 'done' WHEN d.status IN (5, 6) THEN 'paused' "
)
_STATE_BY_DEADLINE = (
    "WHEN d.due_at IS NULL THEN '' WHEN d.due_at < :now THEN 'overdue' "
    "WHEN d.due_at < :tomorrow THEN 'due_today' WHEN d.due_at < :after_next THEN 'due_tomorrow' "
    "ELSE 'ok' END "
)
_FROM = "FROM dossiers d JOIN procedures p ON p.id = d.procedure_id "


class _Raw:
    """One call's access to the session's DBAPI connection (sqlite3 or psycopg)."""

    def __init__(self, session: Session, now: datetime | None) -> None:
        self.conn = session.connection().connection.driver_connection
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.now = now
        self.cal = calendar_service.load_calendar(session) if now is not None else None
        self._late: dict = {}
        if now is not None:
            today0 = datetime.combine(now.date(), datetime.min.time())
            nxt = self.cal.next_working_day(now.date())
            self.bounds = {
                "now": self.dt(now),
                "tomorrow": self.dt(today0 + timedelta(days=1)),
                "after_next": self.dt(datetime.combine(nxt + timedelta(days=1), datetime.min.time())),
            }
        else:
            self.bounds = {}
        self.select = _SUMMARY_COLUMNS + (_STATE_BY_DEADLINE if now is not None else "ELSE '' END ") + _FROM

    def dt(self, value: datetime):
        v = to_db(value)
        return v.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else v

    def rows(self, sql: str, params: dict) -> list[tuple]:
        if not self.sqlite:  # psycopg: %(name)s placeholders
            import re

            sql = re.sub(r":(\w+)", r"%(\1)s", sql.replace("%", "%%"))
        cur = self.conn.cursor()
        try:
            cur.execute(sql, {**self.bounds, **params})
            return cur.fetchall()
        finally:
            cur.close()

    def _parse(self, v):
        if v is None:
            return None
        if isinstance(v, str):
            v = datetime.fromisoformat(v)
        return v.replace(tzinfo=VN_TZ)

    def summaries(self, rows: list[tuple]) -> list[DossierSummary]:
        out = []
        parse = self._parse
        for r in rows:
            due = parse(r[6])
            state = r[13]
            late = 0
            if state == "overdue":
                key = due.date()
                late = self._late.get(key)
                if late is None:
                    late = self._late[key] = deadlines.working_days_late(due, self.now, self.cal)
            out.append(
                DossierSummary(
                    r[0], r[1], r[2], r[3], r[4], parse(r[5]), due, parse(r[7]), r[8], r[9], r[10], state, late, r[11], r[12]
                )
            )
        return out


def lookup(session: Session, code: str, *, now: datetime | None = None) -> DossierSummary | None:
    """What the barcode scanner wants: one dossier by its exact code, or None."""
    code = (code or "").strip()
    if not code:
        return None
    return _lookup(_Raw(session, now), code)


def _lookup(raw: _Raw, code: str) -> DossierSummary | None:
    rows = raw.rows(raw.select + "WHERE d.code = :code", {"code": code})
    if not rows and code.upper() != code:
        rows = raw.rows(raw.select + "WHERE d.code = :code", {"code": code.upper()})
    return raw.summaries(rows)[0] if rows else None


def fts_query(text_in: str) -> str:
    """An FTS5 MATCH expression of quoted prefix tokens: raw input (a code, a stray quote)
    can never be a syntax error."""
    tokens = fold(text_in).replace('"', " ").split()
    return " ".join(f'"{t}"*' for t in tokens)


_ORDER_RECENT = " ORDER BY d.received_at DESC, d.id DESC LIMIT :limit"


def search(session: Session, query: str, *, now: datetime | None = None, limit: int = 50) -> list[DossierSummary]:
    """Find dossiers by code, ID number, phone or name (diacritics optional)."""
    query = (query or "").strip()
    if not query:
        return []
    limit = max(1, min(int(limit), 1000))
    raw = _Raw(session, now)
    exact = _lookup(raw, query)
    if exact is not None:
        return [exact]
    compact = query.replace(" ", "").replace(".", "").replace("+", "")
    if compact.isdigit():
        conds, params = [], {"limit": limit}
        if len(compact) == 12:
            conds.append("d.applicant_id_number = :idn")
            params["idn"] = compact
        try:
            phone = check_phone(query)
        except UserError:
            phone = ""
        if phone:
            conds.append("d.applicant_phone = :phone")
            params["phone"] = phone
        if conds:
            rows = raw.rows(raw.select + "WHERE " + " OR ".join(conds) + _ORDER_RECENT, params)
            if rows:
                return raw.summaries(rows)
    match = fts_query(query)
    if not match:
        return []
    if raw.sqlite:
        sql = raw.select + (
            "WHERE d.id IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH :q)" + _ORDER_RECENT
        )
        return raw.summaries(raw.rows(sql, {"q": match, "limit": limit}))
    tokens = fold(query).replace('"', " ").split()
    conds = " AND ".join(f"d.search_text LIKE :t{i}" for i in range(len(tokens)))
    params = {f"t{i}": f"%{tok}%" for i, tok in enumerate(tokens)}
    return raw.summaries(raw.rows(raw.select + "WHERE " + conds + _ORDER_RECENT, {**params, "limit": limit}))


@dataclass(frozen=True)
class ListFilter:
    status: tuple[int, ...] = ()
    overdue: bool = False
    due_within: int | None = None  # working days from today
    procedure_code: str = ""
    received_from: date | None = None
    received_to: date | None = None
    limit: int = 200
    offset: int = 0


def list_dossiers(session: Session, flt: ListFilter, *, now: datetime) -> list[DossierSummary]:
    """Indexed queries only: deadline states are compared in SQL against bounds computed once."""
    raw = _Raw(session, now)
    conds: list[str] = []
    params: dict = {
        "limit": max(1, min(int(flt.limit), 5000)),
        "offset": max(0, int(flt.offset)),
    }
    bad = [s for s in flt.status if s not in STATUS_LABELS]
    if bad:
        raise UserError(f"status {bad[0]} is not a national status code 1–10", field="status")
    statuses = list(flt.status)
    deadline_view = flt.overdue or flt.due_within is not None
    if deadline_view:
        statuses = [s for s in OPEN_STATUSES if not flt.status or s in flt.status] or [0]
    if statuses:
        conds.append(f"d.status IN ({', '.join(str(int(s)) for s in statuses)})")
    if flt.overdue:
        conds.append("d.due_at < :now")
    if flt.due_within is not None:
        if flt.due_within < 0:
            raise UserError("--due-within must be 0 or more working days", field="due_within")
        last_day = raw.cal.add_working_days(now.date(), flt.due_within)
        params["bound"] = raw.dt(datetime.combine(last_day + timedelta(days=1), datetime.min.time()))
        conds.append("d.due_at < :bound")
        if not flt.overdue:
            conds.append("d.due_at >= :now")
    if flt.procedure_code:
        conds.append("d.procedure_code = :proc")
        params["proc"] = flt.procedure_code.strip()
    if flt.received_from:
        conds.append("d.received_at >= :rfrom")
        params["rfrom"] = raw.dt(datetime.combine(flt.received_from, datetime.min.time()))
    if flt.received_to:
        conds.append("d.received_at < :rto")
        params["rto"] = raw.dt(datetime.combine(flt.received_to + timedelta(days=1), datetime.min.time()))
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    order = " ORDER BY d.due_at, d.id" if deadline_view else " ORDER BY d.received_at DESC, d.id DESC"
    return raw.summaries(raw.rows(raw.select + where + order + " LIMIT :limit OFFSET :offset", params))


def counts(session: Session, *, now: datetime) -> dict:
    """The supervisor's headline numbers, each one indexed query."""
    cal = calendar_service.load_calendar(session)
    today0 = datetime.combine(now.date(), datetime.min.time())
    tomorrow0 = today0 + timedelta(days=1)
    next_wd = cal.next_working_day(now.date())
    next0 = datetime.combine(next_wd, datetime.min.time())
    week0 = today0 - timedelta(days=now.weekday())
    open_st = list(OPEN_STATUSES)

    def n(*conds) -> int:
        return session.execute(select(func.count(Dossier.id)).where(and_(*conds))).scalar() or 0

    return {
        "received_today": n(Dossier.received_at >= today0, Dossier.received_at < tomorrow0),
        "received_this_week": n(Dossier.received_at >= week0, Dossier.received_at < tomorrow0),
        "due_today": n(Dossier.status.in_(open_st), Dossier.due_at >= to_db(now), Dossier.due_at < tomorrow0),
        "due_tomorrow": n(Dossier.status.in_(open_st), Dossier.due_at >= next0, Dossier.due_at < next0 + timedelta(days=1)),
        "overdue": n(Dossier.status.in_(open_st), Dossier.due_at < to_db(now)),
        "paused": n(Dossier.status.in_(list(PAUSED_STATUSES))),
        "result_ready": n(Dossier.status == 9),
    }


@dataclass(frozen=True)
class BreakdownRow:
    """One procedure's or one clerk's share of the desk's work, as of ``now``."""

    key: str
    label: str
    received_today: int
    open: int
    due_today: int
    overdue: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Breakdown:
    by_procedure: tuple[BreakdownRow, ...]
    by_clerk: tuple[BreakdownRow, ...]

    def to_dict(self) -> dict:
        return {"by_procedure": [r.to_dict() for r in self.by_procedure],
                "by_clerk": [r.to_dict() for r in self.by_clerk]}


def breakdown(session: Session, *, now: datetime) -> Breakdown:
    """The supervisor's board by procedure and by clerk: received today, open (running or
    paused), due today, overdue. One GROUP BY each over open dossiers and today's receipts."""
    raw = _Raw(session, now)
    today0 = datetime.combine(now.date(), datetime.min.time())
    params = {"today0": raw.dt(today0), "tomorrow0": raw.dt(today0 + timedelta(days=1))}
    sums = (
        "SUM(CASE WHEN d.received_at >= :today0 AND d.received_at < :tomorrow0 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN d.status IN (1, 2, 4, 5, 6) THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN d.status IN (1, 2, 4) AND d.due_at >= :now AND d.due_at < :tomorrow0 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN d.status IN (1, 2, 4) AND d.due_at < :now THEN 1 ELSE 0 END) "
    )
    where = "WHERE d.status IN (1, 2, 4, 5, 6) OR d.received_at >= :today0 "

    def rows(select_keys: str, group: str) -> tuple[BreakdownRow, ...]:
        found = raw.rows(f"SELECT {select_keys}, {sums}{_FROM}{where}GROUP BY {group}", params)
        out = [BreakdownRow(str(k), str(label), int(a or 0), int(b or 0), int(c or 0), int(e or 0))
               for k, label, a, b, c, e in found]
        return tuple(sorted(out, key=lambda r: (-r.overdue, -r.due_today, -r.open, r.key)))

    return Breakdown(
        by_procedure=rows("d.procedure_code, MAX(p.name)", "d.procedure_code"),
        by_clerk=rows("d.received_by, d.received_by", "d.received_by"),
    )
