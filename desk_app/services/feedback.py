"""Citizen feedback (DOMAIN.md §8): a rating per dossier, and complaints and suggestions
(phản ánh, kiến nghị; Decree 20/2008) about a dossier or a procedure, with their handling.

Every change is one transaction in the caller's session: the row, its after-image in the
sync outbox (``change_log``, entity ``rating`` keyed by the dossier code, entity
``complaint`` keyed by its uuid) and an audit row (no citizen's name, phone or words in it).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import Dossier, Procedure
from db.models_feedback import Complaint, Rating
from desk_app.clock import from_db, iso, to_db, to_local
from desk_app.domain.dossier_rules import check_name, check_phone
from desk_app.domain.vntext import fold, nfc
from desk_app.errors import NotFound, UserError
from desk_app.services import audit, changes, users

FUTURE_TOLERANCE = timedelta(minutes=5)

from desk_app.domain.feedback_choices import CHANNELS, CRITERIA, KINDS, LEVELS, SOURCES, STATUSES  # noqa: E402

LEVEL_NAMES = {v: k for k, v in LEVELS.items()}
LEVEL_LABELS = {1: "Không hài lòng", 2: "Hài lòng", 3: "Rất hài lòng"}

MAX_CONTENT = 4000


def parse_level(value, what: str = "level") -> int:
    """``very-satisfied`` | ``satisfied`` | ``dissatisfied``, or 3 | 2 | 1, or the
    Vietnamese words (diacritics optional)."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int) and value in LEVEL_NAMES:
        return value
    raw = str(value if value is not None else "").strip()
    if raw.isdigit() and int(raw) in LEVEL_NAMES:
        return int(raw)
    key = raw.lower().replace("_", "-").replace(" ", "-")
    if key in LEVELS:
        return LEVELS[key]
    folded = fold(raw)
    for level, label in LEVEL_LABELS.items():
        if folded == fold(label):
            return level
    raise UserError(
        f"{what} '{raw}' is not a level: use very-satisfied (3), satisfied (2) or dissatisfied (1)",
        field=what,
    )


def parse_criteria(raw: str | dict | None) -> dict[str, int]:
    """``{"time": "satisfied", "attitude": 3}`` (JSON text or a dict) -> ``{"attitude": 3, "time": 2}``."""
    if raw is None or raw == "":
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise UserError(
                '--criteria must be a JSON object such as {"time": "satisfied", "attitude": 3}', field="criteria"
            ) from None
    if not isinstance(raw, dict):
        raise UserError('--criteria must be a JSON object such as {"time": "satisfied"}', field="criteria")
    out = {}
    for name, level in raw.items():
        key = str(name).strip().lower()
        if key not in CRITERIA:
            raise UserError(f"unknown criterion '{name}'; use: {', '.join(CRITERIA)}", field="criteria")
        out[key] = parse_level(level, f"criterion {key}")
    return dict(sorted(out.items()))


def _when(at: datetime | None, now: datetime, what: str) -> datetime:
    at = to_local(at or now).replace(microsecond=0)
    if at > now + FUTURE_TOLERANCE:
        raise UserError(f"{what} {iso(at)} is in the future (now is {iso(now)})", field=what)
    return at


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class RatingRecord:
    uuid: str
    dossier_code: str
    unit_code: str
    procedure_code: str
    level: int
    criteria: dict
    comment: str
    source: str
    rated_at: datetime
    recorded_by: str
    replaced: bool = False  # this rating replaced an earlier one of the same dossier

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]

    def to_dict(self) -> dict:
        return {
            "uuid": self.uuid,
            "dossier_code": self.dossier_code,
            "unit_code": self.unit_code,
            "procedure_code": self.procedure_code,
            "level": self.level,
            "level_name": LEVEL_NAMES[self.level],
            "level_label": self.level_label,
            "criteria": dict(self.criteria),
            "comment": self.comment,
            "source": self.source,
            "rated_at": iso(self.rated_at),
            "recorded_by": self.recorded_by,
            "replaced": self.replaced,
        }


@dataclass(frozen=True)
class ComplaintRecord:
    id: int
    uuid: str
    kind: str
    unit_code: str
    dossier_code: str | None
    procedure_code: str
    content: str
    submitter_name: str
    submitter_phone: str
    channel: str
    status: str
    received_at: datetime
    processing_at: datetime | None
    resolved_at: datetime | None
    note: str
    result: str
    recorded_by: str
    handled_by: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "unit_code": self.unit_code,
            "dossier_code": self.dossier_code,
            "procedure_code": self.procedure_code,
            "content": self.content,
            "submitter": {"name": self.submitter_name, "phone": self.submitter_phone},
            "channel": self.channel,
            "status": self.status,
            "status_label": self.status_label,
            "received_at": iso(self.received_at),
            "processing_at": iso(self.processing_at),
            "resolved_at": iso(self.resolved_at),
            "note": self.note,
            "result": self.result,
            "recorded_by": self.recorded_by,
            "handled_by": self.handled_by,
        }


