"""A read-only table over a list of plain records, described by column specs.

For the small lists of the window (a dossier's events and handovers, the overdue list, the
calendar's days, accounts, procedures): each column says its header and how to read a value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ColumnSpec:
    header: str  # English source; translated in ``context``
    value: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    align: Qt.AlignmentFlag | None = None


class ReadOnlyTableModel(QAbstractTableModel):
    """Rows of records shown read only, under translated column headers: what every table
    model of the window shares. Subclasses answer :meth:`data` for ``self.record_at(index)``."""

    def __init__(self, headers: Sequence[str], context: str, parent=None) -> None:
        super().__init__(parent)
        self._headers = list(headers)  # English sources, translated in ``context``
        self._context = context
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def record_at(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        """The record of a valid cell of this model, else None."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._headers):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return QCoreApplication.translate(self._context, self._headers[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RecordTableModel(ReadOnlyTableModel):
    def __init__(self, columns: Sequence[ColumnSpec], context: str, parent=None,
                 background: Callable[[Any], QColor | None] | None = None) -> None:
        super().__init__([c.header for c in columns], context, parent)
        self._columns = list(columns)
        self._background = background

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        rec = self.record_at(index)
        if rec is None:
            return None
        spec = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = spec.value(rec)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.align is not None:
            return int(spec.align)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            color = self._background(rec)
            return QBrush(color) if color is not None else None
        if role == SORT_ROLE:
            key = (spec.sort or spec.value)(rec)
            return "" if key is None else key
        if role == RECORD_ROLE:
            return rec
        return None
