"""How the window starts: the first page from the light reader while the ORM is not loaded,
the other pages built when first shown, and the ORM opened by the first real work."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import NOW, PASSWORDS

from db.light import DeferredDatabase, LightReader
from desk_app.clock import Clock
from tests.conftest import REPO
from ui.context import DeskContext
from ui.main_window import MainWindow, PageHost
from ui.taskman import TaskManager


def light_desk(db, data_dir, user, unit):
    opened = []

    def opener():
        opened.append(1)
        return db

    tasks = TaskManager(DeferredDatabase(opener))
    return DeskContext(db=tasks._db, tasks=tasks, clock=Clock(NOW), data_dir=data_dir, user=user, unit=unit,
                       light=LightReader.open(data_dir)), opened


def test_the_first_page_comes_from_the_light_reader_and_the_orm_opens_at_the_first_quote(
        qtbot, db, data_dir, unit, staff, procedures, wait_idle):
    desk, opened = light_desk(db, data_dir, staff["clerk1"], unit)
    assert desk.light is not None
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    wait_idle(desk)
    picker = window.intake_page.picker
    assert picker.model.rowCount() == 22
    assert opened == [] and not desk.db.loaded  # the intake page is ready, the ORM not opened

    picker.search_edit.setFocus()
    qtbot.keyClicks(picker.search_edit, "ket hon")
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Hẹn trả" in window.intake_page.appointment_label.text(), timeout=10_000)
    assert opened == [1] and desk.db.loaded
    wait_idle(desk)
    # from now on the ORM answers, and the reader is closed after its last read
    light = desk.light
    window.intake_page.reload_procedures()
    wait_idle(desk)
    assert desk.light is None and picker.model.rowCount() == 22
    with pytest.raises(sqlite3.ProgrammingError):
        light.rows("SELECT 1")
    desk.tasks.shutdown()


def test_pages_are_built_when_first_shown(qtbot, make_desk, procedures, wait_idle):
    desk = make_desk("admin")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    hosts = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert hosts[0] is window.intake_page
    assert all(isinstance(h, PageHost) and h.page is None for h in hosts[1:]), "only the intake page at start"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Tiếp nhận (F2)", "Hồ sơ (F3)", "Theo dõi (F4)", "Báo cáo", "Đồng bộ", "Cài đặt"]

    window.tabs.setCurrentIndex(window.tab_index("board"))
    board = hosts[2].page
    assert board is not None and board.isVisible() and window.current_page() is board is window.board_page
    wait_idle(desk)
    assert hosts[1].page is None  # not shown, not built

    qtbot.keyClick(window, Qt.Key.Key_F3)  # a shortcut builds its page too
    assert window.current_page() is window.dossier_page and hosts[1].page is window.dossier_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dossier_page.search_edit)
    wait_idle(desk)


def test_sign_in_dialog_comes_before_the_orm_and_the_orm_loads_behind_it(qtbot, db, data_dir, staff, unit,
                                                                       procedures):
    from PySide6.QtCore import QTimer

    from ui.app import run

    seen = {}

    def tick():
        dlg = QApplication.activeModalWidget()
        if dlg is not None and dlg.objectName() == "login_dialog" and "dialog" not in seen:
            seen["dialog"] = (dlg.ctx.light is not None, dlg.ctx.db.loaded, dlg.ctx.unit.code)
            qtbot.waitUntil(lambda: dlg.ctx.db.loaded and dlg.ctx.tasks.is_idle(), timeout=20_000)
            dlg.username_edit.setText("clerk1")
            dlg.password_edit.setText(PASSWORDS["clerk1"])
            dlg.sign_in_button.click()
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible()]
        if windows and windows[0].intake_page.picker.model.rowCount():
            seen["window"] = windows[0].ctx.user.username
            windows[0].close()
            return
        QTimer.singleShot(20, tick)

    from types import SimpleNamespace

    QTimer.singleShot(0, tick)
    ctx = SimpleNamespace(data_dir=data_dir, clock=Clock(NOW), db=db, args=SimpleNamespace(db_url=None, now=None))
    assert run(ctx) == 0
    # the dialog was up with the unit's name before the ORM was opened
    assert seen["dialog"] == (True, False, unit.code) and seen["window"] == "clerk1"


def test_the_signed_in_window_starts_without_loading_heavy_modules(tmp_path):
    """In a fresh process, as a desk PC starts: the main window shown and idle on a set-up
    folder has not imported SQLAlchemy, reportlab, holidays, cryptography, openpyxl or argon2
    (the budget of issue #5 rests on this; see packaging/measure.py)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    folder = tmp_path / "desk"
    made = subprocess.run([sys.executable, "-m", "ui.smoke", "--data-dir", str(folder)], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=180)
    assert made.returncode == 0, made.stdout + made.stderr
    code = (
        "import sys\nfrom pathlib import Path\nfrom ui import smoke\n"
        "opened = smoke._open_light_window(Path(sys.argv[1]))\n"
        "assert opened.wait_idle(60)\n"
        "heavy = ('sqlalchemy', 'alembic', 'reportlab', 'holidays', 'cryptography', 'openpyxl', 'argon2', 'barcode')\n"
        "print(sorted(m for m in heavy if m in sys.modules), opened.window.intake_page.picker.model.rowCount())\n"
        "opened.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, cwd=REPO,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[] 22"
