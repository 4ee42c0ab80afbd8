"""One instance per data folder, the crash dialog, Qt's log, the task runner."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, qWarning
from PySide6.QtGui import QGuiApplication

from desk_app.errors import StorageError, UserError
from ui import support
from ui.crash import CrashHandler, build_report
from ui.taskman import TaskManager

HOLD_LOCK = r"""
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from ui.support import acquire_instance_lock
from pathlib import Path
lock = acquire_instance_lock(Path(sys.argv[1]))
print("locked" if lock else "refused", flush=True)
time.sleep(30)
"""


def test_second_instance_on_the_same_data_folder_is_refused(tmp_path):
    first = support.acquire_instance_lock(tmp_path)
    assert first is not None
    assert support.acquire_instance_lock(tmp_path) is None
    first.unlock()
    again = support.acquire_instance_lock(tmp_path)
    assert again is not None
    again.unlock()


def test_another_process_holding_the_folder_blocks_the_window(tmp_path, monkeypatch):
    repo = Path(__file__).resolve().parents[2]
    child = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                             cwd=repo, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert child.stdout.readline().strip() == "locked"
        told = []
        monkeypatch.setattr("ui.app.tell", lambda kind, title, text: told.append(text))
        from types import SimpleNamespace

        from desk_app.clock import Clock
        from ui.app import EXIT_ALREADY_RUNNING, run

        ctx = SimpleNamespace(data_dir=tmp_path, clock=Clock(), args=SimpleNamespace(db_url=None, now=None))
        assert run(ctx) == EXIT_ALREADY_RUNNING
        assert "đang chạy" in told[0] and str(tmp_path) in told[0]
    finally:
        child.kill()
        child.wait()
    lock = support.acquire_instance_lock(tmp_path)  # a dead owner's lock is stale
    assert lock is not None
    lock.unlock()


def test_crash_from_a_worker_thread_reaches_the_dialog_on_the_gui_thread(qtbot, tmp_path):
    handler = CrashHandler(tmp_path)
    handler.show_dialogs = False
    shown_on = []
    handler.crashed.connect(lambda _r: shown_on.append(threading.current_thread() is threading.main_thread()))

    def worker():
        try:
            raise ZeroDivisionError("a bug")
        except ZeroDivisionError:
            handler.excepthook(*sys.exc_info())

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(handler.dialogs))
    assert shown_on == [True]
    dlg = handler.dialogs[0]
    qtbot.addWidget(dlg)
    assert "ZeroDivisionError: a bug" in dlg.report
    assert dlg.copy_button.text() == "&Sao chép báo cáo"
    dlg.copy_button.click()
    assert QGuiApplication.clipboard().text() == dlg.report
    dlg.save_to(tmp_path / "crash.txt")
    assert "ZeroDivisionError" in (tmp_path / "crash.txt").read_text(encoding="utf-8")


def test_expected_errors_are_not_crashes(qtbot, tmp_path, monkeypatch):
    handler = CrashHandler(tmp_path)
    handler.show_dialogs = False
    seen = []
    monkeypatch.setattr(CrashHandler, "_on_expected_error", lambda self, exc: seen.append(exc))
    handler.expected_error.disconnect()
    handler.expected_error.connect(lambda exc: seen.append(exc))
    handler.excepthook(UserError, UserError("bad"), None)
    handler.excepthook(StorageError, StorageError("disk is full"), None)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert handler.dialogs == []


def test_report_has_versions_and_traceback():
    try:
        raise ValueError("x")
    except ValueError:
        report = build_report(*sys.exc_info())
    assert "Một Cửa Desk" in report and "PySide6" in report and "ValueError: x" in report


def test_qt_messages_go_to_the_log(caplog):
    support.install_qt_message_handler()
    with caplog.at_level(logging.WARNING, logger="qt"):
        qWarning("something from Qt")
    assert any("something from Qt" in r.getMessage() for r in caplog.records)


def test_tasks_run_off_the_gui_thread_one_at_a_time_and_return_on_it(qtbot):
    tasks = TaskManager()
    threads, results, active, peak = [], [], [0], [0]

    def work(i):
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        threads.append(threading.current_thread().name)
        time.sleep(0.02)
        active[0] -= 1
        return i

    for i in range(5):
        tasks.run(lambda i=i: work(i), lambda r: results.append((r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(tasks.is_idle, timeout=5000)
    tasks.shutdown()
    assert results == [(i, True) for i in range(5)]
    assert peak[0] == 1 and len(set(threads)) == 1 and threads[0] != threading.main_thread().name


def test_progress_dialog_only_after_600_ms(qtbot):
    from PySide6.QtWidgets import QApplication, QProgressDialog

    tasks = TaskManager()
    tasks.run(lambda: time.sleep(0.1), label="quick")
    qtbot.waitUntil(tasks.is_idle, timeout=5000)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    gate = threading.Event()
    tasks.run(lambda: gate.wait(5), label="slow")
    qtbot.wait(800)
    shown = [w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    gate.set()
    qtbot.waitUntil(tasks.is_idle, timeout=5000)
    tasks.shutdown()
    assert shown == ["slow"]
    qtbot.wait(10)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_task_errors_are_routed(qtbot):
    tasks = TaskManager()
    errors, bugs = [], []
    tasks.bug_handler = bugs.append

    def fail(exc):
        raise exc

    tasks.run(lambda: fail(UserError("bad", field="x")), on_error=errors.append)
    tasks.run(lambda: fail(KeyError("bug")))
    qtbot.waitUntil(tasks.is_idle, timeout=5000)
    tasks.shutdown()
    assert isinstance(errors[0], UserError) and isinstance(bugs[0], KeyError)


def test_callbacks_of_a_closed_page_are_dropped(qtbot):
    from PySide6.QtWidgets import QWidget

    tasks = TaskManager()
    owner = QWidget()
    gate = threading.Event()
    called = []
    tasks.run(lambda: gate.wait(5), lambda _r: called.append(True), owner=owner)
    owner.deleteLater()
    QCoreApplication.processEvents()
    qtbot.wait(10)
    gate.set()
    qtbot.waitUntil(tasks.is_idle, timeout=5000)
    tasks.shutdown()
    assert called == []
