"""`sync import FILE…`: files in any order, each verified before anything is applied.

At the upstream office (commune change bundles):
1. the raw file's SHA-256: the same file twice is a no-op;
2. decrypt (our X25519 key) -> member names -> manifest -> signature against the station's
   *enrolled* key -> every file's size, ratio and SHA-256 -> only then parse;
   any failure: rejected with a reason, the database untouched (the file is kept aside in
   ``sync/rejected`` for inspection);
3. the raw file is kept in ``sync/received/<sha256>`` (held bundles are re-read from there);
4. one transaction per bundle, under a lock on the station's row: changes at or below the
   station's applied-through point are ALREADY_APPLIED; a range starting beyond it + 1 is a
   gap: the bundle is held and the acknowledgement names the real applied point;
5. held bundles are released as soon as the gap closes;
6. one signed acknowledgement per station touched, with its short code.

At a commune: acknowledgements and the office's updates (see ``commune_in``).
"""

from __future__ import annotations

import gc
import json
import logging
import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models_sync import SyncBundle, SyncStation
from desk_app.clock import iso, to_db
from desk_app.errors import UserError
from desk_app.services import audit
from desk_app.services.setup import UnitInfo, get_unit
from desk_app.sync import ack as ackmod
from desk_app.sync import bundle as fmt
from desk_app.sync import keys as keymod
from desk_app.sync.apply import Applier, Change, quarantine_summary
from desk_app.sync.bundle import BundleRejected
from desk_app.sync.state import (
    app_version,
    calendar_versions,
    known_schemas,
    procedure_set_version,
    sync_dir,
    write_verified,
)

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"^(?P<unit>[A-Za-z0-9.\-_]+?)_(?P<station>\d+)_(?P<seq>\d+)")
KEEP_HEADS = 32


@dataclass(frozen=True)
class FileResult:
    file: str
    sha256: str
    status: str  # applied | already_applied | held | duplicate | superseded | rejected
    kind: str = ""
    reason: str = ""
    code: str = ""  # rejection code (stable)
    unit_code: str = ""
    station: int | None = None
    station_id: str = ""
    seq: int = 0
    volume: str = ""
    range_from: int = 0
    range_to: int = 0
    applied: int = 0
    already_applied: int = 0
    quarantined: int = 0
    released: int = 0
    detail: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {
            "file": self.file, "sha256": self.sha256, "status": self.status, "kind": self.kind,
            "reason": self.reason, "code": self.code, "unit_code": self.unit_code, "station": self.station,
            "station_id": self.station_id, "seq": self.seq, "volume": self.volume,
            "range": {"from": self.range_from, "to": self.range_to},
            "applied": self.applied, "already_applied": self.already_applied,
            "quarantined": self.quarantined, "released_from_quarantine": self.released,
        }
        if self.detail:
            d["detail"] = self.detail
        return d


@dataclass(frozen=True)
class AckWritten:
    unit_code: str
    station: int
    station_id: str
    applied_through: int
    seq: int
    short_code: str
    path: str
    gap: bool
    problems: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ImportReport:
    role: str
    files: tuple[FileResult, ...]
    acks: tuple[AckWritten, ...] = ()

    @property
    def ok(self) -> bool:
        return all(f.status != "rejected" for f in self.files)

    def to_dict(self) -> dict:
        return {"role": self.role, "ok": self.ok, "files": [f.to_dict() for f in self.files],
                "acknowledgements": [a.to_dict() for a in self.acks]}


