"""Sync: keys, enrolled stations, bundles, acknowledgements, quarantine (issue: sync).

Commune side: ``sync_state`` (one row: export basis, acknowledged point, the trusted upstream
keys), ``bundles`` (every bundle written or read). Upstream side: ``sync_stations`` (enrolled
stations with their applied-through point), ``sync_replicas`` (which station owns each
replicated dossier, and the last change applied to it), ``sync_procedure_map`` (a commune's
procedure versions mapped to this office's rows), ``sync_quarantine`` (changes that could not
be applied, with the reason, retried when what they need arrives). Both: ``sync_keys`` (this
installation's public keys; the private keys live in the data folder, never in the database).

Also here, because it belongs to the db layer and must hold whatever code path writes: the
guard that stops an upstream office from changing a dossier a commune owns.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from db.errors import StorageError
from db.models import Base, Dossier, DossierDocument, DossierEvent, Handover


class SyncKey(Base):
    """A public key of this installation. The private half is a file in the data folder."""

    __tablename__ = "sync_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # ed25519 | x25519
    public_key: Mapped[str] = mapped_column(String(100))  # base64 of the raw 32 bytes
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | retired
    created_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncState(Base):
    """This installation's sync position (one row, id 1)."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36), default="")
    last_seq_exported: Mapped[int] = mapped_column(Integer, default=0)
    # the export basis: the next bundle carries every change after this one
    acked_through_change_id: Mapped[int] = mapped_column(Integer, default=0)
    # the highest point ever acknowledged: nothing may be compacted after it
    max_acked_change_id: Mapped[int] = mapped_column(Integer, default=0)
    last_ack_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_ack_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_export_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_bundle_sha256: Mapped[str] = mapped_column(String(64), default="")
    upstream_unit_code: Mapped[str] = mapped_column(String(40), default="")
    upstream_name: Mapped[str] = mapped_column(String(200), default="")
    upstream_key_id: Mapped[str] = mapped_column(String(40), default="")
    upstream_sign_key: Mapped[str] = mapped_column(String(100), default="")
    upstream_enc_key_id: Mapped[str] = mapped_column(String(40), default="")
    upstream_enc_key: Mapped[str] = mapped_column(String(100), default="")
    trusted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    calendar_version: Mapped[str] = mapped_column(String(80), default="")
    procedure_set_version: Mapped[str] = mapped_column(String(80), default="")
    down_seqs: Mapped[dict] = mapped_column(JSON, default=dict)  # kind -> last applied upstream seq
    ack_detail: Mapped[dict] = mapped_column(JSON, default=dict)  # the latest acknowledgement


class SyncStation(Base):
    """Upstream: a commune station enrolled from its signed paper form."""

    __tablename__ = "sync_stations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36), unique=True)
    unit_code: Mapped[str] = mapped_column(String(40))
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    station_no: Mapped[int] = mapped_column(Integer)
    key_id: Mapped[str] = mapped_column(String(40))
    sign_key: Mapped[str] = mapped_column(String(100))
    enc_key: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | replaced | revoked
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    enrolled_by: Mapped[str] = mapped_column(String(100), default="")
    applied_through: Mapped[int] = mapped_column(Integer, default=0)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_bundle_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    data_as_of: Mapped[str] = mapped_column(String(40), default="")  # the commune's clock, as sent
    recipient_key_id: Mapped[str] = mapped_column(String(40), default="")  # our key it encrypted to
    audit_head_id: Mapped[int] = mapped_column(Integer, default=0)
    audit_heads: Mapped[dict] = mapped_column(JSON, default=dict)  # str(id) -> hash, recent heads
    chain_break: Mapped[str] = mapped_column(Text, default="")
    versions: Mapped[dict] = mapped_column(JSON, default=dict)  # schema, calendar, procedure set, app
    __table_args__ = (Index("ix_sync_stations_unit", "unit_code", "station_no"),)


