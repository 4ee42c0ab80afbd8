"""The dossier desk: scanner look-up, filters done in SQL, transitions through dialogs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import NOW, receive, type_text

from desk_app.services import dossiers
from desk_app.services.dossiers import TransitionRequest
from ui.main_window import MainWindow
from ui.pages.dossier_page import DossierPage


@pytest.fixture
def page(qtbot, desk, wait_idle):
    page = DossierPage(desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.show()
    qtbot.waitExposed(page)
    return page


def scan(qtbot, widget, code: str) -> None:
    """A USB scanner: the code's characters, then Enter, into the focused box."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_scanner_code_and_enter_in_the_search_box_opens_the_dossier(qtbot, db, desk, page):
    rec = receive(db)
    receive(db, name="Trần Thị Bình", id_number="079188001122")
    with qtbot.waitSignal(page.dossier_opened, timeout=10_000) as opened:
        scan(qtbot, page.search_edit, rec.code)
    assert opened.args[0].code == rec.code
    assert page.detail.code_label.text() == rec.code
    assert page.detail.events_model.rowCount() == 1  # the timeline: received
    assert page.search_edit.selectedText() == rec.code  # the next scan replaces it
    assert "request-supplement" in page.detail.action_buttons


def test_f3_puts_the_focus_in_the_search_box_from_anywhere(qtbot, db, desk, wait_idle):
    rec = receive(db)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.intake_page.focus_start()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.intake_page.picker.search_edit)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    assert window.current_page() is window.dossier_page
    assert QApplication.focusWidget() is window.dossier_page.search_edit
    with qtbot.waitSignal(window.dossier_page.dossier_opened, timeout=10_000):
        scan(qtbot, QApplication.focusWidget(), rec.code)
    window.intake_page.focus_start()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.dossier_page.search_edit
    wait_idle(desk)


def test_a_receipt_scanned_into_the_intake_opens_the_dossier(qtbot, db, desk, wait_idle):
    """A citizen back for the result: the clerk scans the receipt while the intake has the
    focus; the dossier opens on the desk and the intake is left as it was."""
    rec = receive(db)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.intake_page.focus_start()
    wait_idle(desk)
    picker = window.intake_page.picker
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search_edit)
    with qtbot.waitSignal(window.dossier_page.dossier_opened, timeout=10_000) as opened:
        scan(qtbot, picker.search_edit, rec.code)
    assert opened.args[0].code == rec.code
    assert window.current_page() is window.dossier_page
    assert window.dossier_page.detail.code_label.text() == rec.code
    assert picker.search_edit.text() == "" and picker.chosen() is None
    # a procedure code typed there still chooses the procedure
    window.show_intake()
    scan(qtbot, picker.search_edit, "1.000894")
    assert picker.chosen() is not None and picker.chosen().code == "1.000894"
    wait_idle(desk)


def test_search_by_name_without_diacritics(qtbot, db, page):
    receive(db, name="Nguyễn Văn Đức")
    receive(db, name="Trần Thị Bình", id_number="079188001122")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        scan(qtbot, page.search_edit, "nguyen duc")
    assert loaded.args[0] == 1
    assert page.model.record(0).applicant.name == "Nguyễn Văn Đức"


def test_unknown_code_says_so(qtbot, db, page):
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        scan(qtbot, page.search_edit, "000.17.22.H56-260302-9999")
    assert page.message_label.isVisible()
    assert page.message_label.text().startswith("Không có hồ sơ nào khớp")


def test_filters_are_applied_by_the_service(qtbot, db, desk, page):
    late = receive(db, now=NOW - timedelta(days=7))  # a same-day procedure received a week ago: overdue
    today = receive(db, procedure="1.001193", name="Lê Văn Cường", id_number="001099012346")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.refresh()
    assert loaded.args[0] == 2
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.overdue_check.setChecked(True)
    assert loaded.args[0] == 1 and page.model.record(0).code == late.code
    assert page.model.record(0).state == "overdue"
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.overdue_check.setChecked(False)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.procedure_combo.setCurrentIndex(page.procedure_combo.findData("1.001193"))
    assert loaded.args[0] == 1 and page.model.record(0).code == today.code
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.procedure_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.status_combo.setCurrentIndex(page.status_combo.findText("5.", Qt.MatchFlag.MatchStartsWith))
    assert loaded.args[0] == 0


def test_overdue_row_is_red_and_due_today_amber(qtbot, db, desk, page):
    from ui.models.dossier_table_model import Column
    from ui.style import DUE_TODAY_BG, OVERDUE_BG

    late = receive(db, now=NOW - timedelta(days=7))
    receive(db, name="Lê Văn Cường", id_number="001099012346")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.refresh()
    colours = {}
    for row in range(page.model.rowCount()):
        rec = page.model.record(row)
        colours[rec.code] = page.model.index(row, Column.DUE).data(Qt.ItemDataRole.BackgroundRole).color()
    assert colours[late.code] == OVERDUE_BG
    assert DUE_TODAY_BG in colours.values()


def open_dossier(qtbot, page, code):
    with qtbot.waitSignal(page.dossier_opened, timeout=10_000):
        scan(qtbot, page.search_edit, code)


