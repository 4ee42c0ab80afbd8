"""Printing the official one-stop forms (Thông tư 03/2025/TT-VPCP) and the register.

    print_form(session, form, code, out, *, now, actor) -> PrintResult
    print_register(session, date_from, date_to, out, *, now, actor) -> PrintResult
    printable_forms(session, code, *, now) -> list[str]
    preview_form(session, form, code, *, now) -> bytes
    bench_receipt(n=30) -> dict

``form`` is one of :data:`FORMS`. A form that does not fit the dossier's state is refused
with a :class:`UserError` and no file is written. The file appears whole or not at all: it is
written under a temporary name in the target folder and renamed once the audit row is in.
Every print is logged (action ``print``, or ``reprint`` when the same form was printed
before for that dossier, which also marks the page "Bản in lại"); the audit detail holds the
form and page count, never a citizen's name or ID number.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import AuditEntry, Dossier, User
from desk_app.clock import iso
from desk_app.domain.dossier_rules import STATUS_LABELS
from desk_app.errors import StorageError, UserError
from desk_app.forms.bench import bench_receipt
from desk_app.forms.context import FormContext
from desk_app.forms.templates import DOSSIER_FORMS, template_for
from desk_app.services import audit
from desk_app.services.dossiers import DossierRecord, EventRecord, ReceivedDocument, show, to_record
from desk_app.services.setup import get_unit

__all__ = ["FORMS", "PrintResult", "print_form", "print_register", "printable_forms", "preview_form", "bench_receipt"]

log = logging.getLogger(__name__)

#: The forms printed for one dossier.
FORMS = DOSSIER_FORMS
FORM_NAMES = {
    "receipt": "the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)",
    "supplement": "the supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)",
    "refusal": "the refusal slip (Phiếu từ chối tiếp nhận giải quyết hồ sơ)",
    "apology": "the apology letter (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết)",
    "stop": "the stop notice (Thông báo dừng giải quyết hồ sơ)",
    "control": "the process control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ)",
}
PRINT_ACTIONS = ("print", "reprint")
MAX_REGISTER_DAYS = 366 * 5


@dataclass(frozen=True)
class PrintResult:
    form: str  # receipt … control, or "register"
    code: str  # the dossier code; for the register "YYYY-MM-DD..YYYY-MM-DD"
    path: Path
    pages: int  # PDF pages; 0 for a workbook
    reprint: bool
    copy_no: int = 1  # how many times this form has now been printed for this dossier
    template: str = ""  # legal version of the template used, e.g. "TT03/2025"
    rows: int = 0  # register rows

    def to_dict(self) -> dict:
        return {
            "form": self.form,
            "code": self.code,
            "path": str(self.path),
            "pages": self.pages,
            "reprint": self.reprint,
            "copy_no": self.copy_no,
            "template": self.template,
            "rows": self.rows,
        }


# ----------------------------------------------------------------------------- state rules


def _latest(rec: DossierRecord, action: str) -> EventRecord | None:
    found = [e for e in rec.events if e.action == action]
    return found[-1] if found else None


def _is_late(rec: DossierRecord) -> bool:
    if rec.state == "overdue":
        return True
    return bool(rec.finished_at and rec.due_at and rec.finished_at > rec.due_at)


def _status(rec: DossierRecord) -> str:
    return f"status {rec.status} ({STATUS_LABELS.get(rec.status, '?')})"


def check_form(form: str, rec: DossierRecord, now: datetime) -> EventRecord | None:
    """The event the form reports (None for receipt and control), or UserError when the form
    does not fit the dossier's state."""
    if form == "receipt":
        accepted = any(e.to_status == 2 for e in rec.events) or (not rec.events and rec.status != 1)
        if not accepted:
            raise UserError(
                f"dossier {rec.code} was never accepted at the desk ({_status(rec)}); "
                "a receipt is issued only for an accepted dossier",
                field="form",
            )
        return None
    if form == "supplement":
        ev = _latest(rec, "request-supplement")
        if ev is None:
            raise UserError(
                f"no supplement was requested for dossier {rec.code}; record 'request-supplement' "
                "with its reason first",
                field="form",
            )
        return ev
    if form == "refusal":
        if rec.status != 3:
            raise UserError(
                f"a refusal slip is printed only for a refused dossier (status 3); {rec.code} is in {_status(rec)}",
                field="form",
            )
        return _latest(rec, "refuse")
    if form == "apology":
        ev = _latest(rec, "extend")
        if ev is None and not _is_late(rec):
            raise UserError(
                f"an apology letter is printed only for a dossier that is late or has been extended; "
                f"{rec.code} is neither",
                field="form",
            )
        return ev
    if form == "stop":
        if rec.status != 8:
            raise UserError(
                f"a stop notice is printed only for a dossier whose processing was stopped (status 8); "
                f"{rec.code} is in {_status(rec)}",
                field="form",
            )
        return _latest(rec, "stop")
    if form == "control":
        return None
    raise UserError(f"unknown form '{form}'; use one of: {', '.join(FORMS)}", field="form")


