"""Sync use cases for the CLI and the window: keys, enrollment, export, import, status.

Most take the opened ``Database`` rather than a session: an import runs one transaction per
bundle (a bad bundle never undoes a good one), and an export writes files between reading
and recording. Every result is a frozen dataclass (or a plain dict for file documents).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from db.models import ChangeLog, Dossier, Procedure
from db.models_sync import SyncBundle, SyncQuarantine, SyncStation
from desk_app.clock import from_db, iso
from desk_app.errors import UserError
from desk_app.services.setup import get_unit
from desk_app.sync import commune_in, enroll as enroll_mod, export as export_mod, importer, publish
from desk_app.sync import keys as keymod
from desk_app.sync.apply import Applier, quarantine_summary
from desk_app.sync.state import calendar_versions, procedure_set_version, read_state, write_verified

ACK_WARNING_DAYS = 14

ExportResult = export_mod.ExportResult
ImportReport = importer.ImportReport


# ----------------------------------------------------------------------------- keys and trust


@dataclass(frozen=True)
class KeysInfo:
    role: str
    unit_code: str
    station: int
    station_id: str
    keys: keymod.PublicKeys
    rotated: bool = False

    def to_dict(self) -> dict:
        return {"role": self.role, "unit_code": self.unit_code, "station": self.station,
                "station_id": self.station_id, "rotated": self.rotated, **self.keys.to_dict()}


def keys_init(db, data_dir: Path, *, now: datetime, actor: str, new: bool = False) -> KeysInfo:
    from desk_app.services import audit

    with db.session() as s:
        unit = get_unit(s)
        if new:
            keymod.rotate(s, data_dir, now=now)
        pub = keymod.ensure_keys(s, data_dir, now=now)
        audit.append(s, at=now, actor=actor, action="sync.keys", entity="station", key=unit.station_instance,
                     detail={"key_id": pub.sign_key_id, "enc_key_id": pub.enc_key_id, "new": new})
    return KeysInfo("upstream" if unit.is_upstream_office else "commune", unit.code, unit.station,
                    unit.station_instance, pub, new)


@dataclass(frozen=True)
class KeyDocument:
    """An enrollment request or the office's key file, written and ready to print."""

    path: str
    fingerprint: str
    form: str
    document: dict

    def to_dict(self) -> dict:
        return {"path": self.path, "fingerprint": self.fingerprint, "form": self.form, "document": self.document}


def _write_doc(path: Path, doc: dict) -> KeyDocument:
    path = Path(path)
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    written = write_verified(path.parent if str(path.parent) else Path("."), path.name, data)
    return KeyDocument(str(written.path), keymod.grouped(doc["sign_key_id"]), enroll_mod.form_text(doc), doc)


def enroll_request(db, data_dir: Path, out: Path, *, now: datetime) -> KeyDocument:
    with db.session() as s:
        doc = enroll_mod.enroll_request(s, data_dir, now=now)
    return _write_doc(out, doc)


def upstream_key(db, data_dir: Path, out: Path, *, now: datetime) -> KeyDocument:
    with db.session() as s:
        doc = enroll_mod.upstream_key(s, data_dir, now=now)
    return _write_doc(out, doc)


def enroll(db, path: Path, *, fingerprint: str | None, now: datetime, actor: str) -> dict:
    with db.session() as s:
        return enroll_mod.enroll(s, path, fingerprint=fingerprint, now=now, actor=actor)


def trust_upstream(db, data_dir: Path, path: Path, *, fingerprint: str | None, replace: bool, now: datetime,
                   actor: str) -> dict:
    with db.session() as s:
        return enroll_mod.trust_upstream(s, data_dir, path, fingerprint=fingerprint, replace=replace, now=now,
                                         actor=actor)


# ----------------------------------------------------------------------------- bundles


def export(db, data_dir: Path, out_dir: Path, *, now: datetime, actor: str,
           max_mb: float = export_mod.DEFAULT_MAX_MB) -> ExportResult:
    with db.session() as s:
        return export_mod.export_changes(s, data_dir, Path(out_dir), now=now, actor=actor, max_mb=max_mb)