def test_transition_through_its_dialog_records_the_event(qtbot, db, desk, page, wait_idle):
    rec = receive(db)
    open_dossier(qtbot, page, rec.code)
    page.detail.action_buttons["request-supplement"].click()
    dlg = page.current_dialog
    assert dlg is not None and dlg.reason_edit is not None
    # Without the reason the law asks for, the dialog says so beside the field and saves nothing.
    dlg.ok_button.click()
    wait_idle(desk)
    assert dlg.errors.label("reason").text() == "Nhập lý do"
    type_text(qtbot, dlg.reason_edit, "Thiếu bản sao giấy chứng nhận kết hôn cũ")
    with qtbot.waitSignal(page.form_printed, timeout=30_000) as printed:
        dlg.ok_button.click()
    wait_idle(desk)
    assert printed.args[0] == "supplement"
    from ui import support

    if support.printing_module() is not None:  # the forms engineer's service is installed
        assert printed.args[1].endswith(".pdf")
    with db.session(write=False) as s:
        stored = dossiers.show(s, rec.code, now=NOW)
    assert stored.status == 5
    assert [e.action for e in stored.events] == ["receive", "request-supplement"]
    assert stored.events[-1].reason == "Thiếu bản sao giấy chứng nhận kết hôn cũ"
    assert stored.events[-1].actor == "clerk1"
    assert page.detail.record.status == 5
    assert "supplement-received" in page.detail.action_buttons


def test_handover_asks_for_the_receiving_unit(qtbot, db, desk, page, wait_idle):
    rec = receive(db)
    open_dossier(qtbot, page, rec.code)
    page.detail.action_buttons["handover"].click()
    dlg = page.current_dialog
    dlg.to_unit_edit.clear()
    dlg.ok_button.click()
    wait_idle(desk)
    assert dlg.errors.label("to_unit").text() == "Nhập đơn vị nhận hồ sơ"
    type_text(qtbot, dlg.to_unit_edit, "Công chức Tư pháp - Hộ tịch")
    with qtbot.waitSignal(dlg.transition_done, timeout=10_000):
        dlg.ok_button.click()
    wait_idle(desk)
    with db.session(write=False) as s:
        stored = dossiers.show(s, rec.code, now=NOW)
    assert stored.status == 4 and stored.handovers[0].to_unit == "Công chức Tư pháp - Hộ tịch"
    assert page.detail.handovers_model.rowCount() == 1


def test_extension_asks_for_the_new_date(qtbot, db, desk, page, wait_idle):
    rec = receive(db, procedure="1.004873")
    open_dossier(qtbot, page, rec.code)
    page.detail.action_buttons["extend"].click()
    dlg = page.current_dialog
    assert dlg.new_due_date_edit is not None
    type_text(qtbot, dlg.reason_edit, "Chờ xác minh")
    with qtbot.waitSignal(dlg.transition_done, timeout=10_000) as done:
        dlg.ok_button.click()
    wait_idle(desk)
    new = done.args[0]
    assert new.due_at > rec.due_at and new.original_due_at == rec.original_due_at
    assert new.extension_count == 1


def test_returning_a_result_records_who_received_it(qtbot, db, desk, page, wait_idle):
    rec = receive(db)
    with db.session() as s:
        dossiers.transition(s, rec.code, TransitionRequest(action="result-ready"), now=NOW, actor="clerk1")
    open_dossier(qtbot, page, rec.code)
    page.detail.action_buttons["return"].click()
    dlg = page.current_dialog
    type_text(qtbot, dlg.received_by_edit, "Nguyễn Thị Hoa")
    assert dlg.by_other_radio.isChecked()
    with qtbot.waitSignal(dlg.transition_done, timeout=10_000):
        dlg.ok_button.click()
    wait_idle(desk)
    with db.session(write=False) as s:
        stored = dossiers.show(s, rec.code, now=NOW)
    assert stored.status == 10 and stored.returned_to == "Nguyễn Thị Hoa"
    assert stored.events[-1].data["received_by"] == "other"


def test_return_to_the_applicant_by_default(qtbot, db, desk, page, wait_idle):
    rec = receive(db)
    with db.session() as s:
        dossiers.transition(s, rec.code, TransitionRequest(action="result-ready"), now=NOW, actor="clerk1")
    open_dossier(qtbot, page, rec.code)
    page.detail.action_buttons["return"].click()
    with qtbot.waitSignal(page.current_dialog.transition_done, timeout=10_000):
        page.current_dialog.ok_button.click()
    wait_idle(desk)
    with db.session(write=False) as s:
        assert dossiers.show(s, rec.code).returned_to == "Nguyễn Văn An"


def test_one_button_per_allowed_action(qtbot, db, desk, page):
    from desk_app.domain.dossier_rules import allowed_actions

    rec = receive(db)
    open_dossier(qtbot, page, rec.code)
    assert list(page.detail.action_buttons) == allowed_actions(2)
    assert page.detail.action_buttons["refuse"].text() == "Từ chối tiếp nhận"


def test_due_soon_and_date_range_filters(qtbot, db, desk, page):
    from PySide6.QtCore import QDate

    receive(db, now=NOW - timedelta(days=7))  # overdue: not "due soon"
    soon = receive(db, name="Lê Văn Cường", id_number="001099012346")  # due today 17:00
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.due_soon_check.setChecked(True)
    assert loaded.args[0] == 1 and page.model.record(0).code == soon.code
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.due_soon_check.setChecked(False)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.to_date_edit.setDate(QDate(2026, 2, 28))
    assert loaded.args[0] == 1 and page.model.record(0).code != soon.code
