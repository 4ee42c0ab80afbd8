"""Fixtures for the window's tests: a fresh data folder and migrated database per test, the
unit set up, the sample procedure set, staff accounts, and a desk context on a fixed clock.

Run with ``QT_QPA_PLATFORM=offscreen``.
"""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DESK_APP_LANG", None)

from ui_helpers import NOW, PASSWORDS, ROLES, SAMPLE, UNIT_CODE  # noqa: E402

from db.engine import open_database  # noqa: E402
from db.models import User  # noqa: E402
from desk_app.clock import Clock, to_db  # noqa: E402
from desk_app.services import catalog, setup, users  # noqa: E402


@pytest.fixture(scope="session")
def password_hashes() -> dict[str, str]:
    """Argon2 hashes computed once per run (each costs ~0.1 s on purpose)."""
    return {name: users.hash_password(pw) for name, pw in PASSWORDS.items()}


@pytest.fixture(scope="session", autouse=True)
def vietnamese(qapp):
    """The window's default language, as a clerk sees it."""
    from ui import i18n
    from ui.style import STYLE_SHEET

    i18n.install(qapp, "vi")
    qapp.setStyleSheet(STYLE_SHEET)
    yield


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def db(data_dir):
    database = open_database(data_dir)
    yield database
    database.dispose()


@pytest.fixture
def unit(db):
    with db.session() as s:
        return setup.init_unit(
            s, unit_code=UNIT_CODE, unit_name="Bộ phận Một cửa UBND xã Tân Lập", parent_name="UBND xã Tân Lập",
            upstream_name="UBND tỉnh Cần Thơ", place="Tân Lập", station=1, now=NOW, actor="admin",
        )


@pytest.fixture
def procedures(db, unit):
    with db.session() as s:
        return catalog.import_file(s, SAMPLE, now=NOW, actor="admin")


@pytest.fixture
def staff(db, password_hashes):
    with db.session() as s:
        for name, role in ROLES.items():
            s.add(User(username=name, full_name=name.title(), role=role, password_hash=password_hashes[name],
                       active=True, failed_attempts=0, created_at=to_db(NOW)))
    with db.session(write=False) as s:
        return {u.username: u for u in users.list_users(s)}


@pytest.fixture
def make_desk(qtbot, db, data_dir, unit, staff):
    """A desk context signed in as ``username`` (the task runner is shut down after the test)."""
    from ui.context import DeskContext
    from ui.taskman import TaskManager

    made = []

    def factory(username: str = "clerk1", now: datetime = NOW):
        tasks = TaskManager(db)
        desk = DeskContext(db=db, tasks=tasks, clock=Clock(now), data_dir=data_dir, user=staff[username], unit=unit)
        made.append(desk)
        return desk

    yield factory
    for desk in made:
        qtbot.waitUntil(desk.tasks.is_idle, timeout=10_000)
        desk.tasks.shutdown()


@pytest.fixture
def desk(make_desk, procedures):
    return make_desk("clerk1")


@pytest.fixture
def wait_idle(qtbot):
    def wait(desk, timeout=10_000):
        qtbot.waitUntil(desk.tasks.is_idle, timeout=timeout)

    return wait
