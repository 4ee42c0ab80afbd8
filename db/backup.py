"""Backups with SQLite's online backup API (safe while the app is running).

A backup is written to a temporary name, checked with ``PRAGMA integrity_check``, fsynced
and renamed, so a half-written backup never looks like a good one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db.errors import StorageError

HEADER = b"SQLite format 3\x00"
AUTO_PREFIX = "auto-"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _integrity(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA integrity_check").fetchone()
    return row[0] if row else "no answer"


def backup_file(src: Path, dest: Path) -> Path:
    """Copy the live database ``src`` to ``dest`` with the backup API."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the backup folder {dest.parent}: {exc.strerror}") from None
    tmp = dest.with_name(dest.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        source = sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True, timeout=10)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                result = _integrity(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        finally:
            source.close()
        if result != "ok":
            raise StorageError(f"The backup failed its integrity check ({result}); the database may be damaged.")
        _fsync(tmp)
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        msg = str(exc).lower()
        if "full" in msg:
            raise StorageError("The disk is full; the backup was not written.") from None
        raise StorageError(f"The backup could not be written: {exc}") from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"The backup could not be written to {dest}: {exc.strerror}") from None
    return dest


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    revision: str | None
    dossiers: int


def check_backup(path: Path, known_revisions: set[str]) -> BackupCheck:
    """Refuse a file that is not a healthy Một Cửa Desk database this app can read."""
    if not path.is_file():
        raise StorageError(f"{path} does not exist")
    with path.open("rb") as fh:
        if fh.read(16) != HEADER:
            raise StorageError(f"{path} is not an SQLite database; nothing was restored")
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(f"{path} cannot be opened: {exc}") from None
    try:
        result = _integrity(conn)
        if result != "ok":
            raise StorageError(f"{path} is damaged ({result}); nothing was restored")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "dossiers" not in tables or "alembic_version" not in tables:
            raise StorageError(f"{path} is not a Một Cửa Desk database; nothing was restored")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision not in known_revisions:
            raise StorageError(
                f"{path} was written by a newer version of Một Cửa Desk (schema {revision}); "
                "nothing was restored"
            )
        count = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is damaged or not a database ({exc}); nothing was restored") from None
    finally:
        conn.close()
    return BackupCheck(path=path, revision=revision, dossiers=count)


def restore_file(backup: Path, live: Path) -> None:
    """Copy ``backup`` over the live database, page by page, in one step of the backup API."""
    source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(live, timeout=10)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise StorageError(f"The restore failed and the current database was kept: {exc}") from None
    finally:
        source.close()


def auto_backup(live: Path, folder: Path, today: date, keep: int = 14) -> Path | None:
    """Once a day, keep a copy; keep the newest ``keep`` automatic copies."""
    if not live.exists():
        return None
    dest = folder / f"{AUTO_PREFIX}{today.isoformat()}.sqlite3"
    made = None
    if not dest.exists():
        made = backup_file(live, dest)
    autos = sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3"))
    for old in autos[:-keep] if keep > 0 else []:
        with contextlib.suppress(OSError):
            old.unlink()
    return made


def timestamped_name(prefix: str, now: datetime) -> str:
    return f"{prefix}-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
