"""Writing a document safely: to a temporary name beside the target, flushed, then renamed,
so a half-written report never sits under the name a supervisor will open (or e-mail)."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from pathlib import Path

from desk_app.errors import StorageError, UserError


def write_bytes(data: bytes, target: str | os.PathLike) -> Path | None:
    """Write ``data`` to ``target`` atomically; ``-`` writes to standard output. Returns the path."""
    if str(target) == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stdout (an IDE console, a test's capture)
            if not _is_text(data):
                raise UserError("standard output here takes text only; write the file with -o FILE", field="output")
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        return None
    path = Path(target).expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name", field="output")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600: give the file the usual mode
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if getattr(exc, "winerror", None) == 32 or isinstance(exc, PermissionError):
            raise StorageError(
                f"cannot replace {path}: it is open in another program (close it in Excel or the PDF "
                "viewer) or the folder is read-only"
            ) from None
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


_umask_lock = threading.Lock()


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)  # replacing a file keeps its mode
    except OSError:
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False