def import_files(db, data_dir: Path, paths, *, now: datetime, actor: str, ack_dir: Path | None = None) -> ImportReport:
    return importer.import_files(db, data_dir, [Path(p) for p in paths], now=now, actor=actor, ack_dir=ack_dir)


def ack_code(db, data_dir: Path, code: str, *, now: datetime, actor: str) -> dict:
    with db.session(write=False) as s:
        unit = get_unit(s)
    if unit.is_upstream_office:
        raise UserError("acknowledgement codes are typed at the commune desk")
    return commune_in.ack_code(db, data_dir, code, now=now, actor=actor)


def publish_procedures(db, data_dir: Path, source: Path, out_dir: Path, *, now: datetime, actor: str) -> dict:
    with db.session() as s:
        out = publish.publish_procedures(s, data_dir, source, out_dir, now=now, actor=actor)
    return out


def publish_results(db, data_dir: Path, unit_code: str, results: list[dict], out_dir: Path, *, now: datetime,
                    actor: str) -> dict:
    """Upstream: results of a commune's dossiers resolved here, as a signed update for it."""
    with db.session() as s:
        return publish.publish_results(s, data_dir, unit_code, results, out_dir, now=now, actor=actor)


def publish_calendar(db, data_dir: Path, year: int, out_dir: Path, *, now: datetime, actor: str) -> dict:
    with db.session() as s:
        return publish.publish_calendar(s, data_dir, year, out_dir, now=now, actor=actor)


def rotate_office_keys(db, data_dir: Path, out_dir: Path, *, now: datetime, actor: str) -> dict:
    with db.session() as s:
        return publish.rotate_keys(s, data_dir, out_dir, now=now, actor=actor)


def retry_quarantine(db, *, now: datetime) -> dict:
    """Upstream: try every open quarantined change again (e.g. after importing a set here)."""
    out = {}
    with db.session(write=False) as s:
        ids = [sid for (sid,) in s.execute(
            select(SyncQuarantine.station_id).where(SyncQuarantine.status == "open").distinct())]
    for sid in ids:
        with db.session() as s:
            st = s.execute(select(SyncStation).where(SyncStation.station_id == sid)).scalar_one()
            res = Applier(s, st, now=now).retry_only()
            _items, left = quarantine_summary(s, sid, limit=0)
            out[f"{st.unit_code}/{st.station_no}"] = {"released": res.released, "still_quarantined": left}
    return out


# ----------------------------------------------------------------------------- status


@dataclass(frozen=True)
class CommuneStatus:
    unit_code: str
    station: int
    station_id: str
    fingerprint: str
    upstream: dict | None
    last_export: dict | None
    acked_through_change_id: int
    max_acked_change_id: int
    last_ack_at: datetime | None
    ack_age_days: int | None
    last_change_id: int
    unacknowledged_changes: int
    pending_bundles: tuple[dict, ...]
    problems: tuple[dict, ...]
    problems_total: int
    office_reports_gap: bool
    versions: dict
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "role": "commune", "unit_code": self.unit_code, "station": self.station, "station_id": self.station_id,
            "fingerprint": self.fingerprint, "upstream": self.upstream, "last_export": self.last_export,
            "acked_through_change_id": self.acked_through_change_id,
            "max_acked_change_id": self.max_acked_change_id, "last_ack_at": iso(self.last_ack_at),
            "ack_age_days": self.ack_age_days, "last_change_id": self.last_change_id,
            "unacknowledged_changes": self.unacknowledged_changes, "pending_bundles": list(self.pending_bundles),
            "problems": list(self.problems), "problems_total": self.problems_total,
            "office_reports_gap": self.office_reports_gap, "versions": self.versions,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class StationBoard:
    unit_code: str
    unit_name: str
    station: int
    station_id: str
    status: str
    applied_through: int
    last_seq: int
    last_bundle_at: datetime | None
    data_as_of: str
    held: tuple[dict, ...]
    quarantined: int
    quarantine: tuple[dict, ...]
    chain_break: str
    versions: dict
    calendar_differs: bool
    dossiers: int

    def to_dict(self) -> dict:
        return {
            "unit_code": self.unit_code, "unit_name": self.unit_name, "station": self.station,
            "station_id": self.station_id, "status": self.status, "applied_through": self.applied_through,
            "last_bundle": {"seq": self.last_seq, "imported_at": iso(self.last_bundle_at)},
            "data_as_of": self.data_as_of, "gap": bool(self.held), "held": list(self.held),
            "quarantined": self.quarantined, "quarantine": list(self.quarantine),
            "chain_break": self.chain_break, "versions": self.versions,
            "calendar_differs": self.calendar_differs, "dossiers": self.dossiers,
        }


