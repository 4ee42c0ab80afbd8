"""The intake checklist: one row per document of the procedure, ticked when received,
with the counts of originals, certified copies and copies (editable)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desk_app.services.records import DocumentItem, ReceivedDocument


class Column(IntEnum):
    NAME = 0
    ORIGINAL = 1
    CERTIFIED = 2
    COPY = 3


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("ChecklistModel", "Document received"),
    Column.ORIGINAL: QT_TRANSLATE_NOOP("ChecklistModel", "Orig."),
    Column.CERTIFIED: QT_TRANSLATE_NOOP("ChecklistModel", "Cert."),
    Column.COPY: QT_TRANSLATE_NOOP("ChecklistModel", "Copy"),
}
TOOLTIPS = {
    Column.ORIGINAL: QT_TRANSLATE_NOOP("ChecklistModel", "Originals (bản chính)"),
    Column.CERTIFIED: QT_TRANSLATE_NOOP("ChecklistModel", "Certified copies (bản sao chứng thực)"),
    Column.COPY: QT_TRANSLATE_NOOP("ChecklistModel", "Plain copies (bản sao)"),
}


@dataclass
class _Row:
    item: DocumentItem
    checked: bool
    original: int
    certified: int
    copy: int


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_documents(self, items: Sequence[DocumentItem]) -> None:
        self.beginResetModel()
        self._rows = [_Row(i, True, i.original, i.certified, i.copy) for i in items]
        self.endResetModel()

    def clear(self) -> None:
        self.set_documents(())

    def received(self) -> tuple[ReceivedDocument, ...]:
        """The ticked documents that are kept (not the ones only shown, xuất trình)."""
        return tuple(
            ReceivedDocument(name=r.item.name, original=r.original, certified=r.certified, copy=r.copy)
            for r in self._rows
            if r.checked and not r.item.present_only
        )

    def all_ticked(self) -> bool:
        return all(r.checked for r in self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChecklistModel", HEADERS[Column(section)])
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) in TOOLTIPS:
            return QCoreApplication.translate("ChecklistModel", TOOLTIPS[Column(section)])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif not row.item.present_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = Column(index.column())
        if col == Column.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                if row.item.present_only:
                    return row.item.name + " " + QCoreApplication.translate("ChecklistModel", "(shown, not kept)")
                return row.item.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.item.name
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.FontRole and row.item.present_only:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        value = {Column.ORIGINAL: row.original, Column.CERTIFIED: row.certified, Column.COPY: row.copy}[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if row.item.present_only else str(value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        col = Column(index.column())
        if col == Column.NAME and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if hasattr(value, "value") else value
            row.checked = int(state) == Qt.CheckState.Checked.value
        elif col != Column.NAME and role == Qt.ItemDataRole.EditRole and not row.item.present_only:
            try:
                number = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= number <= 99:
                return False
            setattr(row, {Column.ORIGINAL: "original", Column.CERTIFIED: "certified", Column.COPY: "copy"}[col], number)
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True
