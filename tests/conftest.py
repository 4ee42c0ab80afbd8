"""Shared fixtures: a fresh data folder and a migrated database per test, real objects."""

from __future__ import annotations

import contextlib
import io
import json
import os
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DESK_APP_BUSY_TIMEOUT_MS", "300")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "procedures_sample.json"
UNIT_CODE = "000.17.22.H56"
NOW = datetime.fromisoformat("2026-03-02T09:00:00+07:00")  # a Monday


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DESK_APP_HOME", str(home))
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _pg_url() -> str | None:
    return os.environ.get("DESK_TEST_PG_URL")


@contextlib.contextmanager
def fresh_pg_database() -> Iterator[str]:
    """A new empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(_pg_url()).set(drivername="postgresql+psycopg")
    name = f"desk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server is not reachable: skip, with the reason
        admin.dispose()
        pytest.skip(f"PostgreSQL at DESK_TEST_PG_URL is not reachable: {exc.__class__.__name__}")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, data_dir: Path) -> Iterator[str | None]:
    """Run a test on the commune's SQLite and, when DESK_TEST_PG_URL is set, PostgreSQL."""
    if request.param == "sqlite":
        yield None
        return
    if not _pg_url():
        pytest.skip("DESK_TEST_PG_URL is not set: no PostgreSQL server to test the upstream office on")
    with fresh_pg_database() as url:
        yield url


@pytest.fixture
def db(data_dir: Path, any_db_url):
    from db.engine import open_database

    database = open_database(data_dir, any_db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(data_dir: Path):
    from db.engine import open_database

    database = open_database(data_dir)
    yield database
    database.dispose()


def setup_desk(database, *, station: int = 1, unit_code: str = UNIT_CODE, sample: bool = True) -> None:
    from desk_app.services import catalog, setup

    with database.session() as s:
        setup.init_unit(
            s,
            unit_code=unit_code,
            unit_name="Bộ phận Một cửa UBND xã Tân Lập",
            parent_name="UBND xã Tân Lập",
            upstream_name="UBND tỉnh Mẫu",
            place="Tân Lập",
            station=station,
            now=NOW,
            actor="admin",
        )
        if sample:
            catalog.import_file(s, SAMPLE, now=NOW, actor="admin")


@pytest.fixture
def desk(db):
    """A set-up desk (unit, station 1, the sample procedure set) on SQLite and PostgreSQL."""
    setup_desk(db)
    return db


@pytest.fixture
def sqlite_desk(sqlite_db):
    setup_desk(sqlite_db)
    return sqlite_db


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(data_dir: Path):
    """Run `desk-app` in-process against the test's data folder."""
    from desk_app.cli import main

    def run(*args: str, db_url: str | None = None) -> CliResult:
        argv = ["--data-dir", str(data_dir)]
        if db_url:
            argv += ["--db-url", db_url]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, *args])
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


def person(name: str = "Nguyễn Văn Đức", id_number: str = "001099012345", phone: str = "0912345678"):
    from desk_app.services.dossiers import Person

    return Person(name=name, id_number=id_number, phone=phone, address="Ấp 3, xã Tân Lập")


def receive(database, code: str = "1.004873", at: datetime = NOW, now: datetime | None = None, **kw):
    from desk_app.services.dossiers import Intake, receive as do_receive

    intake = Intake(procedure_code=code, applicant=kw.pop("applicant", person()), received_at=at, **kw)
    with database.session() as s:
        return do_receive(s, intake, now=now or at, actor="clerk1")


def table_snapshot(database) -> dict[str, int]:
    """Row counts of every table: 'nothing was saved' means this does not change."""
    from sqlalchemy import func, select

    from db.models import Base

    with database.session(write=False) as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar() for t in Base.metadata.sorted_tables}
