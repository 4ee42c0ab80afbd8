"""What a form is filled from: the dossier, the unit, the event it reports, and the print.

Pure data: built by :mod:`desk_app.services.printing` from the database, or by hand (the
benchmark, tests) from an in-memory :class:`~desk_app.services.dossiers.DossierRecord`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from desk_app.forms import vnformat as vf

if TYPE_CHECKING:
    from desk_app.services.dossiers import DossierRecord, EventRecord, ReceivedDocument
    from desk_app.services.setup import UnitInfo

RESULT_LABELS = {"before": "Trước hạn", "on": "Đúng hạn", "after": "Quá hạn"}


@dataclass(frozen=True)
class FormContext:
    dossier: DossierRecord
    unit: UnitInfo
    printed_at: datetime
    copy_no: int = 1  # 1 = first print; 2 = first reprint …
    event: EventRecord | None = None  # the event the form reports (refuse, stop, extend …)
    names: Mapping[str, str] = field(default_factory=dict)  # user name -> full name
    documents: tuple[ReceivedDocument, ...] | None = None  # a supplement's list (None: the dossier's)

    @property
    def reprint(self) -> bool:
        return self.copy_no > 1

    def person(self, username: str) -> str:
        return self.names.get(username, "") or username


def _join(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def values(ctx: FormContext) -> dict[str, str]:
    """Every ``{key}`` a template may use, as text."""
    d = ctx.dossier
    u = ctx.unit
    a = d.applicant
    ev = ctx.event
    submitter = d.proxy.name if d.proxy and d.proxy.name else a.name
    delivery = (
        f"Qua dịch vụ bưu chính công ích, về địa chỉ: {a.address}" if d.result_delivery == "post" and a.address
        else "Qua dịch vụ bưu chính công ích" if d.result_delivery == "post"
        else f"Trực tiếp tại {u.name}"
    )
    event_at = ev.at if ev is not None else None
    new_due = ev.due_after if ev is not None and ev.action == "extend" else None
    return {
        "code": d.code,
        "parent_name": u.parent_name,
        "unit_name": u.name,
        "unit_name_upper": u.name.upper(),
        "place": u.place,
        "resolving_unit": d.resolving_unit or u.name,
        "applicant": a.name,
        "applicant_upper": a.name.upper(),
        "proxy": d.proxy.name if d.proxy else "",
        "submitter": submitter,
        "address": a.address,
        "phone": a.phone,
        "email": a.email,
        "phone_email": _join(a.phone, a.email, sep="; "),
        "procedure": d.procedure_name,
        "procedure_code": d.procedure_code,
        "field": d.field_name,
        "sets": f"{d.sets_count:02d}",
        "duration": vf.duration_text(d.duration),
        "received_at": vf.vn_datetime(d.received_at),
        "received_date": vf.vn_date(d.received_at),
        "original_due_at": vf.vn_datetime(d.original_due_at),
        "due_at": vf.vn_datetime(d.due_at),
        "extended_due_at": vf.vn_datetime(d.due_at) if d.extension_count and d.due_at else "",
        "delivery": delivery,
        "fee": vf.fee_text(d.fee),
        "fee_refund": (
            f"Phí, lệ phí đã nộp ({vf.money(d.fee)}) được hoàn trả cho Ông/Bà theo quy định."
            if d.fee else "Hồ sơ không thu phí, lệ phí."
        ),
        "register_book": d.register_book,
        "register_no": str(d.register_no) if d.register_no else "",
        "received_by": ctx.person(d.received_by),
        "event_at": vf.vn_datetime(event_at) if event_at else "",
        "event_date": vf.vn_date(event_at) if event_at else "",
        "event_actor": ctx.person(ev.actor) if ev is not None else "",
        "reason": ev.reason if ev is not None else "",
        "new_due_at": vf.vn_datetime(new_due),  # dotted "…… giờ …… phút, ngày …" to fill in by hand
        "returned_at": vf.vn_datetime(d.returned_at) if d.returned_at else "",
        "returned_to": d.returned_to,
        "printed_date": vf.vn_date(ctx.printed_at),
        "copy_no": str(ctx.copy_no),
    }


def form_date(form: str, ctx: FormContext) -> datetime:
    """The date on the place-date line: the act the form records, else the print."""
    if form in ("receipt", "control"):
        return ctx.dossier.received_at
    if ctx.event is not None:
        return ctx.event.at
    return ctx.printed_at
