"""Upstream -> communes: procedure sets, calendars and key rotation, as signed update files
(``.mcu``, one file for every commune: ``recipient.unit_code`` is ``*``).

Each update has the office's next sequence number; a commune applies an update of a kind
only if it is newer than the last one it applied, so the files may arrive in any order.
A calendar update lists every exceptional day of the year explicitly (and the days removed),
so it never depends on an earlier one.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CalendarOverride, ChangeLog
from db.models_sync import SyncBundle
from desk_app.clock import iso, to_db
from desk_app.errors import UserError
from desk_app.services import audit, catalog
from desk_app.services.setup import get_unit
from desk_app.sync import bundle as fmt
from desk_app.sync import keys as keymod
from desk_app.sync.state import app_version, calendar_versions, get_state, require_role, write_verified


def _publish(session: Session, data_dir: Path, out_dir: Path, kind: str, files: dict[str, bytes], *,
             now: datetime, actor: str, sign_key_id: str | None = None, extra: dict | None = None,
             recipient: str = "*") -> dict:
    unit = get_unit(session)
    require_role(unit, upstream=True, what=f"publishing a {kind} update")
    keymod.ensure_keys(session, data_dir, now=now)
    state = get_state(session, unit)
    kid, key = keymod.signing_key(session, data_dir, sign_key_id)
    seq = state.last_seq_exported + 1
    manifest = {
        "format": fmt.FORMAT, "format_version": fmt.FORMAT_VERSION, "kind": kind, "bundle_id": str(uuid.uuid4()),
        "seq": seq, "volume": {"index": 1, "of": 1},
        "sender": {"unit_code": unit.code, "unit_name": unit.name, "station": unit.station,
                   "station_id": unit.station_instance, "key_id": kid, "app_version": app_version()},
        "recipient": {"unit_code": recipient},
        "created_at_local": iso(now),
        **(extra or {}),
    }
    blob = fmt.build_zip(manifest, files, key)
    name = f"{unit.code}_{unit.station}_{seq:05d}_{now:%Y%m%d}_{kind}.{fmt.EXT_UPDATE}"
    written = write_verified(Path(out_dir), name, blob)
    state.last_seq_exported = seq
    state.last_export_at = to_db(now)
    session.add(SyncBundle(
        direction="out", kind=kind, bundle_id=manifest["bundle_id"], seq=seq, volume_index=1, volume_of=1,
        unit_code=recipient, station_id=unit.station_instance, file_name=name, sha256=written.sha256, bytes=written.bytes,
        from_change_id=0, to_change_id=0, change_count=0, created_at_local=iso(now), recorded_at=to_db(now),
        status="written", reason="", path=str(written.path), prev_bundle_sha256="", detail=extra or {},
    ))
    session.flush()
    audit.append(session, at=now, actor=actor, action=f"sync.publish.{kind}", entity="bundle", key=str(seq),
                 detail={"file": name})
    return {"kind": kind, "seq": seq, "file": str(written.path), "sha256": written.sha256, "bytes": written.bytes}


def publish_procedures(session: Session, data_dir: Path, source: Path, out_dir: Path, *, now: datetime, actor: str) -> dict:
    """Import a published set here (so this office knows it too) and write the update."""
    unit = get_unit(session)
    require_role(unit, upstream=True, what="publishing a procedure set")
    set_info, procs, converted, content = catalog.parse_file(Path(source))
    sha = fmt.sha256(content)
    summary = catalog.import_records(session, set_info, procs, source_name=Path(source).name, source_sha256=sha,
                                     converted=converted, now=now, actor=actor)
    info = {**set_info, "effective_from": set_info["effective_from"].isoformat() if set_info.get("effective_from") else None}
    doc = {"set": info, "procedures": procs, "source_name": Path(source).name, "source_sha256": sha}
    out = _publish(session, data_dir, out_dir, "procedures", {"procedures.json": fmt.canonical(doc)}, now=now,
                   actor=actor, extra={"procedure_set_version": f"{set_info['code']}#{sha[:8]}"})
    return {**out, "import": summary.to_dict()}


RESULT_ACTIONS = ("result-ready", "refuse", "stop")


def publish_results(session: Session, data_dir: Path, unit_code: str, results: list[dict], out_dir: Path, *,
                    now: datetime, actor: str) -> dict:
    """Results of dossiers this office resolved (một cửa liên thông), sent down to the commune
    that owns them. The office never edits a commune's dossier: the commune applies the
    result itself, as its own event, and reports it back in its next bundle."""
    from db.models import Dossier

    if not results:
        raise UserError("no results to send", field="dossier")
    items = []
    for r in results:
        code, action = str(r.get("code") or "").strip(), r.get("action", "result-ready")
        if action not in RESULT_ACTIONS:
            raise UserError(f"'{action}' is not one of: {', '.join(RESULT_ACTIONS)}", field="action")
        owner = session.execute(select(Dossier.unit_code).where(Dossier.code == code)).scalar_one_or_none()
        if owner is None:
            raise UserError(f"this office has no dossier '{code}'", field="dossier")
        if owner != unit_code:
            raise UserError(f"dossier {code} belongs to {owner}, not {unit_code}", field="dossier")
        if action in ("refuse", "stop") and not str(r.get("reason") or "").strip():
            raise UserError(f"'{action}' needs a reason", field="reason")
        at = r.get("at") or now
        items.append({"code": code, "action": action, "at": iso(at), "reason": str(r.get("reason") or ""),
                      "note": str(r.get("note") or "")})
    doc = {"unit_code": unit_code, "results": items}
    out = _publish(session, data_dir, out_dir, "results", {"results.json": fmt.canonical(doc)}, now=now,
                   actor=actor, recipient=unit_code)
    return {**out, "results": len(items), "unit_code": unit_code}


def publish_calendar(session: Session, data_dir: Path, year: int, out_dir: Path, *, now: datetime, actor: str) -> dict:
    if not 1990 <= year <= 2100:
        raise UserError(f"year {year} is out of range", field="year")
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = session.execute(
        select(CalendarOverride).where(CalendarOverride.day >= first, CalendarOverride.day <= last)
        .order_by(CalendarOverride.day)
    ).scalars().all()
    days = [{"date": r.day.isoformat(), "kind": r.kind, "note": r.note, "ref": r.ref} for r in rows]
    current = {d["date"] for d in days}
    removed = sorted({
        k for (k,) in session.execute(
            select(ChangeLog.entity_key).where(ChangeLog.entity == "calendar_day", ChangeLog.op == "delete",
                                               ChangeLog.entity_key >= first.isoformat(),
                                               ChangeLog.entity_key <= last.isoformat())
        )
    } - current)
    label, digest = calendar_versions(session)
    doc = {"year": year, "days": days, "removed": removed, "calendar_version": label, "calendar_digest": digest}
    out = _publish(session, data_dir, out_dir, "calendar", {"calendar.json": fmt.canonical(doc)}, now=now,
                   actor=actor, extra={"calendar_version": label, "calendar_digest": digest})
    return {**out, "year": year, "days": len(days), "removed": removed}


def rotate_keys(session: Session, data_dir: Path, out_dir: Path, *, now: datetime, actor: str) -> dict:
    """New office keys; the update announcing them is signed by the old key, which communes
    trust. Old private keys are kept: bundles sealed to the old key still open."""
    unit = get_unit(session)
    require_role(unit, upstream=True, what="rotating the office's keys")
    old, new = keymod.rotate(session, data_dir, now=now)
    doc = {"sign_key": new.sign_key, "sign_key_id": new.sign_key_id, "enc_key": new.enc_key,
           "enc_key_id": new.enc_key_id, "previous_key_id": old.sign_key_id}
    out = _publish(session, data_dir, out_dir, "keys", {"keys.json": fmt.canonical(doc)}, now=now, actor=actor,
                   sign_key_id=old.sign_key_id)
    return {**out, "previous_fingerprint": old.fingerprint, "fingerprint": new.fingerprint,
            "enc_key_id": new.enc_key_id}