@contextmanager
def gc_paused():
    """Bulk parsing allocates tens of thousands of small dicts: CPython's cyclic collector
    would walk the whole heap again and again meanwhile (a third of the import time). Nothing
    here makes reference cycles that must be collected before the end of a bundle."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _route(name: str) -> tuple[str, int | None]:
    """The unit and station a file name claims (untrusted: only to address a rejection)."""
    m = NAME_RE.match(name)
    return (m["unit"], int(m["station"])) if m else ("", None)


def _reject(data_dir: Path, name: str, sha: str, blob: bytes, exc: BundleRejected) -> FileResult:
    unit, station = _route(name)
    try:
        write_verified(sync_dir(data_dir, "rejected"), f"{sha[:16]}_{Path(name).name}"[:200], blob)
    except Exception:  # keeping a copy is a courtesy; the rejection stands without it
        log.warning("could not keep a copy of the rejected file %s", name)
    reason = str(exc)
    if "nothing" not in reason:
        reason += "; nothing was applied"
    log.warning("rejected %s: %s (%s)", name, exc.code, reason)
    return FileResult(file=name, sha256=sha, status="rejected", reason=reason, code=exc.code,
                      unit_code=unit, station=station)


def read_input(path: Path) -> bytes:
    try:
        blob = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(f"file not found: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    return blob


def import_each(paths, import_one) -> list[FileResult]:
    """``import_one(name, blob)`` for each file in order; a file that cannot be read is
    rejected with its reason and the others still go in."""
    results: list[FileResult] = []
    for path in map(Path, paths):
        try:
            blob = read_input(path)
        except UserError as exc:
            results.append(FileResult(file=path.name, sha256="", status="rejected", reason=str(exc), code="NOT_FOUND"))
            continue
        results.append(import_one(path.name, blob))
    return results


def import_files(
    db,
    data_dir: Path,
    paths: list[Path],
    *,
    now: datetime,
    actor: str,
    ack_dir: Path | None = None,
) -> ImportReport:
    if not paths:
        raise UserError("give at least one bundle file")
    with db.session(write=False) as s:
        unit = get_unit(s)
    if not unit.is_upstream_office:
        from desk_app.sync import commune_in

        return commune_in.import_commune_files(db, data_dir, paths, now=now, actor=actor, unit=unit)
    with db.session() as s:
        keymod.ensure_keys(s, data_dir, now=now)
    def one(name: str, blob: bytes) -> FileResult:
        with gc_paused():
            return _import_one(db, data_dir, unit, name, blob, now=now, actor=actor)

    results = import_each(paths, one)
    touched = {r.station_id for r in results if r.station_id}
    for station_id in sorted(touched):
        with gc_paused():
            results.extend(_release_held(db, data_dir, unit, station_id, now=now, actor=actor))
    acks = _write_acks(db, data_dir, unit, results, now=now, ack_dir=ack_dir)
    return ImportReport("upstream", tuple(results), tuple(acks))


# ----------------------------------------------------------------------------- verification


def _resolver(session: Session, unit: UnitInfo):
    def resolve(manifest: dict):
        sender = manifest.get("sender") or {}
        sid = str(sender.get("station_id", ""))
        st = session.execute(select(SyncStation).where(SyncStation.station_id == sid)).scalar_one_or_none()
        who = f"unit {sender.get('unit_code', '?')}, station {sender.get('station', '?')}, key {sender.get('key_id', '?')}"
        if st is None:
            raise BundleRejected(
                "UNENROLLED", f"the bundle is signed by a station that is not enrolled here ({who}); "
                "enroll its signed form first (desk-app sync enroll FILE); nothing was applied",
            )
        if st.status != "active":
            raise BundleRejected("UNENROLLED", f"the sending station ({who}) was {st.status}; nothing was applied")
        if sender.get("key_id") != st.key_id:
            raise BundleRejected(
                "UNENROLLED", f"the bundle is signed with key {sender.get('key_id')}, but the station's "
                f"enrolled key is {st.key_id}; enroll its new form first; nothing was applied",
            )
        return keymod.sign_public(st.sign_key), st.station_id

    return resolve


_LINE = re.compile(
    r'\{"id":(\d+),"entity":"([a-z_]{1,40})","key":("(?:[^"\\]|\\.)*"),"op":"([a-z]{1,10})",'
    r'"at":"([^"\\]{0,40})","payload":'
)


def parse_changes(verified: fmt.Verified) -> list[Change]:
    """The change rows of a verified bundle. Lines in the layout ``export`` writes are split
    without parsing the payload (parsed when first used); any other valid JSON line is parsed
    whole. Ids must increase within the signed range and the counts must match."""
    m = verified.manifest
    rng = m.get("range") or {}
    try:
        frm, to, count = int(rng["from"]), int(rng["to"]), int(rng["count"])
        by_entity = dict(rng.get("by_entity") or {})
    except (KeyError, TypeError, ValueError):
        raise BundleRejected("INVALID_CONTENT", "the manifest's change range is malformed") from None
    data = fmt.signed_payload(verified, "changes.ndjson")
    changes: list[Change] = []
    last = frm - 1
    seen: dict[str, int] = {}
    match = _LINE.match
    try:
        text = data.decode("utf-8")
        for n, line in enumerate(text.split("\n"), start=1):
            if not line:
                continue
            hit = match(line)
            if hit is not None and line.endswith("}"):
                key = hit[3]
                key = key[1:-1] if "\\" not in key else json.loads(key)
                c = Change(int(hit[1]), hit[2], key, hit[4], hit[5], raw=line[hit.end() : -1])
            else:
                d = json.loads(line)
                c = Change.from_json(d)
                if not (isinstance(c.id, int) and isinstance(c.entity, str) and isinstance(c.key, str)
                        and isinstance(c.op, str) and isinstance(c.payload, dict)):
                    raise ValueError(f"line {n}")
            if c.id <= last or c.id > to:
                raise BundleRejected("INVALID_CONTENT", f"change {c.id} is out of order or outside the range {frm}..{to}")
            last = c.id
            seen[c.entity] = seen.get(c.entity, 0) + 1
            changes.append(c)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise BundleRejected("INVALID_CONTENT", "changes.ndjson is malformed (signed by the sender: report it)") from None
    if len(changes) != count or seen != by_entity:
        raise BundleRejected("INVALID_CONTENT", "the changes do not match the counts in the signed manifest")
    return changes


def _verify(session: Session, data_dir: Path, unit: UnitInfo, blob: bytes) -> tuple[fmt.Verified, fmt.Envelope]:
    verified, env = fmt.open_file(
        blob, decrypt_keys=keymod.decryption_keys(session, data_dir), resolve_key=_resolver(session, unit),
        office=f"this office ({unit.code})",
    )
    m = verified.manifest
    if m.get("kind") != "changes":
        raise BundleRejected("WRONG_KIND", f"a '{m.get('kind')}' bundle is for a commune desk, not an upstream office")
    if not env.sealed:
        raise BundleRejected("NOT_ENCRYPTED", "a change bundle must be encrypted to this office's key; refused")
    recipient = (m.get("recipient") or {}).get("unit_code")
    if recipient != unit.code:
        raise BundleRejected("WRONG_RECIPIENT", f"the bundle is addressed to {recipient}, not to this office ({unit.code})")
    st_unit = (m.get("sender") or {}).get("unit_code")
    enrolled = session.execute(select(SyncStation.unit_code).where(SyncStation.station_id == verified.signer)).scalar()
    if st_unit != enrolled:
        raise BundleRejected("OWNER_MISMATCH", f"the bundle claims unit {st_unit} but the station is enrolled for {enrolled}")
    schema = m.get("schema_version")
    if schema not in known_schemas():
        raise BundleRejected(
            "TOO_NEW", f"the commune runs a newer database schema ({schema}) than this office knows; "
            "upgrade Một Cửa Desk here first; nothing was applied",
        )
    return verified, env


# ----------------------------------------------------------------------------- applying


def _import_one(db, data_dir: Path, unit: UnitInfo, name: str, blob: bytes, *, now: datetime, actor: str) -> FileResult:
    sha = fmt.sha256(blob)
    with db.session(write=False) as s:
        try:
            dup = s.execute(select(SyncBundle).where(SyncBundle.sha256 == sha)).scalar_one_or_none()
            if dup is not None:
                return _duplicate(name, sha, dup)
            verified, env = _verify(s, data_dir, unit, blob)
            changes = parse_changes(verified)
        except BundleRejected as exc:
            return _reject(data_dir, name, sha, blob, exc)
    raw = write_verified(sync_dir(data_dir, "received"), f"{sha}.{fmt.EXT_CHANGES}", blob)
    return _apply(db, unit, name, sha, len(blob), str(raw.path), verified, env, changes, now=now, actor=actor)


def _duplicate(name: str, sha: str, row: SyncBundle) -> FileResult:
    if row.direction == "out":
        raise BundleRejected(
            "OWN_BUNDLE", f"this desk wrote this file itself (bundle #{row.seq}, {row.kind}); it is for "
            + ("the upstream office" if row.kind == "changes" else "the communes"),
        )
    return FileResult(
        file=name, sha256=sha, status="duplicate", kind=row.kind,
        reason=f"this exact file was imported already on {iso(row.recorded_at)} ({row.status}); nothing to do",
        unit_code=row.unit_code, station_id=row.station_id, seq=row.seq,
        range_from=row.from_change_id, range_to=row.to_change_id,
    )


def _apply(
    db, unit: UnitInfo, name: str, sha: str, size: int, raw_path: str, verified: fmt.Verified, env: fmt.Envelope,
    changes: list[Change], *, now: datetime, actor: str, held_row_id: int | None = None,
) -> FileResult:
    m = verified.manifest
    rng = m["range"]
    frm, to = int(rng["from"]), int(rng["to"])
    sender = m["sender"]
    vol = m.get("volume") or {"index": 1, "of": 1}
    base = dict(file=name, sha256=sha, kind="changes", unit_code=sender.get("unit_code", ""),
                station=sender.get("station"), station_id=verified.signer, seq=int(m.get("seq", 0)),
                volume=f"{vol.get('index')}/{vol.get('of')}", range_from=frm, range_to=to)
    try:
        with db.session() as s:
            stmt = select(SyncStation).where(SyncStation.station_id == verified.signer)
            if s.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            st = s.execute(stmt).scalar_one()
            if held_row_id is None and s.execute(select(SyncBundle.id).where(SyncBundle.sha256 == sha)).first():
                dup = s.execute(select(SyncBundle).where(SyncBundle.sha256 == sha)).scalar_one()
                return _duplicate(name, sha, dup)
            applied = st.applied_through
            new = [c for c in changes if c.id > applied]
            outcome = None
            if frm > applied + 1:
                status = "held"
                reason = (f"gap: changes {applied + 1}..{frm - 1} have not arrived; held until they do "
                          f"(the acknowledgement asks the commune to send from {applied + 1})")
            elif not new:
                status, reason = "already_applied", "every change in this bundle was applied before"
            else:
                outcome = Applier(s, st, now=now, bundle_sha256=sha).apply_new(new)
                st.applied_through = max(applied, to)
                status = "applied"
                reason = ""
            if status != "held":
                _record_meta(st, m, env, now)
            row_values = dict(
                direction="in", kind="changes", bundle_id=str(m.get("bundle_id", ""))[:36], seq=base["seq"],
                volume_index=int(vol.get("index", 1)), volume_of=int(vol.get("of", 1)), unit_code=base["unit_code"],
                station_id=st.station_id, file_name=name[:200], sha256=sha, bytes=size, from_change_id=frm,
                to_change_id=to, change_count=len(changes), created_at_local=str(m.get("created_at_local", ""))[:40],
                recorded_at=to_db(now), status=status, reason=reason, path=raw_path,
                prev_bundle_sha256=str(m.get("prev_bundle_sha256", ""))[:64],
                detail={"applied": len(new) if outcome else 0, "quarantined": outcome.quarantined if outcome else 0,
                        "audit_chain_head": m.get("audit_chain_head")},
            )
            if held_row_id is None:
                s.add(SyncBundle(**row_values))
            else:
                row = s.get(SyncBundle, held_row_id)
                for k in ("status", "reason", "detail", "recorded_at"):
                    setattr(row, k, row_values[k])
            s.flush()
            if status != "held":
                audit.append(s, at=now, actor=actor, action="sync.import", entity="bundle",
                             key=f"{base['unit_code']}/{base['station']}/{base['seq']}",
                             detail={"status": status, "from": frm, "to": to, "applied_through": st.applied_through,
                                     "quarantined": outcome.quarantined if outcome else 0})
    except IntegrityError:  # the same file imported at the same moment by another user
        with db.session(write=False) as s:
            dup = s.execute(select(SyncBundle).where(SyncBundle.sha256 == sha)).scalar_one_or_none()
        if dup is None:
            raise
        return _duplicate(name, sha, dup)
    log.info("bundle %s from %s/%s: %s (%s..%s)", base["seq"], base["unit_code"], base["station"], status, frm, to)
    return FileResult(
        **base, status=status, reason=reason,
        applied=(len(new) - outcome.quarantined) if outcome else 0,
        already_applied=len(changes) - len(new) if status != "held" else 0,
        quarantined=outcome.quarantined if outcome else 0,
        released=outcome.released if outcome else 0,
    )


def _record_meta(st: SyncStation, m: dict, env: fmt.Envelope, now: datetime) -> None:
    """Versions, clocks and the audit chain check, from a verified manifest."""
    seq = int(m.get("seq", 0))
    head = m.get("audit_chain_head") or {}
    try:
        hid, hhash = int(head.get("id", 0)), str(head.get("hash", ""))
    except (TypeError, ValueError):
        hid, hhash = 0, ""
    heads = dict(st.audit_heads or {})
    breaks = []
    for a in m.get("audit_anchors") or []:
        known = heads.get(str(a.get("id")))
        if known and known != a.get("hash"):
            breaks.append(f"audit row {a.get('id')} differs from what an earlier bundle reported")
    if str(hid) in heads and heads[str(hid)] != hhash:
        breaks.append(f"audit row {hid} differs from what an earlier bundle reported")
    if seq > st.last_seq and hid < st.audit_head_id:
        breaks.append(f"the audit chain went back from row {st.audit_head_id} to {hid} (database restored from a backup?)")
    if breaks:
        note = f"{iso(now)} bundle {seq}: " + "; ".join(breaks)
        st.chain_break = (st.chain_break + "\n" + note).strip()[-4000:]
    if hid:
        heads[str(hid)] = hhash
        keep = sorted(heads, key=int)[-KEEP_HEADS:]
        st.audit_heads = {k: heads[k] for k in keep}
        st.audit_head_id = max(st.audit_head_id, hid)
    if seq >= st.last_seq:
        st.last_seq = seq
        st.data_as_of = str(m.get("created_at_local", ""))[:40]
        st.recipient_key_id = env.recipient_key_id[:40]
        sender = m.get("sender") or {}
        st.versions = {
            "schema": m.get("schema_version"), "app": sender.get("app_version"),
            "procedure_set": m.get("procedure_set_version"), "calendar": m.get("calendar_version"),
            "calendar_digest": m.get("calendar_digest"),
        }
        if sender.get("unit_name"):
            st.unit_name = str(sender["unit_name"])[:200]
    st.last_bundle_at = to_db(now)


def _release_held(db, data_dir: Path, unit: UnitInfo, station_id: str, *, now: datetime, actor: str) -> list[FileResult]:
    """Apply held bundles whose gap has closed, in range order, until none moves."""
    out: list[FileResult] = []
    while True:
        with db.session(write=False) as s:
            applied = s.execute(select(SyncStation.applied_through).where(SyncStation.station_id == station_id)).scalar()
            held = s.execute(
                select(SyncBundle)
                .where(SyncBundle.direction == "in", SyncBundle.station_id == station_id, SyncBundle.status == "held")
                .order_by(SyncBundle.from_change_id, SyncBundle.id)
            ).scalars().all()
        ready = [h for h in held if h.from_change_id <= (applied or 0) + 1]
        if not ready:
            return out
        h = ready[0]
        try:
            blob = Path(h.path).read_bytes()
        except OSError:
            with db.session() as s:
                row = s.get(SyncBundle, h.id)
                row.status, row.reason = "superseded", "the kept raw file is missing; the next export re-sends it"
            continue
        with db.session(write=False) as s:
            try:
                verified, env = _verify(s, data_dir, unit, blob)
                changes = parse_changes(verified)
            except BundleRejected as exc:
                verified = None
                reason = str(exc)
        if verified is None:
            with db.session() as s:
                row = s.get(SyncBundle, h.id)
                row.status, row.reason = "superseded", f"no longer verifies: {reason}"
            continue
        out.append(_apply(db, unit, h.file_name, h.sha256, h.bytes, h.path, verified, env, changes,
                          now=now, actor=actor, held_row_id=h.id))


# ----------------------------------------------------------------------------- acknowledgements


def build_ack(session: Session, data_dir: Path, unit: UnitInfo, st: SyncStation, files: list[dict],
              *, now: datetime) -> tuple[str, bytes, str, dict]:
    sign_kid, sign_key = keymod.signing_key(session, data_dir)
    code = ""
    if st.enc_key:
        kid, priv = keymod.x25519_private(session, data_dir, st.recipient_key_id or None)
        code = ackmod.make_code(priv, keymod.enc_public(st.enc_key), st.station_id, st.applied_through, st.last_seq)
    held = session.execute(
        select(SyncBundle).where(SyncBundle.direction == "in", SyncBundle.station_id == st.station_id,
                                 SyncBundle.status == "held").order_by(SyncBundle.from_change_id)
    ).scalars().all()
    problems, total = quarantine_summary(session, st.station_id)
    cal_label, cal_digest = calendar_versions(session)
    body = {
        "station_id": st.station_id,
        "unit_code": st.unit_code,
        "station": st.station_no,
        "applied_through": st.applied_through,
        "last_seq": st.last_seq,
        "gap": bool(held),
        "held": [{"seq": h.seq, "from": h.from_change_id, "to": h.to_change_id, "file": h.file_name} for h in held],
        "send_from": st.applied_through + 1,
        "bundles": files,
        "problems": problems,
        "problems_total": total,
        "office": {"unit_code": unit.code, "procedure_set_version": procedure_set_version(session),
                   "calendar_version": cal_label, "calendar_digest": cal_digest},
        "short_code": code,
        "created_at_local": iso(now),
    }
    manifest = {
        "format": fmt.FORMAT, "format_version": fmt.FORMAT_VERSION, "kind": "ack", "bundle_id": str(uuid.uuid4()),
        "seq": st.last_seq,
        "sender": {"unit_code": unit.code, "station_id": unit.station_instance, "key_id": sign_kid,
                   "app_version": app_version()},
        "recipient": {"unit_code": st.unit_code, "station_id": st.station_id},
        "created_at_local": iso(now),
    }
    blob = fmt.build_zip(manifest, {"ack.json": fmt.canonical(body)}, sign_key)
    name = ackmod.ack_file_name(st.unit_code, st.station_no, st.last_seq, st.applied_through, now)
    return name, blob, code, body


def _write_acks(db, data_dir: Path, unit: UnitInfo, results: list[FileResult], *, now: datetime,
                ack_dir: Path | None) -> list[AckWritten]:
    folder = Path(ack_dir) if ack_dir else sync_dir(data_dir, "acks")
    by_station: dict[str, list[dict]] = {}
    with db.session(write=False) as s:
        for r in results:
            sid = r.station_id
            if not sid and r.unit_code and r.station is not None:  # a rejection, routed by its file name
                sid = s.execute(
                    select(SyncStation.station_id).where(SyncStation.unit_code == r.unit_code,
                                                         SyncStation.station_no == r.station,
                                                         SyncStation.status == "active")
                ).scalars().first() or ""
            if sid:
                by_station.setdefault(sid, []).append(
                    {"file": r.file, "sha256": r.sha256, "seq": r.seq, "volume": r.volume, "status": r.status,
                     "reason": r.reason, "code": r.code}
                )
        out = []
        for sid, files in by_station.items():
            st = s.execute(select(SyncStation).where(SyncStation.station_id == sid)).scalar_one()
            name, blob, code, body = build_ack(s, data_dir, unit, st, files, now=now)
            written = write_verified(folder, name, blob)
            out.append(AckWritten(st.unit_code, st.station_no, sid, st.applied_through, st.last_seq, code,
                                  str(written.path), body["gap"], body["problems_total"]))
    return out
