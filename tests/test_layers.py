"""The layer rule db <- desk_app <- ui, checked in a fresh interpreter (qutebrowser's way)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

PROBE = r"""
import importlib, pkgutil, sys
import db, desk_app
names = []
for pkg in (db, desk_app):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if info.name.startswith("db.migrations"):
            continue  # Alembic scripts run inside Alembic, not imported
        if info.name == "desk_app.__main__":
            continue  # the entry point; it imports ui only inside main()
        importlib.import_module(info.name)
        names.append(info.name)
bad = sorted(m for m in sys.modules if m == "ui" or m.startswith(("ui.", "PySide6", "shiboken6")))
print(len(names), bad)
"""


def test_db_and_desk_app_never_load_qt_or_ui():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    count, bad = out.stdout.strip().split(" ", 1)
    assert int(count) > 15
    assert bad == "[]", f"Qt or ui loaded below the ui layer: {bad}"


def test_db_never_imports_desk_app():
    out = subprocess.run(
        [sys.executable, "-c", "import db.models, db.engine, db.backup, sys; "
         "print(sorted(m for m in sys.modules if m.startswith('desk_app')))"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