@dataclass(frozen=True)
class UpstreamStatus:
    unit_code: str
    fingerprint: str
    versions: dict
    communes: tuple[StationBoard, ...]

    def to_dict(self) -> dict:
        return {"role": "upstream", "unit_code": self.unit_code, "fingerprint": self.fingerprint,
                "versions": self.versions, "communes": [c.to_dict() for c in self.communes]}


def status(db, *, now: datetime) -> CommuneStatus | UpstreamStatus:
    with db.session(write=False) as s:
        unit = get_unit(s)
        state = read_state(s)
        from db.models_sync import SyncKey

        sign = s.execute(select(SyncKey.key_id).where(SyncKey.kind == keymod.SIGN, SyncKey.status == "active")
                         .order_by(SyncKey.id.desc())).scalars().first()
        fp = keymod.grouped(sign) if sign else ""
        cal_label, cal_digest = calendar_versions(s)
        versions = {"procedure_set": procedure_set_version(s), "calendar": cal_label, "calendar_digest": cal_digest}
        if unit.is_upstream_office:
            return _upstream_status(s, unit, fp, versions, cal_digest)
        last_change = s.execute(select(func.max(ChangeLog.id))).scalar() or 0
        basis = state.acked_through_change_id if state else 0
        unacked = s.execute(select(func.count(ChangeLog.id)).where(ChangeLog.id > basis)).scalar() or 0
        last_out = s.execute(
            select(SyncBundle).where(SyncBundle.direction == "out", SyncBundle.kind == "changes")
            .order_by(SyncBundle.id.desc()).limit(1)
        ).scalars().first()
        pending = s.execute(
            select(SyncBundle).where(SyncBundle.direction == "out", SyncBundle.kind == "changes",
                                     SyncBundle.status == "written").order_by(SyncBundle.id)
        ).scalars().all()
    detail = (state.ack_detail if state else None) or {}
    last_ack = from_db(state.last_ack_at) if state and state.last_ack_at else None
    age = (now.date() - last_ack.date()).days if last_ack else None
    warnings = []
    if state is None or not state.upstream_key_id:
        warnings.append("the upstream office's key is not trusted yet (sync trust-upstream FILE)")
    first_export = from_db(pending[0].recorded_at) if pending else None
    if unacked and age is not None and age > ACK_WARNING_DAYS:
        warnings.append(f"no acknowledgement for {age} days: export everything since the last acknowledgement "
                        "and send it again, or type the code the office reads over the phone")
    elif unacked and age is None and first_export is not None and (now - first_export) > timedelta(days=ACK_WARNING_DAYS):
        warnings.append(f"no acknowledgement ever received, first bundle sent {(now - first_export).days} days ago")
    if detail.get("gap"):
        warnings.append(f"the office reports missing changes: the next export re-sends from {detail.get('send_from')}")
    if detail.get("problems_total"):
        warnings.append(f"{detail['problems_total']} change(s) need attention at the office (see problems)")
    return CommuneStatus(
        unit_code=unit.code, station=unit.station, station_id=unit.station_instance, fingerprint=fp,
        upstream=({"unit_code": state.upstream_unit_code, "name": state.upstream_name,
                   "fingerprint": keymod.grouped(state.upstream_key_id)} if state and state.upstream_key_id else None),
        last_export=({"seq": last_out.seq, "at": iso(from_db(last_out.recorded_at)), "file": last_out.file_name,
                      "from": last_out.from_change_id, "to": last_out.to_change_id, "status": last_out.status}
                     if last_out else None),
        acked_through_change_id=basis, max_acked_change_id=state.max_acked_change_id if state else 0,
        last_ack_at=last_ack, ack_age_days=age, last_change_id=last_change, unacknowledged_changes=unacked,
        pending_bundles=tuple({"seq": b.seq, "file": b.file_name, "from": b.from_change_id, "to": b.to_change_id,
                               "exported_at": iso(from_db(b.recorded_at))} for b in pending),
        problems=tuple((detail.get("problems") or [])[:50]), problems_total=int(detail.get("problems_total") or 0),
        office_reports_gap=bool(detail.get("gap")),
        versions={**versions, "office": detail.get("office") or {}, "updates_applied": (state.down_seqs if state else {})},
        warnings=tuple(warnings),
    )


