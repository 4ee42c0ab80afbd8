"""Roles are enforced by the services (users.require_role), not only by hidden buttons."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from ui_helpers import NOW, SAMPLE

from db.models import ProcedureSet
from desk_app.errors import Forbidden
from desk_app.services import catalog, users
from ui.main_window import MainWindow
from ui.pages.settings_page import SettingsPage


def sets_count(db) -> int:
    with db.session(write=False) as s:
        return s.execute(select(func.count(ProcedureSet.id))).scalar()


def test_the_service_refuses_a_clerk_importing_a_procedure_set(db, staff, unit):
    with pytest.raises(Forbidden), db.session() as s:
        users.require_privilege(s, "clerk1", "catalog.import")
        catalog.import_file(s, SAMPLE, now=NOW, actor="clerk1")
    assert sets_count(db) == 0


def test_a_clerk_import_through_the_window_is_refused_and_nothing_is_imported(qtbot, make_desk, db, wait_idle):
    desk = make_desk("clerk1")
    page = SettingsPage(desk)  # even if a clerk reached the page, the service says no
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.message_shown, timeout=10_000) as shown:
        page.import_file(SAMPLE)
    wait_idle(desk)
    assert shown.args[0] == "Tài khoản của bạn không có quyền thực hiện việc này"
    assert sets_count(db) == 0


def test_a_supervisor_imports_off_the_gui_thread(qtbot, make_desk, db, wait_idle):
    desk = make_desk("boss")
    page = SettingsPage(desk)
    qtbot.addWidget(page)
    changed = []
    desk.events.procedures_changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(page.procedures_imported, timeout=20_000) as imported:
        page.import_file(SAMPLE)
    wait_idle(desk)
    assert imported.args[0].total == 22 and changed
    assert sets_count(db) == 1


def test_a_clerk_sees_neither_board_nor_settings(qtbot, make_desk, procedures, wait_idle):
    desk = make_desk("clerk1")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.board_page is None and window.settings_page is None
    assert window.tabs.count() == 2
    supervisor = MainWindow(make_desk("boss"))
    qtbot.addWidget(supervisor)
    assert supervisor.tabs.count() == 4 + (supervisor.report_page is not None) + (supervisor.sync_page is not None)
    assert not supervisor.settings_page.tabs.isTabVisible(supervisor.settings_page.tabs.indexOf(
        supervisor.settings_page.users_tab))


def test_a_supervisor_cannot_change_the_unit_or_create_accounts(db, staff, unit):
    with pytest.raises(Forbidden), db.session() as s:
        users.create_user(s, "newclerk", "", "clerk", "password-123", now=NOW, actor="boss")
    from ui.pages.settings_page import save_unit

    with pytest.raises(Forbidden), db.session() as s:
        save_unit(s, {"unit_code": "X1", "unit_name": "x"}, now=NOW, actor="boss")


def test_calendar_edit_by_supervisor_through_the_page(qtbot, make_desk, db, wait_idle):
    from PySide6.QtCore import QDate

    from desk_app.services import calendar as calendar_service

    desk = make_desk("boss")
    page = SettingsPage(desk)
    qtbot.addWidget(page)
    page.show()
    wait_idle(desk)
    page.day_edit.setDate(QDate(2026, 12, 31))
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("day-off"))
    page.day_note_edit.setText("Nghỉ bù")
    page.day_ref_edit.setText("Thông báo số 1/TB-VPCP")
    with qtbot.waitSignal(desk.events.calendar_changed, timeout=10_000):
        page.add_override_button.click()
    wait_idle(desk)
    with db.session(write=False) as s:
        days = {d["date"]: d for d in calendar_service.show_year(s, 2026)["days"]}
    assert days["2026-12-31"]["kind"] == "day-off" and days["2026-12-31"]["note"] == "Nghỉ bù"
    assert any(r.get("date") == "2026-12-31" for r in page.calendar_model.rows())


def test_office_hours_error_is_shown_beside_the_field(qtbot, make_desk, wait_idle):
    desk = make_desk("boss")
    page = SettingsPage(desk)
    qtbot.addWidget(page)
    page.show()
    wait_idle(desk)
    page.office_edits["office.cutoff"].setText("25:99")
    page.save_office_button.click()
    wait_idle(desk)
    assert page.office_errors.label("office.cutoff").text() == "Nhập giờ theo dạng 15:00"
