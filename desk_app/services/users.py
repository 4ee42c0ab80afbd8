"""Accounts: who may sign in at this desk and what each may do.

* Passwords are hashed with Argon2id (``argon2-cffi``, its RFC 9106 low-memory profile:
  64 MiB, 3 passes, about 0.1 s on a desk PC). Hashes are upgraded on sign-in when the
  parameters change.
* Roles, lowest first: ``clerk`` (receive and move dossiers), ``supervisor`` (calendar,
  procedure set, office hours), ``admin`` (accounts, the unit's identity). A higher role may
  do everything a lower one may.
* Five wrong passwords in a row lock the account for 15 minutes.
* The first account of a desk can only be an admin, created by :func:`create_first_admin`
  while the users table is empty.

The window calls :func:`require_role` in the same transaction as the privileged service, so
a clerk's session is refused by the service layer even if a button was left visible.

:func:`authenticate` does not raise on a wrong password: it returns a :class:`LoginResult`
so the caller commits the failure counter (a raised error would roll it back).

Never log or audit a password; usernames are staff identifiers, not citizens' data.
"""

from __future__ import annotations

import functools
import hmac
import logging
import re
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from db import fastpath
from db.models import User
from desk_app.clock import from_db, iso, to_db
from desk_app.domain.vntext import nfc
from desk_app.errors import Forbidden, NotFound, UserError
from desk_app.services.records import ROLE_RANK, ROLES, LoginResult, UserInfo  # noqa: F401 (re-exported)
from desk_app.services import audit

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD = 8
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")

#: What each privileged operation needs (the window and the CLI read the same table).
PRIVILEGES: dict[str, str] = {
    "dossier.receive": "clerk",
    "dossier.transition": "clerk",
    "feedback.record": "clerk",
    "feedback.resolve": "supervisor",
    "catalog.import": "supervisor",
    "calendar.edit": "supervisor",
    "settings.set": "supervisor",
    "unit.init": "admin",
    "users.manage": "admin",
}

_hasher = PasswordHasher()
# Verified against when the username is unknown, so that a wrong name costs as long as a
# wrong password (no account enumeration by timing).
# Computed at the first unknown name, not at import: hashing costs ~0.1 s of every start.
@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("not-a-real-password")


class AccountLocked(UserError):
    """Too many wrong passwords: try again after ``until``."""

    def __init__(self, username: str, until: datetime) -> None:
        super().__init__(f"account '{username}' is locked until {iso(until)}", field="password")
        self.until = until


def _info(row: User) -> UserInfo:
    return UserInfo(
        username=row.username,
        full_name=row.full_name,
        role=row.role,
        active=row.active,
        failed_attempts=row.failed_attempts,
        locked_until=from_db(row.locked_until),
        created_at=from_db(row.created_at),
    )


