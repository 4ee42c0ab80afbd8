"""`desk-app bench`: each figure beside a floor measured in the same run on the same data.

The floors are what raw sqlite3 does for the same job on the same file (same PRAGMAs), so the
ratio says what our layers cost, whatever the machine.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.clock import VN_TZ

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VN_TZ)
BENCH_UNIT = "Bộ phận Một cửa UBND xã Bench"


def _median_ms(fn: Callable[[], object], repeat: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _figure(value: float, floor: float) -> dict:
    return {"value_ms": round(value, 3), "floor_ms": round(floor, 3), "ratio": round(value / floor, 2) if floor else None}


def run_bench(dossiers: int = 300_000, workdir: Path | None = None, repeat: int = 100) -> dict:
    from db.engine import open_database
    from desk_app.domain.deadlines import bench_compute_due
    from desk_app.paths import resource_path
    from desk_app.services import catalog, demo, dossiers as svc, setup

    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="desk-bench-")
        workdir = Path(tmp.name)
    result: dict = {"dossiers": dossiers}
    db = open_database(workdir)
    try:
        t0 = time.perf_counter()
        with db.session() as s:
            unit = setup.get_unit(s, required=False)
            if unit is not None and unit.name != BENCH_UNIT:
                from desk_app.errors import UserError

                raise UserError(
                    f"{workdir} holds the desk of {unit.name}: the benchmark writes test dossiers, "
                    "so give it an empty --workdir (or none)"
                )
            if unit is None:
                setup.init_unit(s, unit_code="000.17.22.H56", unit_name=BENCH_UNIT,
                                parent_name="UBND xã Bench", place="Bench", now=NOW, actor="bench")
                catalog.import_file(s, resource_path("samples", "procedures_sample.json"), now=NOW, actor="bench")
        with db.session() as s:
            from sqlalchemy import func, select

            from db.models import Dossier

            have = s.execute(select(func.count(Dossier.id))).scalar()
        if have == 0:
            with db.session() as s:
                demo.generate(s, dossiers=dossiers, now=NOW - timedelta(days=1), seed=7, actor="bench")
        result["build_s"] = round(time.perf_counter() - t0, 1)
        with db.session(write=False) as s:
            sample = svc.list_dossiers(s, svc.ListFilter(limit=1), now=NOW)[0]
        raw = sqlite3.connect(db.path, isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        from desk_app.services.dossiers import Intake, Person

        counter = iter(range(10_000_000))
        with db.session(write=False) as s:
            from sqlalchemy import func, select

            from db.models import Dossier

            last = s.execute(select(func.max(Dossier.received_at))).scalar()
        # receipts go on fresh days after the data, 500 a day (a station issues 999 at most)
        base = (datetime.combine(last.date(), NOW.timetz()) if last else NOW) + timedelta(days=1)

        def do_receive() -> None:
            i = next(counter)
            at = base + timedelta(days=i // 500, seconds=i % 500)
            intake = Intake(
                procedure_code="1.004873",
                applicant=Person(name="Nguyễn Văn Bench", id_number=f"001099{i % 1_000_000:06d}", phone="0912345678"),
                received_at=at,
            )
            with db.session() as s:
                svc.receive(s, intake, now=at, actor="bench")

        # Floor: one raw INSERT of a dossier row into the dossiers table itself (its indexes
        # and search index included) + COMMIT, on the same file. A row in a bare scratch table
        # is reported beside it: it writes one page where any dossier writes a dozen.
        raw.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, code TEXT, payload TEXT, at TEXT)")
        payload = "x" * 600
        cols = [r[1] for r in raw.execute("PRAGMA table_info(dossiers)") if r[1] != "id"]
        template = raw.execute(f"SELECT {', '.join(cols)} FROM dossiers WHERE code = ?", (sample.code,)).fetchone()
        insert_sql = f"INSERT INTO dossiers ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        floor_counter = iter(range(10_000_000))

        def floor_receive() -> None:
            i = next(floor_counter)
            row = dict(zip(cols, template))
            row.update(code=f"BENCH-FLOOR-{i}", uuid=f"bench-floor-{i}")
            raw.execute("BEGIN")
            raw.execute(insert_sql, list(row.values()))
            raw.execute("COMMIT")

        def floor_bare() -> None:
            raw.execute("BEGIN")
            raw.execute("INSERT INTO bench_floor(code, payload, at) VALUES (?, ?, ?)", ("c", payload, "2026-03-02"))
            raw.execute("COMMIT")

        result["receive"] = _figure(_median_ms(do_receive, repeat), _median_ms(floor_receive, repeat))
        result["receive"]["floor_bare_table_ms"] = round(_median_ms(floor_bare, repeat), 3)
        raw.execute("DELETE FROM dossiers WHERE code LIKE 'BENCH-FLOOR-%'")
        raw.execute("DROP TABLE bench_floor")

        code = sample.code

        def floor_lookup() -> None:
            assert raw.execute("SELECT * FROM dossiers WHERE code = ?", (code,)).fetchone() is not None

        # The floor runs on an open connection, so the service runs on an open session (the
        # window's database worker runs a burst of queries per task); the cost of opening a
        # session per call is reported beside it.
        with db.session(write=False) as open_session:
            on_open = _median_ms(lambda: svc.lookup(open_session, code), repeat * 3)

        def do_lookup() -> None:
            with db.session(write=False) as s:
                assert svc.lookup(s, code) is not None

        floor = _median_ms(floor_lookup, repeat * 3)
        result["lookup"] = _figure(on_open, floor)
        result["lookup_own_session"] = _figure(_median_ms(do_lookup, repeat * 3), floor)

        query = "tran thi huong"

        def do_search() -> None:
            with db.session(write=False) as s:
                svc.search(s, query, limit=50)

        match = svc.fts_query(query)

        def floor_search() -> None:
            raw.execute(
                "SELECT * FROM dossiers WHERE id IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?) "
                "ORDER BY received_at DESC, id DESC LIMIT 50",
                (match,),
            ).fetchall()

        result["search"] = _figure(_median_ms(do_search, repeat), _median_ms(floor_search, repeat))

        def do_overdue() -> None:
            with db.session(write=False) as s:
                svc.list_dossiers(s, svc.ListFilter(overdue=True, limit=200), now=NOW)

        def floor_overdue() -> None:
            raw.execute(
                "SELECT * FROM dossiers WHERE status IN (1, 2, 4) AND due_at < ? ORDER BY due_at, id LIMIT 200",
                (NOW.replace(tzinfo=None).isoformat(sep=" "),),
            ).fetchall()

        result["overdue_200"] = _figure(_median_ms(do_overdue, repeat), _median_ms(floor_overdue, repeat))
        result["due_date"] = bench_compute_due()
        from desk_app.forms.bench import bench_receipt
        from desk_app.services.reports import bench_report

        result["receipt"] = bench_receipt()
        result["report_year"] = bench_report(workdir)
        raw.close()
    finally:
        db.dispose()
        if tmp is not None:
            tmp.cleanup()
    return result
