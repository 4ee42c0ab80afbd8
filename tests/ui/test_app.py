"""``ui.app.run(ctx)`` end to end: first run (admin, unit, sample set) and sign-in, with the
real dialogs driven by timers as a clerk would."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import NOW, PASSWORDS

from desk_app.clock import Clock
from desk_app.services import catalog, setup, users
from ui.app import run


def context(db, data_dir):
    return SimpleNamespace(data_dir=data_dir, clock=Clock(NOW), db=db, actor="admin",
                           args=SimpleNamespace(db_url=None, now=None))


class Driver:
    """Answers each modal dialog by its object name, then closes the main window."""

    def __init__(self, answers):
        self.answers = dict(answers)
        self.seen: list[str] = []
        self.window = None
        QTimer.singleShot(0, self.tick)

    def tick(self):
        dlg = QApplication.activeModalWidget()
        if dlg is not None and dlg.objectName() in self.answers and dlg.objectName() not in self.seen:
            self.seen.append(dlg.objectName())
            self.answers[dlg.objectName()](dlg)
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible()]
        if windows:
            self.window = SimpleNamespace(title=windows[0].windowTitle(), tabs=windows[0].tabs.count(),
                                          reports=windows[0].report_page is not None,
                                          procedures=windows[0].intake_page.picker.model.rowCount())
            if self.window.procedures or len(self.seen) > 2:
                windows[0].close()
                return
        QTimer.singleShot(50, self.tick)


def test_first_run_creates_admin_sets_up_the_unit_imports_the_sample_and_opens(qtbot, db, data_dir):
    def first_run(dlg):
        dlg.full_name_edit.setText("Phạm Quản Trị")
        dlg.password_edit.setText("first-admin-1")
        dlg.confirm_edit.setText("first-admin-1")
        dlg.sample_check.setChecked(True)
        dlg.create_button.click()

    def unit(dlg):
        dlg.form.unit_code_edit.setText("000.17.22.H56")
        dlg.form.unit_name_edit.setText("Bộ phận Một cửa UBND xã Tân Lập")
        dlg.save_button.click()

    driver = Driver({"first_run_dialog": first_run, "unit_setup_dialog": unit})
    assert run(context(db, data_dir)) == 0
    assert driver.seen == ["first_run_dialog", "unit_setup_dialog"]
    assert driver.window.tabs == 5 + driver.window.reports and "Tân Lập" in driver.window.title
    with db.session(write=False) as s:
        assert users.get_user(s, "admin").role == "admin"
        assert setup.get_unit(s).code == "000.17.22.H56"
        assert len(catalog.list_procedures(s)) == 22


def test_sign_in_opens_the_clerk_window(qtbot, db, data_dir, staff, unit, procedures):
    def login(dlg):
        dlg.username_edit.setText("clerk1")
        dlg.password_edit.setText(PASSWORDS["clerk1"])
        dlg.sign_in_button.click()

    driver = Driver({"login_dialog": login})
    assert run(context(db, data_dir)) == 0
    assert driver.seen == ["login_dialog"]
    assert driver.window.tabs == 2  # intake and dossiers only


def test_cancelled_sign_in_exits_cleanly(qtbot, db, data_dir, staff, unit):
    driver = Driver({"login_dialog": lambda dlg: dlg.reject()})
    assert run(context(db, data_dir)) == 0
    assert driver.window is None


def test_sign_out_returns_to_the_sign_in_dialog(qtbot, db, data_dir, staff, unit, procedures):
    events = []

    def tick():
        dlg = QApplication.activeModalWidget()
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w.isVisible()]
        if dlg is not None and dlg.objectName() == "login_dialog" and not dlg.property("answered"):
            dlg.setProperty("answered", True)
            user = "clerk1" if "clerk1" not in events else "boss"
            events.append(user)
            dlg.username_edit.setText(user)
            dlg.password_edit.setText(PASSWORDS[user])
            dlg.sign_in_button.click()
        elif windows and len(events) == 1:
            events.append(windows[0].tabs.count())
            QTimer.singleShot(0, windows[0].sign_out_action.trigger)  # from the menu, not inside this tick
        elif windows and len(events) == 3:
            events.append(windows[0].tabs.count())
            windows[0].close()
            return
        QTimer.singleShot(50, tick)

    QTimer.singleShot(0, tick)
    assert run(context(db, data_dir)) == 0
    assert events[:3] == ["clerk1", 2, "boss"] and events[3] >= 4
