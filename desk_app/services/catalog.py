"""The procedure set (Bộ thủ tục hành chính): import from JSON or XLSX, versioned, and look-up.

A procedure version is never edited in place. Re-importing a set whose record for a code has
changed adds a new version and makes it current; a dossier keeps the version it was received
under. A malformed file is refused whole, with the row and field named.

XLSX layout (``resources/procedure_set_template.xlsx``):
- sheet ``set``: two columns ``key`` | ``value`` with keys code, title, issued_by, decision,
  effective_from (YYYY-MM-DD).
- sheet ``procedures``: code, local_code, name, field_code, field_name, level, duration_value,
  duration_unit (working_days | working_hours | same_day | calendar_days), cutoff (HH:MM),
  fee_amount (đồng, empty if set by the province), fee_per, fee_note, result, note,
  verified (x: checked against the published decision).
- sheet ``documents``: procedure_code, case, name, original, certified, copy, present_only (x).
- sheet ``steps`` (optional): procedure_code, step_no, name, unit, duration_value, duration_unit.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from db.models import Procedure, ProcedureDocument, ProcedureSet
from desk_app.clock import iso, to_db
from desk_app.domain.deadlines import UNITS
from desk_app.domain.vntext import LegacyEncodingError, detect_encoding, fold, to_unicode
from desk_app.errors import NotFound, UserError
from desk_app.services.records import DocumentItem, ProcedureInfo, StepInfo, duration_of, procedure_info  # noqa: F401 (re-exported)
from desk_app.services import audit, changes, config, users

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_]{0,58}$")
CUTOFF_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_FILE_BYTES = 20 * 1024 * 1024


class ImportProblem(UserError):
    """A malformed procedure-set file. ``where`` names the row and field."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}", field=where)
        self.where = where


# ----------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class ImportSummary:
    set_code: str
    title: str
    total: int
    added: int
    new_versions: int
    unchanged: int
    not_in_file: int
    conversions: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "set": self.set_code,
            "title": self.title,
            "procedures": self.total,
            "added": self.added,
            "new_versions": self.new_versions,
            "unchanged": self.unchanged,
            "not_in_file": self.not_in_file,
            "converted_from_legacy_encoding": list(self.conversions),
        }


# ----------------------------------------------------------------------------- validation


class TextCleaner:
    """Converts legacy-encoded text to NFC Unicode, remembering which fields it converted."""

    def __init__(self) -> None:
        self.converted: list[str] = []

    def __call__(self, value: Any, where: str, *, required: bool = False, limit: int = 2000) -> str:
        if value is None:
            value = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ImportProblem(where, f"expected text, found {type(value).__name__}")
        try:
            encoding = detect_encoding(value)
            text = to_unicode(value)
        except LegacyEncodingError as exc:
            raise ImportProblem(
                where,
                f"text is in a legacy Vietnamese encoding that cannot be converted ({exc}); "
                "save the file as Unicode (UTF-8) and import again",
            ) from None
        if encoding in ("tcvn3", "vni"):
            self.converted.append(f"{where} ({encoding})")
        text = " ".join(text.split())
        if required and not text:
            raise ImportProblem(where, "is required and empty")
        if len(text) > limit:
            raise ImportProblem(where, f"is longer than {limit} characters")
        return text