def _rating_record(r: Rating, replaced: bool = False) -> RatingRecord:
    return RatingRecord(
        uuid=r.uuid, dossier_code=r.dossier_code, unit_code=r.unit_code, procedure_code=r.procedure_code,
        level=r.level, criteria=dict(r.criteria or {}), comment=r.comment, source=r.source,
        rated_at=from_db(r.rated_at), recorded_by=r.recorded_by, replaced=replaced,
    )


def _complaint_record(c: Complaint) -> ComplaintRecord:
    return ComplaintRecord(
        id=c.id, uuid=c.uuid, kind=c.kind, unit_code=c.unit_code, dossier_code=c.dossier_code,
        procedure_code=c.procedure_code, content=c.content, submitter_name=c.submitter_name,
        submitter_phone=c.submitter_phone, channel=c.channel, status=c.status,
        received_at=from_db(c.received_at), processing_at=from_db(c.processing_at),
        resolved_at=from_db(c.resolved_at), note=c.note, result=c.result,
        recorded_by=c.recorded_by, handled_by=c.handled_by,
    )


def _rating_payload(r: Rating) -> dict:
    """The sync after-image of a rating (MaHoSo/MaTTHC as in the portal's dossier payload)."""
    return {
        "uuid": r.uuid,
        "MaHoSo": r.dossier_code,
        "MaTTHC": r.procedure_code,
        "unit_code": r.unit_code,
        "level": r.level,
        "criteria": dict(r.criteria or {}),
        "comment": r.comment,
        "source": r.source,
        "rated_at": iso(from_db(r.rated_at)),
        "recorded_by": r.recorded_by,
        "updated_at": iso(from_db(r.updated_at)),
    }


def _complaint_payload(c: Complaint) -> dict:
    return {
        "uuid": c.uuid,
        "kind": c.kind,
        "unit_code": c.unit_code,
        "MaHoSo": c.dossier_code,
        "MaTTHC": c.procedure_code,
        "content": c.content,
        "submitter_name": c.submitter_name,
        "submitter_phone": c.submitter_phone,
        "channel": c.channel,
        "status": c.status,
        "received_at": iso(from_db(c.received_at)),
        "processing_at": iso(from_db(c.processing_at)),
        "resolved_at": iso(from_db(c.resolved_at)),
        "note": c.note,
        "result": c.result,
        "recorded_by": c.recorded_by,
        "handled_by": c.handled_by,
        "updated_at": iso(from_db(c.updated_at)),
    }


def _dossier(session: Session, code: str) -> tuple[str, str, str, datetime]:
    code = (code or "").strip()
    row = session.execute(
        select(Dossier.code, Dossier.procedure_code, Dossier.unit_code, Dossier.received_at).where(Dossier.code == code)
    ).first()
    if row is None and code and code.upper() != code:
        row = session.execute(
            select(Dossier.code, Dossier.procedure_code, Dossier.unit_code, Dossier.received_at)
            .where(Dossier.code == code.upper())
        ).first()
    if row is None:
        raise NotFound(f"no dossier with code '{code}'", field="dossier")
    return row[0], row[1], row[2], from_db(row[3])


def _text(value: str | None, what: str, *, required: bool, limit: int = MAX_CONTENT) -> str:
    t = " ".join(nfc(value or "").split()) if "\n" not in (value or "") else nfc(value or "").strip()
    if required and not t:
        raise UserError(f"{what} is required", field=what)
    if len(t) > limit:
        raise UserError(f"{what} is longer than {limit} characters", field=what)
    return t


# ----------------------------------------------------------------------------- ratings


