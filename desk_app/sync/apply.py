"""Upstream: apply a commune station's changes to the replica, in change order, in the
caller's transaction.

Each change is planned as NEW / UPDATE / ALREADY_APPLIED (below the station's applied-through
point) / CONFLICT / INVALID. Conflicts and invalid records go to ``sync_quarantine`` with a
code and a reason instead of failing the bundle, and every later change of the same dossier
waits behind them (so a dossier is never applied out of order). Quarantined changes are retried
whenever the station's next bundle is applied, e.g. once the procedure version they need has
arrived.

Performance: a dossier's after-images are full, so within one run only the last image of each
dossier is written; everything is written with Core ``executemany`` statements (one per table),
after three look-ups by key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from db.models import Dossier, DossierDocument, DossierEvent, Handover, Procedure, ProcedureDocument, ProcedureSet
from db.models_sync import SyncProcedureMap, SyncQuarantine, SyncReplica, SyncStation
from desk_app.clock import to_db
from desk_app.domain.vntext import fold
from desk_app.errors import UserError
from desk_app.sync.state import SYNC_SOURCE_PREFIX

DOSSIER_ENTITIES = ("dossier", "dossier_event", "handover")
META_ENTITIES = ("unit", "procedure", "calendar_day")

D = Dossier.__table__
E = DossierEvent.__table__
H = Handover.__table__
DD = DossierDocument.__table__
R = SyncReplica.__table__
Q = SyncQuarantine.__table__
CHUNK = 500


class Change:
    """One change-log row of a station. The payload is parsed on first use: a dossier image
    superseded by a later one in the same bundle is never parsed."""

    __slots__ = ("id", "entity", "key", "op", "at", "_raw", "_payload")

    def __init__(self, id: int, entity: str, key: str, op: str, at: str, payload: dict | None = None,
                 raw: str | None = None) -> None:
        self.id, self.entity, self.key, self.op, self.at = id, entity, key, op, at
        self._payload, self._raw = payload, raw

    @property
    def payload(self) -> dict:
        if self._payload is None:
            try:
                value = json.loads(self._raw or "")
            except ValueError:
                value = None
            self._payload = value if isinstance(value, dict) else {"_malformed": True}
            self._raw = None
        return self._payload

    @classmethod
    def from_json(cls, d: dict) -> Change:
        return cls(d["id"], d["entity"], d["key"], d["op"], d.get("at") or "", d["payload"])

    def to_dict(self) -> dict:
        return {"id": self.id, "entity": self.entity, "key": self.key, "op": self.op, "at": self.at,
                "payload": self.payload}


@dataclass
class Outcome:
    applied: int = 0
    quarantined: int = 0
    released: int = 0  # quarantined earlier, applied now
    new_dossiers: int = 0
    updated_dossiers: int = 0
    events: int = 0
    failures: dict[int, tuple[str, str]] = field(default_factory=dict)  # change id -> (code, reason)


class _Bad(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


_DT: dict[str, datetime] = {}


def _dt(value, what: str):
    if value in (None, ""):
        return None
    hit = _DT.get(value)
    if hit is not None:
        return hit
    try:
        parsed = to_db(datetime.fromisoformat(value))
    except (TypeError, ValueError):
        raise _Bad("INVALID_RECORD", f"{what} '{value}' is not an ISO date-time") from None
    if len(_DT) > 50_000:
        _DT.clear()
    _DT[value] = parsed
    return parsed


def _int(value, what: str, default=None):
    if value is None:
        if default is not None:
            return default
        raise _Bad("INVALID_RECORD", f"{what} is missing")
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad("INVALID_RECORD", f"{what} must be a whole number")
    return value


def _str(value, what: str, limit: int | None, *, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _Bad("INVALID_RECORD", f"{what} must be text")
    if required and not value:
        raise _Bad("INVALID_RECORD", f"{what} is missing")
    if limit is not None and len(value) > limit:
        raise _Bad("INVALID_RECORD", f"{what} is longer than {limit} characters")
    return value


_LIMITS = {c.name: getattr(c.type, "length", None) for c in D.columns}


def procedure_hash(record: dict) -> str:
    """The content hash ``catalog`` stores for a procedure record (same canonical JSON)."""
    return hashlib.sha256(
        json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    ).hexdigest()


class Applier:
    def __init__(self, session: Session, station: SyncStation, *, now: datetime, bundle_sha256: str = "") -> None:
        self.s = session
        self.conn = session.connection()
        self.st = station
        self.now = now
        self.bundle_sha = bundle_sha256
        self.pmap: dict[tuple[str, int], int] = {
            (m.code, m.version): m.procedure_id
            for m in session.execute(select(SyncProcedureMap).where(SyncProcedureMap.station_id == station.station_id)).scalars()
        }

    # ------------------------------------------------------------------ entry points

    def apply_new(self, changes: list[Change]) -> Outcome:
        """A bundle's changes above the applied-through point (sorted by id)."""
        out = Outcome()
        meta = [c for c in changes if c.entity not in DOSSIER_ENTITIES]
        rest = [c for c in changes if c.entity in DOSSIER_ENTITIES]
        self._meta(meta, out)
        self._retry(out)
        blocked = self._open_quarantine_uuids()
        self._dossiers(rest, out, blocked)
        self._quarantine_new(changes, out)
        out.applied = len(changes) - out.quarantined
        return out

    def retry_only(self) -> Outcome:
        out = Outcome()
        self._retry(out)
        return out

    # ------------------------------------------------------------------ quarantine

    def _open_items(self) -> list[SyncQuarantine]:
        return list(self.s.execute(
            select(SyncQuarantine)
            .where(SyncQuarantine.station_id == self.st.station_id, SyncQuarantine.status == "open")
            .order_by(SyncQuarantine.change_id)
        ).scalars())

    def _open_quarantine_uuids(self) -> dict[str, int]:
        rows = self.conn.execute(
            select(Q.c.entity_key, Q.c.payload, Q.c.change_id, Q.c.entity)
            .where(Q.c.station_id == self.st.station_id, Q.c.status == "open", Q.c.entity.in_(DOSSIER_ENTITIES))
        )
        out: dict[str, int] = {}
        for key, payload, cid, _entity in rows:
            uuid = _uuid_of(key, payload if isinstance(payload, dict) else {})
            if uuid and (uuid not in out or cid < out[uuid]):
                out[uuid] = cid
        return out

    def _retry(self, out: Outcome) -> None:
        items = self._open_items()
        if not items:
            return
        changes = [Change(i.change_id, i.entity, i.entity_key, i.op, i.at, i.payload) for i in items]
        sub = Outcome()
        self._meta([c for c in changes if c.entity not in DOSSIER_ENTITIES], sub)
        self._dossiers([c for c in changes if c.entity in DOSSIER_ENTITIES], sub, {})
        resolved_at = to_db(self.now)
        for item in items:
            bad = sub.failures.get(item.change_id)
            if bad is None:
                item.status = "applied"
                item.resolved_at = resolved_at
                out.released += 1
            elif (item.code, item.reason) != bad:
                item.code, item.reason = bad
        self.s.flush()

    def _quarantine_new(self, changes: list[Change], out: Outcome) -> None:
        rows = []
        created = to_db(self.now)
        for c in changes:
            bad = out.failures.get(c.id)
            if bad is None:
                continue
            rows.append({
                "station_id": self.st.station_id, "change_id": c.id, "entity": c.entity, "entity_key": c.key[:100],
                "op": c.op[:10], "at": (c.at or "")[:40], "payload": c.payload, "code": bad[0], "reason": bad[1],
                "status": "open", "bundle_sha256": self.bundle_sha, "created_at": created, "resolved_at": None,
            })
        if rows:
            self.conn.execute(Q.insert(), rows)
        out.quarantined = len(rows)

    # ------------------------------------------------------------------ meta entities

    def _meta(self, changes: list[Change], out: Outcome) -> None:
        for c in changes:
            try:
                if c.entity == "unit":
                    name = c.payload.get("unit_name")
                    if isinstance(name, str) and name:
                        self.st.unit_name = name[:200]
                elif c.entity == "procedure":
                    self._procedure(c)
                elif c.entity == "calendar_day":
                    pass  # the commune's own calendar: its digest travels in every manifest
                elif c.entity in ("rating", "complaint"):
                    self._feedback(c)
                else:
                    raise _Bad("UNKNOWN_ENTITY", f"this office does not know changes of kind '{c.entity}'; "
                               "upgrade Một Cửa Desk here")
            except _Bad as bad:
                out.failures[c.id] = (bad.code, bad.reason)

    def _feedback(self, c: Change) -> None:
        """A citizen's rating (keyed by dossier code) or complaint (keyed by uuid): the
        commune's latest after-image replaces the upstream copy."""
        from db.models_feedback import Complaint, Rating

        p = c.payload
        if p.get("unit_code") != self.st.unit_code:
            raise _Bad("OWNER_MISMATCH", f"{c.entity} names unit {p.get('unit_code')!r}, "
                       f"but the bundle comes from {self.st.unit_code}")
        common = {
            "uuid": str(p.get("uuid") or "")[:36],
            "unit_code": self.st.unit_code,
            "procedure_code": str(p.get("MaTTHC") or "")[:60],
            "recorded_by": str(p.get("recorded_by") or "")[:100],
            "updated_at": _dt(p.get("updated_at"), "updated_at") or to_db(self.now),
        }
        if not common["uuid"]:
            raise _Bad("INVALID_RECORD", f"{c.entity} without a uuid")
        if c.entity == "rating":
            table, key_col, key = Rating.__table__, "dossier_code", str(p.get("MaHoSo") or "")[:80]
            values = {
                **common, "dossier_code": key, "level": _int(p.get("level"), "level"),
                "criteria": p.get("criteria") if isinstance(p.get("criteria"), dict) else {},
                "comment": str(p.get("comment") or ""), "source": str(p.get("source") or "desk")[:20],
                "rated_at": _dt(p.get("rated_at"), "rated_at"),
            }
            if not key or values["rated_at"] is None:
                raise _Bad("INVALID_RECORD", "a rating needs MaHoSo and rated_at")
        else:
            table, key_col, key = Complaint.__table__, "uuid", common["uuid"]
            values = {
                **common, "kind": str(p.get("kind") or "complaint")[:20],
                "dossier_code": (str(p["MaHoSo"])[:80] if p.get("MaHoSo") else None),
                "content": str(p.get("content") or ""), "submitter_name": str(p.get("submitter_name") or "")[:200],
                "submitter_phone": str(p.get("submitter_phone") or "")[:20],
                "channel": str(p.get("channel") or "direct")[:20], "status": str(p.get("status") or "received")[:20],
                "received_at": _dt(p.get("received_at"), "received_at"),
                "processing_at": _dt(p.get("processing_at"), "processing_at"),
                "resolved_at": _dt(p.get("resolved_at"), "resolved_at"),
                "note": str(p.get("note") or ""), "result": str(p.get("result") or ""),
                "handled_by": str(p.get("handled_by") or "")[:100],
            }
            if values["received_at"] is None:
                raise _Bad("INVALID_RECORD", "a complaint needs received_at")
        existing = self.conn.execute(
            select(table.c.id, table.c.unit_code).where(table.c[key_col] == key)
        ).first()
        if existing is None:
            self.conn.execute(table.insert().values(**values))
        elif existing.unit_code != self.st.unit_code:
            raise _Bad("OWNER_MISMATCH", f"{c.entity} {key} belongs to unit {existing.unit_code}")
        else:
            self.conn.execute(table.update().where(table.c.id == existing.id).values(**values))

    def _procedure(self, c: Change) -> None:
        from desk_app.services import catalog

        p = c.payload
        version = p.get("version")
        if not isinstance(version, int) or not isinstance(p.get("code"), str):
            raise _Bad("INVALID_RECORD", "procedure record without code or version")
        record = {k: v for k, v in p.items() if k not in ("set", "version")}
        try:
            norm = catalog.normalize_procedure(record, f"procedure {p['code']}", catalog.TextCleaner())
        except UserError as exc:
            raise _Bad("INVALID_RECORD", str(exc)) from None
        digest = procedure_hash(record)
        pid = self.s.execute(
            select(Procedure.id).where(Procedure.code == norm["code"], Procedure.content_hash == digest).limit(1)
        ).scalar()
        if pid is None:
            pid = self._new_procedure_version(norm, digest, str(p.get("set") or "?"))
        existing = self.s.get(SyncProcedureMap, (self.st.station_id, norm["code"], version))
        if existing is None:
            self.s.add(SyncProcedureMap(station_id=self.st.station_id, code=norm["code"], version=version,
                                        procedure_id=pid, content_hash=digest))
        else:
            existing.procedure_id, existing.content_hash = pid, digest
        self.s.flush()
        self.pmap[(norm["code"], version)] = pid

    def _new_procedure_version(self, rec: dict, digest: str, set_code: str) -> int:
        """A version only a commune uses: kept (never current here) so its dossiers map."""
        source = f"{SYNC_SOURCE_PREFIX}{self.st.unit_code}:{self.st.station_id}"
        pset = self.s.execute(
            select(ProcedureSet).where(ProcedureSet.code == set_code[:60], ProcedureSet.source_name == source[:300])
        ).scalars().first()
        if pset is None:
            pset = ProcedureSet(code=set_code[:60], title=f"as used by {self.st.unit_code}"[:300], issued_by="",
                                decision="", effective_from=None, source_name=source[:300], source_sha256="0" * 64,
                                imported_at=to_db(self.now), imported_by="sync")
            self.s.add(pset)
            self.s.flush()
        last = self.s.execute(select(func.max(Procedure.version)).where(Procedure.code == rec["code"])).scalar() or 0
        proc = Procedure(
            set_id=pset.id, code=rec["code"], version=last + 1, is_current=False, local_code=rec["local_code"],
            name=rec["name"], field_code=rec["field"]["code"], field_name=rec["field"]["name"], level=rec["level"],
            duration_value=rec["duration"]["value"], duration_unit=rec["duration"]["unit"],
            cutoff=rec["duration"].get("cutoff", ""), fee_amount=rec["fee"]["amount"], fee_note=rec["fee"]["note"],
            result=rec["result"], steps=rec["steps"], data=rec, content_hash=digest,
            search_text=fold(f"{rec['code']} {rec['local_code']} {rec['name']} {rec['field']['name']}"),
        )
        proc.documents = [
            ProcedureDocument(position=i + 1, case_name=d["case"], name=d["name"], original=d["original"],
                              certified=d["certified"], copy=d["copy"], present_only=d["present_only"])
            for i, d in enumerate(rec["documents"])
        ]
        self.s.add(proc)
        self.s.flush()
        return proc.id

    # ------------------------------------------------------------------ dossiers

    def _lookup(self, table_col, values: list, cols) -> list:
        out = []
        for i in range(0, len(values), CHUNK):
            out.extend(self.conn.execute(select(*cols).where(table_col.in_(values[i : i + CHUNK]))).all())
        return out

    def _dossiers(self, changes: list[Change], out: Outcome, blocked: dict[str, int]) -> None:
        if not changes:
            return
        groups: dict[str, list[Change]] = {}
        for c in changes:
            uuid = _uuid_of(c.key, lambda c=c: c.payload)
            if not uuid:
                out.failures[c.id] = ("INVALID_RECORD", "the change names no dossier uuid")
                continue
            groups.setdefault(uuid, []).append(c)
        uuids = list(groups)
        replicas = {r[0]: r for r in self._lookup(R.c.uuid, uuids, (R.c.uuid, R.c.dossier_id, R.c.station_id,
                                                                      R.c.unit_code, R.c.change_id))}
        foreign = {r[0] for r in self._lookup(D.c.uuid, [u for u in uuids if u not in replicas], (D.c.uuid,))}
        codes_wanted = []
        for uuid, group in groups.items():
            if uuid not in replicas:
                last = _last_image(group)
                if last is not None and isinstance(last.payload.get("MaHoSo"), str):
                    codes_wanted.append(last.payload["MaHoSo"])
        taken = {r[0]: r[1] for r in self._lookup(D.c.code, codes_wanted, (D.c.code, D.c.uuid))}

        inserts, updates, docs, events, handovers = [], [], [], [], []
        rep_new, rep_upd = [], []
        updated_ids = []
        pending_children: list[tuple[str, list[Change]]] = []  # uuid -> event/handover changes
        for uuid, group in groups.items():
            try:
                if uuid in blocked:
                    raise _Bad("WAITING", f"waits behind quarantined change {blocked[uuid]} of the same dossier")
                rep = replicas.get(uuid)
                image = _last_image(group)
                if uuid in foreign:
                    raise _Bad("CONFLICT", "a dossier of this office already has this uuid")
                if rep is not None and rep[3] != self.st.unit_code:
                    raise _Bad("OWNER_MISMATCH", f"the dossier belongs to unit {rep[3]}, not {self.st.unit_code}")
                if image is None:
                    if rep is None:
                        raise _Bad("DOSSIER_UNKNOWN", "the dossier of this change has not arrived here")
                else:
                    row, doc_rows = self._dossier_row(image)
                    if rep is None:
                        other = taken.get(row["code"])
                        if other is not None and other != uuid:
                            raise _Bad("CODE_REUSED", f"code {row['code']} is already used by another dossier here "
                                       "(was the commune reinstalled or restored?)")
                        inserts.append((row, doc_rows))
                        rep_new.append({"uuid": uuid, "dossier_id": None, "station_id": self.st.station_id,
                                        "unit_code": self.st.unit_code, "change_id": image.id})
                    elif rep[2] != self.st.station_id or image.id > rep[4]:
                        row["b_id"] = rep[1]
                        updates.append(row)
                        updated_ids.append(rep[1])
                        docs.extend({**d, "dossier_id": rep[1]} for d in doc_rows)
                        rep_upd.append({"b_uuid": uuid, "change_id": image.id, "station_id": self.st.station_id})
                children = [c for c in group if c.entity != "dossier"]
                for c in children:
                    self._check_child(c)
                pending_children.append((uuid, children))
            except _Bad as bad:
                first = group[0].id
                for c in group:
                    if c.entity == "dossier" or bad.code == "WAITING":
                        out.failures[c.id] = (bad.code, bad.reason)
                    else:  # one actionable problem per dossier; its events wait behind it
                        out.failures[c.id] = ("WAITING", f"waits for change {first} of the same dossier "
                                              f"({bad.code}: {bad.reason})")
                blocked.setdefault(uuid, first)

        # writes: one statement per table
        ids: dict[str, int] = {uuid: rep[1] for uuid, rep in replicas.items()}
        if inserts:
            # plain executemany, then the ids by uuid: SQLite cannot batch an INSERT … RETURNING
            # whose rows must come back in parameter order (it would go row by row)
            self.conn.execute(D.insert(), [r for r, _ in inserts])
            for did, uuid in self._lookup(D.c.uuid, [r["uuid"] for r, _ in inserts], (D.c.id, D.c.uuid)):
                ids[uuid] = did
            for row, doc_rows in inserts:
                docs.extend({**d, "dossier_id": ids[row["uuid"]]} for d in doc_rows)
            for r in rep_new:
                r["dossier_id"] = ids[r["uuid"]]
            self.conn.execute(R.insert(), rep_new)
        if updates:
            self.conn.execute(D.update().where(D.c.id == bindparam("b_id")), updates)
            for i in range(0, len(updated_ids), CHUNK):
                self.conn.execute(delete(DD).where(DD.c.dossier_id.in_(updated_ids[i : i + CHUNK])))
            self.conn.execute(
                R.update().where(R.c.uuid == bindparam("b_uuid")).values(change_id=bindparam("change_id"),
                                                                       station_id=bindparam("station_id")),
                rep_upd,
            )
        if docs:
            self.conn.execute(DD.insert(), docs)
        for uuid, children in pending_children:
            did = ids[uuid]
            for c in children:
                if c.entity == "dossier_event":
                    events.append(self._event_row(c, did))
                else:
                    handovers.append(self._handover_row(c, did))
        if events:
            self.conn.execute(E.insert(), events)
        if handovers:
            self.conn.execute(H.insert(), handovers)
        out.new_dossiers += len(inserts)
        out.updated_dossiers += len(updates)
        out.events += len(events)

    def _dossier_row(self, c: Change) -> tuple[dict, list[dict]]:
        p = c.payload
        if c.op != "upsert":
            raise _Bad("UNSUPPORTED", f"'{c.op}' of a dossier is not supported (dossiers are never deleted)")
        code = _str(p.get("MaHoSo"), "MaHoSo", _LIMITS["code"], required=True)
        if p.get("unit_code") != self.st.unit_code:
            raise _Bad("OWNER_MISMATCH", f"dossier {code} names unit {p.get('unit_code')!r}, but the bundle comes "
                       f"from {self.st.unit_code}")
        proc_code = _str(p.get("MaTTHC"), "MaTTHC", _LIMITS["procedure_code"], required=True)
        version = p.get("procedure_version")
        pid = self.pmap.get((proc_code, version))
        if pid is None:
            raise _Bad("UNKNOWN_PROCEDURE_VERSION",
                       f"procedure {proc_code} version {version} of this commune is unknown here; it is "
                       "applied as soon as the commune's procedure record arrives")
        name = _str(p.get("ChuHoSo"), "ChuHoSo", _LIMITS["applicant_name"], required=True)
        idn = _str(p.get("SoGiayToChuHoSo"), "SoGiayToChuHoSo", _LIMITS["applicant_id_number"])
        phone = _str(p.get("SoDienThoai"), "SoDienThoai", _LIMITS["applicant_phone"])
        proxy = p.get("NguoiUyQuyen")
        if proxy is not None and not isinstance(proxy, dict):
            raise _Bad("INVALID_RECORD", "NguoiUyQuyen must be an object")
        register = p.get("register") or ["", 0]
        if not isinstance(register, list) or len(register) != 2:
            raise _Bad("INVALID_RECORD", "register must be [book, number]")
        received = _dt(p.get("NgayTiepNhan"), "NgayTiepNhan")
        if received is None:
            raise _Bad("INVALID_RECORD", "NgayTiepNhan is missing")
        parts = [code, name, idn, phone]
        if proxy:
            parts += [str(proxy.get("name") or ""), str(proxy.get("id_number") or ""), str(proxy.get("phone") or "")]
        birth = p.get("NgaySinh") or p.get("applicant_birth_date")
        row = {
            "uuid": _str(p.get("uuid"), "uuid", 36, required=True),
            "code": code,
            "procedure_id": pid,
            "procedure_code": proc_code,
            "unit_code": self.st.unit_code,
            "resolving_unit": _str(p.get("resolving_unit"), "resolving_unit", _LIMITS["resolving_unit"]),
            "station": _int(p.get("station"), "station", 1),
            "channel": _int(p.get("KenhThucHien"), "KenhThucHien", 1),
            "status": _int(p.get("TrangThaiHoSo"), "TrangThaiHoSo"),
            "sub_status": _str(p.get("sub_status"), "sub_status", _LIMITS["sub_status"]),
            "received_at": received,
            "received_by": _str(p.get("received_by"), "received_by", _LIMITS["received_by"]),
            "original_due_at": _dt(p.get("NgayHenTraBanDau"), "NgayHenTraBanDau"),
            "due_at": _dt(p.get("NgayHenTra"), "NgayHenTra"),
            "calendar_version": _str(p.get("calendar_version"), "calendar_version", _LIMITS["calendar_version"]),
            "step_due": p.get("step_due") if isinstance(p.get("step_due"), list) else None,
            "paused_at": _dt(p.get("paused_at"), "paused_at"),
            "resume_status": p.get("resume_status") if isinstance(p.get("resume_status"), int) else None,
            "paused_days": _int(p.get("paused_days"), "paused_days", 0),
            "supplement_count": _int(p.get("supplement_count"), "supplement_count", 0),
            "extension_count": _int(p.get("extension_count"), "extension_count", 0),
            "finished_at": _dt(p.get("NgayKetThucXuLy"), "NgayKetThucXuLy"),
            "returned_at": _dt(p.get("NgayTra"), "NgayTra"),
            "returned_to": _str(p.get("returned_to"), "returned_to", _LIMITS["returned_to"]),
            "applicant_name": name,
            "applicant_id_number": idn,
            "applicant_birth_date": _date(birth),
            "applicant_address": _str(p.get("DiaChiChuHoSo"), "DiaChiChuHoSo", _LIMITS["applicant_address"]),
            "applicant_phone": phone,
            "applicant_email": _str(p.get("Email"), "Email", _LIMITS["applicant_email"]),
            "proxy": proxy,
            "sets_count": _int(p.get("sets_count"), "sets_count", 1),
            "fee": _int(p.get("fee"), "fee", 0),
            "result_delivery": _str(p.get("result_delivery") or "desk", "result_delivery", _LIMITS["result_delivery"]),
            "register_book": _str(register[0], "register book", _LIMITS["register_book"]),
            "register_no": _int(register[1], "register number", 0),
            "note": _str(p.get("note"), "note", None),
            "search_text": fold(" ".join(x for x in parts if x)),
            "updated_at": _dt(c.at, "at") or to_db(self.now),
        }
        if row["status"] not in range(1, 11):
            raise _Bad("INVALID_RECORD", f"status {row['status']} is not a national status code 1-10")
        docs = []
        for i, d in enumerate(p.get("documents") or []):
            if not isinstance(d, dict) or not isinstance(d.get("name"), str):
                raise _Bad("INVALID_RECORD", f"document {i + 1} has no name")
            docs.append({"position": i + 1, "name": d["name"], "original": _int(d.get("original"), "original", 0),
                         "certified": _int(d.get("certified"), "certified", 0), "copy": _int(d.get("copy"), "copy", 0)})
        return row, docs

    def _check_child(self, c: Change) -> None:
        if c.op != "upsert":
            raise _Bad("UNSUPPORTED", f"'{c.op}' of a {c.entity} is not supported")
        if c.entity == "dossier_event":
            p = c.payload
            if not isinstance(p.get("action"), str) or not isinstance(p.get("to_status"), int):
                raise _Bad("INVALID_RECORD", "an event needs an action and a status")
            _dt(p.get("at"), "at")

    def _event_row(self, c: Change, dossier_id: int) -> dict:
        p = c.payload
        at = _dt(p.get("at"), "at") or _dt(c.at, "at") or to_db(self.now)
        return {
            "dossier_id": dossier_id,
            "action": p["action"][:40],
            "from_status": p.get("from_status") if isinstance(p.get("from_status"), int) else None,
            "to_status": p["to_status"],
            "at": at,
            "recorded_at": _dt(p.get("recorded_at"), "recorded_at") or at,
            "actor": str(p.get("actor") or "")[:100],
            "reason": str(p.get("reason") or ""),
            "due_before": _dt(p.get("due_before"), "due_before"),
            "due_after": _dt(p.get("due_after"), "due_after"),
            "data": {**(p.get("data") or {}), "sync": {"station_id": self.st.station_id, "change_id": c.id}},
        }

    def _handover_row(self, c: Change, dossier_id: int) -> dict:
        p = c.payload
        return {
            "dossier_id": dossier_id,
            "step_no": p.get("step_no") if isinstance(p.get("step_no"), int) else 0,
            "step_name": str(p.get("step_name") or "")[:300],
            "from_unit": str(p.get("from_unit") or "")[:200],
            "from_person": str(p.get("from_person") or "")[:200],
            "to_unit": str(p.get("to_unit") or "")[:200],
            "to_person": str(p.get("to_person") or "")[:200],
            "at": _dt(p.get("at"), "at") or to_db(self.now),
            "step_due_at": _dt(p.get("step_due_at"), "step_due_at"),
            "result_class": str(p.get("result_class") or "")[:10],
            "note": str(p.get("note") or ""),
        }