def _int(value: Any, where: str, *, allow_none: bool = False, minimum: int = 0) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_none:
            return None
        raise ImportProblem(where, "is required and empty")
    if isinstance(value, bool):
        raise ImportProblem(where, f"expected a whole number, found {value!r}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ImportProblem(where, f"expected a whole number, found {value}")
        value = int(value)
    if isinstance(value, str):
        cleaned = value.strip().replace(".", "").replace(",", "").replace(" ", "")
        if not cleaned.lstrip("-").isdigit():
            raise ImportProblem(where, f"expected a whole number, found '{value}'")
        value = int(cleaned)
    if not isinstance(value, int):
        raise ImportProblem(where, f"expected a whole number, found {type(value).__name__}")
    if value < minimum:
        raise ImportProblem(where, f"must be at least {minimum}, found {value}")
    return value


def _duration(raw: Any, where: str) -> dict:
    if not isinstance(raw, dict):
        raise ImportProblem(where, "expected an object with 'value' and 'unit'")
    unit = raw.get("unit")
    if unit not in UNITS:
        raise ImportProblem(f"{where}.unit", f"'{unit}' is not one of {', '.join(UNITS)}")
    value = _int(raw.get("value"), f"{where}.value")
    if unit != "same_day" and value == 0:
        raise ImportProblem(f"{where}.value", f"a {unit} duration must be at least 1")
    out: dict[str, Any] = {"value": value, "unit": unit}
    cutoff = raw.get("cutoff")
    if cutoff not in (None, ""):
        cutoff = str(cutoff).strip()
        if not CUTOFF_RE.match(cutoff):
            raise ImportProblem(f"{where}.cutoff", f"'{cutoff}' is not a time such as 15:00")
        out["cutoff"] = cutoff
    return out


def normalize_procedure(raw: Any, where: str, text: TextCleaner) -> dict:
    """One procedure record in canonical form (the thing that is hashed and stored)."""
    if not isinstance(raw, dict):
        raise ImportProblem(where, "expected an object")
    code = str(raw.get("code") or "").strip()
    if not code:
        raise ImportProblem(f"{where}.code", "is required and empty")
    if not CODE_RE.match(code):
        raise ImportProblem(f"{where}.code", f"'{code}' is not a procedure code such as 1.001193")
    fld = raw.get("field") or {}
    if not isinstance(fld, dict):
        raise ImportProblem(f"{where}.field", "expected an object with 'code' and 'name'")
    fee = raw.get("fee") or {}
    if not isinstance(fee, dict):
        raise ImportProblem(f"{where}.fee", "expected an object with 'amount' and 'note'")
    steps_raw = raw.get("steps") or []
    if not isinstance(steps_raw, list):
        raise ImportProblem(f"{where}.steps", "expected a list")
    docs_raw = raw.get("documents") or []
    if not isinstance(docs_raw, list):
        raise ImportProblem(f"{where}.documents", "expected a list")
    duration = _duration(raw.get("duration"), f"{where}.duration")
    steps = []
    for i, step in enumerate(steps_raw):
        sw = f"{where}.steps[{i}]"
        if not isinstance(step, dict):
            raise ImportProblem(sw, "expected an object")
        steps.append(
            {
                "name": text(step.get("name"), f"{sw}.name", required=True, limit=300),
                "unit": text(step.get("unit"), f"{sw}.unit", limit=200),
                "duration": _duration(step.get("duration"), f"{sw}.duration"),
            }
        )
    if steps and {s["duration"]["unit"] for s in steps} == {duration["unit"]}:
        total = sum(s["duration"]["value"] for s in steps)
        if total != duration["value"]:
            raise ImportProblem(
                f"{where}.steps",
                f"the steps add up to {total} {duration['unit']} but the procedure takes {duration['value']}",
            )
    documents = []
    for i, doc in enumerate(docs_raw):
        dw = f"{where}.documents[{i}]"
        if not isinstance(doc, dict):
            raise ImportProblem(dw, "expected an object")
        documents.append(
            {
                "name": text(doc.get("name"), f"{dw}.name", required=True, limit=1000),
                "case": text(doc.get("case"), f"{dw}.case", limit=300),
                "original": _int(doc.get("original", 0) or 0, f"{dw}.original"),
                "certified": _int(doc.get("certified", 0) or 0, f"{dw}.certified"),
                "copy": _int(doc.get("copy", 0) or 0, f"{dw}.copy"),
                "present_only": bool(doc.get("present_only", False)),
            }
        )
    return {
        "code": code,
        "local_code": str(raw.get("local_code") or "").strip(),
        "name": text(raw.get("name"), f"{where}.name", required=True, limit=500),
        "field": {
            "code": str(fld.get("code") or "").strip(),
            "name": text(fld.get("name"), f"{where}.field.name", limit=200),
        },
        "level": text(raw.get("level"), f"{where}.level", limit=40),
        "duration": duration,
        "fee": {
            "amount": _int(fee.get("amount"), f"{where}.fee.amount", allow_none=True),
            "per": text(fee.get("per"), f"{where}.fee.per", limit=100),
            "note": text(fee.get("note"), f"{where}.fee.note", limit=1000),
        },
        "result": text(raw.get("result"), f"{where}.result", limit=1000),
        "note": text(raw.get("note"), f"{where}.note", limit=2000),
        "verified": bool(raw.get("verified", True)),
        "steps": steps,
        "documents": documents,
    }


def normalize_set(data: Any, source: str) -> tuple[dict, list[dict], list[str]]:
    if not isinstance(data, dict):
        raise ImportProblem(source, "expected a JSON object with 'set' and 'procedures'")
    text = TextCleaner()
    meta = data.get("set") or {}
    if not isinstance(meta, dict):
        raise ImportProblem("set", "expected an object")
    set_code = str(meta.get("code") or "").strip()
    if not set_code:
        raise ImportProblem("set.code", "is required and empty")
    effective = meta.get("effective_from")
    if isinstance(effective, datetime):
        effective = effective.date()
    if isinstance(effective, date):
        eff = effective
    elif effective in (None, ""):
        eff = None
    else:
        try:
            eff = date.fromisoformat(str(effective).strip())
        except ValueError:
            raise ImportProblem("set.effective_from", f"'{effective}' is not a date YYYY-MM-DD") from None
    set_info = {
        "code": set_code,
        "title": text(meta.get("title"), "set.title", limit=300),
        "issued_by": text(meta.get("issued_by"), "set.issued_by", limit=300),
        "decision": text(meta.get("decision"), "set.decision", limit=300),
        "effective_from": eff,
    }
    procs = data.get("procedures")
    if not isinstance(procs, list) or not procs:
        raise ImportProblem("procedures", "expected a non-empty list of procedures")
    out = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(procs):
        where = f"procedures[{i}]"
        if isinstance(raw, dict) and raw.get("_where"):
            where = raw.pop("_where")  # an XLSX row: "sheet 'procedures' row 5"
        elif isinstance(raw, dict) and raw.get("code"):
            where = f"procedures[{i}] ({str(raw.get('code')).strip()})"
        proc = normalize_procedure(raw, where, text)
        if proc["code"] in seen:
            raise ImportProblem(
                f"{where}.code", f"'{proc['code']}' appears twice (also procedures[{seen[proc['code']]}])"
            )
        seen[proc["code"]] = i
        out.append(proc)
    return set_info, out, text.converted


# ----------------------------------------------------------------------------- readers


def read_json(content: bytes, source: str) -> Any:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            decoded = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        # An 8-bit file (TCVN3/VNI era): read as cp1252 and let the text check convert it.
        decoded = content.decode("cp1252", errors="strict") if _cp1252_ok(content) else None
        if decoded is None:
            raise ImportProblem(source, "the file is not UTF-8 text; save it as UTF-8 and import again")
    try:
        return json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{source} line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}") from None