def printable_forms(session: Session, code: str, *, now: datetime) -> list[str]:
    """The forms that may be printed for a dossier now (for the window's print menu)."""
    rec = show(session, code, now=now)
    out = []
    for form in FORMS:
        try:
            check_form(form, rec, now)
        except UserError:
            continue
        out.append(form)
    return out


# ----------------------------------------------------------------------------- helpers


def _names(session: Session, usernames: Iterable[str]) -> dict[str, str]:
    wanted = {u for u in usernames if u}
    if not wanted:
        return {}
    rows = session.execute(select(User.username, User.full_name).where(User.username.in_(wanted)))
    return {u: f for u, f in rows if f}


def _earlier_prints(session: Session, form: str, key: str, entity: str = "dossier") -> int:
    rows = session.execute(
        select(AuditEntry.detail).where(
            AuditEntry.entity == entity,
            AuditEntry.entity_key == key,
            AuditEntry.action.in_(PRINT_ACTIONS),
        )
    ).scalars()
    count = 0
    for detail in rows:
        try:
            if json.loads(detail or "{}").get("form") == form:
                count += 1
        except ValueError:
            continue
    return count


def _supplement_documents(ev: EventRecord | None) -> tuple[ReceivedDocument, ...]:
    """What the supplement request lists, when the event carries it (``data["documents"]``)."""
    items = (ev.data or {}).get("documents") if ev is not None else None
    docs = []
    for item in items or ():
        if isinstance(item, dict) and item.get("name"):
            docs.append(ReceivedDocument(
                name=str(item["name"]),
                original=int(item.get("original", 0) or 0),
                certified=int(item.get("certified", 0) or 0),
                copy=int(item.get("copy", 0) or 0),
            ))
    return tuple(docs)


