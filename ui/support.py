"""Small bridges between the window and the system: Qt's log, one instance per data folder,
opening a PDF, and the (optional) printing service."""

from __future__ import annotations

import importlib
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

LOCK_NAME = "desk-app.lock"

# ----------------------------------------------------------------------------- Qt's messages

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(msg_type, context, message) -> None:
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    qt_log.log(_LEVELS.get(msg_type, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> None:
    """Route Qt's own messages into our log (the rotating file the CLI set up)."""
    qInstallMessageHandler(_qt_message_handler)


# ----------------------------------------------------------------------------- one instance


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """Lock the data folder for this process, or None if another window holds it.

    Two windows on one data folder would each hand out dossier numbers; the database would
    keep them apart, but a clerk would see two different queues. The lock lives as long as
    the returned object; a crashed window's lock is recognised as stale (its process is gone).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a long-lived lock: only a dead owner makes it stale
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # (ok, pid, hostname[, appname]) depending on the binding
        log.warning("data folder already in use (lock holder: %s)", info[1:] if info and info[0] else "unknown")
    else:
        log.error("cannot create the lock file in %s (error %s)", data_dir, lock.error())
    return None


# ----------------------------------------------------------------------------- documents


def open_path(path: Path) -> bool:
    """Open a file (a printed PDF) with the system's viewer. Not on headless test runs."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        log.info("would open %s", path.name)
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# ----------------------------------------------------------------------------- printing

#: The form each transition prints (desk_app.services.printing form names).
FORM_FOR_ACTION = {
    "request-supplement": "supplement",
    "refuse": "refusal",
    "extend": "apology",
    "stop": "stop",
    "handover": "control",
}


def printing_module():
    """``desk_app.services.printing`` if it exists and loads, else None (the window works
    without it; it then says that printing is not available)."""
    try:
        return importlib.import_module("desk_app.services.printing")
    except ImportError as exc:
        log.warning("printing is not available: %s", exc)
        return None


def prints_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "prints"


def print_form(session, form: str, code: str, data_dir: Path, *, now: datetime, actor: str) -> Path | None:
    """Print ``form`` for dossier ``code`` into the data folder's ``prints``; the PDF's path,
    or None when printing is not installed. Runs on the worker (it needs a session)."""
    mod = printing_module()
    if mod is None or not hasattr(mod, "print_form"):
        return None
    safe = "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in code)
    out = prints_dir(data_dir) / f"{safe}_{form}_{now:%Y%m%d-%H%M%S}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    result = mod.print_form(session, form, code, out, now=now, actor=actor)
    path = getattr(result, "path", None) or out
    return Path(path)
