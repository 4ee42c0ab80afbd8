"""The unit's identity: code used in dossier codes, names printed on forms, place, station."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desk_app.services.records import UnitInfo
from ui.style import set_role
from ui.widgets.field_errors import FieldErrors
from ui.widgets.forms import field_block


class UnitForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.unit_code_edit = QLineEdit()
        self.unit_code_edit.setObjectName("unit_code_edit")
        self.unit_code_edit.setPlaceholderText("000.17.22.H56")
        self.unit_name_edit = QLineEdit()
        self.unit_name_edit.setObjectName("unit_name_edit")
        self.unit_name_edit.setPlaceholderText(self.tr("e.g. Bộ phận Một cửa UBND xã Tân Lập"))
        self.parent_name_edit = QLineEdit()
        self.parent_name_edit.setObjectName("parent_name_edit")
        self.parent_name_edit.setPlaceholderText(self.tr("e.g. UBND xã Tân Lập"))
        self.upstream_name_edit = QLineEdit()
        self.upstream_name_edit.setObjectName("upstream_name_edit")
        self.upstream_name_edit.setPlaceholderText(self.tr("e.g. UBND tỉnh …"))
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place_edit")
        self.place_edit.setPlaceholderText(self.tr("printed before the date on forms, e.g. Tân Lập"))
        self.station_spin = QSpinBox()
        self.station_spin.setObjectName("station_spin")
        self.station_spin.setRange(1, 9)
        hint = QLabel(self.tr("Each PC of the desk has its own station number, so that dossier numbers never collide."))
        hint.setWordWrap(True)
        set_role(hint, "hint")
        form = QFormLayout(self)
        form.addRow(self.tr("Unit &code *"), field_block(self.unit_code_edit, "unit_code", self.errors))
        # init_unit names these fields with spaces ("unit name"): both spellings map here.
        form.addRow(self.tr("Desk &name *"),
                    field_block(self.unit_name_edit, "unit_name", self.errors, None, "unit name"))
        form.addRow(self.tr("&Parent agency"),
                    field_block(self.parent_name_edit, "parent_name", self.errors, None, "parent name"))
        form.addRow(self.tr("&Upstream office"),
                    field_block(self.upstream_name_edit, "upstream_name", self.errors, None, "upstream name"))
        form.addRow(self.tr("P&lace"), field_block(self.place_edit, "place", self.errors))
        form.addRow(self.tr("&Station"), field_block(self.station_spin, "station", self.errors))
        form.addRow("", hint)

    def set_unit(self, unit: UnitInfo | None) -> None:
        if unit is None:
            return
        self.unit_code_edit.setText(unit.code)
        self.unit_name_edit.setText(unit.name)
        self.parent_name_edit.setText(unit.parent_name)
        self.upstream_name_edit.setText(unit.upstream_name)
        self.place_edit.setText(unit.place)
        self.station_spin.setValue(unit.station)

    def values(self) -> dict:
        return {
            "unit_code": self.unit_code_edit.text().strip(),
            "unit_name": self.unit_name_edit.text(),
            "parent_name": self.parent_name_edit.text(),
            "upstream_name": self.upstream_name_edit.text(),
            "place": self.place_edit.text(),
            "station": self.station_spin.value(),
        }
