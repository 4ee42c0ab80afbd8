"""Choose a procedure by typing its code or any words of its name (diacritics optional).

A line edit over an always-visible filtered list (no popup: it works the same on an old PC,
a remote desktop and a headless test). Up/Down move in the list, Enter or Tab take the
highlighted procedure; typing again starts a new search.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from desk_app.domain.dossier_rules import looks_like_code
from desk_app.services.records import ProcedureInfo
from ui.models.procedure_list_model import PROCEDURE_ROLE, ProcedureFilterProxy, ProcedureListModel
from ui.style import set_role


class ProcedurePicker(QWidget):
    procedure_chosen = Signal(object)  # ProcedureInfo
    procedure_cleared = Signal()
    dossier_code_entered = Signal(str)  # a scanned receipt: the dossier code typed + Enter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: ProcedureInfo | None = None
        self._setting_text = False
        self.model = ProcedureListModel(self)
        self.proxy = ProcedureFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("procedure_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Type the code or words of the name, e.g. khai sinh"))
        self.search_edit.setClearButtonEnabled(True)
        self.list_view = QListView()
        self.list_view.setObjectName("procedure_list_view")
        self.list_view.setModel(self.proxy)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setAlternatingRowColors(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("procedure_count_label")
        set_role(self.count_label, "hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.count_label)

        self.search_edit.textEdited.connect(self._on_text_edited)
        self.search_edit.installEventFilter(self)
        self.list_view.activated.connect(self._on_list_activated)
        self.list_view.clicked.connect(self._on_list_activated)
        self._update_count()
        self.proxy.sort(0)

    # ------------------------------------------------------------------ API

    def set_procedures(self, procs: Sequence[ProcedureInfo]) -> None:
        chosen = self._chosen.code if self._chosen else None
        self.model.set_procedures(procs)
        self.proxy.set_query("" if chosen else self.search_edit.text())
        self._select_first()
        self._update_count()
        if chosen and not any(p.code == chosen for p in procs):
            self.clear()

    def chosen(self) -> ProcedureInfo | None:
        return self._chosen

    def clear(self) -> None:
        had = self._chosen is not None
        self._chosen = None
        self._setting_text = True
        self.search_edit.clear()
        self._setting_text = False
        self.proxy.set_query("")
        self._select_first()
        self._update_count()
        if had:
            self.procedure_cleared.emit()

    def choose_current(self) -> bool:
        """Take the highlighted procedure; False if the list is empty."""
        index = self.list_view.currentIndex()
        if not index.isValid():
            if self.proxy.rowCount() == 0:
                return False
            index = self.proxy.index(0, 0)
        proc = index.data(PROCEDURE_ROLE)
        if proc is None:
            return False
        self._chosen = proc
        self._setting_text = True
        self.search_edit.setText(f"{proc.code}  {proc.name}")
        self._setting_text = False
        self.list_view.setCurrentIndex(index)
        self.procedure_chosen.emit(proc)
        return True

    # ------------------------------------------------------------------ events

    def eventFilter(self, obj, event) -> bool:
        if obj is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            mods = event.modifiers()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(key)
                return True
            plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
            if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and looks_like_code(self.search_edit.text()):
                # a citizen's receipt scanned at the intake: open the dossier, not a procedure
                code = self.search_edit.text().strip()
                self.clear()
                self.dossier_code_entered.emit(code)
                return True
            if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                if self._chosen is None and self.search_edit.text().strip():
                    if self.choose_current():
                        return True
                    return key != Qt.Key.Key_Tab  # nothing matches: stay here on Enter
                return False
        return super().eventFilter(obj, event)

    def _move(self, key) -> None:
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.list_view.currentIndex().row()
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
        row = min(max(0, (current if current >= 0 else -1) + step), rows - 1)
        self.list_view.setCurrentIndex(self.proxy.index(row, 0))
        if self._chosen is not None:  # moving again means choosing again
            self._chosen = None
            self.procedure_cleared.emit()

    def _on_text_edited(self, text: str) -> None:
        if self._setting_text:
            return
        if self._chosen is not None:
            self._chosen = None
            self.procedure_cleared.emit()
        self.proxy.set_query(text)
        self._select_first()
        self._update_count()

    def _on_list_activated(self, index) -> None:
        self.list_view.setCurrentIndex(index)
        self._chosen = None
        self.choose_current()

    def _select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.list_view.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.list_view.scrollToTop()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if total == 0:
            self.count_label.setText(self.tr("No procedure set imported yet (Settings → Procedure sets)"))
        elif shown == 0:
            self.count_label.setText(self.tr("No procedure matches"))
        else:
            self.count_label.setText(self.tr("{shown} of {total} procedures · ↑↓ to move, Enter to choose").format(
                shown=shown, total=total))