def rate(
    session: Session,
    dossier_code: str,
    level,
    *,
    criteria: dict | str | None = None,
    comment: str = "",
    source: str = "desk",
    at: datetime | None = None,
    now: datetime,
    actor: str,
) -> RatingRecord:
    """Record the citizen's rating of a dossier (a later rating of the same dossier replaces it)."""
    users.authorize(session, actor, "feedback.record")
    code, procedure_code, unit_code, received_at = _dossier(session, dossier_code)
    lvl = parse_level(level)
    crit = parse_criteria(criteria)
    if source not in SOURCES:
        raise UserError(f"source '{source}' is not one of: {', '.join(SOURCES)}", field="source")
    when = _when(at, now, "rated_at")
    if when < received_at:
        raise UserError(f"{iso(when)} is before the dossier was received ({iso(received_at)})", field="rated_at")
    note = _text(comment, "comment", required=False, limit=2000)
    row = session.execute(select(Rating).where(Rating.dossier_code == code)).scalar_one_or_none()
    replaced = row is not None
    if row is None:
        row = Rating(uuid=str(uuid.uuid4()), dossier_code=code)
        session.add(row)
    row.unit_code = unit_code
    row.procedure_code = procedure_code
    row.level = lvl
    row.criteria = crit
    row.comment = note
    row.source = source
    row.rated_at = to_db(when)
    row.recorded_by = actor
    row.updated_at = to_db(now)
    session.flush()
    changes.record(session, entity="rating", key=code, payload=_rating_payload(row), at=now)
    audit.append(
        session, at=now, actor=actor, action="feedback.rate", entity="rating", key=code,
        detail={"level": lvl, "criteria": crit, "replaced": replaced},
    )
    return _rating_record(row, replaced)


def get_rating(session: Session, dossier_code: str) -> RatingRecord | None:
    row = session.execute(select(Rating).where(Rating.dossier_code == (dossier_code or "").strip())).scalar_one_or_none()
    return _rating_record(row) if row else None


# ----------------------------------------------------------------------------- complaints


def add_complaint(
    session: Session,
    *,
    content: str,
    kind: str = "complaint",
    dossier_code: str | None = None,
    procedure_code: str | None = None,
    submitter_name: str = "",
    submitter_phone: str = "",
    channel: str = "direct",
    at: datetime | None = None,
    now: datetime,
    actor: str,
) -> ComplaintRecord:
    """Record a complaint or suggestion about one dossier or one procedure (status received)."""
    from desk_app.services.setup import get_unit

    users.authorize(session, actor, "feedback.record")

    if kind not in KINDS:
        raise UserError(f"kind '{kind}' is not one of: {', '.join(KINDS)}", field="kind")
    if channel not in CHANNELS:
        raise UserError(f"channel '{channel}' is not one of: {', '.join(CHANNELS)}", field="channel")
    dossier_code = (dossier_code or "").strip() or None
    procedure_code = (procedure_code or "").strip() or None
    if (dossier_code is None) == (procedure_code is None):
        raise UserError("link the feedback to one dossier (--dossier CODE) or one procedure (--procedure CODE)",
                        field="dossier")
    body = _text(content, "content", required=True)
    when = _when(at, now, "received_at")
    if dossier_code is not None:
        dossier_code, procedure_code, unit_code, received_at = _dossier(session, dossier_code)
        if when < received_at:
            raise UserError(f"{iso(when)} is before the dossier was received ({iso(received_at)})", field="received_at")
    else:
        known = session.execute(select(func.count(Procedure.id)).where(Procedure.code == procedure_code)).scalar()
        if not known:
            raise NotFound(f"unknown procedure '{procedure_code}'", field="procedure")
        unit_code = get_unit(session).code
    name = check_name(submitter_name, "submitter_name") if (submitter_name or "").strip() else ""
    phone = check_phone(submitter_phone, "submitter_phone")
    row = Complaint(
        uuid=str(uuid.uuid4()), kind=kind, unit_code=unit_code, dossier_code=dossier_code,
        procedure_code=procedure_code, content=body, submitter_name=name, submitter_phone=phone,
        channel=channel, status="received", received_at=to_db(when), processing_at=None,
        resolved_at=None, note="", result="", recorded_by=actor, handled_by="", updated_at=to_db(now),
    )
    session.add(row)
    session.flush()
    _log_complaint(session, row, "feedback.complaint", now=now, actor=actor)
    return _complaint_record(row)


def _log_complaint(session: Session, row: Complaint, action: str, *, now: datetime, actor: str) -> None:
    changes.record(session, entity="complaint", key=row.uuid, payload=_complaint_payload(row), at=now)
    audit.append(
        session, at=now, actor=actor, action=action, entity="complaint", key=row.uuid,
        detail={"id": row.id, "kind": row.kind, "status": row.status, "dossier": row.dossier_code,
                "procedure": row.procedure_code},
    )


def _load_complaint(session: Session, ref) -> Complaint:
    raw = str(ref or "").strip()
    stmt = select(Complaint)
    if raw.isdigit():
        stmt = stmt.where(Complaint.id == int(raw))
    else:
        stmt = stmt.where(Complaint.uuid == raw)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = session.execute(stmt).scalar_one_or_none()
    if row is None:
        raise NotFound(f"no complaint or suggestion with id '{raw}'", field="id")
    return row


