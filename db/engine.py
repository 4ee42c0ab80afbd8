"""Opening the database: engine, PRAGMAs, migrations, error translation.

SQLite (the commune desk): WAL, foreign keys, a busy timeout, ``synchronous=FULL`` so that a
dossier whose receipt was reported survives a crash or a power cut. We issue ``BEGIN``
ourselves (pysqlite's implicit transactions would split DDL from its data), which makes a
whole schema upgrade one transaction, and lets writers start with ``BEGIN IMMEDIATE`` so two
processes never dead-lock on a read-to-write upgrade.

PostgreSQL (the upstream office): the same models and migrations, by ``--db-url``.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from db import backup as backup_mod
from db.errors import StorageError
from db.light import BUSY_TIMEOUT_MS, DB_FILENAME, SCHEMA_CHAIN, SQLITE_HEADER  # noqa: F401 (part of this module's interface)

log = logging.getLogger(__name__)



def migrations_dir() -> Path:
    """The Alembic scripts, beside this module (in a checkout and in the frozen build)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "db" / "migrations"
    return Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


# The migration chain (``db.light.SCHEMA_CHAIN``), oldest first. Opening a database whose
# revision is the last one needs no Alembic import (~0.1 s and ~14 MB at every start);
# tests/test_storage.py checks the chain against the scripts.


def schema_revisions() -> tuple[str, set[str]]:
    """(head revision, every revision this app knows)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    return script.get_current_head(), known


def _sqlite_on_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we send BEGIN ourselves (see _sqlite_on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    try:
        cur.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:
        # A read-only folder cannot hold the -wal file: reading still works; writes fail
        # later with a clear StorageError.
        log.warning("could not switch the database to WAL mode")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _sqlite_on_begin(conn) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.connection.driver_connection.execute(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError:
            raise StorageError(
                "PostgreSQL support is not installed: pip install 'desk-app[postgres]'"
            ) from None
    raise StorageError(f"unsupported database URL '{parsed.render_as_string()}': use sqlite:/// or postgresql://")


def translate_error(exc: BaseException) -> StorageError | None:
    """A StorageError with a plain explanation for a database failure, or None for a bug."""
    if isinstance(exc, StorageError):
        return exc
    orig = getattr(exc, "orig", exc)
    msg = str(orig).lower()
    if isinstance(orig, sqlite3.OperationalError) or isinstance(exc, OperationalError):
        if "locked" in msg or "busy" in msg:
            return StorageError(
                "The database is busy (locked by another program or window). "
                "Nothing was saved; wait a moment and try again."
            )
        if "readonly" in msg or "read-only" in msg:
            return StorageError(
                "The data folder or database file is read-only. Nothing was saved; "
                "check the folder's permissions or choose another --data-dir."
            )
        if "disk is full" in msg or "database or disk is full" in msg:
            return StorageError(
                "The disk is full. Nothing was saved; free some space and try again."
            )
        if "disk i/o" in msg:
            return StorageError(
                "The disk reported an input/output error. Nothing was saved; "
                "check the disk and restore from a backup if this repeats."
            )
        if "unable to open" in msg:
            return StorageError(
                "The database file cannot be opened: check that the data folder exists "
                "and is writable."
            )
        if "could not connect" in msg or "connection" in msg:
            return StorageError(f"Cannot reach the database server: {orig}")
    if isinstance(orig, sqlite3.DatabaseError) and (
        "not a database" in msg or "malformed" in msg or "encrypted" in msg
    ):
        return StorageError(
            "The database file is damaged or is not a Một Cửa Desk database. "
            "Restore the latest backup with 'desk-app restore FILE'."
        )
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StorageError(f"The database connection was lost: {orig}")
    return None


@dataclass
class Database:
    """An opened, migrated database."""

    url: str
    engine: Engine
    data_dir: Path
    path: Path | None  # the SQLite file, None for PostgreSQL
    session_info: dict = field(default_factory=dict)  # copied into every session's .info

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def writer(self) -> Engine:
        """Connections that start with BEGIN IMMEDIATE on SQLite."""
        return self.engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        try:
            with Session(self.writer if write else self.engine, expire_on_commit=False) as s:
                s.info.update(self.session_info)
                with s.begin():
                    yield s
        except (DBAPIError, sqlite3.Error) as exc:
            storage = translate_error(exc)
            if storage is not None:
                raise storage from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def _check_sqlite_file(path: Path) -> None:
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StorageError(f"Cannot read the database file {path}: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise StorageError(
            f"{path} is not an SQLite database. It was left untouched; restore a backup "
            "with 'desk-app restore FILE' or choose another --data-dir."
        )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except (OperationalError, DBAPIError):
            conn.rollback()
            if inspect(conn).has_table("alembic_version"):
                raise
            return None
        return row[0] if row else None


def open_database(data_dir: Path, url: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and create or upgrade) the database.

    Refuses a database written by a newer app. Before upgrading an existing SQLite file it is
    backed up with SQLite's backup API; the upgrade runs in one transaction, so a failure
    leaves the file as it was. Never deletes or recreates a user's database.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the data folder {data_dir}: {exc.strerror}") from None
    url = url or f"sqlite:///{(data_dir / DB_FILENAME).as_posix()}"
    parsed = make_url(url)
    path = None
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise StorageError("an in-memory database would lose every dossier; give a file")
        path = Path(parsed.database)
        _check_sqlite_file(path)
    engine = make_engine(url)
    db = Database(url=url, engine=engine, data_dir=data_dir, path=path)
    if not migrate:
        return db
    try:
        current = current_revision(engine)
        if current == SCHEMA_CHAIN[-1]:
            return db  # up to date: the common case, no Alembic needed
        head, known = schema_revisions()
        if current is not None and current not in known:
            raise StorageError(
                f"This database was written by a newer version of Một Cửa Desk (schema "
                f"{current}). Install that version or newer; the database was left untouched."
            )
        if current != head:
            if current is not None and path is not None:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                dest = data_dir / "backups" / f"before-upgrade-{current}-{stamp}.sqlite3"
                backup_mod.backup_file(path, dest)
                log.info("backed up the database before upgrading from %s", current)
            upgrade(engine)
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        storage = translate_error(exc)
        if storage is not None:
            raise storage from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    return db


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations in one transaction."""
    from alembic import command

    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
        command.upgrade(_alembic_config(conn), revision)
