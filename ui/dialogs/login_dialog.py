"""Sign in. Five wrong passwords lock the account for 15 minutes (``users.authenticate``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk_app.services.records import LoginResult
from ui.context import DeskContext
from ui.i18n import fmt_datetime
from ui.style import set_invalid, set_role


class LoginDialog(QDialog):
    signed_in = Signal(object)  # UserInfo
    attempt_failed = Signal(str)  # the reason code

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.ctx = ctx
        self.user = None
        self.setWindowTitle(self.tr("Một Cửa Desk: sign in"))
        self.setMinimumWidth(420)
        title = QLabel(ctx.unit.name if ctx.unit else self.tr("Một Cửa Desk"))
        set_role(title, "section")
        title.setWordWrap(True)
        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("username_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("login_error_label")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setText(self.tr("Sign &in"))
        self.buttons.accepted.connect(self._on_sign_in_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    def _on_sign_in_clicked(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username:
            self._show_error(self.tr("Enter your username"))
            self.username_edit.setFocus()
            return
        self.sign_in_button.setEnabled(False)
        now = self.ctx.now()

        def work(s):
            from desk_app.services import users

            return users.authenticate(s, username, password, now=now)

        self.ctx.tasks.db_for(self, work, self._on_result,
                          write=True, label=self.tr("Signing in…"), parent=self)

    def _on_result(self, result: LoginResult) -> None:
        self.sign_in_button.setEnabled(True)
        if result.ok:
            self.user = result.user
            self.error_label.hide()
            self.signed_in.emit(result.user)
            self.accept()
            return
        self.password_edit.clear()
        self.password_edit.setFocus()
        if result.reason == "locked":
            text = self.tr("Too many wrong passwords: this account is locked until {time}. "
                           "Ask the administrator to unlock it sooner.").format(time=fmt_datetime(result.locked_until))
        elif result.reason == "inactive":
            text = self.tr("This account is disabled. Ask the administrator.")
        elif result.attempts_left and result.attempts_left <= 3:
            text = self.tr("Wrong username or password. {n} tries left before the account is locked.").format(
                n=result.attempts_left)
        else:
            text = self.tr("Wrong username or password.")
        self._show_error(text)
        self.attempt_failed.emit(result.reason)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        set_invalid(self.password_edit, True)
