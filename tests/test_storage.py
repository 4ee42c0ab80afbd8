"""The user's database is never lost: migrations, refusals, backups, restore, failures."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text

from db.backup import auto_backup, backup_file, check_backup
from db.engine import current_revision, open_database, schema_revisions
from desk_app.errors import StorageError
from desk_app.services import audit
from tests.conftest import NOW, receive, setup_desk


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_is_migrated_with_pragmas(sqlite_db):
    head, _ = schema_revisions()
    assert current_revision(sqlite_db.engine) == head
    with sqlite_db.session(write=False) as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() > 0


def test_schema_chain_constant_matches_the_scripts():
    from alembic.script import ScriptDirectory

    from db.engine import SCHEMA_CHAIN, _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == SCHEMA_CHAIN


def test_newer_database_is_refused_untouched(data_dir):
    db = open_database(data_dir)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    before = sha(data_dir / "desk.sqlite3")
    with pytest.raises(StorageError, match="newer version of Một Cửa Desk"):
        open_database(data_dir)
    assert sha(data_dir / "desk.sqlite3") == before


def test_not_a_database_is_refused_untouched(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / "desk.sqlite3"
    path.write_bytes(b"this is somebody's spreadsheet, not a database" * 10)
    before = sha(path)
    with pytest.raises(StorageError, match="is not an SQLite database"):
        open_database(data_dir)
    assert sha(path) == before


BROKEN_MIGRATION = """
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("half_column", sa.Integer, nullable=True))
    raise RuntimeError("a migration bug")


def downgrade():
    pass
