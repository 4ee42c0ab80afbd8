"""At a commune: acknowledgements and the upstream office's updates.

Signature first, always: every file must verify against the *trusted* upstream signing key
(``sync trust-upstream``) before anything in it is read. Updates are signed, not encrypted:
procedure sets and calendars are public decisions, identical for every commune, so one file
serves them all and anyone can inspect it; what matters is that nobody can forge one.

- ``ack``: advances the export basis to the applied-through point; never beyond what was
  exported. A lower point is taken only when the office reports a gap (it was restored from
  a backup): the next export then re-sends from there. Nothing is compacted before the
  highest acknowledged point. Problems reported (quarantined changes) are kept for the Sync
  page; an unknown procedure version is re-announced in the next bundle (its full record).
- ``procedures``: a published set, imported with ``catalog.import_records``.
- ``calendar``: a year's exceptional days, applied with ``calendar.add_override``.
- ``keys``: the office's new keys, signed by its current key.
Each kind applies only if its sequence number is newer than the last one applied, so files
arriving in any order end in the newest state.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from db.models import ChangeLog, Procedure, ProcedureSet
from db.models import CalendarOverride as OverrideRow
from db.models_sync import SyncBundle
from desk_app.clock import iso, to_db
from desk_app.errors import UserError
from desk_app.services import audit, catalog, changes
from desk_app.services import calendar as calendar_service
from desk_app.services.setup import UnitInfo, get_unit
from desk_app.sync import ack as ackmod
from desk_app.sync import bundle as fmt
from desk_app.sync import keys as keymod
from desk_app.sync.bundle import BundleRejected
from desk_app.sync.importer import FileResult, ImportReport, _duplicate, _reject, import_each
from desk_app.sync.state import get_state, read_state

log = logging.getLogger(__name__)

UPDATE_KINDS = ("procedures", "calendar", "keys", "results")


def _resolver(session: Session):
    state = read_state(session)

    def resolve(manifest: dict):
        sender = manifest.get("sender") or {}
        if state is None or not state.upstream_sign_key:
            raise BundleRejected(
                "NOT_TRUSTED", "this desk does not trust an upstream office yet: run "
                "'desk-app sync trust-upstream FILE' with the office's key file first",
            )
        if sender.get("key_id") != state.upstream_key_id:
            raise BundleRejected(
                "UNTRUSTED_KEY", f"the file is signed with key {sender.get('key_id')}, not with the trusted "
                f"upstream key {state.upstream_key_id}; import the office's key update first; nothing was applied",
            )
        return keymod.sign_public(state.upstream_sign_key), None

    return resolve


def import_commune_files(db, data_dir: Path, paths, *, now: datetime, actor: str, unit: UnitInfo) -> ImportReport:
    results = import_each(paths, lambda name, blob: _import_one(db, data_dir, unit, name, blob, now=now, actor=actor))
    return ImportReport("commune", tuple(results))


def _import_one(db, data_dir: Path, unit: UnitInfo, name: str, blob: bytes, *, now: datetime, actor: str) -> FileResult:
    sha = fmt.sha256(blob)
    try:
        with db.session(write=False) as s:
            dup = s.execute(select(SyncBundle).where(SyncBundle.sha256 == sha)).scalar_one_or_none()
            if dup is not None:
                return _duplicate(name, sha, dup)
            verified, _env = fmt.open_file(
                blob, decrypt_keys=keymod.decryption_keys(s, data_dir), resolve_key=_resolver(s),
                office=f"this desk ({unit.code})",
            )
        m = verified.manifest
        kind = m.get("kind")
        recipient = m.get("recipient") or {}
        if kind == "changes":
            raise BundleRejected("WRONG_KIND", "this is a commune's change bundle: import it at the upstream office")
        if kind == "ack":
            if recipient.get("station_id") != unit.station_instance:
                raise BundleRejected(
                    "WRONG_RECIPIENT", f"this acknowledgement is for another station ({recipient.get('unit_code')}, "
                    f"{recipient.get('station_id')}); this desk is {unit.code} station {unit.station}",
                )
        elif kind in UPDATE_KINDS:
            if recipient.get("unit_code") not in ("*", unit.code):
                raise BundleRejected("WRONG_RECIPIENT", f"this update is addressed to {recipient.get('unit_code')}")
        else:
            raise BundleRejected("WRONG_KIND", f"unknown bundle kind '{kind}'")
        with db.session() as s:  # one transaction: any failure inside leaves the database as it was
            return _apply(s, data_dir, unit, name, sha, blob, verified, now=now, actor=actor)
    except BundleRejected as exc:
        return _reject(data_dir, name, sha, blob, exc)


def _apply(s: Session, data_dir: Path, unit: UnitInfo, name: str, sha: str, blob: bytes, verified: fmt.Verified,
           *, now: datetime, actor: str) -> FileResult:
    m = verified.manifest
    kind = m["kind"]
    seq = int(m.get("seq", 0))
    state = get_state(s, unit)
    detail: dict = {}
    status, reason = "applied", ""
    if kind == "ack":
        body = _json(verified, "ack.json")
        status, reason, detail = _apply_ack(s, state, body, now=now, actor=actor)
    else:
        seqs = dict(state.down_seqs or {})
        if kind == "results":  # each results update stands alone: none supersedes another
            detail = _apply_results(s, unit, _json(verified, "results.json"), now=now, actor=actor)
        elif seq <= int(seqs.get(kind, 0)):
            status, reason = "superseded", f"a newer {kind} update (#{seqs.get(kind)}) was applied already"
        else:
            if kind == "procedures":
                detail = _apply_procedures(s, state, _json(verified, "procedures.json"), name, now=now, actor=actor)
            elif kind == "calendar":
                detail = _apply_calendar(s, state, _json(verified, "calendar.json"), now=now, actor=actor)
            else:
                detail = _apply_keys(s, state, _json(verified, "keys.json"), now=now, actor=actor)
            seqs[kind] = seq
            state.down_seqs = seqs
    rng = (detail.get("applied_through", 0), detail.get("applied_through", 0)) if kind == "ack" else (0, 0)
    s.add(SyncBundle(
        direction="in", kind=kind, bundle_id=str(m.get("bundle_id", ""))[:36], seq=seq, volume_index=1, volume_of=1,
        unit_code=(m.get("sender") or {}).get("unit_code", "")[:40], station_id=unit.station_instance,
        file_name=name[:200], sha256=sha, bytes=len(blob), from_change_id=rng[0], to_change_id=rng[1],
        change_count=0, created_at_local=str(m.get("created_at_local", ""))[:40], recorded_at=to_db(now),
        status=status, reason=reason, path="", prev_bundle_sha256="", detail=detail,
    ))
    s.flush()
    audit.append(s, at=now, actor=actor, action=f"sync.import.{kind}", entity="bundle", key=f"{seq}",
                 detail={"status": status, **{k: v for k, v in detail.items() if k != "problems"}})
    return FileResult(file=name, sha256=sha, status=status, kind=kind, reason=reason,
                      unit_code=(m.get("sender") or {}).get("unit_code", ""), seq=seq, detail=detail)


def _json(verified: fmt.Verified, member: str) -> dict:
    try:
        data = json.loads(fmt.signed_payload(verified, member).decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise BundleRejected("INVALID_CONTENT", f"{member} is malformed") from None
    return data


# ----------------------------------------------------------------------------- acknowledgements


def _max_exported(s: Session, station_id: str) -> int:
    return s.execute(
        select(func.max(SyncBundle.to_change_id)).where(SyncBundle.direction == "out", SyncBundle.kind == "changes",
                                                        SyncBundle.station_id == station_id)
    ).scalar() or 0


def advance(s: Session, state, applied: int, *, gap: bool, seq: int, now: datetime, data_dir: Path | None = None) -> str:
    """Move the export basis for an acknowledgement (file or typed code). Returns what happened."""
    exported = _max_exported(s, state.station_id)
    if applied > exported:
        raise BundleRejected(
            "NOT_EXPORTED", f"the acknowledgement confirms changes up to {applied}, but this desk only exported up "
            f"to {exported}: it is for another database of this station; nothing was changed",
        )
    before = state.acked_through_change_id
    if applied >= before:
        state.acked_through_change_id = applied
        outcome = "advanced" if applied > before else "unchanged"
    elif gap:
        state.acked_through_change_id = applied
        outcome = "resend"  # the office lost changes (restored from a backup): send again from there
    else:
        outcome = "older"  # an old acknowledgement arriving late
    state.max_acked_change_id = max(state.max_acked_change_id, applied)
    if outcome != "older":
        state.last_ack_at = to_db(now)
        state.last_ack_seq = seq
    if outcome in ("advanced", "unchanged"):
        acked = s.execute(
            select(SyncBundle).where(SyncBundle.direction == "out", SyncBundle.kind == "changes",
                                     SyncBundle.station_id == state.station_id, SyncBundle.status == "written",
                                     SyncBundle.to_change_id <= applied)
        ).scalars().all()
        for b in acked:
            b.status = "acked"
            if b.path:  # the local copy is no longer needed once acknowledged
                try:
                    Path(b.path).unlink(missing_ok=True)
                except OSError:
                    log.warning("could not remove the acknowledged local copy %s", b.file_name)
    s.flush()
    return outcome


def _apply_ack(s: Session, state, body: dict, *, now: datetime, actor: str) -> tuple[str, str, dict]:
    try:
        applied = int(body["applied_through"])
        seq = int(body.get("last_seq", 0))
        gap = bool(body.get("gap"))
    except (KeyError, TypeError, ValueError):
        raise BundleRejected("INVALID_CONTENT", "ack.json has no applied-through point") from None
    outcome = advance(s, state, applied, gap=gap, seq=seq, now=now)
    problems = body.get("problems") or []
    if outcome != "older":
        state.ack_detail = {
            "applied_through": applied, "seq": seq, "gap": gap, "held": body.get("held") or [],
            "send_from": body.get("send_from"), "problems": problems[:1000],
            "problems_total": body.get("problems_total", len(problems)), "bundles": body.get("bundles") or [],
            "office": body.get("office") or {}, "short_code": body.get("short_code", ""),
            "created_at_local": body.get("created_at_local"), "imported_at": iso(now),
        }
    reannounced = _reannounce(s, state, problems, now=now) if outcome != "older" else []
    reason = {
        "advanced": f"the office has applied every change up to {applied}",
        "unchanged": f"the office has applied every change up to {applied} (no news)",
        "resend": f"the office reports a gap: the next export re-sends everything after change {applied}",
        "older": f"an older acknowledgement (up to {applied}); the current point {state.acked_through_change_id} stands",
    }[outcome]
    return "applied", reason, {"applied_through": applied, "outcome": outcome, "gap": gap,
                               "problems_total": body.get("problems_total", len(problems)),
                               "reannounced_procedures": reannounced}


def _reannounce(s: Session, state, problems: list, *, now: datetime) -> list[str]:
    """A procedure version the office does not know: put its full record in the outbox again,
    so the next bundle carries it and the quarantined dossiers can be applied."""
    wanted = set()
    for p in problems:
        if isinstance(p, dict) and p.get("code") == "UNKNOWN_PROCEDURE_VERSION":
            proc = p.get("procedure") or {}
            if isinstance(proc.get("code"), str) and isinstance(proc.get("version"), int):
                wanted.add((proc["code"], proc["version"]))
    done = []
    for code, version in sorted(wanted):
        key = f"{code}@{version}"
        pending = s.execute(
            select(ChangeLog.id).where(and_(ChangeLog.entity == "procedure", ChangeLog.entity_key == key,
                                            ChangeLog.id > state.acked_through_change_id)).limit(1)
        ).first()
        if pending:
            continue
        row = s.execute(
            select(Procedure, ProcedureSet.code).join(ProcedureSet, ProcedureSet.id == Procedure.set_id)
            .where(Procedure.code == code, Procedure.version == version)
        ).first()
        if row is None:
            continue
        proc, set_code = row
        changes.record(s, entity="procedure", key=key, payload={"set": set_code, "version": version, **proc.data}, at=now)
        done.append(key)
    return done


def ack_code(db, data_dir: Path, code: str, *, now: datetime, actor: str) -> dict:
    """The short code read over the phone and typed here: advances the acknowledged point."""
    with db.session() as s:
        state = get_state(s, get_unit(s))
        if not state.upstream_enc_key:
            raise UserError("this desk does not trust an upstream office yet: run 'desk-app sync trust-upstream FILE'")
        station_id = state.station_id
        peer = keymod.enc_public(state.upstream_enc_key)
        last_error = None
        for kid, priv in keymod.decryption_keys(s, data_dir).items():
            try:
                applied, seq = ackmod.read_code(code, priv, peer, station_id)
                break
            except UserError as exc:
                last_error = exc
        else:
            raise last_error or UserError("this desk has no key to check the code with")
        try:
            outcome = advance(s, state, applied, gap=False, seq=seq, now=now)
        except BundleRejected as exc:
            raise UserError(str(exc)) from None
        audit.append(s, at=now, actor=actor, action="sync.ack-code", entity="bundle", key=str(seq),
                     detail={"applied_through": applied, "outcome": outcome})
        return {"applied_through": applied, "seq": seq, "outcome": outcome,
                "acked_through_change_id": state.acked_through_change_id}


# ----------------------------------------------------------------------------- updates


def _as_upstream(actor: str) -> str:
    """Updates carry the upstream office's signed authority, whoever carried the stick in:
    a clerk importing a calendar update is not editing the calendar."""
    from desk_app.services.users import SYSTEM_PREFIX

    return f"{SYSTEM_PREFIX}upstream (imported by {actor})"


def _apply_results(s: Session, unit: UnitInfo, doc: dict, *, now: datetime, actor: str) -> dict:
    """Results of dossiers resolved upstream, applied as this desk's own transitions (so they
    travel back up like any change). One that no longer fits is reported, not forced."""
    from desk_app.services import dossiers
    from desk_app.services.dossiers import TransitionRequest

    if doc.get("unit_code") != unit.code:
        raise BundleRejected("WRONG_RECIPIENT", f"these results are for {doc.get('unit_code')}")
    applied, already, problems = [], [], []
    targets = {"result-ready": 9, "refuse": 3, "stop": 8}
    for r in doc.get("results") or []:
        code, action = str(r.get("code") or ""), r.get("action")
        if action not in targets:
            problems.append({"code": code, "reason": f"unknown action {action!r}"})
            continue
        try:
            at = datetime.fromisoformat(r["at"])
            current = dossiers.show(s, code)
            if current.status == targets[action]:
                already.append(code)
                continue
            with s.begin_nested():  # one refused result must not undo the others
                dossiers.transition(
                    s, code,
                    TransitionRequest(action=action, at=min(at, now), reason=r.get("reason") or "",
                                      note=r.get("note") or "", sub_status="upstream"),
                    now=now, actor=_as_upstream(actor),
                )
            applied.append(code)
        except (UserError, KeyError, TypeError, ValueError) as exc:
            problems.append({"code": code, "reason": str(exc)})
    return {"applied": applied, "already": already, "problems": problems}


def _apply_procedures(s: Session, state, doc: dict, name: str, *, now: datetime, actor: str) -> dict:
    set_info = dict(doc.get("set") or {})
    procs = doc.get("procedures")
    if not isinstance(procs, list) or not set_info.get("code"):
        raise BundleRejected("INVALID_CONTENT", "procedures.json has no set or no procedures")
    try:
        set_info, procs, converted = catalog.normalize_set({"set": set_info, "procedures": procs}, name)
    except UserError as exc:
        raise BundleRejected("INVALID_CONTENT", f"the published set is invalid: {exc}") from None
    summary = catalog.import_records(
        s, set_info, procs, source_name=str(doc.get("source_name") or name)[:300],
        source_sha256=str(doc.get("source_sha256") or "")[:64] or fmt.sha256(fmt.canonical(doc)),
        converted=converted, now=now, actor=_as_upstream(actor),
    )
    state.procedure_set_version = f"{set_info['code']}#{str(doc.get('source_sha256', ''))[:8]}"
    return summary.to_dict()


def _apply_calendar(s: Session, state, doc: dict, *, now: datetime, actor: str) -> dict:
    days = doc.get("days")
    if not isinstance(days, list):
        raise BundleRejected("INVALID_CONTENT", "calendar.json has no days")
    changed, same, refused = [], 0, []
    for d in days:
        try:
            day = date.fromisoformat(d["date"])
            kind, note, ref = d["kind"], str(d.get("note") or ""), str(d.get("ref") or "")
        except (KeyError, TypeError, ValueError):
            raise BundleRejected("INVALID_CONTENT", f"calendar.json: bad day {d!r}") from None
        row = s.execute(select(OverrideRow).where(OverrideRow.day == day)).scalar_one_or_none()
        if row is not None and (row.kind, row.note, row.ref) == (kind, note, ref):
            same += 1
            continue
        try:
            calendar_service.add_override(s, day, kind, note=note, ref=ref, now=now, actor=_as_upstream(actor))
            changed.append(day.isoformat())
        except UserError as exc:
            refused.append({"date": day.isoformat(), "reason": str(exc)})
    removed = []
    for text in doc.get("removed") or []:
        try:
            day = date.fromisoformat(text)
        except (TypeError, ValueError):
            continue
        if s.execute(select(OverrideRow.id).where(OverrideRow.day == day)).first():
            calendar_service.remove_override(s, day, now=now, actor=_as_upstream(actor))
            removed.append(text)
    state.calendar_version = str(doc.get("calendar_version") or "")[:80]
    return {"year": doc.get("year"), "changed": changed, "removed": removed, "unchanged": same,
            "refused": refused, "office_calendar_version": state.calendar_version}


def _apply_keys(s: Session, state, doc: dict, *, now: datetime, actor: str) -> dict:
    try:
        sign_raw = keymod.unb64(doc["sign_key"])
        enc_raw = keymod.unb64(doc["enc_key"])
    except (KeyError, UserError):
        raise BundleRejected("INVALID_CONTENT", "keys.json is malformed") from None
    if keymod.key_id_of(sign_raw) != doc.get("sign_key_id") or keymod.key_id_of(enc_raw) != doc.get("enc_key_id"):
        raise BundleRejected("INVALID_CONTENT", "keys.json: key ids do not match the keys")
    old = state.upstream_key_id
    state.upstream_sign_key, state.upstream_key_id = doc["sign_key"], doc["sign_key_id"]
    state.upstream_enc_key, state.upstream_enc_key_id = doc["enc_key"], doc["enc_key_id"]
    return {"previous_key_id": old, "sign_key_id": doc["sign_key_id"], "enc_key_id": doc["enc_key_id"],
            "fingerprint": keymod.grouped(doc["sign_key_id"])}


__all__ = ["import_commune_files", "ack_code", "advance"]