def check_output(out: Path | str, suffixes: tuple[str, ...]) -> Path:
    """The output path as given, checked before any work: its suffix, and an existing folder."""
    path = Path(out).expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name such as {path / ('form' + suffixes[0])}", field="out")
    if path.suffix.lower() not in suffixes:
        raise UserError(
            f"the output file must end in {' or '.join(suffixes)} (got '{path.name}')", field="out"
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise UserError(f"the folder {parent} does not exist; create it or choose another", field="out")
    if not parent.is_dir():
        raise UserError(f"{parent} is not a folder", field="out")
    return path


def _storage_error(exc: OSError, path: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StorageError(f"The disk is full: {path.name} was not written. Free some space and print again.")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(
            f"Cannot write {path}: permission denied, or the file is open in another program "
            "(a PDF viewer or Excel). Close it or choose another folder, then print again."
        )
    return StorageError(f"Cannot write {path}: {exc.strerror or exc}. Nothing was printed.")


def write_atomically(path: Path, data: bytes, before_rename: Callable[[], None]) -> None:
    """Write ``data`` to a temporary file beside ``path``, run ``before_rename`` (the audit
    row), then rename over ``path``. On any failure the temporary file is removed and
    ``path`` is left as it was."""
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=parent, prefix=f".{path.stem[:40]}.", suffix=".tmp")
    except OSError as exc:
        raise _storage_error(exc, path) from None
    tmp = Path(tmp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise _storage_error(exc, path) from None
        before_rename()
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _storage_error(exc, path) from None
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


# ----------------------------------------------------------------------------- forms


def build_context(session: Session, form: str, code: str, *, now: datetime) -> tuple[FormContext, int]:
    """The filled-in context of a form for a dossier, and how often that form was printed before.

    Raises UserError for an unknown form or dossier, or a form that does not fit the state."""
    if form not in FORMS:
        raise UserError(f"unknown form '{form}'; use one of: {', '.join(FORMS)}", field="form")
    rec = show(session, code, now=now)
    event = check_form(form, rec, now)
    unit = get_unit(session)
    users = {rec.received_by, *(h.from_person for h in rec.handovers)}
    if event is not None:
        users.add(event.actor)
    before = _earlier_prints(session, form, rec.code)
    ctx = FormContext(
        dossier=rec,
        unit=unit,
        printed_at=now,
        copy_no=before + 1,
        event=event,
        names=_names(session, users),
        documents=_supplement_documents(event) if form == "supplement" else None,
    )
    return ctx, before


def print_form(session: Session, form: str, code: str, out: Path | str, *, now: datetime, actor: str) -> PrintResult:
    """Render ``form`` for dossier ``code`` to ``out`` (.pdf) and log the print."""
    from desk_app.forms.render import render

    form = (form or "").strip().lower()
    if form not in FORMS:
        raise UserError(f"unknown form '{form}'; use one of: {', '.join(FORMS)}", field="form")
    path = check_output(out, (".pdf",))
    ctx, before = build_context(session, form, code, now=now)
    template = template_for(form, ctx.dossier.received_at.date())
    rendered = render(template, ctx)
    reprint = before > 0
    detail = {"form": form, "pages": rendered.pages, "copy": ctx.copy_no, "template": template.legal_version}

    def log_it() -> None:
        audit.append(session, at=now, actor=actor, action="reprint" if reprint else "print",
                     entity="dossier", key=ctx.dossier.code, detail=detail)

    write_atomically(path, rendered.pdf, log_it)
    log.info("printed %s for %s (%d pages, copy %d)", form, ctx.dossier.code, rendered.pages, ctx.copy_no)
    return PrintResult(form=form, code=ctx.dossier.code, path=path, pages=rendered.pages, reprint=reprint,
                       copy_no=ctx.copy_no, template=template.legal_version)


def preview_form(session: Session, form: str, code: str, *, now: datetime) -> bytes:
    """The PDF ``print_form`` would write now, for an on-screen preview: nothing is logged
    and no file is written (so a reprint's preview already shows "Bản in lại")."""
    from desk_app.forms.render import render

    form = (form or "").strip().lower()
    ctx, _ = build_context(session, form, code, now=now)
    return render(template_for(form, ctx.dossier.received_at.date()), ctx).pdf


# ----------------------------------------------------------------------------- register


def _as_date(value: date | datetime | str, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"{what} '{value}' is not a date YYYY-MM-DD", field=what) from None


def register_dossiers(session: Session, date_from: date, date_to: date) -> list[DossierRecord]:
    """Dossiers received from ``date_from`` to ``date_to`` (inclusive), in order of receipt."""
    start = datetime.combine(date_from, datetime.min.time())
    end = datetime.combine(date_to + timedelta(days=1), datetime.min.time())
    rows = session.execute(
        select(Dossier)
        .options(selectinload(Dossier.documents))
        .where(Dossier.received_at >= start, Dossier.received_at < end)
        .order_by(Dossier.received_at, Dossier.id)
        .execution_options(yield_per=500)
    ).scalars()
    return [to_record(r) for r in rows]


def print_register(
    session: Session,
    date_from: date | str,
    date_to: date | str,
    out: Path | str,
    *,
    now: datetime,
    actor: str,
) -> PrintResult:
    """The register (Sổ theo dõi hồ sơ) of dossiers received in the period, as .pdf or .xlsx."""
    from desk_app.forms.register import RegisterInput, render_pdf, render_xlsx

    d1 = _as_date(date_from, "from")
    d2 = _as_date(date_to, "to")
    if d1 > d2:
        raise UserError(f"the period starts ({d1.isoformat()}) after it ends ({d2.isoformat()})", field="from")
    if (d2 - d1).days > MAX_REGISTER_DAYS:
        raise UserError("the period is longer than five years; print one year at a time", field="to")
    path = check_output(out, (".pdf", ".xlsx"))
    unit = get_unit(session)
    records = register_dossiers(session, d1, d2)
    template = template_for("register", d1)
    data = RegisterInput(unit=unit, date_from=d1, date_to=d2, printed_at=now, dossiers=records)
    if path.suffix.lower() == ".xlsx":
        payload, pages, fmt = render_xlsx(template, data), 0, "xlsx"
    else:
        rendered = render_pdf(template, data)
        payload, pages, fmt = rendered.pdf, rendered.pages, "pdf"
    key = f"{d1.isoformat()}..{d2.isoformat()}"
    detail = {"form": "register", "format": fmt, "pages": pages, "rows": len(records),
              "template": template.legal_version, "printed_at": iso(now)}

    def log_it() -> None:
        audit.append(session, at=now, actor=actor, action="print", entity="register", key=key, detail=detail)

    write_atomically(path, payload, log_it)
    return PrintResult(form="register", code=key, path=path, pages=pages, reprint=False,
                       template=template.legal_version, rows=len(records))
