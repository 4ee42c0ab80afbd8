"""A realistic synthetic commune history, for demos, training and benchmarks.

Dossiers are spread over the working days before ``now`` (about 120 a day, as a busy commune),
with the procedure mix of a commune desk, Vietnamese names, valid-looking CCCD and phone
numbers, and lives that end as real ones do: most returned, some late, refused, withdrawn,
paused or still open. Loaded with Core bulk inserts (the ORM is ~12x slower for this).

It fills an empty desk only: mixing made-up citizens into a real register would be a disaster.
Nothing goes into the sync outbox.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.models import DailySequence, Dossier, DossierDocument, DossierEvent, Procedure, RegisterSequence
from desk_app.clock import to_db
from desk_app.domain import deadlines
from desk_app.domain.dossier_rules import make_code
from desk_app.domain.vntext import fold
from desk_app.errors import UserError
from desk_app.services import audit
from desk_app.services import calendar as calendar_service
from desk_app.services.records import duration_of
from desk_app.services.setup import get_unit, office_hours

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích", "Hồng"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Vinh"]
GIVEN_F = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Oanh", "Phương", "Thảo", "Trang", "Uyên", "Yến"]
HAMLETS = ["Ấp 1", "Ấp 2", "Ấp 3", "Ấp Tân Hòa", "Ấp Bình Đông", "Thôn Đông", "Thôn Trung", "Khu phố 4"]
PER_DAY = 120
CHUNK = 5000


def _name(rng: random.Random) -> tuple[str, bool]:
    male = rng.random() < 0.5
    middle = rng.choice(MIDDLE_M if male else MIDDLE_F)
    given = rng.choice(GIVEN_M if male else GIVEN_F)
    return f"{rng.choice(SURNAMES)} {middle} {given}", male


def _cccd(rng: random.Random, male: bool, year: int) -> str:
    century = (0 if male else 1) if year < 2000 else (2 if male else 3)
    return f"{rng.randint(1, 96):03d}{century}{year % 100:02d}{rng.randint(0, 999999):06d}"


def _phone(rng: random.Random) -> str:
    return f"0{rng.choice('35789')}{rng.randint(0, 99_999_999):08d}"


def generate(session: Session, *, dossiers: int, now: datetime, seed: int = 1, actor: str = "demo") -> dict:
    if dossiers < 1 or dossiers > 2_000_000:
        raise UserError("--dossiers must be between 1 and 2,000,000")
    existing = session.execute(select(func.count(Dossier.id))).scalar()
    if existing:
        raise UserError(
            f"this desk already has {existing} dossiers; demo data only fills an empty desk "
            "(use a separate --data-dir for training)"
        )
    unit = get_unit(session)
    procs = session.execute(select(Procedure).where(Procedure.is_current.is_(True))).scalars().all()
    if not procs:
        raise UserError("import a procedure set first: desk-app catalog import FILE")
    docs_by_proc = {p.id: [(d.name, d.original, d.certified, d.copy) for d in p.documents if not d.present_only] for p in procs}
    cal = calendar_service.load_calendar(session)
    hours = office_hours(session)
    rng = random.Random(seed)
    # Same-day procedures (certifications, civil status) dominate a commune desk.
    weights = [6 if p.duration_unit == "same_day" else 2 for p in procs]

    days_needed = max(1, -(-dossiers // PER_DAY))
    days = []
    d = now.date() - timedelta(days=1)
    while len(days) < days_needed:
        if cal.is_working_day(d):
            days.append(d)
        d -= timedelta(days=1)
    days.reverse()

    dossier_rows: list[dict] = []
    doc_rows: list[dict] = []
    event_rows: list[dict] = []
    seq_rows: dict[tuple, int] = {}
    reg_rows: dict[int, int] = {}
    next_id = (session.execute(select(func.max(Dossier.id))).scalar() or 0) + 1
    made = events = 0
    per_day = -(-dossiers // len(days))
    for day in days:
        count = min(per_day, dossiers - made)
        if count <= 0:
            break
        for n in range(1, count + 1):
            proc = rng.choices(procs, weights)[0]
            minute = rng.randint(0, 420)  # 07:30 .. 14:30
            received = datetime(day.year, day.month, day.day, 7, 30, tzinfo=now.tzinfo) + timedelta(minutes=minute)
            if received.hour >= 11 and received.hour < 13 or (received.hour == 13 and received.minute < 30):
                received += timedelta(hours=2)
            duration = duration_of(proc.duration_value, proc.duration_unit, proc.cutoff)
            due = deadlines.compute_due(received, duration, cal, hours)
            name, male = _name(rng)
            id_number = _cccd(rng, male, rng.randint(1950, 2005))
            phone = _phone(rng)
            code = make_code(unit.code, day, unit.station, n)
            reg = reg_rows.get(day.year, 0) + 1
            reg_rows[day.year] = reg
            seq_rows[(day,)] = n
            status, finished, returned = 2, None, None
            age = now - received
            roll = rng.random()
            evs = [("receive", None, 2, received, "")]
            if age > timedelta(days=40) or (roll < 0.85 and due < now):
                # resolved: mostly on time, some late
                late = rng.random() < 0.06
                if late:
                    finished = due + timedelta(days=rng.randint(1, 6))
                else:
                    span = max(60.0, (due - received).total_seconds())
                    finished = received + timedelta(seconds=rng.uniform(0.3, 0.95) * span)
                fate = rng.random()
                if fate < 0.015:
                    status = 3
                    evs.append(("refuse", 2, 3, finished, "Hồ sơ không đủ điều kiện giải quyết"))
                elif fate < 0.025:
                    status = 7
                    evs.append(("withdraw", 2, 7, finished, "Công dân xin rút hồ sơ"))
                else:
                    status = 9
                    evs.append(("result-ready", 2, 9, finished, ""))
                    returned_at = finished + timedelta(hours=rng.randint(1, 30))
                    if returned_at < now and rng.random() < 0.97:
                        status = 10
                        returned = returned_at
                        evs.append(("return", 9, 10, returned_at, ""))
            elif roll < 0.93:
                status = 4
                evs.append(("handover", 2, 4, received + timedelta(hours=1), ""))
            else:
                status = 5 if rng.random() < 0.7 else 2
                if status == 5:
                    evs.append(("request-supplement", 2, 5, received + timedelta(hours=2), "Thiếu giấy tờ"))
            did = next_id
            next_id += 1
            dossier_rows.append(
                {
                    "id": did,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "code": code,
                    "procedure_id": proc.id,
                    "procedure_code": proc.code,
                    "unit_code": unit.code,
                    "resolving_unit": unit.name,
                    "station": unit.station,
                    "channel": 2 if rng.random() < 0.2 else 1,
                    "status": status,
                    "sub_status": "",
                    "received_at": to_db(received),
                    "received_by": rng.choice(["clerk1", "clerk2", "clerk3"]),
                    "original_due_at": to_db(due),
                    "due_at": to_db(due),
                    "calendar_version": cal.version,
                    "paused_at": to_db(evs[-1][3]) if status == 5 else None,
                    "resume_status": 2 if status == 5 else None,
                    "paused_days": 0,
                    "supplement_count": 1 if status == 5 else 0,
                    "extension_count": 0,
                    "finished_at": to_db(finished) if status in (3, 7, 9, 10) else None,
                    "returned_at": to_db(returned),
                    "returned_to": name if returned else "",
                    "applicant_name": name,
                    "applicant_id_number": id_number,
                    "applicant_address": f"{rng.choice(HAMLETS)}, xã {unit.place or 'Tân Lập'}",
                    "applicant_phone": phone,
                    "applicant_email": "",
                    "sets_count": 1,
                    "fee": proc.fee_amount or 0,
                    "result_delivery": "desk",
                    "register_book": f"{unit.station:02d}/{day.year}",
                    "register_no": reg,
                    "note": "demo",
                    "search_text": fold(f"{code} {name} {id_number} {phone}"),
                    "updated_at": to_db(evs[-1][3]),
                }
            )
            for i, (dname, o, c, cp) in enumerate(docs_by_proc[proc.id]):
                doc_rows.append({"dossier_id": did, "position": i + 1, "name": dname, "original": o, "certified": c, "copy": cp})
            for action, frm, to, at, reason in evs:
                event_rows.append(
                    {
                        "dossier_id": did, "action": action, "from_status": frm, "to_status": to,
                        "at": to_db(at), "recorded_at": to_db(at), "actor": "demo", "reason": reason,
                        "due_before": None, "due_after": to_db(due), "data": {},
                    }
                )
            made += 1
            events += len(evs)
            if len(dossier_rows) >= CHUNK:
                _flush(session, dossier_rows, doc_rows, event_rows)
        for (dday,), last in seq_rows.items():
            session.execute(insert(DailySequence).values(unit_code=unit.code, day=dday, station=unit.station, last=last))
        seq_rows.clear()
    _flush(session, dossier_rows, doc_rows, event_rows)
    for year, last in reg_rows.items():
        session.execute(insert(RegisterSequence).values(unit_code=unit.code, year=year, station=unit.station, last=last))
    summary = {"dossiers": made, "events": events, "from": days[0].isoformat(), "to": days[-1].isoformat(), "seed": seed}
    audit.append(session, at=now, actor=actor, action="demo-data", entity="database", key="", detail=summary)
    return summary


def _flush(session: Session, dossier_rows: list, doc_rows: list, event_rows: list) -> None:
    if dossier_rows:
        session.execute(insert(Dossier), dossier_rows)
    if doc_rows:
        session.execute(insert(DossierDocument), doc_rows)
    if event_rows:
        session.execute(insert(DossierEvent), event_rows)
    dossier_rows.clear()
    doc_rows.clear()
    event_rows.clear()

