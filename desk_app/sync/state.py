"""Where this installation stands: identity, role, versions, the sync_state row, file writing."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CalendarOverride, ProcedureSet
from db.models_sync import SyncState
from desk_app import __version__
from desk_app.errors import StorageError, UserError
from desk_app.services import calendar as calendar_service
from desk_app.services.setup import UnitInfo, get_unit

SYNC_SOURCE_PREFIX = "sync:"  # procedure_sets made from a commune's records upstream


def sync_dir(data_dir: Path, *parts: str) -> Path:
    return Path(data_dir).joinpath("sync", *parts)


@lru_cache(maxsize=1)
def schema_version() -> str:
    from db.engine import schema_revisions

    return schema_revisions()[0]


def known_schemas() -> set[str]:
    from db.engine import schema_revisions

    return schema_revisions()[1]


def app_version() -> str:
    return __version__


def get_state(session: Session, unit: UnitInfo | None = None) -> SyncState:
    row = session.get(SyncState, 1)
    if row is None:
        unit = unit or get_unit(session)
        row = SyncState(
            id=1, station_id=unit.station_instance, last_seq_exported=0, acked_through_change_id=0,
            max_acked_change_id=0, last_ack_seq=0, last_bundle_sha256="", upstream_unit_code="",
            upstream_name="", upstream_key_id="", upstream_sign_key="", upstream_enc_key_id="",
            upstream_enc_key="", calendar_version="", procedure_set_version="", down_seqs={}, ack_detail={},
        )
        session.add(row)
        session.flush()
    elif unit is not None and unit.station_instance and row.station_id != unit.station_instance:
        # a new station identity (reinstalled, or restored from a backup): the office knows
        # it as a new station, so everything is sent again from the first change
        row.station_id = unit.station_instance
        row.last_seq_exported = 0
        row.acked_through_change_id = 0
        row.last_bundle_sha256 = ""
        row.ack_detail = {}
        session.flush()
    return row


def read_state(session: Session) -> SyncState | None:
    return session.get(SyncState, 1)


def procedure_set_version(session: Session) -> str:
    """The set most recently imported here (not the copies made from communes' records)."""
    row = session.execute(
        select(ProcedureSet.code, ProcedureSet.source_sha256)
        .where(~ProcedureSet.source_name.startswith(SYNC_SOURCE_PREFIX))
        .order_by(ProcedureSet.id.desc())
        .limit(1)
    ).first()
    return f"{row[0]}#{row[1][:8]}" if row else ""


def calendar_versions(session: Session) -> tuple[str, str]:
    """(this desk's version label, a digest of the overrides' content). Labels are local
    counters; the digest is equal on two desks exactly when they count the same days."""
    label = calendar_service.version_label(calendar_service.current_version_id(session))
    rows = session.execute(
        select(CalendarOverride.day, CalendarOverride.kind).order_by(CalendarOverride.day)
    ).all()
    text = ";".join(f"{d.isoformat()}={k}" for d, k in rows)
    return label, hashlib.sha256(f"{calendar_service.SEED}|{text}".encode()).hexdigest()[:16]


def require_role(unit: UnitInfo, *, upstream: bool, what: str) -> None:
    if upstream and not unit.is_upstream_office:
        raise UserError(f"{what} is done at the upstream office; this desk is a commune desk ({unit.code})")
    if not upstream and unit.is_upstream_office:
        raise UserError(f"{what} is done at a commune desk; this installation is an upstream office ({unit.code})")


# ----------------------------------------------------------------------------- files


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    sha256: str
    bytes: int


def check_free_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise StorageError(f"Cannot use the folder {folder}: {exc.strerror}") from None
    if free < 2 * needed:
        raise StorageError(
            f"Not enough free space in {folder}: the bundle needs {needed // 1024 + 1} KB and twice "
            f"that must be free ({free // 1024} KB free). Nothing was written; free some space or use "
            "another drive."
        )


def write_verified(folder: Path, name: str, data: bytes) -> WrittenFile:
    """Temporary name -> fsync -> rename -> fsync the folder -> read back (past the cache where
    the system allows) -> compare the SHA-256. Only then is the file reported written."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder {folder}: {exc.strerror}") from None
    final = folder / name
    tmp = folder / (name + ".part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        if os.name == "posix":
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        back = _read_back(final)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise StorageError(
            f"Writing {final} failed ({exc.strerror or exc}). Do not remove the drive yet; check it "
            "and export again."
        ) from None
    if hashlib.sha256(back).hexdigest() != digest:
        try:
            final.unlink()  # never leave a bad copy that looks finished
        except OSError:
            pass
        raise StorageError(
            f"{final} reads back different from what was written (the drive was removed or is "
            "failing). The bundle is NOT safe: export again to a working drive."
        )
    return WrittenFile(final, digest, len(data))


def _read_back(path: Path) -> bytes:
    with open(path, "rb") as fh:
        if hasattr(os, "posix_fadvise"):
            try:
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
        return fh.read()
