"""SQLAlchemy 2 models: one schema for the commune's SQLite file and the upstream PostgreSQL.

Times are naive Vietnam local time (see ``desk_app.clock``). Tables are created by the Alembic
migrations in ``db/migrations``, never by ``create_all()`` outside tests.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """Key/value settings a supervisor may change without a release (office hours, cut-off…)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Unit(Base):
    """This commune (kind 'self'), its upstream office, and agencies that resolve dossiers."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="self")  # self | upstream | agency
    parent_name: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    is_upstream_office: Mapped[bool] = mapped_column(Boolean, default=False)


class Station(Base):
    """One installation (PC). Its number gives it its own block of daily sequence numbers."""

    __tablename__ = "stations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instance_id: Mapped[str] = mapped_column(String(36), unique=True)
    unit_code: Mapped[str] = mapped_column(String(40))
    number: Mapped[int] = mapped_column(Integer)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    public_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("unit_code", "number", name="uq_stations_unit_number"),)


class ProcedureSet(Base):
    __tablename__ = "procedure_sets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(300), default="")
    issued_by: Mapped[str] = mapped_column(String(300), default="")
    decision: Mapped[str] = mapped_column(String(300), default="")
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(100), default="")


class Procedure(Base):
    """One version of a procedure. Never edited in place: a changed import adds a version."""

    __tablename__ = "procedures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("procedure_sets.id"))
    code: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    local_code: Mapped[str] = mapped_column(String(80), default="")
    name: Mapped[str] = mapped_column(String(500))
    field_code: Mapped[str] = mapped_column(String(40), default="")
    field_name: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str] = mapped_column(String(40), default="")
    duration_value: Mapped[int] = mapped_column(Integer)
    duration_unit: Mapped[str] = mapped_column(String(20))
    cutoff: Mapped[str] = mapped_column(String(5), default="")
    fee_amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fee_note: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[list] = mapped_column(JSON, default=list)
    data: Mapped[dict] = mapped_column(JSON, default=dict)  # the full imported record
    content_hash: Mapped[str] = mapped_column(String(64))
    search_text: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[list[ProcedureDocument]] = relationship(
        order_by="ProcedureDocument.position", cascade="all, delete-orphan"
    )
    __table_args__ = (
        UniqueConstraint("code", "version", name="uq_procedures_code_version"),
        Index("ix_procedures_current_code", "is_current", "code"),
    )


class ProcedureDocument(Base):
    __tablename__ = "procedure_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    case_name: Mapped[str] = mapped_column(String(300), default="")
    name: Mapped[str] = mapped_column(Text)
    original: Mapped[int] = mapped_column(Integer, default=0)
    certified: Mapped[int] = mapped_column(Integer, default=0)
    copy: Mapped[int] = mapped_column(Integer, default=0)
    present_only: Mapped[bool] = mapped_column(Boolean, default=False)


class DailySequence(Base):
    """The last sequence number issued per unit, day and station (dossier codes)."""

    __tablename__ = "daily_sequences"
    unit_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    station: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class RegisterSequence(Base):
    """The yearly running number of the register book (Sổ theo dõi hồ sơ), per station."""

    __tablename__ = "register_sequences"
    unit_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


OPEN_STATUSES = (1, 2, 4)  # the clock runs
PAUSED_STATUSES = (5, 6)  # the clock is stopped
FINAL_STATUSES = (3, 7, 8, 10)


class Dossier(Base):
    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    procedure_code: Mapped[str] = mapped_column(String(60))
    unit_code: Mapped[str] = mapped_column(String(40))
    resolving_unit: Mapped[str] = mapped_column(String(200), default="")
    station: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[int] = mapped_column(Integer, default=1)  # 1 direct, 2 online, 3 postal
    status: Mapped[int] = mapped_column(Integer)
    sub_status: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime)
    received_by: Mapped[str] = mapped_column(String(100), default="")
    original_due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    calendar_version: Mapped[str] = mapped_column(String(40), default="")
    step_due: Mapped[list | None] = mapped_column(JSON, nullable=True)  # per-step deadlines (ISO)
    paused_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resume_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    paused_days: Mapped[int] = mapped_column(Integer, default=0)
    supplement_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    returned_to: Mapped[str] = mapped_column(String(200), default="")
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_id_number: Mapped[str] = mapped_column(String(20), default="")
    applicant_birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    applicant_address: Mapped[str] = mapped_column(String(500), default="")
    applicant_phone: Mapped[str] = mapped_column(String(20), default="")
    applicant_email: Mapped[str] = mapped_column(String(200), default="")
    proxy: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # authorised person
    sets_count: Mapped[int] = mapped_column(Integer, default=1)
    fee: Mapped[int] = mapped_column(Integer, default=0)
    result_delivery: Mapped[str] = mapped_column(String(20), default="desk")  # desk | post
    register_book: Mapped[str] = mapped_column(String(20), default="")
    register_no: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    procedure: Mapped[Procedure] = relationship(lazy="joined", innerjoin=True)
    documents: Mapped[list[DossierDocument]] = relationship(
        order_by="DossierDocument.position", cascade="all, delete-orphan"
    )
    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at"),
        Index("ix_dossiers_received_at", "received_at"),
        Index("ix_dossiers_applicant_id_number", "applicant_id_number"),
        Index("ix_dossiers_applicant_phone", "applicant_phone"),
    )


class DossierDocument(Base):
    __tablename__ = "dossier_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    original: Mapped[int] = mapped_column(Integer, default=0)
    certified: Mapped[int] = mapped_column(Integer, default=0)
    copy: Mapped[int] = mapped_column(Integer, default=0)


class DossierEvent(Base):
    """Every status change and every notable act on a dossier. Append-only."""

    __tablename__ = "dossier_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    to_status: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    due_before: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    due_after: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class Handover(Base):
    """One row of the process control slip (phiếu kiểm soát quá trình)."""

    __tablename__ = "handovers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    step_no: Mapped[int] = mapped_column(Integer)
    step_name: Mapped[str] = mapped_column(String(300), default="")
    from_unit: Mapped[str] = mapped_column(String(200), default="")
    from_person: Mapped[str] = mapped_column(String(200), default="")
    to_unit: Mapped[str] = mapped_column(String(200), default="")
    to_person: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime)
    step_due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    result_class: Mapped[str] = mapped_column(String(10), default="")  # before | on | after
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarVersion(Base):
    __tablename__ = "calendar_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class CalendarOverride(Base):
    """A supervisor's (or the upstream office's) change to the seeded working-day calendar."""

    __tablename__ = "calendar_overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # holiday | day-off | working-day
    note: Mapped[str] = mapped_column(Text, default="")
    ref: Mapped[str] = mapped_column(String(300), default="")
    version_id: Mapped[int] = mapped_column(ForeignKey("calendar_versions.id"))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))  # clerk | supervisor | admin
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """Append-only, tamper-evident: each row's hash covers the previous row's hash."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_key: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_audit_log_entity_key", "entity", "entity_key"),  # reprint checks, per-dossier history
        {"sqlite_autoincrement": True},
    )


class ChangeLog(Base):
    """The sync outbox: one full after-image per business change, written in the same
    transaction. ``id`` is this station's monotonic change id."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_instance: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(40))
    entity_key: Mapped[str] = mapped_column(String(100))
    op: Mapped[str] = mapped_column(String(10))  # upsert | delete
    payload: Mapped[dict] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (
        Index("ix_change_log_entity", "entity", "entity_key"),
        {"sqlite_autoincrement": True},  # ids are never reused, even after compaction
    )


# The FTS5 index over dossiers.search_text (SQLite only; created by migration 0001).
FTS_TABLE = "dossier_search"


# Tables owned by later features live in their own modules; importing them here puts them in
# Base.metadata for Alembic and the tests.
from db import models_feedback as _models_feedback  # noqa: E402,F401
from db import models_sync as _models_sync  # noqa: E402,F401
