"""Intake by keyboard: procedure words without diacritics, the applicant, Ctrl+Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import NOW, type_text

from desk_app.services import dossiers
from ui.pages.intake_page import IntakePage

# A typical intake: 7 keys to find the procedure ("ket hon"), the applicant's three required
# fields as typed (name 13, CCCD 12, phone 10 = 35 characters nobody can type for the
# clerk), one key to take the procedure, one Tab per following field (2) and one chord to
# save and print. Navigation keys: 4. The budget leaves 4 keys for a longer procedure query.
DATA_CHARS = len("Nguyễn Văn An") + 12 + 10
NAVIGATION_BUDGET = 4
TOTAL_BUDGET = DATA_CHARS + 8 + NAVIGATION_BUDGET + 3


class Keyboard:
    """Sends keys to whatever widget has the focus, as a clerk (or a scanner) would, and
    counts them: a character is one key, a chord (Ctrl+Enter) is one key."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.chars = 0
        self.navigation = 0

    @property
    def count(self) -> int:
        return self.chars + self.navigation

    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        type_text(self.qtbot, self.focus(), text)
        self.chars += len(text)

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.navigation += 1


@pytest.fixture
def page(qtbot, desk, wait_idle):
    page = IntakePage(desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.picker.model.rowCount() > 0)
    page.focus_start()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.picker.search_edit)
    return page


def test_typical_intake_by_keyboard_only_within_the_keystroke_budget(qtbot, page, desk, db, wait_idle):
    keys = Keyboard(qtbot)
    keys.type("ket hon")  # no diacritics: "Đăng ký kết hôn"
    keys.press(Qt.Key.Key_Return)
    assert page.picker.chosen().code == "1.000894"
    assert QApplication.focusWidget() is page.applicant_name_edit
    keys.type("Nguyễn Văn An")
    keys.press(Qt.Key.Key_Tab)
    keys.type("001099012345")
    keys.press(Qt.Key.Key_Tab)
    keys.type("0912345678")
    qtbot.waitUntil(lambda: page.appointment_label.text().startswith("Hẹn trả"))
    with qtbot.waitSignal(page.dossier_saved, timeout=10_000) as saved:
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(desk)

    rec = saved.args[0]
    with db.session(write=False) as s:
        stored = dossiers.show(s, rec.code, now=NOW)
    assert stored.procedure_code == "1.000894"
    assert stored.applicant.name == "Nguyễn Văn An"
    assert stored.applicant.id_number == "001099012345"
    assert stored.applicant.phone == "0912345678"
    assert stored.received_by == "clerk1"
    assert stored.status == 2 and len(stored.documents) >= 1
    assert keys.navigation <= NAVIGATION_BUDGET
    assert keys.count <= TOTAL_BUDGET, f"{keys.count} keystrokes for a typical intake"
    # The form is ready for the next citizen, the focus back on the procedure.
    assert page.applicant_name_edit.text() == ""
    assert QApplication.focusWidget() is page.picker.search_edit
    assert rec.code in page.saved_label.text()


