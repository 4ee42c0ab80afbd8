"""Accounts: Argon2 hashes, roles, lockout, first-run admin (below the GUI, no Qt; on SQLite
and, when DESK_TEST_PG_URL is set, PostgreSQL: the shared ``db`` fixture)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db.models import User
from desk_app.clock import VN_TZ
from desk_app.errors import Forbidden, UserError
from desk_app.services import users

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VN_TZ)


@pytest.fixture
def staffed(db):
    with db.session() as s:
        users.create_first_admin(s, "admin", "Quản trị", "admin-pass-1", now=NOW)
        users.create_user(s, "clerk1", "Lê Thị Thu", "clerk", "clerk-pass-1", now=NOW, actor="admin")
        users.create_user(s, "boss", "Trần Văn Bình", "supervisor", "boss-pass-1", now=NOW, actor="admin")
    return db


def test_first_admin_is_created_once_with_an_argon2_hash(db):
    with db.session() as s:
        assert not users.has_users(s)
        info = users.create_first_admin(s, "Admin", "Quản trị viên", "correct horse", now=NOW)
    assert info.username == "admin" and info.role == "admin"
    with db.session(write=False) as s:
        row = s.query(User).one()
        assert row.password_hash.startswith("$argon2id$")
        assert "correct horse" not in row.password_hash
    with pytest.raises(Forbidden), db.session() as s:
        users.create_first_admin(s, "admin2", "", "another-pass", now=NOW)


def test_authenticate_accepts_the_right_password_only(staffed):
    with staffed.session() as s:
        ok = users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW)
        bad = users.authenticate(s, "clerk1", "wrong-pass", now=NOW)
        ghost = users.authenticate(s, "nobody", "whatever1", now=NOW)
    assert ok.ok and ok.user.role == "clerk"
    assert not bad.ok and bad.reason == "bad_credentials" and bad.attempts_left == 4
    assert not ghost.ok and ghost.reason == "bad_credentials"


def test_lockout_after_five_failures_for_fifteen_minutes(staffed):
    for i in range(5):
        with staffed.session() as s:
            r = users.authenticate(s, "clerk1", f"wrong-{i}", now=NOW + timedelta(seconds=i))
    assert r.reason == "locked" and r.locked_until == NOW + timedelta(seconds=4) + users.LOCKOUT
    with staffed.session() as s:  # even the right password is refused while locked
        r = users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW + timedelta(minutes=10))
    assert not r.ok and r.reason == "locked"
    with staffed.session() as s:
        r = users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW + timedelta(minutes=16))
    assert r.ok


def test_success_resets_the_failure_counter(staffed):
    for _ in range(4):
        with staffed.session() as s:
            users.authenticate(s, "clerk1", "nope-nope", now=NOW)
    with staffed.session() as s:
        assert users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW).ok
    with staffed.session() as s:
        r = users.authenticate(s, "clerk1", "nope-nope", now=NOW)
    assert r.attempts_left == 4


def test_require_role_follows_the_hierarchy(staffed):
    with staffed.session(write=False) as s:
        assert users.require_role(s, "boss", "clerk").role == "supervisor"
        assert users.require_role(s, "admin", "supervisor").role == "admin"
        with pytest.raises(Forbidden):
            users.require_role(s, "clerk1", "supervisor")
        with pytest.raises(Forbidden):
            users.require_role(s, "boss", "admin")
        with pytest.raises(Forbidden):
            users.require_role(s, "ghost", "clerk")
        with pytest.raises(Forbidden):
            users.require_privilege(s, "clerk1", "catalog.import")


def test_only_an_admin_manages_accounts(staffed):
    with pytest.raises(Forbidden), staffed.session() as s:
        users.create_user(s, "x1", "", "clerk", "password-1", now=NOW, actor="boss")
    with pytest.raises(Forbidden), staffed.session() as s:
        users.set_password(s, "admin", "hijacked-1", now=NOW, actor="clerk1")
    with staffed.session() as s:  # one's own password is allowed
        users.set_password(s, "clerk1", "new-clerk-pass", now=NOW, actor="clerk1")
        assert users.authenticate(s, "clerk1", "new-clerk-pass", now=NOW).ok


def test_inactive_account_cannot_sign_in_or_act(staffed):
    with staffed.session() as s:
        users.set_active(s, "clerk1", False, now=NOW, actor="admin")
    with staffed.session() as s:
        assert users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW).reason == "inactive"
        with pytest.raises(Forbidden):
            users.require_role(s, "clerk1", "clerk")


def test_last_admin_cannot_be_demoted_or_disabled(staffed):
    with pytest.raises(UserError), staffed.session() as s:
        users.set_role(s, "admin", "clerk", now=NOW, actor="admin")
    with pytest.raises(UserError), staffed.session() as s:
        users.set_active(s, "admin", False, now=NOW, actor="admin")


@pytest.mark.parametrize(
    "username,password,field",
    [("a", "long-enough-1", "username"), ("Bad Name", "long-enough-1", "username"),
     ("okname", "short", "password"), ("samename", "samename", "password")],
)
def test_bad_account_input_names_the_field(staffed, username, password, field):
    with pytest.raises(UserError) as err, staffed.session() as s:
        users.create_user(s, username, "", "clerk", password, now=NOW, actor="admin")
    assert err.value.field == field


def test_unlock_by_admin(staffed):
    for _ in range(5):
        with staffed.session() as s:
            users.authenticate(s, "clerk1", "wrong-wrong", now=NOW)
    with staffed.session() as s:
        users.unlock(s, "clerk1", now=NOW, actor="admin")
        assert users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW).ok


def test_no_password_reaches_the_audit_log(staffed):
    from db.models import AuditEntry

    with staffed.session() as s:
        users.authenticate(s, "clerk1", "clerk-pass-1", now=NOW)
        details = " ".join(r.detail for r in s.query(AuditEntry))
    assert "pass-1" not in details
