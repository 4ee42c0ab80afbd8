"""The first start of a desk: create the administrator account (and, if the desk is not set
up, its unit identity), and offer the sample procedure set."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.services import users
from ui.context import DeskContext
from ui.style import set_role
from ui.widgets.field_errors import FieldErrors
from ui.widgets.forms import field_block


class FirstRunDialog(QDialog):
    admin_created = Signal(object)  # UserInfo

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_dialog")
        self.ctx = ctx
        self.user = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Một Cửa Desk: first start"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Welcome. This desk has no account yet. Create the administrator account: it sets up the desk "
            "and creates the clerks' and supervisors' accounts."))
        intro.setWordWrap(True)
        self.username_edit = QLineEdit("admin")
        self.username_edit.setObjectName("username_edit")
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setObjectName("full_name_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("at least 8 characters"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sample_check = QCheckBox(self.tr("Import the sample procedure set (for training; durations and fees "
                                              "are not all verified)"))
        self.sample_check.setObjectName("sample_check")
        form = QFormLayout()
        form.addRow(self.tr("&Username"), field_block(self.username_edit, "username", self.errors))
        form.addRow(self.tr("&Full name"), field_block(self.full_name_edit, "full_name", self.errors))
        form.addRow(self.tr("&Password"), field_block(self.password_edit, "password", self.errors))
        form.addRow(self.tr("&Repeat password"), field_block(self.confirm_edit, "confirm", self.errors))
        hint = QLabel(self.tr("Keep this password safe: without an administrator no account can be created."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setObjectName("create_button")
        self.create_button.setText(self.tr("&Create the account"))
        self.buttons.accepted.connect(self._on_create_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.sample_check)
        layout.addWidget(self.buttons)
        self.full_name_edit.setFocus()

    @property
    def import_sample(self) -> bool:
        return self.sample_check.isChecked()

    def _on_create_clicked(self) -> None:
        self.errors.clear()
        if self.password_edit.text() != self.confirm_edit.text():
            self.errors.set("confirm", self.tr("The two passwords differ"), focus=True)
            return
        username, full, password = self.username_edit.text(), self.full_name_edit.text(), self.password_edit.text()
        now = self.ctx.now()
        self.create_button.setEnabled(False)

        def failed(exc) -> None:
            self.create_button.setEnabled(True)
            self.errors.show_user_error(exc)

        self.ctx.tasks.db_for(self, lambda s: users.create_first_admin(s, username, full, password, now=now), self._on_created,
                          write=True, on_error=failed, label=self.tr("Creating the account…"), parent=self)

    def _on_created(self, user) -> None:
        self.user = user
        self.admin_created.emit(user)
        self.accept()
