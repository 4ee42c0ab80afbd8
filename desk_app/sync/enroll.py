"""Trust on paper: enrollment requests (commune -> office) and the office's key file
(office -> commune).

Both files are small JSON documents, self-signed with the key they carry (proof that the
sender holds the private key). That proves possession, not identity: identity comes from the
fingerprint printed on the form that the commune and the office both sign; ``--fingerprint``
makes the importing side compare it with the paper, character by character.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models_sync import SyncStation
from desk_app.clock import iso, to_db
from desk_app.errors import UserError
from desk_app.services import audit
from desk_app.services.setup import get_unit
from desk_app.sync import keys as keymod
from desk_app.sync.bundle import canonical
from desk_app.sync.state import app_version, get_state, require_role

REQUEST_FORMAT = "mot-cua-desk/enroll-request"
UPSTREAM_FORMAT = "mot-cua-desk/upstream-key"


def _self_signed(session: Session, data_dir: Path, unit, fmt_name: str, *, now: datetime, **fields) -> dict:
    """This unit's public keys (made now if missing) and ``fields`` in a document of format
    ``fmt_name``, signed with its own signing key."""
    pub = keymod.ensure_keys(session, data_dir, now=now)
    body = {
        "format": fmt_name, "format_version": 1, "unit_code": unit.code, "unit_name": unit.name, **fields,
        "sign_key": pub.sign_key, "sign_key_id": pub.sign_key_id, "enc_key": pub.enc_key,
        "enc_key_id": pub.enc_key_id, "created_at_local": iso(now), "app_version": app_version(),
    }
    _kid, key = keymod.signing_key(session, data_dir, body["sign_key_id"])
    return {**body, "signature": keymod.b64(key.sign(canonical(body)))}


def _check_self_signed(doc: dict, fmt_name: str, fingerprint: str | None) -> dict:
    if not isinstance(doc, dict) or doc.get("format") != fmt_name:
        raise UserError(f"this is not a {fmt_name} file")
    body = {k: v for k, v in doc.items() if k != "signature"}
    try:
        sign_raw = keymod.unb64(str(doc["sign_key"]))
        enc_raw = keymod.unb64(str(doc.get("enc_key") or "")) if doc.get("enc_key") else b""
        keymod.sign_public(doc["sign_key"]).verify(keymod.unb64(str(doc["signature"])), canonical(body))
    except (KeyError, InvalidSignature, ValueError):
        raise UserError("the file's signature does not verify: it was altered or damaged; ask for a new one") from None
    if keymod.key_id_of(sign_raw) != doc.get("sign_key_id"):
        raise UserError("the file's key id does not match its key: it was altered")
    if enc_raw and keymod.key_id_of(enc_raw) != doc.get("enc_key_id"):
        raise UserError("the file's encryption key id does not match its key: it was altered")
    if fingerprint is not None and keymod.normalize_fingerprint(fingerprint) != doc["sign_key_id"]:
        raise UserError(
            f"the fingerprint typed from the paper form ({fingerprint}) does not match the file's key "
            f"({keymod.grouped(doc['sign_key_id'])}); do not trust this file"
        )
    return doc


def _load(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"file not found: {path}") from None
    except (OSError, ValueError, UnicodeDecodeError):
        raise UserError(f"{path} is not a readable key file") from None


def form_text(doc: dict) -> str:
    """What is printed on the paper form both sides sign."""
    who = f"{doc.get('unit_name', '')} ({doc.get('unit_code')})"
    lines = [
        "MỘT CỬA DESK — " + ("ENROLLMENT OF A STATION" if doc.get("format") == REQUEST_FORMAT else "UPSTREAM OFFICE KEY"),
        f"Unit: {who}",
    ]
    if doc.get("station") is not None and doc.get("format") == REQUEST_FORMAT:
        lines.append(f"Station: {doc.get('station')}   Station id: {doc.get('station_id')}")
    lines += [
        f"Signing key fingerprint:    {keymod.grouped(doc['sign_key_id'])}",
        f"Encryption key fingerprint: {keymod.grouped(doc.get('enc_key_id', ''))}",
        f"Made: {doc.get('created_at_local')}",
        "",
        "Signed for the commune: ______________________   Signed for the office: ______________________",
    ]
    return "\n".join(lines)


def enroll_request(session: Session, data_dir: Path, *, now: datetime) -> dict:
    unit = get_unit(session)
    require_role(unit, upstream=False, what="asking to be enrolled")
    return _self_signed(session, data_dir, unit, REQUEST_FORMAT, now=now, station=unit.station,
                        station_id=unit.station_instance)


def enroll(session: Session, path: Path, *, fingerprint: str | None, now: datetime, actor: str) -> dict:
    unit = get_unit(session)
    require_role(unit, upstream=True, what="enrolling a station")
    doc = _check_self_signed(_load(path), REQUEST_FORMAT, fingerprint)
    try:
        station_id, unit_code, station_no = str(doc["station_id"]), str(doc["unit_code"]), int(doc["station"])
    except (KeyError, TypeError, ValueError):
        raise UserError("the enrollment request lacks the unit, the station or its id") from None
    if unit_code == unit.code:
        raise UserError("a commune cannot be enrolled under this office's own unit code")
    row = session.execute(select(SyncStation).where(SyncStation.station_id == station_id)).scalar_one_or_none()
    outcome = "enrolled"
    if row is None:
        row = SyncStation(station_id=station_id, unit_code=unit_code, station_no=station_no,
                          enrolled_at=to_db(now), enrolled_by=actor, applied_through=0, last_seq=0,
                          audit_head_id=0, audit_heads={}, chain_break="", versions={}, data_as_of="",
                          recipient_key_id="")
        session.add(row)
    elif row.key_id == doc["sign_key_id"]:
        outcome = "already enrolled"
    else:
        outcome = "key replaced"
    if row.unit_code != unit_code:
        raise UserError(f"station {station_id} is enrolled for unit {row.unit_code}, not {unit_code}")
    row.unit_name = str(doc.get("unit_name") or "")[:200]
    row.station_no = station_no
    row.key_id, row.sign_key = doc["sign_key_id"], doc["sign_key"]
    row.enc_key = str(doc.get("enc_key") or "")
    row.status = "active"
    replaced = session.execute(
        select(SyncStation).where(SyncStation.unit_code == unit_code, SyncStation.station_no == station_no,
                                  SyncStation.station_id != station_id, SyncStation.status == "active")
    ).scalars().all()
    for old in replaced:  # a reinstalled or restored commune PC: its change ids started again
        old.status = "replaced"
    session.flush()
    audit.append(session, at=now, actor=actor, action="sync.enroll", entity="station", key=station_id,
                 detail={"unit_code": unit_code, "station": station_no, "key_id": row.key_id, "outcome": outcome,
                         "replaced": [o.station_id for o in replaced]})
    return {"outcome": outcome, "unit_code": unit_code, "unit_name": row.unit_name, "station": station_no,
            "station_id": station_id, "fingerprint": keymod.grouped(row.key_id),
            "replaced_stations": [o.station_id for o in replaced]}


def upstream_key(session: Session, data_dir: Path, *, now: datetime) -> dict:
    unit = get_unit(session)
    require_role(unit, upstream=True, what="publishing the office's key")
    return _self_signed(session, data_dir, unit, UPSTREAM_FORMAT, now=now)


def trust_upstream(session: Session, data_dir: Path, path: Path, *, fingerprint: str | None, replace: bool,
                   now: datetime, actor: str) -> dict:
    unit = get_unit(session)
    require_role(unit, upstream=False, what="trusting an upstream office")
    keymod.ensure_keys(session, data_dir, now=now)
    doc = _check_self_signed(_load(path), UPSTREAM_FORMAT, fingerprint)
    if not doc.get("enc_key"):
        raise UserError("the office's key file has no encryption key")
    state = get_state(session, unit)
    if state.upstream_key_id and state.upstream_key_id != doc["sign_key_id"] and not replace:
        raise UserError(
            f"this desk already trusts {state.upstream_unit_code} (key {keymod.grouped(state.upstream_key_id)}). "
            "The office changes keys with a signed key update (desk-app sync import); to replace the trust "
            "by hand, with a new signed paper form, add --replace"
        )
    state.upstream_unit_code = str(doc["unit_code"])[:40]
    state.upstream_name = str(doc.get("unit_name") or "")[:200]
    state.upstream_sign_key, state.upstream_key_id = doc["sign_key"], doc["sign_key_id"]
    state.upstream_enc_key, state.upstream_enc_key_id = doc["enc_key"], doc["enc_key_id"]
    state.trusted_at = to_db(now)
    session.flush()
    audit.append(session, at=now, actor=actor, action="sync.trust-upstream", entity="unit", key=state.upstream_unit_code,
                 detail={"key_id": state.upstream_key_id, "enc_key_id": state.upstream_enc_key_id})
    return {"unit_code": state.upstream_unit_code, "unit_name": state.upstream_name,
            "fingerprint": keymod.grouped(state.upstream_key_id),
            "enc_fingerprint": keymod.grouped(state.upstream_enc_key_id)}
