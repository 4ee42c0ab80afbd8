"""The desk's SQLite file read with the standard ``sqlite3`` module, without SQLAlchemy.

The window's first page needs a handful of rows (the unit, the accounts, the procedure set)
before the clerk can type. SQLAlchemy and the models cost about a third of a second and 30 MB
to load on a desk PC, so those first reads come through :class:`LightReader`, and the ORM is
loaded on the worker thread when the first real work needs it (see ``ui.context``).

The reader only reads (``PRAGMA query_only``) and only opens a file that is already at the
schema this program writes: a missing, older, newer or foreign file returns ``None`` and the
caller takes the ordinary path (``db.engine.open_database``), which creates, upgrades or
refuses it with the right message.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

#: The Alembic revisions of this program, oldest first (``db/migrations/versions``); the last
#: one is the schema it writes. ``db.engine`` and the migration test use this same tuple.
SCHEMA_CHAIN = ("0001", "0002", "0003", "0004")
DB_FILENAME = "desk.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = int(os.environ.get("DESK_APP_BUSY_TIMEOUT_MS", "5000"))


class LightReader:
    """One read-only connection, used by one thread at a time (the window's worker)."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def open(cls, data_dir: Path) -> LightReader | None:
        """The reader over ``data_dir``'s database, or None when it must go the ordinary way."""
        path = Path(data_dir) / DB_FILENAME
        try:
            with path.open("rb") as fh:
                if fh.read(16) != SQLITE_HEADER:
                    return None
        except OSError:
            return None
        try:
            con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                                  isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            con.execute("PRAGMA query_only=ON")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if not row or row[0] != SCHEMA_CHAIN[-1]:
                con.close()
                return None
        except sqlite3.Error as exc:
            log.info("light reader not used: %s", exc)
            con.close()
            return None
        con.row_factory = sqlite3.Row
        return cls(con, path)

    def rows(self, sql: str, params: dict | tuple = ()) -> list[sqlite3.Row]:
        """All rows of one query, in one read transaction."""
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            self._con.close()


class DeferredDatabase:
    """The ORM database (``db.engine.Database``), opened by the first caller that needs it.

    ``opener`` opens it (migrations, the daily backup); the window's single worker thread is
    normally the first caller, so the GUI never waits for SQLAlchemy to load. Attributes of
    the database are reached through this object (``deferred.session()``, ``deferred.url``).
    """

    def __init__(self, opener) -> None:
        self._opener = opener
        self._db = None
        self._open_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._db is not None

    def get(self):
        with self._open_lock:
            if self._db is None:
                self._db = self._opener()
        return self._db

    def session(self, *, write: bool = True):
        return self.get().session(write=write)

    def dispose(self) -> None:
        if self._db is not None:
            self._db.dispose()

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.get(), name)