def _cp1252_ok(content: bytes) -> bool:
    try:
        content.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


XLSX_PROCEDURE_COLUMNS = (
    "code", "local_code", "name", "field_code", "field_name", "level", "duration_value",
    "duration_unit", "cutoff", "fee_amount", "fee_per", "fee_note", "result", "note", "verified",
)
XLSX_DOCUMENT_COLUMNS = ("procedure_code", "case", "name", "original", "certified", "copy", "present_only")
XLSX_STEP_COLUMNS = ("procedure_code", "step_no", "name", "unit", "duration_value", "duration_unit")


def _sheet_rows(wb, name: str, required_cols: tuple[str, ...], *, optional: bool = False):
    if name not in wb.sheetnames:
        if optional:
            return []
        raise ImportProblem(f"sheet '{name}'", f"is missing (sheets found: {', '.join(wb.sheetnames)})")
    ws = wb[name]
    rows = ws.iter_rows(values_only=True)
    try:
        header = next(rows)
    except StopIteration:
        raise ImportProblem(f"sheet '{name}'", "is empty") from None
    cols = [str(h).strip().lower() if h is not None else "" for h in header]
    for col in required_cols:
        if col not in cols:
            raise ImportProblem(f"sheet '{name}' row 1", f"column '{col}' is missing")
    out = []
    for rowno, row in enumerate(rows, start=2):
        if row is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        out.append((rowno, {c: (row[i] if i < len(row) else None) for i, c in enumerate(cols) if c}))
    return out


