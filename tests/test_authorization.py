"""Roles are enforced by the services themselves, so the command line and any window that
forgot to hide a button are refused alike."""

from __future__ import annotations

import io

import pytest

from desk_app.errors import Forbidden
from desk_app.services import catalog, users
from tests.conftest import NOW, SAMPLE, receive


@pytest.fixture
def staffed(desk):
    with desk.session() as s:
        users.create_first_admin(s, "admin", "Phạm Quản Trị", "mat-khau-dai-1", now=NOW)
        users.create_user(s, "clerk1", "Lê Thu Hà", "clerk", "mat-khau-dai-2", now=NOW, actor="admin")
        users.create_user(s, "sup", "Võ Văn Kiệt", "supervisor", "mat-khau-dai-3", now=NOW, actor="admin")
    return desk


def test_clerk_receives_but_cannot_import_or_edit_calendar(staffed):
    rec = receive(staffed)  # the helper acts as clerk1
    assert rec.received_by == "clerk1"
    from datetime import date

    from desk_app.services import calendar

    with pytest.raises(Forbidden, match="'clerk1' is a clerk; catalog.import needs a supervisor"):
        with staffed.session() as s:
            catalog.import_file(s, SAMPLE, now=NOW, actor="clerk1")
    with pytest.raises(Forbidden):
        with staffed.session() as s:
            calendar.add_override(s, date(2026, 12, 31), "day-off", now=NOW, actor="clerk1")
    with staffed.session() as s:
        calendar.add_override(s, date(2026, 12, 31), "day-off", now=NOW, actor="sup")


def test_unknown_or_disabled_actor_is_refused(staffed):
    from desk_app.services.dossiers import Intake, receive as do_receive
    from tests.conftest import person

    with pytest.raises(Forbidden, match="'ghost' is not an account"):
        with staffed.session() as s:
            do_receive(s, Intake(procedure_code="1.004873", applicant=person()), now=NOW, actor="ghost")
    with staffed.session() as s:
        users.set_active(s, "clerk1", False, now=NOW, actor="admin")
    with pytest.raises(Forbidden, match="not an active account"):
        receive(staffed)


def test_cli_user_commands_and_actor_check(cli, monkeypatch):
    assert cli("init", "--unit-code", "H56.01", "--unit-name", "Một cửa xã A").code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-dai-1\n"))
    res = cli("user", "add", "admin", "--full-name", "Quản Trị", "--role", "admin", "--password-stdin")
    assert res.code == 0, res.err
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-dai-2\n"))
    res = cli("--actor", "admin", "user", "add", "clerk1", "--full-name", "Lê Thu Hà", "--password-stdin")
    assert res.code == 0, res.err
    res = cli("--actor", "clerk1", "catalog", "import", str(SAMPLE))
    assert res.code == 1 and "needs a supervisor" in res.err
    res = cli("--actor", "admin", "catalog", "import", str(SAMPLE))
    assert res.code == 0, res.err
    res = cli("--actor", "nobody", "receive", "--procedure", "1.004873", "--applicant-name", "Lê Văn Ba",
              "--applicant-id", "001099012345")
    assert res.code == 1 and "not an account" in res.err
    listed = cli("--json", "user", "list").json()
    assert {u["username"] for u in listed} == {"admin", "clerk1"}
