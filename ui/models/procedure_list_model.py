"""The procedures the clerk can pick, and a filter on any words of the code or the name,
with or without diacritics (``vntext.fold``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desk_app.domain.vntext import fold
from desk_app.services.records import ProcedureInfo

PROCEDURE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


class ProcedureListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ProcedureInfo, str, str]] = []

    def set_procedures(self, procs: Sequence[ProcedureInfo]) -> None:
        self.beginResetModel()
        self._rows = [
            (p, fold(f"{p.code} {p.local_code} {p.name} {p.field_name}"), fold(p.name)) for p in procs
        ]
        self.endResetModel()

    def procedure(self, row: int) -> ProcedureInfo | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        proc, key, name = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{proc.code}  {proc.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{proc.code} — {proc.name} ({proc.field_name})"
        if role == PROCEDURE_ROLE:
            return proc
        if role == SEARCH_ROLE:
            return key
        if role == NAME_ROLE:
            return name
        return None


class ProcedureFilterProxy(QSortFilterProxyModel):
    """Keeps the procedures whose code or name holds every typed word (folded); the best
    match first: the words as one phrase of the name, then code prefixes, then short names."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tokens: list[str] = []
        self._phrase = ""
        self.setDynamicSortFilter(False)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._phrase = fold(text)
        self._tokens = self._phrase.split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._tokens:
            return True
        key = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(t in key for t in self._tokens)

    def _score(self, index) -> tuple:
        proc = index.data(PROCEDURE_ROLE)
        name = index.data(NAME_ROLE) or ""
        if not self._phrase:
            return (0, 0, name, "")
        if proc is not None and proc.code.startswith(self._phrase):
            rank = 0
        elif self._phrase in name:
            rank = 1
        else:
            rank = 2
        return (rank, len(name), proc.code if proc else "", "")

    def lessThan(self, left, right) -> bool:
        return self._score(left) < self._score(right)