def _upstream_status(s, unit, fp: str, versions: dict, cal_digest: str) -> UpstreamStatus:
    boards = []
    stations = s.execute(select(SyncStation).order_by(SyncStation.unit_code, SyncStation.station_no,
                                                      SyncStation.id)).scalars().all()
    counts = dict(s.execute(select(Dossier.unit_code, func.count(Dossier.id)).group_by(Dossier.unit_code)).all())
    for st in stations:
        held = s.execute(
            select(SyncBundle).where(SyncBundle.direction == "in", SyncBundle.station_id == st.station_id,
                                     SyncBundle.status == "held").order_by(SyncBundle.from_change_id)
        ).scalars().all()
        items, total = quarantine_summary(s, st.station_id, limit=20)
        boards.append(StationBoard(
            unit_code=st.unit_code, unit_name=st.unit_name, station=st.station_no, station_id=st.station_id,
            status=st.status, applied_through=st.applied_through, last_seq=st.last_seq,
            last_bundle_at=from_db(st.last_bundle_at), data_as_of=st.data_as_of,
            held=tuple({"seq": h.seq, "from": h.from_change_id, "to": h.to_change_id, "file": h.file_name,
                        "missing": f"{st.applied_through + 1}..{h.from_change_id - 1}"} for h in held),
            quarantined=total, quarantine=tuple(items), chain_break=st.chain_break, versions=st.versions or {},
            calendar_differs=bool((st.versions or {}).get("calendar_digest")) and
            (st.versions or {}).get("calendar_digest") != cal_digest,
            dossiers=counts.get(st.unit_code, 0),
        ))
    return UpstreamStatus(unit.code, fp, versions, tuple(boards))


# ----------------------------------------------------------------------------- upstream oversight


@dataclass(frozen=True)
class ReplicaSummary:
    code: str
    unit_code: str
    procedure_code: str
    procedure_version: int
    status: int
    received_at: datetime
    due_at: datetime | None

    def to_dict(self) -> dict:
        return {"code": self.code, "unit_code": self.unit_code, "procedure_code": self.procedure_code,
                "procedure_version": self.procedure_version, "status": self.status,
                "received_at": iso(self.received_at), "due_at": iso(self.due_at)}


def list_dossiers(db, *, unit_code: str = "", limit: int = 200) -> list[ReplicaSummary]:
    """Every commune's dossiers with their unit code (the board's list; no personal data)."""
    with db.session(write=False) as s:
        stmt = (select(Dossier.code, Dossier.unit_code, Dossier.procedure_code, Procedure.version, Dossier.status,
                       Dossier.received_at, Dossier.due_at)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .order_by(Dossier.received_at.desc(), Dossier.id.desc()).limit(max(1, min(limit, 5000))))
        if unit_code:
            stmt = stmt.where(Dossier.unit_code == unit_code)
        return [ReplicaSummary(c, u, p, v, st, from_db(r), from_db(d)) for c, u, p, v, st, r, d in s.execute(stmt)]
