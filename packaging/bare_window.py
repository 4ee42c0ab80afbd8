"""The yardstick for start-up time: a bare PySide6 window (a QLabel) that prints a line and
quits on the first turn of the event loop. Frozen by ``packaging/bare_window.spec`` with the
same Qt selection as the app, and timed side by side with the app's start probes
(``DeskApp-debug --smoke-test --probe first-window|window``) by ``packaging/measure.py``."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def shown() -> None:
    print("probe: first window shown: bare", flush=True)
    app.quit()


app = QApplication(sys.argv)
label = QLabel("Một Cửa Desk")
label.show()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