def test_keystroke_count_of_a_typical_intake_is_reported(qtbot, page, desk, wait_idle, record_property):
    keys = Keyboard(qtbot)
    keys.type("khai tu")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Trần Thị Bình")
    keys.press(Qt.Key.Key_Tab)
    keys.type("079188001122")
    keys.press(Qt.Key.Key_Tab)
    keys.type("0987654321")
    with qtbot.waitSignal(page.dossier_saved, timeout=10_000):
        keys.press(Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    wait_idle(desk)
    record_property("keystrokes", keys.count)
    assert keys.count == 7 + 13 + 12 + 10 + 4


def test_invalid_cccd_shows_the_vietnamese_message_beside_the_field_and_saves_nothing(qtbot, page, desk, db, wait_idle):
    keys = Keyboard(qtbot)
    keys.type("khai sinh")
    keys.press(Qt.Key.Key_Return)
    keys.type("Nguyễn Văn An")
    keys.press(Qt.Key.Key_Tab)
    keys.type("00109901234")  # 11 digits
    keys.press(Qt.Key.Key_Tab)
    label = page.errors.label("applicant_id")
    assert label.isVisible() and label.text() == "Số CCCD phải gồm 12 chữ số"
    assert page.applicant_id_edit.property("invalid") is True
    assert page.applicant_id_edit.toolTip() == "Số CCCD phải gồm 12 chữ số"
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(desk)
    assert QApplication.focusWidget() is page.applicant_id_edit
    assert page.last_saved is None
    with db.session(write=False) as s:
        assert dossiers.counts(s, now=NOW)["received_today"] == 0


def test_cccd_is_checked_as_typed(qtbot, page):
    qtbot.keyClicks(page.applicant_id_edit, "12a")
    assert page.errors.label("applicant_id").text() == "Số CCCD phải gồm 12 chữ số"
    page.applicant_id_edit.clear()
    qtbot.keyClicks(page.applicant_id_edit, "999099012345")  # province 999 does not exist
    assert page.errors.label("applicant_id").text().startswith("Ba chữ số đầu")
    page.applicant_id_edit.clear()
    qtbot.keyClicks(page.applicant_id_edit, "001099012345")
    assert not page.errors.label("applicant_id").isVisible()


def test_phone_and_name_are_checked_as_typed(qtbot, page):
    qtbot.keyClicks(page.applicant_name_edit, "Nguyen 2")
    assert page.errors.label("applicant_name").text() == "Họ tên không được chứa chữ số"
    qtbot.keyClicks(page.applicant_phone_edit, "0123456789")
    assert page.errors.label("applicant_phone").text().startswith("Số điện thoại không hợp lệ")


def test_saving_without_a_procedure_marks_the_procedure_box(qtbot, page, desk, wait_idle):
    type_text(qtbot, page.applicant_name_edit, "Nguyễn Văn An")
    qtbot.keyClicks(page.applicant_id_edit, "001099012345")
    page.save_button.click()
    wait_idle(desk)
    assert page.errors.label("procedure").text() == "Chọn thủ tục"
    assert page.last_saved is None


def test_service_refusal_is_mapped_to_its_field(qtbot, page, desk, wait_idle):
    """A refusal only the service knows (the procedure vanished) lands beside its field."""
    from desk_app.errors import NotFound

    page.errors.show_user_error(NotFound("unknown procedure 'x'", field="procedure"))
    assert page.errors.label("procedure").text() == "Thủ tục này không có trong bộ thủ tục hiện hành"


def test_procedure_search_matches_code_and_words_in_any_order(qtbot, page):
    qtbot.keyClicks(page.picker.search_edit, "sinh khai")
    names = [page.picker.proxy.index(r, 0).data() for r in range(page.picker.proxy.rowCount())]
    assert names and all("khai sinh" in n.lower() for n in names)
    assert names[0].startswith("1.001193")  # the shortest name holding the words first
    page.picker.clear()
    qtbot.keyClicks(page.picker.search_edit, "1.004873")
    assert page.picker.proxy.rowCount() == 1


def test_checklist_untick_and_counts_reach_the_dossier(qtbot, page, desk, db, wait_idle):
    qtbot.keyClicks(page.picker.search_edit, "1.000689")
    qtbot.keyClick(page.picker.search_edit, Qt.Key.Key_Return)
    model = page.checklist
    assert model.rowCount() == 4
    model.setData(model.index(3, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(0, 1), 2)
    type_text(qtbot, page.applicant_name_edit, "Lê Văn Cường")
    qtbot.keyClicks(page.applicant_id_edit, "001099012345")
    with qtbot.waitSignal(page.dossier_saved, timeout=10_000) as saved:
        page.save_button.click()
    wait_idle(desk)
    docs = saved.args[0].documents
    assert len(docs) == 3 and docs[0].original == 2


def test_receipt_printing_is_guarded(qtbot, page, desk, wait_idle, monkeypatch):
    """Without the printing service the dossier is still saved and the clerk is told."""
    from ui import support

    monkeypatch.setattr(support, "printing_module", lambda: None)
    qtbot.keyClicks(page.picker.search_edit, "ket hon")
    qtbot.keyClick(page.picker.search_edit, Qt.Key.Key_Return)
    type_text(qtbot, page.applicant_name_edit, "Nguyễn Văn An")
    qtbot.keyClicks(page.applicant_id_edit, "001099012345")
    with qtbot.waitSignal(page.receipt_printed, timeout=10_000) as printed:
        page.save_button.click()
    wait_idle(desk)
    assert printed.args[0] == ""
    assert "chưa cài chức năng in" in page.saved_label.text()
    assert page.last_saved is not None


def test_receipt_is_printed_and_opened_when_printing_exists(qtbot, page, desk, wait_idle, monkeypatch, tmp_path):
    from types import SimpleNamespace

    from ui import support

    calls = []

    def fake_print_form(session, form, code, out_path, *, now, actor):
        out_path.write_bytes(b"%PDF-1.4 fake")
        calls.append((form, code, actor))
        return SimpleNamespace(path=out_path)

    opened = []
    monkeypatch.setattr(support, "printing_module", lambda: SimpleNamespace(print_form=fake_print_form))
    monkeypatch.setattr(support, "open_path", lambda p: opened.append(p) or True)
    qtbot.keyClicks(page.picker.search_edit, "ket hon")
    qtbot.keyClick(page.picker.search_edit, Qt.Key.Key_Return)
    type_text(qtbot, page.applicant_name_edit, "Nguyễn Văn An")
    qtbot.keyClicks(page.applicant_id_edit, "001099012345")
    with qtbot.waitSignal(page.receipt_printed, timeout=10_000) as printed:
        page.save_button.click()
    wait_idle(desk)
    assert calls == [("receipt", page.last_saved.code, "clerk1")]
    assert printed.args[0].endswith(".pdf") and opened


def test_checklist_by_keyboard(qtbot, page):
    qtbot.keyClicks(page.picker.search_edit, "1.000689")
    qtbot.keyClick(page.picker.search_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.applicant_name_edit
    qtbot.keyClick(page.applicant_name_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    view = QApplication.focusWidget()
    assert view is page.documents_view
    view.setCurrentIndex(page.checklist.index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert page.checklist.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert len(page.checklist.received()) == 3
