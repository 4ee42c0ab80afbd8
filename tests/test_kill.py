"""kill -9 at any instant: the database passes integrity_check and holds every dossier whose
receive reported success, with no duplicate codes and an intact audit chain."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO, setup_desk

WRITER = r"""
import sys
from datetime import datetime, timedelta
from pathlib import Path
from db.engine import open_database
from desk_app.services.dossiers import Intake, Person, receive
from desk_app.services import dossiers
db = open_database(Path(sys.argv[1]))
now = datetime.fromisoformat("2026-03-02T09:00:00+07:00")
i = 0
print("ready", flush=True)
while True:
    i += 1
    intake = Intake(procedure_code="1.004873", received_at=now,
                    applicant=Person(name="Phạm Thị Lan", id_number="001099%06d" % (i % 999999), phone="0912345678"))
    with db.session() as s:
        rec = receive(s, intake, now=now, actor="writer")
    # reported only after the transaction committed; one write per line, so that a kill
    # cannot leave half a line (with PYTHONUNBUFFERED print() writes its pieces one by one)
    sys.stdout.write(rec.code + "\n")
    sys.stdout.flush()
    if i % 7 == 0:
        with db.session() as s:
            dossiers.transition(s, rec.code, dossiers.TransitionRequest(action="result-ready", at=now), now=now, actor="writer")
        sys.stdout.write(f"ready-for {rec.code}\n")
        sys.stdout.flush()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_writer_loses_nothing_reported(sqlite_db, data_dir):
    setup_desk(sqlite_db)
    sqlite_db.dispose()
    rng = random.Random(20260302)
    reported: list[str] = []
    ready_reported: list[str] = []
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=REPO,
                                env={**os.environ, "DESK_APP_BUSY_TIMEOUT_MS": "5000"})
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.35))
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        for line in out.splitlines():
            if line.startswith("ready-for "):
                ready_reported.append(line.split()[1])
            elif line.strip():
                reported.append(line.strip())
    assert len(reported) > 20, "the writer hardly wrote anything"
    conn = sqlite3.connect(data_dir / "desk.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        codes = [r[0] for r in conn.execute("SELECT code FROM dossiers")]
        assert len(codes) == len(set(codes))
        missing = set(reported) - set(codes)
        assert not missing, f"reported but lost: {sorted(missing)[:5]}"
        assert len(reported) == len(set(reported))
        for code in ready_reported:
            assert conn.execute("SELECT status FROM dossiers WHERE code=?", (code,)).fetchone()[0] == 9
        # every dossier has its receive event, outbox row and audit row (one transaction)
        assert conn.execute(
            "SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM dossier_events e "
            "WHERE e.dossier_id = d.id AND e.action = 'receive')").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM change_log WHERE entity='dossier'").fetchone()[0] >= len(codes)
    finally:
        conn.close()
    from db.engine import open_database
    from desk_app.services import audit

    db = open_database(data_dir)
    with db.session(write=False) as s:
        assert audit.verify(s).ok
    db.dispose()
