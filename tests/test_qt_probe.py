"""PySide6 6.12.0 on Python 3.11 aborts a real app after ~5,000 Qt calls (`Fatal Python error:
none_dealloc`: void methods drop a reference to None). The process then dies with SIGABRT
(exit 134) even though whatever ran before printed success, so run it in a child process and
judge it by its exit code."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = r"""
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
app = QApplication([])
label, edit = QLabel(), QLineEdit()
for i in range(30000):          # void methods, each returning None
    label.setText(str(i))
    edit.setText(str(i))
    edit.setCursorPosition(0)
    label.setVisible(False)
app.processEvents()
print("survived")
"""


def test_many_void_qt_calls_do_not_abort():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, f"exit {out.returncode}: {out.stderr[-500:]}"
    assert "survived" in out.stdout
