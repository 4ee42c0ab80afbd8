"""The window's first reads without the ORM (``db.light``, ``desk_app.services.startup``):
the same records as the services, and only on a file this program can read as it is."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta

from db.light import SCHEMA_CHAIN, DeferredDatabase, LightReader
from desk_app.clock import to_db
from desk_app.services import catalog, setup, startup, users
from tests.conftest import NOW, REPO, SAMPLE


def _add_user(db, username: str, role: str, **kw) -> None:
    from db.models import User

    with db.session() as s:
        s.add(User(username=username, full_name=username.title(), role=role, password_hash="x",
                   active=kw.get("active", True), failed_attempts=kw.get("failed_attempts", 0),
                   locked_until=kw.get("locked_until"), created_at=to_db(NOW)))


def test_startup_reads_equal_the_services(sqlite_desk, data_dir, tmp_path):
    db = sqlite_desk
    # a second version of one procedure: only the current one is listed
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["procedures"][0]["name"] += " (sửa đổi)"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with db.session() as s:
        catalog.import_file(s, changed, now=NOW + timedelta(days=1), actor="admin")
    _add_user(db, "admin", "admin")
    _add_user(db, "khoa", "clerk", active=False, failed_attempts=5, locked_until=to_db(NOW + timedelta(minutes=15)))

    reader = LightReader.open(data_dir)
    assert reader is not None
    with db.session(write=False) as s:
        assert startup.read_unit(reader) == setup.get_unit(s)
        assert startup.has_users(reader) is users.has_users(s) is True
        assert startup.list_users(reader) == users.list_users(s)
        light_procs, orm_procs = startup.list_procedures(reader), catalog.list_procedures(s)
    assert light_procs == orm_procs and len(light_procs) == 22
    changed_proc = next(p for p in light_procs if p.code == data["procedures"][0]["code"])
    assert changed_proc.version == 2 and changed_proc.name.endswith("(sửa đổi)")
    assert all(p.documents for p in light_procs) and any(p.steps for p in light_procs)
    reader.close()


def test_light_reader_refuses_what_the_full_start_must_handle(data_dir, sqlite_db, tmp_path):
    # no file, an empty folder: the full start creates the database
    assert LightReader.open(tmp_path / "nowhere") is None
    assert not (tmp_path / "nowhere").exists()
    # not an SQLite file: the full start refuses it with its message
    other = tmp_path / "other"
    other.mkdir()
    (other / "desk.sqlite3").write_bytes(b"not a database at all, a photo maybe")
    assert LightReader.open(other) is None
    # an older schema: the full start backs it up and upgrades it
    setup_free = LightReader.open(data_dir)
    assert setup_free is not None and startup.read_unit(setup_free) is None and not startup.has_users(setup_free)
    setup_free.close()
    path = data_dir / "desk.sqlite3"
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_CHAIN[-2],))
    con.close()
    assert LightReader.open(data_dir) is None
    # a newer one: the full start refuses it
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    assert LightReader.open(data_dir) is None


def test_light_reader_never_writes(sqlite_desk, data_dir):
    reader = LightReader.open(data_dir)
    try:
        reader.rows("DELETE FROM units")
    except sqlite3.OperationalError as exc:
        assert "readonly" in str(exc) or "query_only" in str(exc) or "read-only" in str(exc)
    else:
        raise AssertionError("the light reader wrote to the database")
    finally:
        reader.close()
    with sqlite_desk.session(write=False) as s:
        assert setup.get_unit(s) is not None


def test_deferred_database_opens_once_on_first_use(sqlite_desk):
    calls = []

    def opener():
        calls.append(1)
        return sqlite_desk

    deferred = DeferredDatabase(opener)
    assert not deferred.loaded and calls == []
    with deferred.session(write=False) as s:
        unit = setup.get_unit(s)
    assert deferred.loaded and deferred.is_sqlite and deferred.url == sqlite_desk.url
    assert replace(unit) == unit and calls == [1]


def test_the_first_reads_load_no_heavy_module():
    """What keeps the window's start light: the reader and the records import neither
    SQLAlchemy nor the other heavy libraries (each is loaded where it is used)."""
    code = ("import sys; import db.light, desk_app.services.startup, desk_app.services.records; "
            "heavy = ('sqlalchemy', 'alembic', 'reportlab', 'holidays', 'cryptography', 'openpyxl', 'argon2', "
            "'barcode', 'PySide6'); print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