def read_xlsx(content: bytes, source: str) -> dict:
    """Turn the workbook into the JSON structure, so both formats share one validator.
    Row numbers travel in the 'where' text of every error."""
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportProblem(source, f"is not a readable .xlsx workbook ({exc.__class__.__name__})") from None
    try:
        meta: dict[str, Any] = {}
        for rowno, row in _sheet_rows(wb, "set", ("key", "value")):
            key = str(row.get("key") or "").strip()
            if key:
                meta[key] = row.get("value")
        procedures: list[dict] = []
        index: dict[str, dict] = {}
        for rowno, row in _sheet_rows(wb, "procedures", ("code", "name", "duration_value", "duration_unit")):
            where = f"sheet 'procedures' row {rowno}"
            code = str(row.get("code") or "").strip()
            if code in index:
                raise ImportProblem(f"{where}, column 'code'", f"'{code}' appears twice")
            proc = {
                "_where": where,
                "code": code,
                "local_code": row.get("local_code"),
                "name": row.get("name"),
                "field": {"code": row.get("field_code"), "name": row.get("field_name")},
                "level": row.get("level"),
                "duration": {
                    "value": row.get("duration_value"),
                    "unit": str(row.get("duration_unit") or "").strip(),
                    "cutoff": _cell_time(row.get("cutoff")),
                },
                "fee": {"amount": row.get("fee_amount"), "per": row.get("fee_per"), "note": row.get("fee_note")},
                "result": row.get("result"),
                "note": row.get("note"),
                "verified": str(row.get("verified", "x") or "").strip().lower() in ("x", "1", "true", "có", "co", "yes"),
                "documents": [],
                "steps": [],
            }
            procedures.append(proc)
            if code:
                index[code] = proc
        for rowno, row in _sheet_rows(wb, "documents", ("procedure_code", "name")):
            code = str(row.get("procedure_code") or "").strip()
            if code not in index:
                raise ImportProblem(
                    f"sheet 'documents' row {rowno}, column 'procedure_code'",
                    f"'{code}' is not a code on the 'procedures' sheet",
                )
            present = row.get("present_only")
            index[code]["documents"].append(
                {
                    "case": row.get("case"),
                    "name": row.get("name"),
                    "original": row.get("original") or 0,
                    "certified": row.get("certified") or 0,
                    "copy": row.get("copy") or 0,
                    "present_only": str(present or "").strip().lower() in ("x", "1", "true", "có", "co", "yes"),
                }
            )
        steps: dict[str, list[tuple[int, dict]]] = {}
        for rowno, row in _sheet_rows(wb, "steps", XLSX_STEP_COLUMNS, optional=True):
            code = str(row.get("procedure_code") or "").strip()
            if code not in index:
                raise ImportProblem(
                    f"sheet 'steps' row {rowno}, column 'procedure_code'",
                    f"'{code}' is not a code on the 'procedures' sheet",
                )
            order = _int(row.get("step_no"), f"sheet 'steps' row {rowno}, column 'step_no'", minimum=1)
            steps.setdefault(code, []).append(
                (
                    order,
                    {
                        "name": row.get("name"),
                        "unit": row.get("unit"),
                        "duration": {"value": row.get("duration_value"), "unit": row.get("duration_unit")},
                    },
                )
            )
        for code, items in steps.items():
            index[code]["steps"] = [s for _, s in sorted(items, key=lambda t: t[0])]
    finally:
        wb.close()
    return {"set": meta, "procedures": procedures}