def _date(value):
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise _Bad("INVALID_RECORD", f"birth date '{value}' is not a date") from None


def _uuid_of(key: str, payload) -> str:
    """The dossier a change belongs to: its key is ``uuid`` or ``uuid:n`` (``dossiers._log``);
    the payload (parsed only if the key says nothing) is the fallback."""
    uuid = (key or "").split(":", 1)[0]
    if uuid:
        return uuid
    payload = payload() if callable(payload) else payload
    value = payload.get("uuid") if isinstance(payload, dict) else None
    return value if isinstance(value, str) else ""


def _last_image(group: list[Change]) -> Change | None:
    for c in reversed(group):
        if c.entity == "dossier":
            return c
    return None


def quarantine_summary(session: Session, station_id: str, limit: int = 1000) -> tuple[list[dict], int]:
    """Open quarantined changes of a station, as the acknowledgement and the board show them
    (dossier codes and reasons only: no names, no ID numbers)."""
    total = session.execute(
        select(func.count(SyncQuarantine.id)).where(SyncQuarantine.station_id == station_id,
                                                    SyncQuarantine.status == "open")
    ).scalar() or 0
    rows = session.execute(
        select(SyncQuarantine)
        .where(SyncQuarantine.station_id == station_id, SyncQuarantine.status == "open")
        .order_by(SyncQuarantine.change_id)
        .limit(limit)
    ).scalars()
    items = []
    for q in rows:
        p = q.payload or {}
        item = {"change_id": q.change_id, "entity": q.entity, "key": q.entity_key, "code": q.code, "reason": q.reason}
        if p.get("MaHoSo"):
            item["MaHoSo"] = p["MaHoSo"]
        if q.code == "UNKNOWN_PROCEDURE_VERSION":
            item["procedure"] = {"code": p.get("MaTTHC"), "version": p.get("procedure_version")}
        items.append(item)
    return items, total


__all__ = ["Applier", "Change", "Outcome", "quarantine_summary", "procedure_hash"]