class SyncBundle(Base):
    """Every bundle this installation wrote (out) or read (in), keyed by its file's SHA-256."""

    __tablename__ = "bundles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # out | in
    kind: Mapped[str] = mapped_column(String(16))  # changes | ack | procedures | calendar | keys
    bundle_id: Mapped[str] = mapped_column(String(36), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    volume_index: Mapped[int] = mapped_column(Integer, default=1)
    volume_of: Mapped[int] = mapped_column(Integer, default=1)
    unit_code: Mapped[str] = mapped_column(String(40), default="")  # the commune (or upstream) concerned
    station_id: Mapped[str] = mapped_column(String(36), default="")
    file_name: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    from_change_id: Mapped[int] = mapped_column(Integer, default=0)
    to_change_id: Mapped[int] = mapped_column(Integer, default=0)
    change_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at_local: Mapped[str] = mapped_column(String(40), default="")  # the sender's clock
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20))  # written | acked | applied | already_applied | held | superseded
    reason: Mapped[str] = mapped_column(Text, default="")
    path: Mapped[str] = mapped_column(Text, default="")
    prev_bundle_sha256: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    __table_args__ = (Index("ix_bundles_station", "direction", "station_id", "status"),)


class SyncReplica(Base):
    """Upstream: a dossier replicated from a commune station (the owner), and the last change
    applied to it. The upstream office never writes these dossiers itself."""

    __tablename__ = "sync_replicas"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    station_id: Mapped[str] = mapped_column(String(36))
    unit_code: Mapped[str] = mapped_column(String(40))
    change_id: Mapped[int] = mapped_column(Integer)


class SyncProcedureMap(Base):
    """Upstream: a commune's procedure version (its own numbering) -> this office's row."""

    __tablename__ = "sync_procedure_map"
    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    content_hash: Mapped[str] = mapped_column(String(64))


class SyncQuarantine(Base):
    """Upstream: a change that could not be applied, kept whole with the reason."""

    __tablename__ = "sync_quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36))
    change_id: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(40))
    entity_key: Mapped[str] = mapped_column(String(100))
    op: Mapped[str] = mapped_column(String(10))
    at: Mapped[str] = mapped_column(String(40), default="")
    payload: Mapped[dict] = mapped_column(JSON)
    code: Mapped[str] = mapped_column(String(40))  # UNKNOWN_PROCEDURE_VERSION, OWNER_MISMATCH…
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | applied | dropped
    bundle_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    __table_args__ = (
        UniqueConstraint("station_id", "change_id", name="uq_sync_quarantine_station_change"),
        Index("ix_sync_quarantine_open", "station_id", "status"),
    )


# ----------------------------------------------------------------------------- the guard


class ReplicaReadOnly(StorageError):
    """An upstream office tried to change a dossier that a commune owns."""


_OWNED = (Dossier, DossierEvent, DossierDocument, Handover)


def _local_unit(session: Session) -> str | None:
    code = session.info.get("_local_unit_code")
    if code is None:
        code = session.connection().execute(
            text("SELECT code FROM units WHERE kind = 'self'")
        ).scalar() or ""
        session.info["_local_unit_code"] = code
    return code or None


@event.listens_for(Session, "before_flush")
def _refuse_replica_writes(session: Session, _ctx, _instances) -> None:
    """The commune is the only writer of its dossiers (SYNC.md, "Conflicts"): an upstream
    office sends an instruction down instead. The sync importer writes replicas with Core
    statements, never through the ORM, so this guard sees only local edits."""
    touched = [o for o in (*session.dirty, *session.new, *session.deleted) if isinstance(o, _OWNED)]
    if not touched:
        return
    local = _local_unit(session)
    if local is None:
        return
    dossier_ids: set[int] = set()
    for obj in touched:
        if isinstance(obj, Dossier):
            if obj.unit_code and obj.unit_code != local:
                _refuse(obj.code, obj.unit_code)
        elif getattr(obj, "dossier_id", None) is not None:
            dossier_ids.add(obj.dossier_id)
    if dossier_ids:
        row = session.connection().execute(
            text("SELECT code, unit_code FROM dossiers WHERE unit_code <> :u AND id IN "
                 f"({', '.join(str(int(i)) for i in dossier_ids)})"),
            {"u": local},
        ).first()
        if row is not None:
            _refuse(row[0], row[1])


def _refuse(code: str, owner: str) -> None:
    raise ReplicaReadOnly(
        f"dossier {code} belongs to unit {owner}: the upstream office holds a read-only copy "
        "and cannot change it. Nothing was saved; ask the commune to act, or send it an instruction."
    )
