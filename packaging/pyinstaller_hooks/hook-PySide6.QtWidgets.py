"""PyInstaller's own hook for PySide6.QtWidgets, with the Qt files we do not ship filtered out
before the binary dependency analysis (see packaging/qt_prune.py)."""

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from qt_prune import prune  # noqa: E402

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = prune(binaries)
datas = prune(datas)