def _clean_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_RE.match(name):
        raise UserError(
            f"username '{username}' is not valid: 2-60 lowercase letters, digits, dots, dashes "
            "or underscores, starting with a letter or digit",
            field="username",
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLE_RANK:
        raise UserError(f"role '{role}' is not one of: {', '.join(ROLES)}", field="role")
    return role


def check_password(password: str, *, username: str = "") -> str:
    if password is None or len(password) < MIN_PASSWORD:
        raise UserError(f"the password must have at least {MIN_PASSWORD} characters", field="password")
    if len(password) > 200:
        raise UserError("the password is longer than 200 characters", field="password")
    if username and password.strip().lower() == username.lower():
        raise UserError("the password must not be the username", field="password")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _get(session: Session, username: str) -> User | None:
    name = (username or "").strip().lower()
    return session.execute(select(User).where(User.username == name)).scalar_one_or_none()


# ----------------------------------------------------------------------------- queries


def has_users(session: Session) -> bool:
    return (session.execute(select(func.count(User.id))).scalar() or 0) > 0


def get_user(session: Session, username: str) -> UserInfo:
    row = _get(session, username)
    if row is None:
        raise NotFound(f"no account '{username}'", field="username")
    return _info(row)


def list_users(session: Session) -> list[UserInfo]:
    return [_info(r) for r in session.execute(select(User).order_by(User.username)).scalars()]


def require_role(session: Session, username: str, role: str) -> UserInfo:
    """The account ``username`` if it is active and holds ``role`` or a higher one; else
    :class:`Forbidden`. Call it in the transaction of the privileged service."""
    _check_role(role)
    row = _get(session, username)
    if row is None or not row.active:
        raise Forbidden(f"'{username}' is not an active account of this desk", field="role")
    if ROLE_RANK.get(row.role, 0) < ROLE_RANK[role]:
        raise Forbidden(f"'{username}' is a {row.role}; this needs a {role}", field="role")
    return _info(row)


def require_privilege(session: Session, username: str, operation: str) -> UserInfo:
    """:func:`require_role` for a named operation of :data:`PRIVILEGES`."""
    try:
        role = PRIVILEGES[operation]
    except KeyError:
        raise UserError(f"unknown operation '{operation}'", field="operation") from None
    return require_role(session, username, role)


_ROLE_OF = select(User.role, User.active).where(User.username == bindparam("username"))
SYSTEM_PREFIX = "system:"  # actors of the program itself (sync imports), never typed in the window


def authorize(session: Session, actor: str, operation: str) -> UserInfo | None:
    """The check every privileged service makes, in its own transaction.

    A desk with no accounts yet is being set up from the command line: anything goes until
    the first admin exists. After that the actor must be an active account whose role allows
    ``operation``. Program actors (``system:…``) act on verified upstream data."""
    if actor.startswith(SYSTEM_PREFIX):
        return None
    role = PRIVILEGES.get(operation)
    if role is None:
        raise UserError(f"unknown operation '{operation}'", field="operation")
    # on every receive: one indexed read, straight to the driver on SQLite
    row = fastpath.first(
        session, _ROLE_OF, "SELECT role, active FROM users WHERE username = ?", (actor,), {"username": actor}
    )
    if row is None:
        if not has_users(session):
            return None
        raise Forbidden(f"'{actor}' is not an account of this desk (use --actor USERNAME)", field="role")
    user_role, active = row
    if not active:
        raise Forbidden(f"'{actor}' is not an active account of this desk", field="role")
    if ROLE_RANK.get(user_role, 0) < ROLE_RANK[role]:
        raise Forbidden(f"'{actor}' is a {user_role}; {operation} needs a {role}", field="role")
    return None


# ----------------------------------------------------------------------------- changes


def _new_user(session: Session, username: str, full_name: str, role: str, password: str, now: datetime) -> User:
    name = _clean_username(username)
    _check_role(role)
    check_password(password, username=name)
    if _get(session, name) is not None:
        raise UserError(f"an account '{name}' already exists", field="username")
    full = " ".join(nfc(full_name or "").split())
    if len(full) > 200:
        raise UserError("full name is longer than 200 characters", field="full_name")
    row = User(
        username=name,
        full_name=full,
        role=role,
        password_hash=hash_password(password),
        active=True,
        failed_attempts=0,
        locked_until=None,
        created_at=to_db(now),
    )
    session.add(row)
    session.flush()
    return row


def create_first_admin(session: Session, username: str, full_name: str, password: str, *, now: datetime) -> UserInfo:
    """The desk's first account (an admin). Refused once any account exists."""
    if has_users(session):
        raise Forbidden("this desk already has accounts; an admin creates new ones", field="username")
    row = _new_user(session, username, full_name, "admin", password, now)
    audit.append(session, at=now, actor=row.username, action="user.create", entity="user", key=row.username,
                 detail={"role": "admin", "first_run": True})
    return _info(row)


def create_user(
    session: Session, username: str, full_name: str, role: str, password: str, *, now: datetime, actor: str
) -> UserInfo:
    require_privilege(session, actor, "users.manage")
    row = _new_user(session, username, full_name, role, password, now)
    audit.append(session, at=now, actor=actor, action="user.create", entity="user", key=row.username,
                 detail={"role": role})
    return _info(row)


def set_password(session: Session, username: str, password: str, *, now: datetime, actor: str) -> UserInfo:
    """An admin resets anyone's password; anyone changes their own. Also unlocks."""
    row = _get(session, username)
    if row is None:
        raise NotFound(f"no account '{username}'", field="username")
    if actor.strip().lower() != row.username:
        require_privilege(session, actor, "users.manage")
    check_password(password, username=row.username)
    row.password_hash = hash_password(password)
    row.failed_attempts = 0
    row.locked_until = None
    audit.append(session, at=now, actor=actor, action="user.password", entity="user", key=row.username)
    return _info(row)


def set_role(session: Session, username: str, role: str, *, now: datetime, actor: str) -> UserInfo:
    require_privilege(session, actor, "users.manage")
    _check_role(role)
    row = _get(session, username)
    if row is None:
        raise NotFound(f"no account '{username}'", field="username")
    if row.role == "admin" and role != "admin" and _active_admins(session) <= 1:
        raise UserError("the desk must keep at least one active admin", field="role")
    row.role = role
    audit.append(session, at=now, actor=actor, action="user.role", entity="user", key=row.username, detail={"role": role})
    return _info(row)


def set_active(session: Session, username: str, active: bool, *, now: datetime, actor: str) -> UserInfo:
    require_privilege(session, actor, "users.manage")
    row = _get(session, username)
    if row is None:
        raise NotFound(f"no account '{username}'", field="username")
    if not active and row.role == "admin" and row.active and _active_admins(session) <= 1:
        raise UserError("the desk must keep at least one active admin", field="active")
    row.active = bool(active)
    if active:
        row.failed_attempts = 0
        row.locked_until = None
    audit.append(session, at=now, actor=actor, action="user.active", entity="user", key=row.username,
                 detail={"active": bool(active)})
    return _info(row)


def unlock(session: Session, username: str, *, now: datetime, actor: str) -> UserInfo:
    require_privilege(session, actor, "users.manage")
    row = _get(session, username)
    if row is None:
        raise NotFound(f"no account '{username}'", field="username")
    row.failed_attempts = 0
    row.locked_until = None
    audit.append(session, at=now, actor=actor, action="user.unlock", entity="user", key=row.username)
    return _info(row)


def _active_admins(session: Session) -> int:
    return session.execute(
        select(func.count(User.id)).where(User.role == "admin", User.active.is_(True))
    ).scalar() or 0


# ----------------------------------------------------------------------------- sign-in


def authenticate(session: Session, username: str, password: str, *, now: datetime) -> LoginResult:
    """Check a sign-in. Commits nothing itself; the caller's transaction records the
    failure counter and the lock, so it must not be rolled back on a failed result."""
    row = _get(session, username)
    if row is None:
        _verify(_dummy_hash(), password or "")
        log.info("sign-in refused: unknown account")
        return LoginResult(ok=False, reason="bad_credentials")
    locked_until = from_db(row.locked_until)
    if locked_until is not None and now < locked_until:
        return LoginResult(ok=False, reason="locked", locked_until=locked_until)
    if locked_until is not None:  # the lock has run out: a fresh start
        row.locked_until = None
        row.failed_attempts = 0
    if not _verify(row.password_hash, password or ""):
        row.failed_attempts += 1
        left = MAX_FAILURES - row.failed_attempts
        if left <= 0:
            row.locked_until = to_db(now + LOCKOUT)
            audit.append(session, at=now, actor=row.username, action="user.locked", entity="user", key=row.username,
                         detail={"failed_attempts": row.failed_attempts, "until": iso(now + LOCKOUT)})
            log.warning("account %s locked after %d failed sign-ins", row.username, row.failed_attempts)
            return LoginResult(ok=False, reason="locked", locked_until=now + LOCKOUT)
        log.info("sign-in refused for %s (%d left)", row.username, left)
        return LoginResult(ok=False, reason="bad_credentials", attempts_left=left)
    if not row.active:
        return LoginResult(ok=False, reason="inactive")
    row.failed_attempts = 0
    row.locked_until = None
    try:
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
    except InvalidHashError:  # pragma: no cover - a hash we wrote is always valid
        pass
    audit.append(session, at=now, actor=row.username, action="user.sign_in", entity="user", key=row.username)
    return LoginResult(ok=True, user=_info(row))


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except VerifyMismatchError:
        return False
    except (VerificationError, InvalidHashError):
        # An empty or damaged hash never matches; compare anyway to keep the timing flat.
        hmac.compare_digest(b"x", b"y")
        return False
