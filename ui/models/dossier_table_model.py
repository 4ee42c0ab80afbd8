"""The dossier desk's list: a table model over frozen ``DossierSummary`` rows (a full
``DossierRecord`` fits too: it has the same fields).

Rows come from ``dossiers.list_dossiers`` / ``dossiers.search`` (filtered in SQL); the model
only presents them: colours by deadline state (overdue red, due today amber, due tomorrow
pale yellow), a sort role with raw values for the proxy.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush

from desk_app.services.dossiers import DossierRecord, DossierSummary
from ui.i18n import fmt_date, fmt_datetime
from ui.labels import state_text, status_label
from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE, ReadOnlyTableModel  # noqa: F401 (the roles are this model's too)
from ui.style import DUE_TODAY_BG, DUE_TOMORROW_BG, OVERDUE_BG, PAUSED_FG

CODE_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(IntEnum):
    CODE = 0
    APPLICANT = 1
    PROCEDURE = 2
    RECEIVED = 3
    DUE = 4
    STATUS = 5
    STATE = 6


HEADERS = {
    Column.CODE: QT_TRANSLATE_NOOP("DossierTableModel", "Dossier code"),
    Column.APPLICANT: QT_TRANSLATE_NOOP("DossierTableModel", "Applicant"),
    Column.PROCEDURE: QT_TRANSLATE_NOOP("DossierTableModel", "Procedure"),
    Column.RECEIVED: QT_TRANSLATE_NOOP("DossierTableModel", "Received"),
    Column.DUE: QT_TRANSLATE_NOOP("DossierTableModel", "Appointment"),
    Column.STATUS: QT_TRANSLATE_NOOP("DossierTableModel", "Status"),
    Column.STATE: QT_TRANSLATE_NOOP("DossierTableModel", "Deadline"),
}

_BACKGROUND = {"overdue": OVERDUE_BG, "due_today": DUE_TODAY_BG, "due_tomorrow": DUE_TOMORROW_BG}
_STATE_ORDER = {"overdue": 0, "due_today": 1, "due_tomorrow": 2, "ok": 3, "paused": 4, "done": 5, "": 6}


class DossierTableModel(ReadOnlyTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([HEADERS[c] for c in Column], "DossierTableModel", parent)

    # ------------------------------------------------------------------ data in

    def set_records(self, records: Sequence[DossierSummary | DossierRecord]) -> None:
        self.set_rows(records)

    def replace_record(self, record: DossierRecord) -> None:
        for row, old in enumerate(self._rows):
            if old.code == record.code:
                self._rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
                return

    def record(self, row: int) -> DossierRecord | None:
        return self.row_record(row)

    def row_of(self, code: str) -> int:
        for row, rec in enumerate(self._rows):
            if rec.code == code:
                return row
        return -1

    def records(self) -> list[DossierRecord]:
        return self.rows()

    # ------------------------------------------------------------------ Qt API

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        rec = self.record_at(index)
        if rec is None:
            return None
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.PROCEDURE:
                return f"{rec.procedure_code} — {rec.procedure_name}"
            if col in (Column.STATE, Column.DUE):
                return state_text(rec.state, rec.days_late)
            if col == Column.RECEIVED:
                return fmt_datetime(rec.received_at)
            if col in (Column.APPLICANT, Column.STATUS):
                return self._display(rec, col)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            color = _BACKGROUND.get(rec.state)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(PAUSED_FG) if rec.state in ("paused", "done") else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (Column.RECEIVED, Column.DUE):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == SORT_ROLE:
            return self._sort_key(rec, col)
        if role == RECORD_ROLE:
            return rec
        if role == CODE_ROLE:
            return rec.code
        return None

    def _display(self, rec: DossierRecord, col: Column) -> str:
        if col == Column.CODE:
            return rec.code
        if col == Column.APPLICANT:
            return rec.applicant.name
        if col == Column.PROCEDURE:
            return rec.procedure_name
        if col == Column.RECEIVED:
            return fmt_date(rec.received_at)
        if col == Column.DUE:
            return fmt_datetime(rec.due_at)
        if col == Column.STATUS:
            return status_label(rec.status)
        return state_text(rec.state, rec.days_late, short=True)

    @staticmethod
    def _sort_key(rec: DossierRecord, col: Column):
        if col == Column.RECEIVED:
            return rec.received_at.isoformat()
        if col == Column.DUE:
            return rec.due_at.isoformat() if rec.due_at else "9999"
        if col == Column.STATUS:
            return rec.status
        if col == Column.STATE:
            return _STATE_ORDER.get(rec.state, 9) * 1000 - rec.days_late
        return DossierTableModel._display_static(rec, col)

    @staticmethod
    def _display_static(rec: DossierRecord, col: Column) -> str:
        if col == Column.CODE:
            return rec.code
        if col == Column.APPLICANT:
            from desk_app.domain.vntext import fold

            return fold(rec.applicant.name)
        return rec.procedure_name
