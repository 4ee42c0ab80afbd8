"""Commune -> upstream: every change since the last acknowledged one, signed and sealed.

Cumulative on purpose (a lost, duplicated or never-imported stick needs no action): the
range starts after ``sync_state.acked_through_change_id`` whatever was exported before.
Ordered by change id, never by a clock. Over the size limit, the range is cut into volumes;
each volume is a complete, self-verifying bundle of a sub-range, so volumes can be imported in
any order (a later volume waits, "held", until the earlier one arrives).
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, ChangeLog
from db.models_sync import SyncBundle
from desk_app.clock import iso, to_db
from desk_app.errors import UserError
from desk_app.services import audit
from desk_app.services.setup import UnitInfo, get_unit
from desk_app.sync import bundle as fmt
from desk_app.sync import keys as keymod
from desk_app.sync.state import (
    app_version,
    calendar_versions,
    check_free_space,
    get_state,
    procedure_set_version,
    require_role,
    schema_version,
    sync_dir,
    write_verified,
)

log = logging.getLogger(__name__)

DEFAULT_MAX_MB = 10
MARGIN = 16 * 1024  # manifest, signature, ZIP and envelope overhead
ANCHORS = 8


@dataclass(frozen=True)
class ExportedFile:
    path: str
    name: str
    sha256: str
    bytes: int
    volume: int
    volumes: int
    from_change_id: int
    to_change_id: int
    count: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ExportResult:
    seq: int
    basis: int
    from_change_id: int
    to_change_id: int
    count: int
    by_entity: dict
    files: tuple[ExportedFile, ...]
    bytes: int
    local_copy_dir: str
    created_at: datetime
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "seq": self.seq,
            "basis": {"acked_through_change_id": self.basis},
            "range": {"from": self.from_change_id, "to": self.to_change_id, "count": self.count,
                      "by_entity": self.by_entity},
            "files": [f.to_dict() for f in self.files],
            "bytes": self.bytes,
            "local_copy_dir": self.local_copy_dir,
            "created_at": iso(self.created_at),
            "verified": True,
            "warnings": list(self.warnings),
        }


def _lines(session: Session, basis: int) -> list[tuple[int, str, bytes]]:
    """(change id, entity, one NDJSON line) for every change after ``basis``. The payload is
    passed through as stored (no decode/encode round trip)."""
    t = ChangeLog.__table__
    stmt = (
        select(t.c.id, t.c.entity, t.c.entity_key, t.c.op, t.c.at, cast(t.c.payload, Text))
        .where(t.c.id > basis)
        .order_by(t.c.id)
    )
    dumps = json.dumps
    out = []
    for cid, entity, key, op, at, payload in session.execute(stmt):
        line = (
            f'{{"id":{cid},"entity":{dumps(entity)},"key":{dumps(key)},"op":{dumps(op)},'
            f'"at":"{at.isoformat()}","payload":{payload}}}'
        )
        out.append((cid, entity, line.encode("utf-8")))
    return out


def _anchors(session: Session, station_id: str) -> list[dict]:
    """The audit heads of our recent bundles, as the chain holds them *now*: upstream compares
    them with what it recorded, so rows rewritten or removed in between show as a break."""
    heads = session.execute(
        select(SyncBundle.detail)
        .where(SyncBundle.direction == "out", SyncBundle.kind == "changes", SyncBundle.station_id == station_id)
        .order_by(SyncBundle.id.desc())
        .limit(ANCHORS * 3)
    ).scalars()
    ids = sorted({int((d or {}).get("audit_head", {}).get("id", 0)) for d in heads} - {0})[-ANCHORS:]
    if not ids:
        return []
    rows = session.execute(select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id.in_(ids))).all()
    found = {i: h for i, h in rows}
    return [{"id": i, "hash": found.get(i, "")} for i in ids]


def _split(lines: list[tuple[int, str, bytes]], limit: int) -> list[list[tuple[int, str, bytes]]]:
    """Cut the range into parts whose packed NDJSON fits ``limit`` (packing only to measure
    when the raw text does not fit already)."""
    parts = [lines]
    done: list[list] = []
    while parts:
        part = parts.pop(0)
        raw = sum(len(x[2]) + 1 for x in part)
        size = len(fmt.pack(b"\n".join(x[2] for x in part))) if raw > limit and len(part) > 1 else 0
        if size <= limit or len(part) <= 1:
            done.append(part)
            continue
        k = max(2, -(-size * 115 // (100 * limit)))
        step = -(-len(part) // k)
        parts[0:0] = [part[i : i + step] for i in range(0, len(part), step)]
    return done


def export_changes(
    session: Session,
    data_dir: Path,
    out_dir: Path,
    *,
    now: datetime,
    actor: str,
    max_mb: float = DEFAULT_MAX_MB,
    unit: UnitInfo | None = None,
) -> ExportResult:
    unit = unit or get_unit(session)
    require_role(unit, upstream=False, what="exporting a change bundle")
    if not max_mb or max_mb <= 0:
        raise UserError("--max-size must be a positive number of MB", field="max_size")
    max_bytes = int(max_mb * 1024 * 1024)
    if max_bytes < 64 * 1024:
        raise UserError("--max-size must be at least 0.0625 MB (64 KB)", field="max_size")
    pub = keymod.ensure_keys(session, data_dir, now=now)
    state = get_state(session, unit)
    if not state.upstream_enc_key:
        raise UserError(
            "the upstream office's key is not trusted yet: get its key file and run "
            "'desk-app sync trust-upstream FILE'"
        )
    sign_kid, sign_key = keymod.signing_key(session, data_dir, pub.sign_key_id)
    recipient = keymod.enc_public(state.upstream_enc_key)
    basis = state.acked_through_change_id
    seq = state.last_seq_exported + 1
    lines = _lines(session, basis)
    head_id, head_hash = audit.head(session)
    cal_label, cal_digest = calendar_versions(session)
    anchors = _anchors(session, unit.station_instance)
    bundle_id = str(uuid.uuid4())
    parts = _split(lines, max_bytes - MARGIN) if lines else [[]]
    day = now.strftime("%Y%m%d")
    prev_sha = state.last_bundle_sha256
    built: list[tuple[str, bytes, dict]] = []
    next_from = basis + 1
    for index, part in enumerate(parts, start=1):
        frm = next_from
        to = part[-1][0] if part else basis
        next_from = to + 1
        by_entity: dict[str, int] = {}
        for _cid, entity, _line in part:
            by_entity[entity] = by_entity.get(entity, 0) + 1
        manifest = {
            "format": fmt.FORMAT,
            "format_version": fmt.FORMAT_VERSION,
            "kind": "changes",
            "bundle_id": bundle_id,
            "seq": seq,
            "volume": {"index": index, "of": len(parts)},
            "sender": {"unit_code": unit.code, "unit_name": unit.name, "station": unit.station,
                       "station_id": unit.station_instance, "key_id": sign_kid, "app_version": app_version()},
            "recipient": {"unit_code": state.upstream_unit_code, "key_id": state.upstream_enc_key_id},
            "basis": {"acked_through_change_id": basis},
            "range": {"from": frm, "to": to, "count": len(part), "by_entity": by_entity},
            "prev_bundle_sha256": prev_sha,
            "audit_chain_head": {"id": head_id, "hash": head_hash},
            "audit_anchors": anchors,
            "schema_version": schema_version(),
            "procedure_set_version": procedure_set_version(session),
            "calendar_version": cal_label,
            "calendar_digest": cal_digest,
            "created_at_local": iso(now),
        }
        ndjson = b"\n".join(x[2] for x in part) + (b"\n" if part else b"")
        plain = fmt.build_zip(manifest, {"changes.ndjson": ndjson}, sign_key, xz=("changes.ndjson",))
        sealed = fmt.seal(plain, recipient, state.upstream_enc_key_id)
        if len(sealed) > max_bytes and len(part) > 1:
            raise UserError("a volume came out larger than --max-size; export again with a larger limit")
        suffix = f"-{index}of{len(parts)}" if len(parts) > 1 else ""
        name = f"{unit.code}_{unit.station}_{seq:05d}{suffix}_{day}.{fmt.EXT_CHANGES}"
        built.append((name, sealed, manifest))
        prev_sha = fmt.sha256(sealed)
    total = sum(len(b) for _, b, _ in built)
    out_dir = Path(out_dir)
    outbox = sync_dir(data_dir, "outbox")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot use the folder {out_dir}: {exc.strerror}") from None
    check_free_space(out_dir, total)
    files: list[ExportedFile] = []
    for name, blob, manifest in built:
        written = write_verified(out_dir, name, blob)
        if outbox.resolve() != out_dir.resolve():
            write_verified(outbox, name, blob)  # kept until acknowledged
        rng = manifest["range"]
        files.append(ExportedFile(str(written.path), name, written.sha256, written.bytes, manifest["volume"]["index"],
                                  manifest["volume"]["of"], rng["from"], rng["to"], rng["count"]))
        session.add(SyncBundle(
            direction="out", kind="changes", bundle_id=bundle_id, seq=seq, volume_index=manifest["volume"]["index"],
            volume_of=manifest["volume"]["of"], unit_code=unit.code, station_id=unit.station_instance,
            file_name=name, sha256=written.sha256, bytes=written.bytes, from_change_id=rng["from"],
            to_change_id=rng["to"], change_count=rng["count"], created_at_local=iso(now), recorded_at=to_db(now),
            status="written", reason="", path=str(outbox / name), prev_bundle_sha256=manifest["prev_bundle_sha256"],
            detail={"audit_head": manifest["audit_chain_head"], "by_entity": rng["by_entity"]},
        ))
    state.last_seq_exported = seq
    state.last_export_at = to_db(now)
    state.last_bundle_sha256 = files[-1].sha256
    session.flush()
    audit.append(session, at=now, actor=actor, action="sync.export", entity="bundle", key=f"{seq}",
                 detail={"from": basis + 1, "to": files[-1].to_change_id, "files": [f.name for f in files]})
    by_all: dict[str, int] = {}
    for _cid, entity, _line in lines:
        by_all[entity] = by_all.get(entity, 0) + 1
    log.info("exported bundle %s: changes %s..%s in %s file(s), %s bytes", seq, basis + 1,
             files[-1].to_change_id, len(files), total)
    warnings = ()
    if not lines:
        warnings = ("no change since the last acknowledgement: the bundle only reports versions",)
    return ExportResult(seq, basis, basis + 1, files[-1].to_change_id, len(lines), by_all, tuple(files), total,
                        str(outbox), now, warnings)
