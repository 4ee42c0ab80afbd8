"""Sign-in, lockout, first run and the unit set-up dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from ui_helpers import NOW, PASSWORDS

from desk_app.services import setup, users
from ui.dialogs.first_run_dialog import FirstRunDialog
from ui.dialogs.login_dialog import LoginDialog
from ui.dialogs.unit_setup_dialog import UnitSetupDialog


def attempt(qtbot, dlg, username, password):
    """One sign-in; the button is disabled until the answer is back."""
    dlg.username_edit.setText(username)
    dlg.password_edit.setText(password)
    dlg.sign_in_button.click()
    assert not dlg.sign_in_button.isEnabled()
    qtbot.waitUntil(dlg.sign_in_button.isEnabled, timeout=10_000)


def test_sign_in(qtbot, make_desk):
    desk = make_desk("clerk1")
    dlg = LoginDialog(desk)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.signed_in, timeout=10_000) as signed:
        dlg.username_edit.setText("clerk1")
        dlg.password_edit.setText(PASSWORDS["clerk1"])
        dlg.sign_in_button.click()
    assert signed.args[0].role == "clerk"
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_lockout_after_five_wrong_passwords(qtbot, make_desk, db):
    desk = make_desk("clerk1")
    dlg = LoginDialog(desk)
    qtbot.addWidget(dlg)
    for i in range(4):
        attempt(qtbot, dlg, "clerk1", f"wrong-{i}")
        assert dlg.user is None
    assert "Còn 1 lần thử" in dlg.error_label.text()
    attempt(qtbot, dlg, "clerk1", "wrong-5")
    assert "bị khóa đến" in dlg.error_label.text()
    attempt(qtbot, dlg, "clerk1", PASSWORDS["clerk1"])  # the right password, too late
    assert dlg.user is None and "bị khóa" in dlg.error_label.text()
    with db.session(write=False) as s:
        info = users.get_user(s, "clerk1")
    assert info.locked_until is not None and info.locked_until > NOW


def test_first_run_creates_the_admin(qtbot, make_desk, db, data_dir):
    from db.models import User

    with db.session() as s:  # a brand-new desk: no accounts
        s.query(User).delete()
    desk = make_desk("admin")
    desk.user = None
    dlg = FirstRunDialog(desk)
    qtbot.addWidget(dlg)
    dlg.full_name_edit.setText("Phạm Quản Trị")
    dlg.password_edit.setText("secret-pass-1")
    dlg.confirm_edit.setText("secret-pass-2")
    dlg.create_button.click()
    assert dlg.errors.label("confirm").text() == "Hai mật khẩu không giống nhau"
    dlg.confirm_edit.setText("secret-pass-1")
    with qtbot.waitSignal(dlg.admin_created, timeout=10_000) as created:
        dlg.create_button.click()
    assert created.args[0].role == "admin"
    with db.session(write=False) as s:
        assert [u.username for u in users.list_users(s)] == ["admin"]


def test_unit_setup_shows_errors_beside_fields_then_saves(qtbot, make_desk, db, wait_idle):
    desk = make_desk("admin")
    dlg = UnitSetupDialog(desk)
    qtbot.addWidget(dlg)
    dlg.form.unit_code_edit.setText("bad code!")
    dlg.form.unit_name_edit.setText("Bộ phận Một cửa UBND xã Mới")
    dlg.save_button.click()
    wait_idle(desk)
    assert dlg.form.errors.label("unit_code").text().startswith("Mã đơn vị không hợp lệ")
    dlg.form.unit_code_edit.setText("000.17.22.H56")
    with qtbot.waitSignal(dlg.unit_saved, timeout=10_000):
        dlg.save_button.click()
    with db.session(write=False) as s:
        assert setup.get_unit(s).name == "Bộ phận Một cửa UBND xã Mới"
