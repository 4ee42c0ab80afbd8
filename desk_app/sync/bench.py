"""`bench_sync()`: export and import of one busy week, each beside its floor.

The week: 700 dossiers received over five working days with ``dossiers.receive`` and moved on
with ``dossiers.transition`` (handover, result ready, returned; some paused for documents),
about 3,000 events, so the change log is exactly what a commune writes. Targets (issue 6):
export <= 1 s and <= 300 KB on disk; upstream import >= 0.25x the rows/s of a raw Core
``executemany`` of the same number of rows into a scratch table of the same database,
measured in the same run.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.clock import VN_TZ

MONDAY = datetime(2026, 3, 2, tzinfo=VN_TZ)
UPSTREAM_CODE = "000.00.17.H56"
COMMUNE_CODE = "000.17.22.H56"


def _people(rng: random.Random):
    from desk_app.services.demo import GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, SURNAMES, _cccd, _phone
    from desk_app.services.dossiers import Person

    male = rng.random() < 0.5
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_M if male else MIDDLE_F)} {rng.choice(GIVEN_M if male else GIVEN_F)}"
    return Person(name=name, id_number=_cccd(rng, male, rng.randint(1950, 2005)), phone=_phone(rng),
                  address=f"Ấp {rng.randint(1, 9)}, xã Bench")


def build_week(db, *, dossiers: int = 700, seed: int = 11) -> dict:
    """A commune's busy week through the real services (one transaction per act)."""
    from desk_app.services.dossiers import Intake, TransitionRequest, receive, transition

    rng = random.Random(seed)
    procs = ["1.004873", "1.001193", "1.000894", "1.004884", "1.000689"]
    days = [MONDAY + timedelta(days=i) for i in range(5)]
    per_day = -(-dossiers // len(days))
    made, events = [], 0
    for day in days:
        todays = []
        for n in range(min(per_day, dossiers - len(made))):
            at = day.replace(hour=7, minute=30) + timedelta(minutes=n * 2)  # 07:30 .. ~12:10
            with db.session() as s:
                rec = receive(s, Intake(procedure_code=rng.choice(procs), applicant=_people(rng), received_at=at),
                              now=at, actor="clerk1")
            todays.append(rec.code)
            events += 1
        made.extend(todays)
        t = day.replace(hour=13, minute=30)
        for code in todays:
            steps = [("handover", {"to_unit": "Công chức Tư pháp - Hộ tịch"})]
            if rng.random() < 0.3:
                steps += [("request-supplement", {"reason": "Thiếu bản sao giấy tờ"}), ("supplement-received", {})]
            steps += [("result-ready", {}), ("return", {})]
            for action, kw in steps:
                t += timedelta(seconds=7)
                with db.session() as s:
                    transition(s, code, TransitionRequest(action=action, at=t, **kw), now=t, actor="clerk1")
                events += 1
    return {"dossiers": len(made), "events": events}


def _setup(commune_db, upstream_db, cdir: Path, udir: Path, now: datetime) -> None:
    from desk_app.paths import resource_path
    from desk_app.services import catalog, setup
    from desk_app.services import sync as svc

    with commune_db.session() as s:
        setup.init_unit(s, unit_code=COMMUNE_CODE, unit_name="Bộ phận Một cửa UBND xã Bench", place="Bench",
                        now=now, actor="bench")
        catalog.import_file(s, resource_path("samples", "procedures_sample.json"), now=now, actor="bench")
    with upstream_db.session() as s:
        setup.init_unit(s, unit_code=UPSTREAM_CODE, unit_name="Trung tâm Phục vụ hành chính công tỉnh Bench",
                        upstream=True, now=now, actor="bench")
    req = svc.enroll_request(commune_db, cdir, cdir / "enroll.json", now=now)
    svc.enroll(upstream_db, Path(req.path), fingerprint=req.fingerprint, now=now, actor="bench")
    key = svc.upstream_key(upstream_db, udir, udir / "office-key.json", now=now)
    svc.trust_upstream(commune_db, cdir, Path(key.path), fingerprint=key.fingerprint, replace=False, now=now,
                       actor="bench")


def _floor(upstream_db, rows: list[dict]) -> float:
    """Rows/s of a raw Core executemany of the same rows into a scratch table, same database."""
    from sqlalchemy import JSON, Column, Integer, MetaData, String, Table

    from desk_app.sync.importer import gc_paused

    md = MetaData()
    table = Table("bench_sync_floor", md, Column("id", Integer, primary_key=True), Column("entity", String(40)),
                  Column("entity_key", String(100)), Column("op", String(10)), Column("at", String(40)),
                  Column("payload", JSON))
    md.drop_all(upstream_db.engine)
    md.create_all(upstream_db.engine)
    try:
        best = 0.0
        for _ in range(3):
            with upstream_db.writer.begin() as conn:
                conn.execute(table.delete())
            with gc_paused():  # the same conditions as the import
                t0 = time.perf_counter()
                with upstream_db.writer.begin() as conn:
                    conn.execute(table.insert(), rows)
                elapsed = time.perf_counter() - t0
            best = max(best, len(rows) / elapsed)
        return best
    finally:
        md.drop_all(upstream_db.engine)


def bench_sync(workdir: Path | None = None, upstream_url: str | None = None, dossiers: int = 700) -> dict:
    from db.engine import open_database
    from desk_app.services import sync as svc
    from desk_app.sync import bundle as fmt
    from desk_app.sync import keys as keymod
    from desk_app.sync.importer import parse_changes

    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="desk-sync-bench-")
        workdir = Path(tmp.name)
    workdir = Path(workdir)
    cdir, udir, usb = workdir / "commune", workdir / "upstream", workdir / "usb"
    for d in (cdir, udir, usb):
        shutil.rmtree(d, ignore_errors=True)
    commune = open_database(cdir)
    upstream = open_database(udir, upstream_url)
    try:
        now = MONDAY.replace(hour=7)
        _setup(commune, upstream, cdir, udir, now)
        # the first exchange carries the set-up (unit, procedure set): done and acknowledged
        # before the week, as in a desk that has been syncing for a while
        first = svc.export(commune, cdir, workdir / "first", now=now, actor="bench")
        svc.import_files(upstream, udir, [f.path for f in first.files], now=now, actor="bench", ack_dir=workdir / "acks0")
        svc.import_files(commune, cdir, list((workdir / "acks0").iterdir()), now=now, actor="bench")
        t0 = time.perf_counter()
        week = build_week(commune, dossiers=dossiers)
        build_s = time.perf_counter() - t0
        end = MONDAY + timedelta(days=4, hours=17)
        svc.export(commune, cdir, workdir / "warmup", now=end, actor="bench")  # imports, caches
        shutil.rmtree(workdir / "warmup", ignore_errors=True)
        t0 = time.perf_counter()
        res = svc.export(commune, cdir, usb, now=end, actor="bench")
        export_s = time.perf_counter() - t0
        files = [Path(f.path) for f in res.files]

        # the floor, on the rows this bundle carries
        with upstream.session(write=False) as s:
            blob = files[0].read_bytes()
            verified, _ = fmt.open_file(blob, decrypt_keys=keymod.decryption_keys(s, udir),
                                        resolve_key=lambda m: (keymod.sign_public(
                                            _enrolled_key(s, m)), m["sender"]["station_id"]))
        changes = parse_changes(verified)
        rows = [{"id": c.id, "entity": c.entity, "entity_key": c.key, "op": c.op, "at": c.at, "payload": c.payload}
                for c in changes]
        floor = _floor(upstream, rows)
        t0 = time.perf_counter()
        rep = svc.import_files(upstream, udir, files, now=end + timedelta(hours=1), actor="bench",
                               ack_dir=workdir / "acks")
        import_s = time.perf_counter() - t0
        applied = sum(f.applied for f in rep.files)
        rate = applied / import_s if import_s else 0.0
        return {
            "week": {**week, "changes": res.count, "build_s": round(build_s, 1)},
            "export": {"seconds": round(export_s, 3), "bytes": res.bytes, "kb": round(res.bytes / 1024, 1),
                       "files": len(res.files), "target_seconds": 1.0, "target_kb": 300,
                       "ok": export_s <= 1.0 and res.bytes <= 300 * 1024},
            "import": {"seconds": round(import_s, 3), "rows": applied, "rows_per_s": round(rate),
                       "floor_rows_per_s": round(floor), "ratio": round(rate / floor, 3) if floor else None,
                       "target_ratio": 0.25, "ok": bool(floor) and rate / floor >= 0.25,
                       "database": upstream.engine.dialect.name,
                       "statuses": sorted({f.status for f in rep.files}),
                       "quarantined": sum(f.quarantined for f in rep.files)},
        }
    finally:
        commune.dispose()
        upstream.dispose()
        if tmp is not None:
            tmp.cleanup()


def _enrolled_key(session, manifest: dict) -> str:
    from sqlalchemy import select

    from db.models_sync import SyncStation

    return session.execute(
        select(SyncStation.sign_key).where(SyncStation.station_id == manifest["sender"]["station_id"])
    ).scalar_one()
