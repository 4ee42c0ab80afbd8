"""The desk is not set up: ask for the unit's identity and call ``setup.init_unit``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui.context import DeskContext
from ui.widgets.unit_form import UnitForm


class UnitSetupDialog(QDialog):
    unit_saved = Signal(object)  # UnitInfo

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unit_setup_dialog")
        self.ctx = ctx
        self.unit = None
        self.setWindowTitle(self.tr("Một Cửa Desk: set up this desk"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "Enter this desk's identity. The unit code starts every dossier code and cannot change once "
            "dossiers exist; the names are printed on the forms."))
        intro.setWordWrap(True)
        self.form = UnitForm()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.unit_code_edit.setFocus()

    def _on_save_clicked(self) -> None:
        from ui.pages.settings_page import save_unit

        self.form.errors.clear()
        values = self.form.values()
        now, actor = self.ctx.now(), self.ctx.actor
        self.save_button.setEnabled(False)

        def failed(exc) -> None:
            self.save_button.setEnabled(True)
            leftover = self.form.errors.show_user_error(exc)
            if leftover:
                QMessageBox.warning(self, self.windowTitle(), leftover)

        self.ctx.tasks.db_for(self, lambda s: save_unit(s, values, now=now, actor=actor), self._on_saved,
                          write=True, on_error=failed, parent=self)

    def _on_saved(self, unit) -> None:
        self.unit = unit
        self.ctx.unit = unit
        self.unit_saved.emit(unit)
        self.accept()