def _cell_time(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M")
    return str(value).strip()


def parse_file(path: Path) -> tuple[dict, list[dict], list[str], bytes]:
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"file not found: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    if len(content) > MAX_FILE_BYTES:
        raise UserError(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; is it the right file?")
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = read_json(content, path.name)
    elif suffix in (".xlsx", ".xlsm"):
        data = read_xlsx(content, path.name)
    elif suffix == ".xls":
        raise UserError(f"{path.name} is an old .xls workbook: open it in Excel and save it as .xlsx")
    else:
        raise UserError(f"{path.name}: unsupported file type '{suffix}'; import a .json or .xlsx file")
    set_info, procs, converted = normalize_set(data, path.name)
    return set_info, procs, converted, content


# ----------------------------------------------------------------------------- import


def _hash(record: dict) -> str:
    return hashlib.sha256(
        json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    ).hexdigest()


def import_file(session: Session, path: Path, *, now: datetime, actor: str) -> ImportSummary:
    set_info, procs, converted, content = parse_file(Path(path))
    return import_records(
        session, set_info, procs, source_name=Path(path).name,
        source_sha256=hashlib.sha256(content).hexdigest(), converted=converted, now=now, actor=actor,
    )


def import_records(
    session: Session,
    set_info: dict,
    procs: list[dict],
    *,
    source_name: str,
    source_sha256: str,
    converted: list[str] | tuple[str, ...] = (),
    now: datetime,
    actor: str,
) -> ImportSummary:
    """Store one validated set in the caller's transaction."""
    users.authorize(session, actor, "catalog.import")
    pset = ProcedureSet(
        code=set_info["code"],
        title=set_info.get("title", ""),
        issued_by=set_info.get("issued_by", ""),
        decision=set_info.get("decision", ""),
        effective_from=set_info.get("effective_from"),
        source_name=source_name,
        source_sha256=source_sha256,
        imported_at=to_db(now),
        imported_by=actor,
    )
    session.add(pset)
    session.flush()
    current = {
        p.code: p
        for p in session.execute(select(Procedure).where(Procedure.is_current.is_(True))).scalars()
    }
    added = new_versions = unchanged = 0
    for rec in procs:
        digest = _hash(rec)
        old = current.get(rec["code"])
        if old is not None and old.content_hash == digest:
            unchanged += 1
            continue
        version = 1
        if old is not None:
            version = old.version + 1
            session.execute(update(Procedure).where(Procedure.id == old.id).values(is_current=False))
            new_versions += 1
        else:
            prior = session.execute(
                select(Procedure.version).where(Procedure.code == rec["code"]).order_by(Procedure.version.desc())
            ).scalars().first()
            version = (prior or 0) + 1
            added += 1
        proc = Procedure(
            set_id=pset.id,
            code=rec["code"],
            version=version,
            is_current=True,
            local_code=rec["local_code"],
            name=rec["name"],
            field_code=rec["field"]["code"],
            field_name=rec["field"]["name"],
            level=rec["level"],
            duration_value=rec["duration"]["value"],
            duration_unit=rec["duration"]["unit"],
            cutoff=rec["duration"].get("cutoff", ""),
            fee_amount=rec["fee"]["amount"],
            fee_note=rec["fee"]["note"],
            result=rec["result"],
            steps=rec["steps"],
            data=rec,
            content_hash=digest,
            search_text=fold(f"{rec['code']} {rec['local_code']} {rec['name']} {rec['field']['name']}"),
        )
        proc.documents = [
            ProcedureDocument(
                position=i + 1,
                case_name=d["case"],
                name=d["name"],
                original=d["original"],
                certified=d["certified"],
                copy=d["copy"],
                present_only=d["present_only"],
            )
            for i, d in enumerate(rec["documents"])
        ]
        session.add(proc)
        session.flush()
        changes.record(
            session, entity="procedure", key=f"{rec['code']}@{version}",
            payload={"set": pset.code, "version": version, **rec}, at=now,
        )
    config.bump(session)
    in_file = {r["code"] for r in procs}
    not_in_file = sum(1 for code in current if code not in in_file)
    summary = ImportSummary(
        set_code=pset.code,
        title=pset.title,
        total=len(procs),
        added=added,
        new_versions=new_versions,
        unchanged=unchanged,
        not_in_file=not_in_file,
        conversions=tuple(converted),
    )
    audit.append(
        session, at=now, actor=actor, action="catalog.import", entity="procedure_set", key=pset.code,
        detail={**summary.to_dict(), "source": source_name, "sha256": source_sha256},
    )
    return summary


# ----------------------------------------------------------------------------- queries


def to_info(p: Procedure, set_code: str = "") -> ProcedureInfo:
    return procedure_info(p, p.documents, set_code)


def list_procedures(session: Session, *, query: str = "", include_old: bool = False) -> list[ProcedureInfo]:
    stmt = (
        select(Procedure, ProcedureSet.code)
        .join(ProcedureSet, ProcedureSet.id == Procedure.set_id)
        .options(selectinload(Procedure.documents))
        .order_by(Procedure.field_code, Procedure.code, Procedure.version)
    )
    if not include_old:
        stmt = stmt.where(Procedure.is_current.is_(True))
    for token in fold(query).split():
        stmt = stmt.where(Procedure.search_text.contains(token))
    return [to_info(p, set_code) for p, set_code in session.execute(stmt)]


def current_procedure(session: Session, code: str) -> Procedure:
    code = (code or "").strip()
    proc = session.execute(
        select(Procedure)
        .options(selectinload(Procedure.documents))
        .where(Procedure.code == code, Procedure.is_current.is_(True))
    ).scalar_one_or_none()
    if proc is None:
        if not code:
            raise NotFound("procedure code is empty", field="procedure")
        known = session.execute(select(Procedure.id).limit(1)).first()
        hint = "" if known else " (no procedure set imported yet: run 'desk-app catalog import FILE')"
        raise NotFound(f"unknown procedure '{code}'{hint}", field="procedure")
    return proc


def get_procedure(session: Session, code: str) -> ProcedureInfo:
    return to_info(current_procedure(session, code))


def procedure_sets(session: Session) -> list[dict]:
    rows = session.execute(select(ProcedureSet).order_by(ProcedureSet.id)).scalars()
    return [
        {
            "code": s.code, "title": s.title, "decision": s.decision,
            "effective_from": s.effective_from.isoformat() if s.effective_from else None,
            "imported_at": iso(s.imported_at), "source": s.source_name,
        }
        for s in rows
    ]


# ----------------------------------------------------------------------------- XLSX export


def write_xlsx(set_info: dict, procs: list[dict], path: Path) -> Path:
    """Write a set in the XLSX layout ``read_xlsx`` takes (the shipped template is made so)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "set"
    ws.append(["key", "value"])
    for key in ("code", "title", "issued_by", "decision", "effective_from"):
        value = set_info.get(key)
        ws.append([key, value.isoformat() if isinstance(value, date) else (value or "")])
    sheets = {
        "procedures": XLSX_PROCEDURE_COLUMNS,
        "documents": XLSX_DOCUMENT_COLUMNS,
        "steps": XLSX_STEP_COLUMNS,
    }
    out = {name: wb.create_sheet(name) for name in sheets}
    for name, cols in sheets.items():
        out[name].append(list(cols))
    for p in procs:
        out["procedures"].append([
            p["code"], p.get("local_code", ""), p["name"], p["field"]["code"], p["field"]["name"],
            p.get("level", ""), p["duration"]["value"], p["duration"]["unit"], p["duration"].get("cutoff", ""),
            p["fee"]["amount"], p["fee"].get("per", ""), p["fee"]["note"], p.get("result", ""), p.get("note", ""),
            "x" if p.get("verified", True) else "",
        ])
        for d in p["documents"]:
            out["documents"].append([
                p["code"], d.get("case", ""), d["name"], d["original"], d["certified"], d["copy"],
                "x" if d["present_only"] else "",
            ])
        for i, st in enumerate(p.get("steps", []), start=1):
            out["steps"].append([p["code"], i, st["name"], st["unit"], st["duration"]["value"], st["duration"]["unit"]])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col in sheet.columns:
            width = max(len(str(c.value or "")) for c in col)
            sheet.column_dimensions[col[0].column_letter].width = min(60, max(10, width + 2))
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path
