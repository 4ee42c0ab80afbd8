"""Where things live: the data folder, and resources in the repo or the frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "DeskApp"
APP_AUTHOR = "MotCua"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, from a checkout or from a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The per-user data folder: ``--data-dir``, else ``DESK_APP_HOME``, else platformdirs."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get("DESK_APP_HOME")
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def logs_dir(folder: Path) -> Path:
    return folder / "logs"