"""


def test_failed_upgrade_is_backed_up_and_rolled_back(data_dir, tmp_path, monkeypatch):
    """Backup first (SQLite backup API), then one transaction: a failing migration leaves the
    user's file exactly at its old schema, with every dossier."""
    import shutil

    import db.engine as engine_mod

    database = open_database(data_dir)
    setup_desk(database)
    rec = receive(database)
    database.dispose()
    scripts = tmp_path / "migrations"
    shutil.copytree(engine_mod.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head, _ = schema_revisions()
    (scripts / "versions" / "9001_broken.py").write_text(BROKEN_MIGRATION.replace("{head}", head))
    monkeypatch.setattr(engine_mod, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(engine_mod, "SCHEMA_CHAIN", (*engine_mod.SCHEMA_CHAIN, "9001"))  # a newer app
    with pytest.raises(RuntimeError, match="a migration bug"):
        open_database(data_dir)
    backups = list((data_dir / "backups").glob(f"before-upgrade-{head}-*.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(data_dir / "desk.sqlite3")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables
        cols = {r[1] for r in conn.execute("PRAGMA table_info(dossiers)")}
        assert "half_column" not in cols
        assert conn.execute("SELECT code FROM dossiers").fetchall() == [(rec.code,)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert check_backup(backups[0], {head}).dossiers == 1


def test_backup_and_restore_roundtrip(sqlite_desk, data_dir, cli, tmp_path):
    first = receive(sqlite_desk)
    out = tmp_path / "copy.sqlite3"
    res = cli("--json", "backup", "-o", str(out))
    assert res.code == 0, res.err
    assert check_backup(out, schema_revisions()[1]).dossiers == 1
    receive(sqlite_desk)  # a second dossier after the backup
    res = cli("--json", "restore", str(out))
    assert res.code == 0, res.err
    kept = Path(res.json()["previous_database"])
    assert kept.exists() and check_backup(kept, schema_revisions()[1]).dossiers == 2
    res = cli("--json", "list")
    assert [d["code"] for d in res.json()] == [first.code]
    assert cli("audit", "verify").code == 0


def test_restore_refuses_bad_files_and_keeps_database(sqlite_desk, data_dir, cli, tmp_path):
    receive(sqlite_desk)
    live = data_dir / "desk.sqlite3"
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"garbage" * 100)
    res = cli("restore", str(junk))
    assert res.code == 3 and "not an SQLite database" in res.err
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    res = cli("restore", str(other))
    assert res.code == 3 and "not a Một Cửa Desk database" in res.err
    res = cli("restore", str(tmp_path / "missing.sqlite3"))
    assert res.code == 3 and "does not exist" in res.err
    assert len(cli("--json", "list").json()) == 1
    assert live.exists()


def test_auto_backup_once_a_day_with_rotation(sqlite_desk, data_dir, tmp_path):
    from datetime import date, timedelta

    folder = tmp_path / "auto"
    live = data_dir / "desk.sqlite3"
    day = date(2026, 3, 1)
    for i in range(5):
        auto_backup(live, folder, day + timedelta(days=i), keep=3)
    assert auto_backup(live, folder, day + timedelta(days=4), keep=3) is None  # already today
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["auto-2026-03-03.sqlite3", "auto-2026-03-04.sqlite3", "auto-2026-03-05.sqlite3"]


def test_backup_into_unwritable_place_is_a_clear_error(sqlite_desk, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Cannot create the backup folder"):
        backup_file(sqlite_desk.path, blocker / "sub" / "b.sqlite3")


def test_disk_full_is_clear_and_saves_nothing(sqlite_desk):
    receive(sqlite_desk)

    @event.listens_for(sqlite_desk.engine, "connect")
    def _tiny(dbapi_conn, _rec):  # the file may not grow: what a full disk looks like to SQLite
        dbapi_conn.execute(f"PRAGMA max_page_count = {dbapi_conn.execute('PRAGMA page_count').fetchone()[0]}")

    sqlite_desk.engine.dispose()
    from desk_app.services.dossiers import Intake, receive as do_receive
    from tests.conftest import person

    with pytest.raises(StorageError, match="disk is full"):
        for i in range(200):  # fill the free pages, then fail
            with sqlite_desk.session() as s:
                do_receive(s, Intake(procedure_code="1.004873", applicant=person(name="Lê Thị Bình " + "x" * 150)), now=NOW, actor="c")
    event.remove(sqlite_desk.engine, "connect", _tiny)
    sqlite_desk.engine.dispose()
    with sqlite_desk.session(write=False) as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert audit.verify(s).ok


def test_read_only_database_is_clear(sqlite_desk, data_dir, cli):
    url = f"sqlite:///file:{(data_dir / 'desk.sqlite3').as_posix()}?mode=ro&uri=true"
    res = cli("receive", "--procedure", "1.004873", "--applicant-name", "Lê Văn Ba",
              "--applicant-id", "001099012345", db_url=url)
    assert res.code == 3, res.err
    assert "read-only" in res.err


def test_locked_database_is_clear_and_saves_nothing(sqlite_desk, data_dir, cli):
    other = sqlite3.connect(data_dir / "desk.sqlite3", timeout=0.1)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        res = cli("receive", "--procedure", "1.004873", "--applicant-name", "Lê Văn Ba",
                  "--applicant-id", "001099012345")
        assert res.code == 3, res.err
        assert "busy" in res.err and "Nothing was saved" in res.err
    finally:
        other.rollback()
        other.close()
    assert cli("--json", "list").json() == []


def test_audit_verify_names_first_broken_row(sqlite_desk, cli):
    receive(sqlite_desk)
    receive(sqlite_desk)
    assert cli("audit", "verify").code == 0
    conn = sqlite3.connect(sqlite_desk.path)
    conn.execute("DROP TRIGGER audit_log_no_update")  # what a tamperer with the file can do
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE id = 3")
    conn.commit()
    conn.close()
    res = cli("--json", "audit", "verify")
    assert res.code == 1
    assert res.json()["first_broken_id"] == 3
    assert "does not match" in res.json()["problem"]


def test_audit_verify_detects_deleted_row(sqlite_desk, cli):
    receive(sqlite_desk)
    conn = sqlite3.connect(sqlite_desk.path)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id = 2")
    conn.commit()
    conn.close()
    res = cli("--json", "audit", "verify")
    assert res.code == 1 and res.json()["first_broken_id"] == 2


def test_pg_database_opens_with_same_migrations(db):
    """Both backends: migrate and run the lifecycle (see test_dossiers for the rest)."""
    head, _ = schema_revisions()
    assert current_revision(db.engine) == head
    setup_desk(db)
    rec = receive(db)
    assert rec.code.endswith("-0001")


def test_fast_inserts_write_date_times_as_the_orm_does(sqlite_db):
    """Reports and lists compare SQLite date-times as text: every writer must use one form."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.dialects.sqlite import DATETIME

    from desk_app.clock import to_db

    setup_desk(sqlite_db)
    rec = receive(sqlite_db, "1.004873", NOW)  # 09:00:00 sharp: no microseconds
    orm_text = DATETIME().bind_processor(sqlite.dialect())
    conn = sqlite3.connect(sqlite_db.path)
    try:
        assert conn.execute("SELECT received_at FROM dossiers WHERE code = ?", (rec.code,)).fetchone()[0] == orm_text(to_db(NOW))
        for table, column in (("dossiers", "due_at"), ("dossier_events", "at"), ("change_log", "at"), ("audit_log", "at")):
            short = conn.execute(f"SELECT count(*) FROM {table} WHERE length({column}) = 19").fetchone()[0]
            assert short == 0, (table, column)
    finally:
        conn.close()


def test_migration_0004_gives_every_date_time_one_text_form(data_dir):
    """A desk written before 0004: the short date-times get their '.000000'; the values, the
    audit chain and the dossiers are otherwise untouched, and the file was backed up first."""
    db = open_database(data_dir)
    setup_desk(db)
    rec = receive(db, "1.004873", NOW)
    db.dispose()
    conn = sqlite3.connect(data_dir / "desk.sqlite3")
    guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").fetchone()[0]
    with conn:  # as the fast path of the first release wrote them
        conn.execute("UPDATE dossiers SET received_at = substr(received_at, 1, 19), due_at = substr(due_at, 1, 19)")
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET at = substr(at, 1, 19)")
        conn.execute(guard)
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    before = conn.execute("SELECT received_at, due_at FROM dossiers").fetchone()
    conn.close()
    assert len(before[0]) == 19

    db = open_database(data_dir)
    try:
        with db.session(write=False) as s:
            assert audit.verify(s).ok
            assert current_revision(db.engine) == "0004"
        conn = sqlite3.connect(data_dir / "desk.sqlite3")
        after = conn.execute("SELECT code, received_at, due_at FROM dossiers").fetchone()
        assert conn.execute("SELECT count(*) FROM audit_log WHERE length(at) = 19").fetchone()[0] == 0
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor = 'x'")
        conn.close()
        assert after == (rec.code, before[0] + ".000000", before[1] + ".000000")
        assert list((data_dir / "backups").glob("before-upgrade-0003-*.sqlite3"))
    finally:
        db.dispose()
