"""Housekeeping shared by the command line and the window."""

from __future__ import annotations

import logging
from pathlib import Path

from desk_app.clock import Clock
from desk_app.errors import StorageError

log = logging.getLogger(__name__)


def daily_backup(database, data_dir: Path) -> str | None:
    """Once a day, before the first write: a rotated copy in the backups folder.

    Returns a warning to show when the copy failed (a failed copy must not stop the desk)."""
    if database.path is None:
        return None
    from db.backup import auto_backup
    from desk_app.paths import backups_dir
    from desk_app.services.setup import get_settings

    try:
        with database.session(write=False) as s:
            keep = int(get_settings(s).get("backup.keep_daily", "14"))
        auto_backup(database.path, backups_dir(data_dir), Clock().today(), keep=keep)
    except StorageError as exc:
        log.warning("automatic backup failed: %s", exc)
        return f"automatic backup failed: {exc}"
    return None