def start_processing(
    session: Session, ref, *, note: str = "", at: datetime | None = None, now: datetime, actor: str
) -> ComplaintRecord:
    """received -> processing (handed to whoever answers it)."""
    users.authorize(session, actor, "feedback.resolve")
    row = _load_complaint(session, ref)
    if row.status != "received":
        raise UserError(f"feedback {row.id} is already {row.status}; only a received one can start processing",
                        field="status")
    when = _when(at, now, "at")
    if when < from_db(row.received_at):
        raise UserError(f"{iso(when)} is before the feedback was received ({iso(from_db(row.received_at))})", field="at")
    row.status = "processing"
    row.processing_at = to_db(when)
    row.note = _text(note, "note", required=False)
    row.handled_by = actor
    row.updated_at = to_db(now)
    session.flush()
    _log_complaint(session, row, "feedback.process", now=now, actor=actor)
    return _complaint_record(row)


def resolve(
    session: Session, ref, *, result: str, at: datetime | None = None, now: datetime, actor: str
) -> ComplaintRecord:
    """received/processing -> resolved, with the answer given to the citizen."""
    users.authorize(session, actor, "feedback.resolve")
    row = _load_complaint(session, ref)
    if row.status == "resolved":
        raise UserError(f"feedback {row.id} was already resolved on {iso(from_db(row.resolved_at))}", field="status")
    answer = _text(result, "result", required=True)
    when = _when(at, now, "at")
    since = from_db(row.processing_at or row.received_at)
    if when < since:
        raise UserError(f"{iso(when)} is before the feedback's last step ({iso(since)})", field="at")
    row.status = "resolved"
    row.resolved_at = to_db(when)
    row.result = answer
    row.handled_by = actor
    row.updated_at = to_db(now)
    session.flush()
    _log_complaint(session, row, "feedback.resolve", now=now, actor=actor)
    return _complaint_record(row)


def get_complaint(session: Session, ref) -> ComplaintRecord:
    return _complaint_record(_load_complaint(session, ref))


@dataclass(frozen=True)
class FeedbackList:
    complaints: tuple[ComplaintRecord, ...]
    ratings: tuple[RatingRecord, ...]

    def to_dict(self) -> dict:
        return {"complaints": [c.to_dict() for c in self.complaints], "ratings": [r.to_dict() for r in self.ratings]}


def list_feedback(
    session: Session,
    *,
    kind: str | None = None,
    status: str | None = None,
    dossier_code: str | None = None,
    procedure_code: str | None = None,
    received_from: datetime | None = None,
    received_to: datetime | None = None,
    ratings: bool = True,
    limit: int = 200,
) -> FeedbackList:
    """Newest first. ``kind``/``status`` filter complaints; dates and dossier/procedure filter both."""
    if kind and kind not in KINDS:
        raise UserError(f"kind '{kind}' is not one of: {', '.join(KINDS)}", field="kind")
    if status and status not in STATUSES:
        raise UserError(f"status '{status}' is not one of: {', '.join(STATUSES)}", field="status")
    limit = max(1, min(int(limit), 5000))
    cq = select(Complaint)
    rq = select(Rating)
    if kind:
        cq = cq.where(Complaint.kind == kind)
    if status:
        cq = cq.where(Complaint.status == status)
    if dossier_code:
        cq = cq.where(Complaint.dossier_code == dossier_code.strip())
        rq = rq.where(Rating.dossier_code == dossier_code.strip())
    if procedure_code:
        cq = cq.where(Complaint.procedure_code == procedure_code.strip())
        rq = rq.where(Rating.procedure_code == procedure_code.strip())
    if received_from:
        cq = cq.where(Complaint.received_at >= to_db(received_from))
        rq = rq.where(Rating.rated_at >= to_db(received_from))
    if received_to:
        cq = cq.where(Complaint.received_at < to_db(received_to))
        rq = rq.where(Rating.rated_at < to_db(received_to))
    complaints = session.execute(cq.order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(limit)).scalars()
    out_c = tuple(_complaint_record(c) for c in complaints)
    out_r: tuple[RatingRecord, ...] = ()
    if ratings and not (kind or status):
        rows = session.execute(rq.order_by(Rating.rated_at.desc(), Rating.id.desc()).limit(limit)).scalars()
        out_r = tuple(_rating_record(r) for r in rows)
    return FeedbackList(out_c, out_r)


def open_count(session: Session) -> int:
    """Complaints and suggestions not yet resolved (for a supervisor's headline)."""
    return session.execute(
        select(func.count(Complaint.id)).where(or_(Complaint.status == "received", Complaint.status == "processing"))
    ).scalar() or 0
